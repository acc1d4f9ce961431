// The database part of a PostgreSQL site's backup: pg_dump --format=custom taken in a snapshot the
// backup also reads its facts from (applied migrations, media ids, row counts), pg_restore into the
// site's database in ONE transaction (nothing changes when any statement fails), and the scratch
// database `backup --verify` restores into. pg_dump must be at least the server's major version: an
// older one cannot read a newer server's catalog (it refuses with "server version mismatch").
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { accessSync, constants, readdirSync, statSync } from "node:fs";
import { stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import type pg from "pg";
import { CliError } from "../errors.ts";
import { fanzTableNames } from "./copy-verify.ts";
import { connectPool, databaseUrl, serverVersion, toolConnection } from "./pg-conn.ts";
import { formatBytes, type createSteps } from "./steps.ts";

export interface PgTool {
  path: string;
  version: string;
  major: number;
}

export interface ToolSearch {
  /** Directories searched first, in order (default: PATH). */
  path?: string;
  /** Where Debian installs each major version's tools: <libRoot>/<major>/bin (default /usr/lib/postgresql). */
  libRoot?: string;
}

function toolVersion(file: string): PgTool | null {
  const r = spawnSync(file, ["--version"], { encoding: "utf8", timeout: 10_000 });
  const m = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(r.stdout ?? "");
  if (r.status !== 0 || !m) return null;
  return { path: file, version: m[2] ? `${m[1]}.${m[2]}` : m[1]!, major: Number(m[1]) };
}

const executable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/**
 * A PostgreSQL client tool at least `minMajor`: the one on PATH when it is new enough, else the newest
 * under /usr/lib/postgresql/<major>/bin. A CliError naming the Debian package when none is there.
 */
export function findPgTool(name: string, minMajor: number, search: ToolSearch = {}): PgTool {
  const dirs = (search.path ?? process.env.PATH ?? "").split(":").filter(Boolean);
  const libRoot = search.libRoot ?? "/usr/lib/postgresql";
  let versions: string[] = [];
  try {
    versions = readdirSync(libRoot)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
  } catch {
    /* no Debian PostgreSQL tree */
  }
  const candidates = [
    ...dirs.map((d) => join(d, name)),
    ...versions.map((v) => join(libRoot, v, "bin", name)),
  ];
  const found: PgTool[] = [];
  for (const file of new Set(candidates)) {
    if (!executable(file)) continue;
    const tool = toolVersion(file);
    if (!tool) continue;
    if (tool.major >= minMajor) return tool;
    found.push(tool);
  }
  if (found.length === 0) {
    throw new CliError(
      `${name} is not installed (looked on PATH and in ${libRoot}/*/bin); a PostgreSQL site needs it for backups.`,
      `Install Debian's postgresql-client package (\`apt-get install postgresql-client\`); its version must be at least the server's (${minMajor}).`,
    );
  }
  const best = found.sort((a, b) => b.major - a.major)[0]!;
  throw new CliError(
    `${name} ${best.version} (${best.path}) is older than the PostgreSQL ${minMajor} server: ${name} must be at least the server's major version (an older one cannot read a newer server's catalog or archive).`,
    `Install postgresql-client-${minMajor} or newer (e.g. from apt.postgresql.org), or put a newer ${name} first on PATH.`,
  );
}

/** Runs a tool to completion; its stderr becomes the CliError when it fails. */
function run(tool: PgTool, args: string[], env: NodeJS.ProcessEnv, what: string): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(tool.path, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("error", (err) => fail(new CliError(`${what}: cannot run ${tool.path}: ${err.message}`)));
    child.once("close", (code) => {
      if (code === 0) ok();
      else fail(new CliError(`${what} failed (${tool.path} exited ${code}): ${lastLines(stderr)}`));
    });
  });
}

const lastLines = (text: string) => text.trim().split("\n").slice(-3).join(" | ") || "no message";

/** Exact row counts of the Fanz tables that exist, as `client` sees them. */
export async function rowCounts(
  client: pg.ClientBase | pg.Pool,
  tables: string[],
): Promise<Record<string, number>> {
  const { rows } = await client.query<{ relname: string }>(
    "SELECT c.relname FROM pg_class c WHERE c.relkind IN ('r', 'p') AND c.relname = ANY($1) AND pg_table_is_visible(c.oid)",
    [tables],
  );
  const out: Record<string, number> = {};
  for (const t of tables) {
    if (!rows.some((r) => r.relname === t)) continue;
    const r = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${t}"`);
    out[t] = Number(r.rows[0]!.n);
  }
  return out;
}

export interface PgDumpResult {
  schema: string[];
  mediaIds: Set<string>;
  rowCounts: Record<string, number>;
  serverVersion: string;
  pgDumpVersion: string;
  pgDumpMajor: number;
}

/**
 * pg_dump --format=custom of the site's database into `dest`, in a snapshot exported by a transaction
 * that also reads the migrations, media ids and row counts: all of them describe the same moment while
 * the site keeps writing.
 */
