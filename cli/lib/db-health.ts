// Health of a database, shared by `backup --verify` (on a restored copy) and `doctor` (on the live one):
// an SQLite file's integrity, a PostgreSQL server's answer, and the ledger on either.
import Database from "better-sqlite3";
import pg from "pg";
import type { Config } from "../../src/config/schema.ts";
import { sqliteVersion } from "../../src/db/client.ts";
import { buildApp } from "../../src/main.ts";
import { redactUrl } from "./pg-conn.ts";

/** PRAGMA integrity_check: "ok" or the problems SQLite lists, and the engine's version. Opened read-only. */
export function integrityProblems(dbFile: string): string[] {
  return checkIntegrity(dbFile).problems;
}

export function checkIntegrity(dbFile: string): { problems: string[]; engine: string | null } {
  let db: Database.Database | null = null;
  try {
    db = new Database(dbFile, { readonly: true, fileMustExist: true });
    const rows = db.pragma("integrity_check") as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== "ok");
    return { problems, engine: `SQLite ${sqliteVersion(db)}` };
  } catch (err) {
    return { problems: [(err as Error).message], engine: null };
  } finally {
    db?.close();
  }
}

/** PostgreSQL: the server answers a query on the site's database; names its version. */
export async function checkPostgres(url: string): Promise<{ problems: string[]; engine: string | null }> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 5000,
    application_name: "fanzctl",
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return { problems: [], engine: `PostgreSQL ${rows[0]!.v.split(" ")[0]}` };
  } catch (err) {
    const e = err as Error & { code?: string };
    return {
      problems: [`${redactUrl(url)} does not answer: ${e.message || e.code || String(err)}`],
      engine: null,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface LedgerReport {
  unbalanced: number;
  drifted: number;
}

/**
 * Runs the app's own ledger check (payments.ledgerHealth) on the SQLite database in `dataDir`, or on the
 * PostgreSQL database at `pgUrl` (the app's other files then go to `dataDir`).
 */
export async function ledgerReport(config: Config, dataDir: string, pgUrl?: string): Promise<LedgerReport> {
  const db: Config["db"] = pgUrl
    ? { ...config.db, dialect: "postgres", url: pgUrl, pool_size: 2 }
    : { ...config.db, dialect: "sqlite" };
  const { ctx, services } = await buildApp(
    { ...config, db, data: { ...config.data, dir: dataDir } },
    { web: null },
  );
  try {
    const h = await services.payments.ledgerHealth();
    return { unbalanced: h.unbalanced.length, drifted: h.drifted.length };
  } finally {
    await ctx.db.close();
    await ctx.workers.destroy();
  }
}
