// PostgreSQL connections of fanzctl itself (migrate --to, backup, restore, doctor): named "fanzctl" so
// they are told apart from a running site's sessions, errors turned into what an operator can act on,
// URLs printed without their password, and int8 read exactly (as BigInt) where values are compared.
import pg from "pg";
import { CliError } from "../errors.ts";

/** The URL with its password masked, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "****";
    return u.toString();
  } catch {
    return "(an unreadable URL)";
  }
}

/**
 * What a libpq tool (pg_dump, pg_restore, psql) gets: the URL without its password, and the password in
 * PGPASSWORD, so it never shows in the process list.
 */
export function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { dbname: u.toString(), env };
}

/** Another database on the same server (same user, host, options). */
export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

export const databaseName = (url: string): string => decodeURIComponent(new URL(url).pathname.slice(1));

/** A small pool that answered once; a server that does not answer is a CliError. */
export async function connectPool(url: string, max = 2): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: "fanzctl",
    connectionTimeoutMillis: 5000,
  });
  pool.on("error", () => undefined);
  try {
    await pool.query("SELECT 1");
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw cannotConnect(url, err);
  }
  return pool;
}

export function cannotConnect(url: string, err: unknown): CliError {
  const e = err as Error & { code?: string };
  const why = e.message || e.code || String(err);
  return new CliError(
    `Cannot connect to PostgreSQL at ${redactUrl(url)}: ${why}`,
    e.code === "3D000"
      ? "Create the database first (e.g. `createdb -O fanz fanz`), or fix the URL."
      : "Check that PostgreSQL runs and answers there, and the user, password and database in the URL.",
  );
}

/** "15.20" and 15: the server's version. */
export async function serverVersion(
  client: pg.ClientBase | pg.Pool,
): Promise<{ version: string; major: number }> {
  const { rows } = await client.query<{ v: string; n: string }>(
    "SELECT current_setting('server_version') AS v, current_setting('server_version_num') AS n",
  );
  return { version: rows[0]!.v.split(" ")[0]!, major: Math.floor(Number(rows[0]!.n) / 10000) };
}

/**
 * Per-query type parsers for comparisons: int8 (and sums cast to it) as BigInt, exact whatever the
 * app's global parser does; everything else as pg reads it.
 */
export const exactTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === pg.types.builtins.INT8) return (v: string) => BigInt(v);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** Fanz tables (of `names`) in the database that hold at least one row. */
export async function tablesWithRows(client: pg.ClientBase | pg.Pool, names: string[]): Promise<string[]> {
  const { rows } = await client.query<{ relname: string }>(
    "SELECT c.relname FROM pg_class c WHERE c.relkind IN ('r', 'p') AND c.relname = ANY($1) AND pg_table_is_visible(c.oid)",
    [names],
  );
  const found: string[] = [];
  for (const { relname } of rows) {
    const r = await client.query(`SELECT 1 FROM "${relname}" LIMIT 1`);
    if (r.rowCount) found.push(relname);
  }
  return found.sort((a, b) => names.indexOf(a) - names.indexOf(b));
}
