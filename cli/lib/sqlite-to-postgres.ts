// fanzctl migrate --to postgres: copies a stopped SQLite site into an empty PostgreSQL database. The
// schema comes from the Postgres migrations; the rows are copied table by table in foreign-key order,
// all in ONE transaction that is committed only after the copy is verified inside it (copy-verify.ts:
// row counts, a checksum per table, the ledger per account, the identity sequences), so a failed run
// leaves the target as empty as it was. The SQLite file is only read, under its write lock (no writer
// can change it meanwhile, and every read sees the same state).
import Database from "better-sqlite3";
import type pg from "pg";
import { openPostgres } from "../../src/db/client.ts";
import { migrateDb } from "../../src/db/migrate.ts";
import { pgMigrations } from "../../src/db/migrations/pg.ts";
import { sqliteMigrations } from "../../src/db/migrations/sqlite.ts";
import { CliError } from "../errors.ts";
import {
  columnList,
  fanzTableNames,
  q,
  sqliteLedger,
  sqliteNext,
  tablePlans,
  verifyWith,
  type SqliteSource,
  type TablePlan,
  type VerifyReport,
} from "./copy-verify.ts";
import { cannotConnect, connectPool, redactUrl, tablesWithRows } from "./pg-conn.ts";

export {
  fanzTableNames,
  formatReport,
  verifyCopy,
  type SqliteSource,
  type VerifyReport,
} from "./copy-verify.ts";

// ---------------------------------------------------------------------------------------------------
// The source

/**
 * Opens the SQLite file and takes its write lock (BEGIN IMMEDIATE, no waiting) for as long as the copy
 * runs. A file another process is writing to is refused.
 */
export function lockSource(file: string): SqliteSource {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  db.defaultSafeIntegers(true);
  try {
    db.exec("BEGIN IMMEDIATE");
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code?.startsWith("SQLITE_BUSY")) {
      throw new CliError(
        `The SQLite database ${file} is locked for writing by another process.`,
        "Stop the site (e.g. `systemctl stop fanz`) and anything else using the file, then run the migration again.",
      );
    }
    throw err;
  }
  return {
    db,
    file,
    close() {
      if (db.inTransaction) db.exec("ROLLBACK");
      db.close();
    },
  };
}

/** Refuses a source that is not exactly this build's schema, breaks its foreign keys, or whose ledger does not balance. */
export function checkSource(source: SqliteSource): void {
  const { db } = source;
  const hasMigrations =
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'").get() !==
    undefined;
  const applied = hasMigrations ? (db.prepare("SELECT tag FROM _migrations").pluck().all() as string[]) : [];
  const known = sqliteMigrations.map((m) => m.tag);
  const unknown = applied.filter((t) => !known.includes(t));
  if (unknown.length > 0) {
    throw new CliError(
      `The SQLite database has migrations this version does not know (${unknown.join(", ")}).`,
      "Run the migration with the Fanz version that wrote it.",
    );
  }
  const pending = known.filter((t) => !applied.includes(t));
  if (pending.length > 0) {
    throw new CliError(
      `The SQLite database is not at this version's schema (${pending.length} pending: ${pending.join(", ")}).`,
      "Run `fanzctl migrate up` on the SQLite site first, then migrate it to PostgreSQL.",
    );
  }
  // Both engines number the same migrations; a build where they differ must not copy anything.
  if (JSON.stringify(known) !== JSON.stringify(pgMigrations.map((m) => m.tag)))
    throw new Error("sqlite-to-postgres: the SQLite and PostgreSQL migrations differ");
  const fk = db.prepare("PRAGMA foreign_key_check").all() as { table: string }[];
  if (fk.length > 0) {
    throw new CliError(
      `The SQLite database has ${fk.length} rows whose foreign keys point nowhere (e.g. in ${fk[0]!.table}); PostgreSQL would refuse them.`,
      "Run `fanzctl doctor` on the SQLite site and repair it (or restore a good backup) first.",
    );
  }
  const ledger = sqliteLedger(db);
  const drifted = [...ledger.accounts].filter(([, a]) => a.balance !== a.entries);
  if (drifted.length > 0 || ledger.unbalanced > 0n) {
    throw new CliError(
      `The SQLite ledger does not balance (${ledger.unbalanced} unbalanced transactions, ${drifted.length} accounts whose cached balance differs from their entries).`,
      "Run `fanzctl doctor` on the SQLite site; migrate only a site whose ledger balances.",
    );
  }
}

