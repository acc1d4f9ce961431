// fanzctl migrate --to postgres: copies a stopped SQLite site into an empty PostgreSQL database. The
// schema comes from the Postgres migrations; the rows are copied table by table in foreign-key order,
// all in ONE transaction that is committed only after the copy is verified inside it (row counts, a
// checksum per table, the ledger per account, the identity sequences), so a failed run leaves the
// target as empty as it was. The SQLite file is only read, under its write lock (no writer can change it
// meanwhile, and every read sees the same state).
import Database from "better-sqlite3";
import type pg from "pg";
import { createHash } from "node:crypto";
import { getTableConfig as pgTableConfig } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig } from "drizzle-orm/sqlite-core";
import { openPostgres } from "../../src/db/client.ts";
import { migrateDb } from "../../src/db/migrate.ts";
import { pgMigrations } from "../../src/db/migrations/pg.ts";
import { sqliteMigrations } from "../../src/db/migrations/sqlite.ts";
import { pgTables, sqliteTables } from "../../src/db/pg-schema.ts";
import { CliError } from "../errors.ts";
import { cannotConnect, connectPool, exactTypes, redactUrl, tablesWithRows } from "./pg-conn.ts";

type ColumnType = "bigint" | "text" | "double precision";

export interface TablePlan {
  name: string;
  columns: { name: string; type: ColumnType }[];
  /** The autoincrement (SQLite) / identity (PostgreSQL) column, whose sequence must continue. */
  identity: string | null;
}

/** Every table of the schema, parents before children, with its columns as both engines type them. */
export function tablePlans(): TablePlan[] {
  return sqliteTables().map((t) => {
    const cfg = sqliteTableConfig(t);
    const twin = pgTableConfig(pgTables[cfg.name]!);
    const columns = cfg.columns.map((c) => {
      const type = twin.columns.find((x) => x.name === c.name)?.getSQLType();
      if (type !== "bigint" && type !== "text" && type !== "double precision")
        throw new Error(`sqlite-to-postgres: no copy rule for ${cfg.name}.${c.name} (${type})`);
      return { name: c.name, type: type as ColumnType };
    });
    const identity = cfg.columns.find((c) => (c as { autoIncrement?: boolean }).autoIncrement)?.name ?? null;
    return { name: cfg.name, columns, identity };
  });
}

export const fanzTableNames = (): string[] => [...tablePlans().map((p) => p.name), "_migrations"];

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const columnList = (p: TablePlan) => p.columns.map((c) => q(c.name)).join(", ");

// ---------------------------------------------------------------------------------------------------
// The source

export interface SqliteSource {
  db: Database.Database;
  file: string;
  close(): void;
}

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
// Checksums: the same on both engines, computed here in JS from the fetched rows. Integers are compared
// as integers (SQLite reads them as BigInt, PostgreSQL's int8 is parsed to BigInt: 1 == 1n), text (JSON
// included) as text, NULL apart from both. The table's checksum is the sum of its rows' hashes
// (mod 2^128), so it does not depend on row order: SQLite orders text by bytes, PostgreSQL by the
// database's collation, and a sum needs no ORDER BY (no sort of a large table on either side).

const MOD = (1n << 128n) - 1n;

function encodeValue(v: unknown): string {
  if (v === null || v === undefined) return "n";
  if (typeof v === "bigint") return `i${v}`;
  if (typeof v === "number") return Number.isInteger(v) ? `i${v}` : `f${v}`;
  if (typeof v === "string") return `s${v.length}:${v}`;
  if (Buffer.isBuffer(v)) return `b${v.toString("hex")}`;
  return `?${String(v)}`;
}

function rowHash(row: unknown[]): bigint {
  const h = createHash("sha256").update(row.map(encodeValue).join("|")).digest();
  return (h.readBigUInt64BE(0) << 64n) | h.readBigUInt64BE(8);
}

interface Digest {
  rows: number;
  sum: bigint;
}

const hex = (d: Digest) => d.sum.toString(16).padStart(32, "0");

function sqliteDigest(db: Database.Database, p: TablePlan): Digest {
  let rows = 0;
  let sum = 0n;
  for (const r of db
    .prepare(`SELECT ${columnList(p)} FROM ${q(p.name)}`)
    .raw(true)
    .iterate() as Iterable<unknown[]>) {
    sum = (sum + rowHash(r)) & MOD;
    rows++;
  }
  return { rows, sum };
}

