// Is the site running? Commands that replace or copy the database (restore, migrate --to) must not run
// under a live server: it answers /healthz on its port, holds the SQLite file open, or (PostgreSQL) has
// sessions named "fanz" on its database.
import type pg from "pg";
import type { Config } from "../../src/config/schema.ts";
import { CliError } from "../errors.ts";
import { processesUsing } from "./open-files.ts";

/** The /healthz URL when something answers on the configured port: a `fanzctl serve` using this data. */
export async function serverAnswers(config: Config): Promise<string | null> {
  if (config.server.port === 0) return null;
  const h = config.server.host;
  const host = h === "0.0.0.0" || h === "::" || h === "" ? "127.0.0.1" : h.includes(":") ? `[${h}]` : h;
  const url = `http://${host}:${config.server.port}/healthz`;
  try {
    await fetch(url, { signal: AbortSignal.timeout(1500) });
    return url;
  } catch {
    return null;
  }
}

/** What the refusal says: "restoring" under it would corrupt its data; run "the restore" again. */
export interface Doing {
  doing: string;
  again: string;
}

const stopFirst = (d: Doing) =>
  `Stop the service first (e.g. \`systemctl stop fanz\`), then run ${d.again} again.`;

/** Refuses when a Fanz server answers on the configured port. */
async function refuseAnsweringServer(config: Config, d: Doing): Promise<void> {
  const running = await serverAnswers(config);
  if (running) {
    throw new CliError(
      `A Fanz server is running (${running} answers); ${d.doing} under it would corrupt its data.`,
      stopFirst(d),
    );
  }
}

/** Refuses (CliError) when a server answers on the port or a process holds the SQLite file open. */
export async function refuseRunningSqlite(config: Config, dbFile: string, d: Doing): Promise<void> {
  await refuseAnsweringServer(config, d);
  const holders = await processesUsing(dbFile);
  if (holders.length > 0) {
    const h = holders[0]!;
    throw new CliError(
      `The database is open in process ${h.pid} (${h.command || "unknown"}); ${d.doing} under it would corrupt its data.`,
      stopFirst(d),
    );
  }
}

/**
 * Sessions of a running Fanz on the connected database: the app's pools name themselves "fanz"
 * (db/client.ts); the CLI's own connections are "fanzctl".
 */
export async function fanzSessions(client: pg.ClientBase | pg.Pool): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'fanz' AND pid <> pg_backend_pid()",
  );
  return rows[0]!.n;
}

export async function refuseRunningPostgres(
  config: Config,
  client: pg.ClientBase | pg.Pool,
  d: Doing,
): Promise<void> {
  await refuseAnsweringServer(config, d);
  const n = await fanzSessions(client);
  if (n > 0) {
    throw new CliError(
      `A Fanz server is connected to the database (${n} session${n === 1 ? "" : "s"} named "fanz"); ${d.doing} under it would corrupt its data.`,
      stopFirst(d),
    );
  }
}