// ---------------------------------------------------------------------------------------------------
// The copy

/** Refuses a target that holds any Fanz rows; creates the schema (the Postgres migrations) on an empty one. */
export async function prepareTarget(url: string): Promise<{ applied: string[] }> {
  const pool = await connectPool(url, 1);
  try {
    const full = await tablesWithRows(
      pool,
      fanzTableNames().filter((n) => n !== "_migrations"),
    );
    if (full.length > 0) {
      throw new CliError(
        `The target database ${redactUrl(url)} already holds Fanz data (rows in ${full.slice(0, 5).join(", ")}${full.length > 5 ? ", …" : ""}); migrate copies only into an empty database and never overwrites one.`,
        "Create an empty database (e.g. `createdb -O fanz fanz_new`) and migrate into that.",
      );
    }
  } finally {
    await pool.end();
  }
  let db;
  try {
    db = await openPostgres(url, 1);
  } catch (err) {
    throw cannotConnect(url, err);
  }
  try {
    return { applied: await migrateDb(db) };
  } catch (err) {
    throw new CliError(
      `Could not create the schema in ${redactUrl(url)}: ${(err as Error).message}`,
      "Migrate into an empty database the URL's user owns.",
    );
  } finally {
    await db.close();
  }
}

export interface CopyResult {
  tables: number;
  rows: number;
  copyMs: number;
  verifyMs: number;
  report: VerifyReport;
  committed: boolean;
}

const BATCH = 2000;

async function copyTable(
  source: SqliteSource,
  client: pg.ClientBase,
  p: TablePlan,
  onRows: (n: number) => void,
): Promise<number> {
  // One INSERT per batch with a parameter per column (an array of the batch's values): few parameters
  // whatever the width, and PostgreSQL parses each batch once.
  const casts = p.columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ");
  const insert = `INSERT INTO ${q(p.name)} (${columnList(p)}) SELECT * FROM unnest(${casts})`;
  let batch: unknown[][] = p.columns.map(() => []);
  let inBatch = 0;
  let total = 0;
  const flush = async () => {
    if (inBatch === 0) return;
    await client.query(insert, batch);
    onRows(inBatch);
    total += inBatch;
    batch = p.columns.map(() => []);
    inBatch = 0;
  };
  const rows = source.db
    .prepare(`SELECT ${columnList(p)} FROM ${q(p.name)}`)
    .raw(true)
    .iterate() as Iterable<unknown[]>;
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) batch[i]!.push(row[i]);
    if (++inBatch === BATCH) await flush();
  }
  await flush();
  if (p.identity) {
    const next = sqliteNext(source.db, p);
    await client.query("SELECT setval(pg_get_serial_sequence($1, $2), $3, $4)", [
      q(p.name),
      p.identity,
      next > 1n ? next - 1n : 1n,
      next > 1n,
    ]);
  }
  return total;
}

/**
 * Copies every table of the locked source into the prepared target in one transaction, verifies the
 * copy inside it, and commits only when the verification passes (else rolls back: the target stays empty).
 */
export async function copySqliteToPostgres(
  source: SqliteSource,
  url: string,
  o: { onProgress?(done: number, total: number): void } = {},
): Promise<CopyResult> {
  const plans = tablePlans();
  const total = plans.reduce(
    (n, p) =>
      n +
      Number(
        source.db
          .prepare(`SELECT count(*) FROM ${q(p.name)}`)
          .pluck()
          .get() as bigint,
      ),
    0,
  );
  const pool = await connectPool(url, 1);
  const client = await pool.connect();
  let done = 0;
  try {
    await client.query("BEGIN");
    try {
      const started = Date.now();
      for (const p of plans) {
        try {
          await copyTable(source, client, p, (n) => {
            done += n;
            o.onProgress?.(done, total);
          });
        } catch (err) {
          throw new CliError(
            `Copying table ${p.name} failed: ${(err as Error).message}`,
            "Nothing was committed; the target database is as it was. Fix the cause and run the migration again.",
          );
        }
      }
      const copyMs = Date.now() - started;
      const report = await verifyWith(source, client);
      const verifyMs = Date.now() - started - copyMs;
      await client.query(report.ok ? "COMMIT" : "ROLLBACK");
      return { tables: plans.length, rows: done, copyMs, verifyMs, report, committed: report.ok };
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    }
  } finally {
    client.release();
    await pool.end();
  }
}