const FETCH = 5000;

async function pgDigest(client: pg.ClientBase, p: TablePlan): Promise<Digest> {
  let rows = 0;
  let sum = 0n;
  await client.query(`DECLARE fanz_digest NO SCROLL CURSOR FOR SELECT ${columnList(p)} FROM ${q(p.name)}`);
  for (;;) {
    const r = await client.query<unknown[]>({
      text: `FETCH ${FETCH} FROM fanz_digest`,
      rowMode: "array",
      types: exactTypes,
    });
    for (const row of r.rows) sum = (sum + rowHash(row)) & MOD;
    rows += r.rows.length;
    if (r.rows.length < FETCH) break;
  }
  await client.query("CLOSE fanz_digest");
  return { rows, sum };
}

// ---------------------------------------------------------------------------------------------------
// The ledger on each side: per account its cached balance and the sum of its entries; transactions
// whose entries do not sum to zero.

interface Ledger {
  accounts: Map<string, { balance: bigint; entries: bigint }>;
  unbalanced: bigint;
}

const LEDGER_ACCOUNTS =
  "SELECT a.id, a.balance_cents AS balance, COALESCE(SUM(e.amount_cents), 0) AS entries FROM ledger_accounts a LEFT JOIN ledger_entries e ON e.account_id = a.id GROUP BY a.id, a.balance_cents";
const UNBALANCED =
  "SELECT count(*) AS n FROM (SELECT txn_id FROM ledger_entries GROUP BY txn_id HAVING SUM(amount_cents) <> 0) x";

function sqliteLedger(db: Database.Database): Ledger {
  const rows = db.prepare(LEDGER_ACCOUNTS).all() as { id: string; balance: bigint; entries: bigint }[];
  const unbalanced = db.prepare(UNBALANCED).pluck().get() as bigint;
  return {
    accounts: new Map(rows.map((r) => [r.id, { balance: BigInt(r.balance), entries: BigInt(r.entries) }])),
    unbalanced: BigInt(unbalanced),
  };
}

async function pgLedger(client: pg.ClientBase): Promise<Ledger> {
  const accounts = await client.query<{ id: string; balance: bigint; entries: bigint }>({
    // SUM of bigint is numeric in PostgreSQL: cast back so both sides compare integers.
    text: LEDGER_ACCOUNTS.replace(
      "COALESCE(SUM(e.amount_cents), 0)",
      "COALESCE(SUM(e.amount_cents), 0)::bigint",
    ),
    types: exactTypes,
  });
  const unbalanced = await client.query<{ n: bigint }>({ text: UNBALANCED, types: exactTypes });
  return {
    accounts: new Map(accounts.rows.map((r) => [r.id, { balance: r.balance, entries: r.entries }])),
    unbalanced: unbalanced.rows[0]!.n,
  };
}

// ---------------------------------------------------------------------------------------------------
// Identity sequences: PostgreSQL must hand out the next value SQLite would have. That is past the
// highest value SQLite ever issued (sqlite_sequence), not only past the highest row left: pruned events
// keep their seq in the consumers' positions, and a reused seq would be skipped by every consumer.

function sqliteNext(db: Database.Database, p: TablePlan): bigint {
  const max =
    (db
      .prepare(`SELECT max(${q(p.identity!)}) FROM ${q(p.name)}`)
      .pluck()
      .get() as bigint | null) ?? 0n;
  const hasSeq =
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'").get() !==
    undefined;
  const issued = hasSeq
    ? ((db.prepare("SELECT seq FROM sqlite_sequence WHERE name = ?").pluck().get(p.name) as
        bigint | undefined) ?? 0n)
    : 0n;
  return (max > issued ? max : issued) + 1n;
}

async function pgNext(client: pg.ClientBase, p: TablePlan): Promise<bigint> {
  const seq = await client.query<{ s: string }>("SELECT pg_get_serial_sequence($1, $2) AS s", [
    q(p.name),
    p.identity,
  ]);
  const r = await client.query<{ last_value: bigint; is_called: boolean }>({
    text: `SELECT last_value, is_called FROM ${seq.rows[0]!.s}`,
    types: exactTypes,
  });
  const { last_value, is_called } = r.rows[0]!;
  return is_called ? last_value + 1n : last_value;
}

