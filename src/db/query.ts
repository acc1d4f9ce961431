// What differs between the engines at the query level, in one place, so repos hold one implementation
// per query: the first row, rows changed, raw SQL, savepoints and lock clauses.
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { DrizzleDb } from "./client.ts";
import { snapshotTxState } from "./tx.ts";

const POSTGRES = Symbol("fanz.postgres");

/** Marks a drizzle handle as a PostgreSQL one (db/client.ts does this for every handle it makes). */
export function markPostgres(db: DrizzleDb): DrizzleDb {
  (db as unknown as Record<symbol, true>)[POSTGRES] = true;
  return db;
}

export const isPostgres = (db: DrizzleDb): boolean => POSTGRES in db;

/** The rows of a query as a plain promise (a repo's return type, not drizzle's builder). */
export async function all<T>(query: PromiseLike<T[]>): Promise<T[]> {
  return query;
}

/** Rows of a raw SQL query (for what the query builder cannot say, e.g. FOR UPDATE SKIP LOCKED). */
export async function rows<T>(db: DrizzleDb, query: SQL): Promise<T[]> {
  if (isPostgres(db)) {
    const r = (await (db as unknown as { execute(q: SQL): Promise<{ rows: T[] }> }).execute(query)) as {
      rows: T[];
    };
    return r.rows;
  }
  return db.all<T>(query);
}

/** Runs a raw SQL statement. */
export async function exec(db: DrizzleDb, query: SQL): Promise<void> {
  if (isPostgres(db)) await (db as unknown as { execute(q: SQL): Promise<unknown> }).execute(query);
  else db.run(query);
}

/**
 * Runs `fn` inside a savepoint of the open transaction: if it throws, what it wrote is undone and the
 * transaction goes on (the error is rethrown).
 */
export async function savepoint<T>(tx: DrizzleDb, name: string, fn: () => Promise<T>): Promise<T> {
  const id = sql.raw(name);
  await exec(tx, sql`SAVEPOINT ${id}`);
  const restore = snapshotTxState(tx);
  try {
    const result = await fn();
    await exec(tx, sql`RELEASE SAVEPOINT ${id}`);
    return result;
  } catch (err) {
    restore();
    await exec(tx, sql`ROLLBACK TO SAVEPOINT ${id}`);
    await exec(tx, sql`RELEASE SAVEPOINT ${id}`);
    throw err;
  }
}

/**
 * Makes the transactions that call this with the same `key` commit one after another from this point
 * on (PostgreSQL: a transaction-level advisory lock, held to COMMIT; SQLite: every write already does).
 * The event outbox uses it so seqs become visible in the order they were taken.
 */
export async function commitInOrder(tx: DrizzleDb, key: string): Promise<void> {
  if (!isPostgres(tx)) return;
  await exec(tx, sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`);
}

/** `.then(firstRow)`: the first row of an awaited query. */
export const firstRow = <T>(rows: T[]): T | undefined => rows[0];

/** `.then(rowCount)`: rows an awaited INSERT, UPDATE or DELETE changed. */
export const rowCount = (r: unknown): number => {
  const x = r as { changes?: number; rowCount?: number | null };
  return x.changes ?? x.rowCount ?? 0;
};

/**
 * The lock clause for claiming queue rows: FOR UPDATE SKIP LOCKED on PostgreSQL (several nodes claim
 * different rows at once), nothing on SQLite (the write lock already makes a claim exclusive).
 */
export const skipLocked = (tx: DrizzleDb): SQL => (isPostgres(tx) ? sql`FOR UPDATE SKIP LOCKED` : sql``);

/** The lock clause for rows a read-check-write depends on: FOR UPDATE on PostgreSQL, nothing on SQLite. */
export const forUpdate = (tx: DrizzleDb): SQL => (isPostgres(tx) ? sql`FOR UPDATE` : sql``);

/** Milliseconds in a UTC day: analytics buckets by it. */
export const DAY_MS = 86_400_000;

/**
 * The UTC day (days since the epoch) of a millisecond column or expression, as a plain integer on both
 * engines: integer division truncates on both, and the cast keeps PostgreSQL from answering a bigint
 * (which its driver returns as text).
 */
export const dayOfEpochMs = (ms: SQL | SQLWrapper): SQL =>
  sql`CAST((${ms}) / ${sql.raw(String(DAY_MS))} AS INTEGER)`;

/** A full-text index as each engine keeps it: an FTS5 table (SQLite), a tsvector column (PostgreSQL). */
export interface TextIndex {
  /** SQLite: the FTS5 table, its key column and the column searched. */
  fts5: { table: string; key: string; column: string };
  /** PostgreSQL: the table, its key column and its tsvector column ('simple' configuration). */
  tsvector: { table: string; key: string; doc: string };
}

/**
 * A subquery of `(key, score)` rows: the documents matching every term as a prefix, lower scores
 * better (bm25 on SQLite, minus ts_rank on PostgreSQL). `terms` must be letters and digits only
 * (lib/hashtags.ts searchTerms), so neither engine's query syntax can be injected.
 */
export function textMatches(db: DrizzleDb, index: TextIndex, terms: string[]): SQL {
  if (terms.length === 0 || terms.some((t) => !/^[\p{L}\p{N}]+$/u.test(t)))
    throw new Error("textMatches: terms must be non-empty words");
  if (isPostgres(db)) {
    const { table, key, doc } = index.tsvector;
    const q = sql`to_tsquery('simple', ${terms.map((t) => `'${t}':*`).join(" & ")})`;
    return sql`(SELECT ${sql.identifier(key)} AS key, -ts_rank(${sql.identifier(doc)}, ${q}) AS score
      FROM ${sql.identifier(table)} WHERE ${sql.identifier(doc)} @@ ${q})`;
  }
  const { table, key, column } = index.fts5;
  const match = `${column} : (${terms.map((t) => `"${t}"*`).join(" AND ")})`;
  return sql`(SELECT ${sql.identifier(key)} AS key, rank AS score
    FROM ${sql.identifier(table)} WHERE ${sql.identifier(table)} MATCH ${match})`;
}
