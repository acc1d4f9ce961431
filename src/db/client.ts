// Opens the database: embedded SQLite (the default) or PostgreSQL. Repos see one query type on both
// (DrizzleDb: drizzle's query builder over the modules' tables, awaited), and every write goes through
// db.write. SQLite: one writer connection behind a mutex plus one reader (WAL). PostgreSQL: a pool for
// writes (SERIALIZABLE transactions, retried on a serialization failure) and one for reads.
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import pg from "pg";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Config } from "../config/schema.ts";
import type { DataPaths } from "../lib/paths.ts";
import * as schema from "./schema.ts";
import { createPgWriter, createSqliteWriter, type Writer } from "./tx.ts";
import { markPostgres } from "./query.ts";

export type Dialect = "sqlite" | "postgres";

/**
 * The one type repos query through, on both engines. Typed by drizzle's SQLite builder; on PostgreSQL the
 * same calls run through drizzle's Postgres session (the tables are rendered in its dialect). Repos only
 * await builders (never `.get()/.all()/.run()`, which exist on SQLite alone) and go through db/query.ts
 * for what differs (first row, rows affected, prepared statements, raw SQL).
 */
export type DrizzleDb = BetterSQLite3Database<typeof schema>;
export type { Tx } from "./tx.ts";

export type DbTarget =
  { dialect: "sqlite"; path: string } | { dialect: "postgres"; url: string; poolSize: number };

export interface Db {
  dialect: Dialect;
  /** Queries outside a transaction. */
  read: DrizzleDb;
  /** The ONE way to write: a transaction (see tx.ts for each engine's guarantees). */
  write: Writer["write"];
  /**
   * Runs `fn` when this flow's open transaction ends (at once when none is open). Services forget
   * cached rows through this, from inside the write that changes them.
   */
  onTxEnd: Writer["onTxEnd"];
  afterCommit: Writer["afterCommit"];
  /** The engine and its version, for /readyz and `fanzctl doctor`. */
  engine(): { name: Dialect; version: string };
  /** Answers when the database does (readiness). */
  ping(): Promise<void>;
  /** The SQLite connections (migrations, backups, EXPLAIN tests); null on PostgreSQL. */
  raw: { writer: Database.Database; reader: Database.Database } | null;
  /** The PostgreSQL write pool (migrations, raw checks); null on SQLite. */
  pool: pg.Pool | null;
  /** PostgreSQL LISTEN/NOTIFY between the nodes of a site; null on SQLite (one node). */
  channel: Channel | null;
  close(): Promise<void>;
}

/** Messages between the nodes of a site (PostgreSQL LISTEN/NOTIFY on one dedicated connection). */
export interface Channel {
  /**
   * Calls `onMessage` with every payload NOTIFYed on `name` by any node (this one too). The connection
   * is re-made after it drops (with LISTEN again); `onReconnect` then runs, because notices sent while it
   * was down are lost.
   */
  listen(name: string, onMessage: (payload: string) => void, onReconnect: () => void): void;
  /** Sends `payload` (at most 8,000 bytes: PostgreSQL's limit) to every node listening on `name`. */
  notify(name: string, payload: string): Promise<void>;
  /** The LISTEN connection's server process, or null while disconnected (tests kill it). */
  backendPid(): number | null;
}

function applyPragmas(conn: Database.Database): void {
  conn.pragma("journal_mode = WAL");
  conn.pragma("foreign_keys = ON");
  conn.pragma("busy_timeout = 5000");
  conn.pragma("synchronous = NORMAL");
  // Reads come from memory-mapped pages and a 64 MiB page cache instead of a read() syscall per page
  // (SQLite's default cache is 2 MiB, far below a live site's working set).
  conn.pragma("mmap_size = 268435456");
  conn.pragma("cache_size = -65536");
}

/** The SQLite library's version (better-sqlite3 bundles its own). */
export const sqliteVersion = (conn: Database.Database): string =>
  (conn.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v;

/** An embedded SQLite database file (synchronous: the CLI opens SQLite sites directly). */
export function openSqlite(path: string): Db & { raw: NonNullable<Db["raw"]> } {
  mkdirSync(dirname(path), { recursive: true });
  const writerConn = new Database(path);
  applyPragmas(writerConn);
  const readerConn = new Database(path);
  applyPragmas(readerConn);
  // The writer waits for another process's write lock between tries, asynchronously (tx.ts begin).
  writerConn.pragma("busy_timeout = 20");
  const writer = createSqliteWriter(writerConn, drizzle(writerConn, { schema }));
  const version = sqliteVersion(readerConn);
  let closed = false;
  return {
    dialect: "sqlite",
    read: drizzle(readerConn, { schema }),
    ...writer,
    engine: () => ({ name: "sqlite", version }),
    ping: async () => {
      readerConn.prepare("SELECT 1").get();
    },
    raw: { writer: writerConn, reader: readerConn },
    pool: null,
    channel: null,
    async close() {
      if (closed) return;
      closed = true;
      readerConn.close();
      // Checkpoint so the main file is complete and the -wal file is removed on a clean shutdown.
      writerConn.pragma("wal_checkpoint(TRUNCATE)");
      writerConn.close();
    },
  };
}

// bigint columns (times in ms, cents, counts) and count(*) come back as JS numbers, as on SQLite; every
// value the schema holds is far below 2^53. Set on pg's global parsers: drizzle passes its own per-query
// type overrides, which fall back to these (a pool-level setting would be bypassed).
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

/**
 * What the app's own pools wait at most: for a lock another connection holds (a statement waiting
 * longer fails with 55P03: 503 and Retry-After, instead of piling requests up behind it), and for a
 * free connection of the pool.
 */
export const PG_LOCK_TIMEOUT_MS = 3000;
export const PG_CONNECT_WAIT_MS = 5000;

/** A pool on `url` with the app's type parsers (also used by the CLI and tests). */
export function pgPool(
  url: string,
  max: number,
  bounds?: { lockTimeoutMs: number; connectWaitMs: number },
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: "fanz",
    ...(bounds
      ? { options: `-c lock_timeout=${bounds.lockTimeoutMs}`, connectionTimeoutMillis: bounds.connectWaitMs }
      : {}),
  });
  // An idle client's connection dropping (a server restart) must not crash the process; the pool
  // replaces it on the next checkout.
  pool.on("error", () => undefined);
  return pool;
}