// ---------------------------------------------------------------------------------------------------
// Verification

export interface TableCheck {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceChecksum: string;
  targetChecksum: string;
  ok: boolean;
}

export interface VerifyReport {
  tables: TableCheck[];
  /** Accounts compared, and what differs (empty when every balance equals its entries on both sides). */
  ledger: { accounts: number; problems: string[] };
  sequences: { table: string; column: string; expectedNext: string; targetNext: string; ok: boolean }[];
  ok: boolean;
}

/** Compares the target, as `client` sees it, with the source, table by table. */
async function verifyWith(source: SqliteSource, client: pg.ClientBase): Promise<VerifyReport> {
  const tables: TableCheck[] = [];
  for (const p of tablePlans()) {
    const s = sqliteDigest(source.db, p);
    const t = await pgDigest(client, p);
    tables.push({
      table: p.name,
      sourceRows: s.rows,
      targetRows: t.rows,
      sourceChecksum: hex(s),
      targetChecksum: hex(t),
      ok: s.rows === t.rows && s.sum === t.sum,
    });
  }
  const src = sqliteLedger(source.db);
  const dst = await pgLedger(client);
  const problems: string[] = [];
  for (const [id, a] of src.accounts) {
    const b = dst.accounts.get(id);
    if (!b) problems.push(`account ${id} is missing in PostgreSQL`);
    else if (b.balance !== a.balance || b.entries !== a.entries || b.balance !== b.entries)
      problems.push(
        `account ${id}: SQLite balance ${a.balance} (entries ${a.entries}), PostgreSQL balance ${b.balance} (entries ${b.entries})`,
      );
  }
  for (const id of dst.accounts.keys())
    if (!src.accounts.has(id)) problems.push(`account ${id} is only in PostgreSQL`);
  if (dst.unbalanced !== src.unbalanced)
    problems.push(
      `${dst.unbalanced} transactions do not sum to zero in PostgreSQL (${src.unbalanced} in SQLite)`,
    );
  const sequences = [];
  for (const p of tablePlans().filter((x) => x.identity)) {
    const expected = sqliteNext(source.db, p);
    const got = await pgNext(client, p);
    sequences.push({
      table: p.name,
      column: p.identity!,
      expectedNext: String(expected),
      targetNext: String(got),
      ok: expected === got,
    });
  }
  return {
    tables,
    ledger: { accounts: src.accounts.size, problems },
    sequences,
    ok: tables.every((t) => t.ok) && problems.length === 0 && sequences.every((s) => s.ok),
  };
}

/** Verifies a committed copy: what any new connection to `url` sees against the (locked) source. */
export async function verifyCopy(source: SqliteSource, url: string): Promise<VerifyReport> {
  const pool = await connectPool(url, 1);
  const client = await pool.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      return await verifyWith(source, client);
    } finally {
      await client.query("ROLLBACK");
    }
  } finally {
    client.release();
    await pool.end();
  }
}

/** The report as lines for the terminal. */
export function formatReport(r: VerifyReport): string[] {
  const width = Math.max(...r.tables.map((t) => t.table.length));
  const lines = r.tables.map(
    (t) =>
      `  ${t.ok ? "ok  " : "DIFF"} ${t.table.padEnd(width)} ${String(t.targetRows).padStart(9)} rows  ${t.targetChecksum.slice(0, 16)}` +
      (t.ok ? "" : `  (SQLite: ${t.sourceRows} rows, ${t.sourceChecksum.slice(0, 16)})`),
  );
  lines.push(
    r.ledger.problems.length === 0
      ? `  ok   ledger: ${r.ledger.accounts} accounts, every balance equals its entries and the SQLite balance`
      : `  DIFF ledger: ${r.ledger.problems.slice(0, 5).join("; ")}${r.ledger.problems.length > 5 ? ` (+${r.ledger.problems.length - 5} more)` : ""}`,
  );
  for (const s of r.sequences)
    lines.push(
      `  ${s.ok ? "ok  " : "DIFF"} ${s.table}.${s.column} continues at ${s.targetNext}${s.ok ? "" : ` (expected ${s.expectedNext})`}`,
    );
  return lines;
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
