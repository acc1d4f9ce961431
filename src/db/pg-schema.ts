/* eslint-disable @typescript-eslint/no-explicit-any -- drizzle types tables by their exact columns; the twins are built generically */
// The PostgreSQL tables, derived from the one definition (each module's tables.ts, written with
// drizzle's sqlite-core): drizzle has no dialect-neutral schema, so the Postgres twin of every table is
// built here column by column. drizzle-kit reads this file for the Postgres migrations
// (drizzle.pg.config.ts); queries at run time use the modules' own table objects on both engines (drizzle
// renders them in the connection's dialect), and a test checks both engines end up with the same schema.
//
// Types: SQLite INTEGER (numbers, booleans stored 0/1, millisecond times) -> bigint (read back as JS
// numbers: pg's int8 parser is set in db/client.ts), TEXT (plain, enum, JSON as text) -> text,
// REAL -> double precision. An autoincrement key becomes an identity column.
import { is, SQL, sql } from "drizzle-orm";
import {
  bigint,
  doublePrecision,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  type PgColumnBuilderBase,
  type PgTableWithColumns,
} from "drizzle-orm/pg-core";
import { getTableConfig, SQLiteTable, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import * as schema from "./schema.ts";

function pgColumn(col: SQLiteColumn): PgColumnBuilderBase {
  const c = col as SQLiteColumn & { autoIncrement?: boolean };
  let b;
  switch (c.columnType) {
    case "SQLiteInteger":
    case "SQLiteBoolean":
    case "SQLiteTimestamp":
      b = bigint(c.name, { mode: "number" });
      if (c.autoIncrement) b = b.generatedByDefaultAsIdentity();
      break;
    case "SQLiteText":
    case "SQLiteTextJson":
      b = text(c.name);
      break;
    case "SQLiteReal":
      b = doublePrecision(c.name);
      break;
    default:
      throw new Error(`pg-schema: no Postgres type for ${c.columnType} (${c.name})`);
  }
  if (c.primary) b = b.primaryKey();
  if (c.notNull && !c.primary) b = b.notNull();
  if (c.hasDefault && c.default !== undefined) {
    const d = c.default;
    b = b.default(is(d, SQL) ? d : typeof d === "boolean" ? sql.raw(d ? "1" : "0") : (d as never));
  }
  if (c.isUnique) b = b.unique(c.uniqueName);
  return b as PgColumnBuilderBase;
}

const byName = new Map<string, PgTableWithColumns<any>>();

/** The Postgres twin of one SQLite table (foreign keys point at twins made before it). */
export function toPg(table: SQLiteTable): PgTableWithColumns<any> {
  const cfg = getTableConfig(table);
  const keys = Object.entries(table as unknown as Record<string, unknown>).filter(([, v]) =>
    cfg.columns.includes(v as SQLiteColumn),
  ) as [string, SQLiteColumn][];
  const columns = Object.fromEntries(keys.map(([k, c]) => [k, pgColumn(c)]));
  const keyOf = (c: SQLiteColumn) => keys.find(([, v]) => v === c)![0];
  const twin = pgTable(cfg.name, columns, (t: Record<string, any>) => [
    ...cfg.primaryKeys.map((pk) =>
      primaryKey({ name: pk.getName(), columns: pk.columns.map((c) => t[keyOf(c)]) as [any, ...any[]] }),
    ),
    ...cfg.indexes.map((ix) => {
      const on = ix.config.columns.map((c) => t[keyOf(c as SQLiteColumn)]) as [any, ...any[]];
      const built = (ix.config.unique ? uniqueIndex : index)(ix.config.name).on(...on);
      return ix.config.where ? built.where(ix.config.where) : built;
    }),
    ...cfg.foreignKeys.map((fk) => {
      const ref = fk.reference();
      const target = byName.get(getTableConfig(ref.foreignTable).name);
      if (!target) throw new Error(`pg-schema: ${cfg.name} references ${ref.foreignTable} before it exists`);
      const targetKeys = Object.entries(ref.foreignTable as unknown as Record<string, unknown>);
      const fkb = foreignKey({
        name: fk.getName(),
        columns: ref.columns.map((c) => t[keyOf(c)]) as [any, ...any[]],
        foreignColumns: ref.foreignColumns.map((fc) => target[targetKeys.find(([, v]) => v === fc)![0]]) as [
          any,
          ...any[],
        ],
      });
      const withDelete = fk.onDelete ? fkb.onDelete(fk.onDelete) : fkb;
      return fk.onUpdate ? withDelete.onUpdate(fk.onUpdate) : withDelete;
    }),
  ]);
  byName.set(cfg.name, twin);
  return twin;
}

/** Every table of the schema, in an order where a referenced table comes first. */
export function sqliteTables(): SQLiteTable[] {
  const all = (Object.values(schema) as unknown[]).filter(
    (v): v is SQLiteTable => typeof v === "object" && v !== null && is(v, SQLiteTable),
  );
  const ordered: SQLiteTable[] = [];
  const visit = (t: SQLiteTable, path: Set<SQLiteTable>) => {
    if (ordered.includes(t)) return;
    if (path.has(t)) throw new Error(`pg-schema: foreign keys form a cycle at ${getTableConfig(t).name}`);
    path.add(t);
    for (const fk of getTableConfig(t).foreignKeys) {
      const target = fk.reference().foreignTable;
      if (target !== t) visit(target, path);
    }
    ordered.push(t);
  };
  for (const t of all) visit(t, new Set());
  return ordered;
}

/** The Postgres twins by table name. */
export const pgTables: Record<string, PgTableWithColumns<any>> = Object.fromEntries(
  sqliteTables().map((t) => [getTableConfig(t).name, toPg(t)]),
);
