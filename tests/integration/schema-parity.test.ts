// Both engines' migrations must end in the same schema: the same tables, columns (type, null, default,
// key), indexes (columns, uniqueness, partial) and foreign keys (target, on delete), read back from each
// database's own catalog after `migrateDb`. Types compare by kind: SQLite INTEGER is PostgreSQL bigint.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client.ts";
import { migrationStatusOf } from "../../src/db/migrate.ts";
import { openTestDb } from "../helpers/engine.ts";

interface Schema {
  tables: string[];
  columns: string[];
  indexes: string[];
  foreignKeys: string[];
}

const kind = (type: string) => {
  const t = type.toLowerCase();
  if (t === "integer" || t === "bigint") return "int";
  if (t === "text") return "text";
  if (t === "real" || t === "double precision") return "real";
  return t;
};
/** Defaults as both write them: 'fan' and 'fan'::text, 0 and 0. */
const defaultOf = (d: string | null) =>
  d === null ? "-" : d.replace(/::[a-z ]+$/, "").replace(/^'(.*)'$/, "$1");
/** Partial-index predicates as both print them, without quotes and brackets. */
const predicate = (p: string) =>
  p
    .replace(/::[a-z]+/g, "") // PostgreSQL prints the literal's cast ('live'::text)
    .replace(/["`()]/g, "")
    .replace(/\b[a-z_]+\.(?=[a-z_])/g, "") // table.column -> column (PostgreSQL drops the table)
    .replace(/\s+/g, " ")
    .trim();

function sqliteSchema(db: Db): Schema {
  const conn = db.raw!.reader;
  const tables = (
    conn
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_migrations' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
  const columns: string[] = [];
  const indexes: string[] = [];
  const foreignKeys: string[] = [];
  for (const table of tables) {
    for (const c of conn.prepare(`PRAGMA table_info("${table}")`).all() as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }[]) {
      columns.push(
        `${table}.${c.name} ${kind(c.type)} ${c.notnull || c.pk ? "not null" : "null"} default ${defaultOf(c.dflt_value)} ${c.pk ? `pk${c.pk}` : ""}`.trim(),
      );
    }
    for (const ix of conn.prepare(`PRAGMA index_list("${table}")`).all() as {
      name: string;
      unique: number;
      origin: string;
      partial: number;
    }[]) {
      if (ix.origin === "pk") continue; // the primary key is compared as columns' pk positions
      const cols = (conn.prepare(`PRAGMA index_info("${ix.name}")`).all() as { name: string }[]).map(
        (c) => c.name,
      );
      const sql = (
        conn.prepare("SELECT sql FROM sqlite_master WHERE name = ?").get(ix.name) as { sql: string | null }
      )?.sql;
      const where = ix.partial && sql ? predicate(sql.slice(sql.toUpperCase().indexOf(" WHERE ") + 7)) : "";
      // SQLite names the indexes of UNIQUE columns itself; compare those by what they cover.
      const name = ix.origin === "u" ? `unique(${cols.join(",")})` : ix.name;
      indexes.push(`${table} ${name} ${ix.unique ? "unique" : ""} (${cols.join(",")}) ${where}`.trim());
    }
    for (const fk of conn.prepare(`PRAGMA foreign_key_list("${table}")`).all() as {
      table: string;
      from: string;
      to: string;
      on_delete: string;
    }[]) {
      foreignKeys.push(`${table}.${fk.from} -> ${fk.table}.${fk.to} on delete ${fk.on_delete.toLowerCase()}`);
    }
  }
  return { tables, columns: columns.sort(), indexes: indexes.sort(), foreignKeys: foreignKeys.sort() };
}

async function postgresSchema(db: Db): Promise<Schema> {
  const q = async <T>(text: string) => (await db.pool!.query(text)).rows as T[];
  const tables = (
    await q<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_migrations' ORDER BY table_name",
    )
  ).map((t) => t.table_name);
  const pk = await q<{ table_name: string; column_name: string; position: number }>(
    `SELECT kcu.table_name, kcu.column_name, kcu.ordinal_position AS position
       FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name
      WHERE tc.table_schema = 'public' AND tc.constraint_type = 'PRIMARY KEY'`,
  );
  const pkOf = (t: string, c: string) => pk.find((p) => p.table_name === t && p.column_name === c)?.position;
  const columns = (
    await q<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
      column_default: string | null;
      is_identity: string;
    }>(
      "SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_migrations'",
    )
  ).map((c) => {
    const p = pkOf(c.table_name, c.column_name);
    const def = c.is_identity === "YES" ? null : c.column_default;
    return `${c.table_name}.${c.column_name} ${kind(c.data_type)} ${c.is_nullable === "NO" ? "not null" : "null"} default ${defaultOf(def)} ${p ? `pk${p}` : ""}`.trim();
  });
  const indexes = (
    await q<{
      table: string;
      name: string;
      unique: boolean;
      primary: boolean;
      constraint: boolean;
      cols: string[];
      pred: string | null;
    }>(
      `SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
              ARRAY(SELECT a.attname::text FROM unnest(ix.indkey) WITH ORDINALITY k(n, o)
                      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n ORDER BY k.o) AS cols,
              pg_get_expr(ix.indpred, ix.indrelid) AS pred
         FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND t.relname <> '_migrations'`,
    )
  )
    .filter((ix) => !ix.primary)
    .map((ix) => {
      // A UNIQUE constraint's index carries the name drizzle gave it, as SQLite's unique index does.
      return `${ix.table} ${ix.name} ${ix.unique ? "unique" : ""} (${ix.cols.join(",")}) ${ix.pred ? predicate(ix.pred) : ""}`.trim();
    });
  const foreignKeys = (
    await q<{ table: string; col: string; ref_table: string; ref_col: string; on_delete: string }>(
      `SELECT cl.relname::text AS table, a.attname::text AS col, rt.relname::text AS ref_table, ra.attname::text AS ref_col,
              CASE c.confdeltype WHEN 'a' THEN 'no action' WHEN 'r' THEN 'restrict' WHEN 'c' THEN 'cascade'
                                 WHEN 'n' THEN 'set null' WHEN 'd' THEN 'set default' END AS on_delete
         FROM pg_constraint c
         JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class rt ON rt.oid = c.confrelid
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1]
        WHERE c.contype = 'f'`,
    )
  ).map((f) => `${f.table}.${f.col} -> ${f.ref_table}.${f.ref_col} on delete ${f.on_delete}`);
  return { tables, columns: columns.sort(), indexes: indexes.sort(), foreignKeys: foreignKeys.sort() };
}