const handles = new WeakMap<pg.Pool | pg.PoolClient, DrizzleDb>();

/**
 * The drizzle handle on a pool or one pooled connection, typed as the one query type (see DrizzleDb).
 * One per connection: the pool hands out the same client objects again, so the queries prepared on a
 * handle (db/prepared.ts) are built once per connection, not once per transaction.
 */
export function pgDrizzle(client: pg.Pool | pg.PoolClient): DrizzleDb {
  let db = handles.get(client);
  if (!db) handles.set(client, (db = markPostgres(drizzlePg(client) as unknown as DrizzleDb)));
  return db;
}

/** The LISTEN side: one client outside the pools, re-connected with backoff whenever it drops. */
function pgChannel(url: string, notifyPool: pg.Pool) {
  const names = new Map<string, { onMessage: (payload: string) => void; onReconnect: () => void }>();
  let client: pg.Client | null = null;
  let pid: number | null = null;
  let connecting: Promise<void> | null = null;
  let stopped = false;
  let failures = 0;
  let everConnected = false;

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: url, application_name: "fanz-listen" });
    c.on("notification", (m) => names.get(m.channel)?.onMessage(m.payload ?? ""));
    c.on("error", () => undefined); // "end" follows
    c.on("end", () => {
      if (client !== c) return;
      client = null;
      pid = null;
      if (!stopped) reconnect();
    });
    try {
      await c.connect();
      for (const name of names.keys()) await c.query(`LISTEN "${name}"`);
      const r = await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      if (stopped) return void (await c.end());
      client = c;
      pid = r.rows[0]!.pid;
      const again = everConnected;
      failures = 0;
      everConnected = true;
      if (again) for (const l of names.values()) l.onReconnect();
    } catch {
      await c.end().catch(() => undefined);
      failures++;
      if (!stopped) reconnect();
    }
  }
  function reconnect(): void {
    const wait = Math.min(5000, 50 * 2 ** failures);
    setTimeout(() => {
      if (!stopped) connecting ??= connect().finally(() => (connecting = null));
    }, wait).unref();
  }

  const channel: Channel = {
    listen(name, onMessage, onReconnect) {
      names.set(name, { onMessage, onReconnect });
      if (client) void client.query(`LISTEN "${name}"`);
      else connecting ??= connect().finally(() => (connecting = null));
    },
    async notify(name, payload) {
      await notifyPool.query("SELECT pg_notify($1, $2)", [name, payload]);
    },
    backendPid: () => pid,
  };
  return {
    channel,
    async close() {
      stopped = true;
      await connecting;
      await client?.end().catch(() => undefined);
    },
  };
}

/** The configured database does not answer (start-up says so, without the URL's password). */
export class DatabaseUnavailable extends Error {}

export async function openPostgres(url: string, poolSize: number): Promise<Db> {
  const bounds = { lockTimeoutMs: PG_LOCK_TIMEOUT_MS, connectWaitMs: PG_CONNECT_WAIT_MS };
  const writePool = pgPool(url, poolSize, bounds);
  const readPool = pgPool(url, poolSize, bounds);
  let version: string;
  try {
    const { rows } = await readPool.query<{ server_version: string }>("SHOW server_version");
    version = rows[0]!.server_version.split(" ")[0]!;
  } catch (err) {
    await Promise.all([writePool.end(), readPool.end()]).catch(() => undefined);
    const u = new URL(url);
    throw new DatabaseUnavailable(
      `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname} cannot be used: ${(err as Error).message}`,
    );
  }
  const writer = createPgWriter(writePool, pgDrizzle, PG_LOCK_TIMEOUT_MS);
  const listener = pgChannel(url, writePool);
  let closed: Promise<void> | null = null;
  return {
    dialect: "postgres",
    read: pgDrizzle(readPool),
    ...writer,
    engine: () => ({ name: "postgres", version }),
    ping: async () => {
      await readPool.query("SELECT 1");
    },
    raw: null,
    pool: writePool,
    channel: listener.channel,
    close: () =>
      (closed ??= listener
        .close()
        .then(() => Promise.all([writePool.end(), readPool.end()]))
        .then(() => undefined)),
  };
}

export async function openDb(target: DbTarget): Promise<Db> {
  return target.dialect === "sqlite" ? openSqlite(target.path) : openPostgres(target.url, target.poolSize);
}

/** Where the configured site's database is. */
export function dbTarget(config: Config, paths: DataPaths): DbTarget {
  return config.db.dialect === "postgres"
    ? { dialect: "postgres", url: config.db.url, poolSize: config.db.pool_size }
    : { dialect: "sqlite", path: paths.database };
}