export async function dumpPostgres(url: string, dest: string, tables: string[]): Promise<PgDumpResult> {
  const pool = await connectPool(url, 1);
  const client = await pool.connect();
  try {
    const server = await serverVersion(client);
    const tool = findPgTool("pg_dump", server.major);
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      const snapshot = (await client.query<{ s: string }>("SELECT pg_export_snapshot() AS s")).rows[0]!.s;
      const counts = await rowCounts(client, tables);
      const schema =
        "_migrations" in counts
          ? (await client.query<{ tag: string }>("SELECT tag FROM _migrations ORDER BY tag")).rows.map(
              (r) => r.tag,
            )
          : [];
      const mediaIds =
        "media" in counts
          ? new Set((await client.query<{ id: string }>("SELECT id FROM media")).rows.map((r) => r.id))
          : new Set<string>();
      const conn = toolConnection(url);
      await run(
        tool,
        [
          "--format=custom",
          `--snapshot=${snapshot}`,
          "--no-password",
          `--file=${dest}`,
          `--dbname=${conn.dbname}`,
        ],
        conn.env,
        "pg_dump",
      );
      return {
        schema,
        mediaIds,
        rowCounts: counts,
        serverVersion: server.version,
        pgDumpVersion: tool.version,
        pgDumpMajor: tool.major,
      };
    } finally {
      await client.query("COMMIT").catch(() => undefined);
    }
  } finally {
    client.release();
    await pool.end();
  }
}

/** The database step of a backup: the dump, and what the manifest records about it. */
export async function dumpForBackup(url: string, dest: string, steps: ReturnType<typeof createSteps>) {
  const step = steps.step("Dump the PostgreSQL database");
  try {
    const d = await dumpPostgres(url, dest, fanzTableNames());
    const size = (await stat(dest)).size;
    step.done(`${formatBytes(size)}, pg_dump ${d.pgDumpVersion}, server ${d.serverVersion}`);
    const { schema, mediaIds, ...postgres } = d;
    return { size, schema, mediaIds, postgres };
  } catch (err) {
    step.fail();
    throw err;
  }
}

/**
 * Restores a custom-format dump into the database at `url` in one transaction: the Fanz tables there
 * are dropped first (`dropTables`), then the dump's script runs; COMMIT is sent only when pg_restore
 * produced the whole script, so a damaged archive or any failing statement changes nothing.
 */
export async function restorePostgres(
  dumpFile: string,
  url: string,
  o: { dumpMajor: number; dropTables: string[] },
): Promise<void> {
  const pgRestore = findPgTool("pg_restore", o.dumpMajor);
  // psql from the same installation: pg_restore's script may use meta-commands only that psql knows.
  const beside = join(dirname(pgRestore.path), "psql");
  const psql = (executable(beside) ? toolVersion(beside) : null) ?? findPgTool("psql", o.dumpMajor);
  const conn = toolConnection(url);
  const restore = spawn(pgRestore.path, ["--no-owner", "--no-privileges", "--file=-", dumpFile], {
    env: conn.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const sql = spawn(
    psql.path,
    ["-X", "-q", "--no-password", "-v", "ON_ERROR_STOP=1", `--dbname=${conn.dbname}`],
    {
      env: conn.env,
      stdio: ["pipe", "ignore", "pipe"],
    },
  );
  let restoreErr = "";
  let sqlErr = "";
  restore.stderr.on("data", (d: Buffer) => (restoreErr += d.toString()));
  sql.stderr.on("data", (d: Buffer) => (sqlErr += d.toString()));
  sql.stdin.on("error", () => undefined); // psql stopped at an error: its exit code says so
  const drops = o.dropTables.map((t) => `"${t}"`).join(", ");
  sql.stdin.write(`BEGIN;\nSET client_min_messages = warning;\nDROP TABLE IF EXISTS ${drops} CASCADE;\n`);
  restore.stdout.pipe(sql.stdin, { end: false });
  const restored = new Promise<number | null>((ok) => {
    let code: number | null | undefined;
    let ended = false;
    const settle = () => {
      if (code !== undefined && ended) ok(code);
    };
    restore.stdout.once("end", () => {
      ended = true;
      settle();
    });
    restore.once("exit", (c) => {
      code = c;
      settle();
    });
    restore.once("error", () => {
      code = -1;
      ended = true;
      settle();
    });
  });
  const sqlDone = new Promise<number | null>((ok) => {
    sql.once("close", (c) => ok(c));
    sql.once("error", () => ok(-1));
  });
  const restoreCode = await restored;
  sql.stdin.end(restoreCode === 0 ? "COMMIT;\n" : undefined);
  const sqlCode = await sqlDone;
  if (restoreCode !== 0) {
    throw new CliError(
      `pg_restore could not read the dump (exited ${restoreCode}): ${lastLines(restoreErr)}`,
      "Nothing was changed. Use another backup.",
    );
  }
  if (sqlCode !== 0) {
    const error = sqlErr.split("\n").find((l) => /ERROR|FATAL/.test(l)) ?? lastLines(sqlErr);
    throw new CliError(
      `Restoring the dump failed: ${error.trim()}`,
      "Nothing was changed: the restore runs in one transaction. Check that the URL's user owns the database.",
    );
  }
}

/** Runs `fn` on a temporary database created on the same server as `url`, dropped afterwards. */
export async function withScratchDatabase<T>(
  url: string,
  fn: (scratchUrl: string) => Promise<T>,
): Promise<T> {
  // Obviously temporary by its name, should a killed run leave one behind.
  const name = `fanz_tmp_verify_${randomBytes(5).toString("hex")}`;
  const pool = await connectPool(url, 1);
  try {
    try {
      await pool.query(`CREATE DATABASE "${name}"`);
    } catch (err) {
      throw new CliError(
        `Cannot create the scratch database ${name} on the site's PostgreSQL server: ${(err as Error).message}`,
        "--verify restores the dump into a temporary database: give the site's database user CREATEDB (`ALTER ROLE … CREATEDB`), or verify with a config whose [db] url names a user who has it.",
      );
    }
    try {
      return await fn(databaseUrl(url, name));
    } finally {
      await pool.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  } finally {
    await pool.end();
  }
}
