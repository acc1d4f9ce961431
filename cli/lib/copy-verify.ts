// The proof that a copy of an SQLite site in PostgreSQL holds the same data (migrate --to postgres, see
// sqlite-to-postgres.ts): per table its row count and a checksum computed the same way on both sides,
// the ledger per account, and the identity sequences. Also the table plan both use: every table in
// foreign-key order with its columns as PostgreSQL types them.
import type Database from "better-sqlite3";
import type pg from "pg";
import { createHash } from "node:crypto";
import { getTableConfig as pgTableConfig } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig } from "drizzle-orm/sqlite-core";
import { pgTables, sqliteTables } from "../../src/db/pg-schema.ts";
import { connectPool, exactTypes } from "./pg-conn.ts";

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

export const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const columnList = (p: TablePlan) => p.columns.map((c) => q(c.name)).join(", ");

/** An SQLite database held under its write lock for the copy (sqlite-to-postgres.ts lockSource). */
export interface SqliteSource {
  db: Database.Database;
  file: string;
  close(): void;
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

export function sqliteLedger(db: Database.Database): Ledger {
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

export function sqliteNext(db: Database.Database, p: TablePlan): bigint {
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
export async function verifyWith(source: SqliteSource, client: pg.ClientBase): Promise<VerifyReport> {
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
