// What a PostgreSQL database holds by name (schemas, tables, views, sequences, types, functions), so
// upgrade can take it back to its pre-upgrade state: the restore of the pre-upgrade dump replaces the
// tables that version knew, but a newer version's migrations may have created objects it never heard of
// (a table, a renamed table still holding the old index names, a type): those are dropped first.
import type pg from "pg";
import { connectPool } from "./pg-conn.ts";

/** One droppable object: `DROP <kind> <name>` removes it. */
export interface PgObject {
  kind: string;
  name: string;
}

// Objects of extensions are the extension's (dropped with it), and the system schemas are nobody's.
const OWN = (oid: string, catalog: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;
const USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'";

const QUERY = `
  SELECT 'SCHEMA' AS kind, format('%I', n.nspname) AS name FROM pg_namespace n
   WHERE ${USER_SCHEMA} AND ${OWN("n.oid", "pg_namespace")}
  UNION ALL
  SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                        WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'c' THEN 'TYPE' ELSE 'TABLE' END,
         format('%I.%I', n.nspname, c.relname)
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'c') AND ${USER_SCHEMA} AND ${OWN("c.oid", "pg_class")}
  UNION ALL
  SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, format('%I.%I', n.nspname, t.typname)
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
   WHERE t.typtype IN ('e', 'd', 'r') AND ${USER_SCHEMA} AND ${OWN("t.oid", "pg_type")}
  UNION ALL
  SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END,
         format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
   WHERE ${USER_SCHEMA} AND ${OWN("p.oid", "pg_proc")}`;

const key = (o: PgObject) => `${o.kind} ${o.name}`;

export async function pgObjects(url: string): Promise<PgObject[]> {
  const pool = await connectPool(url, 1);
  try {
    return (await pool.query<PgObject>(QUERY)).rows;
  } finally {
    await pool.end();
  }
}

/**
 * Drops, in one transaction, what the database holds now that `before` did not; returns what it dropped.
 * CASCADE, and IF EXISTS because a cascade may already have taken an object with its parent.
 */
export async function dropObjectsNotIn(url: string, before: PgObject[]): Promise<PgObject[]> {
  const known = new Set(before.map(key));
  const pool = await connectPool(url, 1);
  const client: pg.PoolClient = await pool.connect();
  try {
    const extra = (await client.query<PgObject>(QUERY)).rows.filter((o) => !known.has(key(o)));
    if (extra.length === 0) return [];
    // Schemas and tables first: their cascade takes sequences, types and functions that hang on them.
    const order = ["SCHEMA", "VIEW", "MATERIALIZED VIEW", "FOREIGN TABLE", "TABLE"];
    const rank = (o: PgObject) => (order.includes(o.kind) ? order.indexOf(o.kind) : order.length);
    await client.query("BEGIN");
    try {
      await client.query("SET LOCAL client_min_messages = warning");
      for (const o of [...extra].sort((a, b) => rank(a) - rank(b))) {
        await client.query(`DROP ${o.kind} IF EXISTS ${o.name} CASCADE`);
      }
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    }
    return extra;
  } finally {
    client.release();
    await pool.end();
  }
}