/**
 * The full-text indexes are the one intended difference: FTS5 tables on SQLite, a generated tsvector
 * column with a GIN index on PostgreSQL (search.test.ts proves both answer alike). Everything else must
 * match, so only these names are set aside, and only after checking each engine has its own.
 */
function withoutSearchIndexes(s: Schema): Schema {
  const fts = (t: string) => t === "posts_fts" || t.startsWith("posts_fts_");
  const pgDoc = (x: string) => x.startsWith("posts.search_doc ") || x.startsWith("posts posts_search_idx ");
  expect(s.tables.some(fts) || s.columns.some(pgDoc)).toBe(true);
  return {
    tables: s.tables.filter((t) => !fts(t)),
    columns: s.columns.filter((c) => !pgDoc(c) && !fts(c.split(".")[0]!)),
    indexes: s.indexes.filter((i) => !pgDoc(i) && !fts(i.split(" ")[0]!)),
    foreignKeys: s.foreignKeys,
  };
}

describe("both engines' migrations give the same schema", () => {
  let sqlite: Awaited<ReturnType<typeof openTestDb>>;
  let postgres: Awaited<ReturnType<typeof openTestDb>>;
  beforeAll(async () => {
    sqlite = await openTestDb("parity", "sqlite");
    postgres = await openTestDb("parity", "postgres");
  });
  afterAll(async () => {
    await sqlite?.close();
    await postgres?.close();
  });

  it("applies the same migration tags on both", async () => {
    const tags = async (db: Db) => (await migrationStatusOf(db)).map((m) => `${m.tag}:${m.applied}`);
    expect(await tags(postgres.db)).toEqual(await tags(sqlite.db));
  });

  it("tables, columns, indexes and foreign keys match", async () => {
    const a = withoutSearchIndexes(sqliteSchema(sqlite.db));
    const b = withoutSearchIndexes(await postgresSchema(postgres.db));
    // Guards against comparing two empty readings.
    expect(a.tables.length).toBeGreaterThan(20);
    expect(a.columns.length).toBeGreaterThan(150);
    expect(a.indexes.length).toBeGreaterThan(40);
    expect(a.foreignKeys.length).toBeGreaterThan(20);
    expect(b.tables).toEqual(a.tables);
    expect(b.columns).toEqual(a.columns);
    expect(b.indexes).toEqual(a.indexes);
    expect(b.foreignKeys).toEqual(a.foreignKeys);
  });
});
