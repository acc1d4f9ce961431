// db.write on each engine. The body of a write must be re-runnable and do no network or file I/O: on
// PostgreSQL it may run again after a serialization failure.
//
// SQLite: better-sqlite3 transactions are synchronous and drizzle's async transaction on it does not roll
// back, so writes are an async mutex around BEGIN IMMEDIATE ... COMMIT/ROLLBACK on the one writer
// connection: one write at a time, which makes every read-check-write in a write safe.
//
// PostgreSQL: no mutex (several processes share the database). Each write is a SERIALIZABLE transaction
// on a pooled connection: the database guarantees the outcome of some one-at-a-time order, the same
// guarantee the SQLite mutex gives, so every invariant (wallet spends, one sale per unlock, payouts within
// the balance) holds across nodes without a lock per rule. A transaction the database aborts to keep that
// promise (40001) or a deadlock victim (40P01) is retried with a fresh transaction.
import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3";
import type pg from "pg";
import type { DrizzleDb } from "./client.ts";

export type Tx = DrizzleDb;

export interface WriteOptions {
  /**
   * PostgreSQL only: "read committed" for a write whose rows are claimed with explicit locks (the job
   * queue's FOR UPDATE SKIP LOCKED, where SERIALIZABLE would abort the claimers that skipped each other).
   */
  isolation?: "serializable" | "read committed";
}

export interface Writer {
  write<T>(fn: (tx: Tx) => Promise<T> | T, opts?: WriteOptions): Promise<T>;
  onTxEnd(fn: () => void): void;
  /**
   * Runs after this flow's open transaction COMMITs (never after a rollback), outside the writer lock;
   * the write's promise resolves once the returned promise settles, so its caller sees what the hook did
   * (the event bus delivers here). Must be called inside a write.
   */
  afterCommit(fn: () => Promise<void> | void): void;
}

interface Scope {
  onEnd: (() => void)[];
  onCommit: (() => Promise<void> | void)[];
}

function hooks(store: AsyncLocalStorage<Scope>) {
  return {
    // Cache invalidation must follow the commit: forgetting an entry earlier would let a read of the
    // pre-commit snapshot put it straight back. After a rollback the hooks run too (harmless: a cache
    // only re-reads), so a hook registered outside its own transaction is never lost.
    onTxEnd(fn: () => void): void {
      const scope = store.getStore();
      if (scope) scope.onEnd.push(fn);
      else fn();
    },
    afterCommit(fn: () => Promise<void> | void): void {
      const scope = store.getStore();
      if (!scope) throw new Error("afterCommit outside a write");
      scope.onCommit.push(fn);
    },
  };
}

function endScope(scope: Scope): void {
  for (const hook of scope.onEnd) hook();
}

export function createSqliteWriter(conn: Database.Database, tx: Tx): Writer {
  const store = new AsyncLocalStorage<Scope>();
  let tail: Promise<unknown> = Promise.resolve();
  const begin = conn.prepare("BEGIN IMMEDIATE");
  const commit = conn.prepare("COMMIT");
  const rollback = conn.prepare("ROLLBACK");

  async function run<T>(fn: (tx: Tx) => Promise<T> | T): Promise<{ result: T; scope: Scope }> {
    begin.run();
    const scope: Scope = { onEnd: [], onCommit: [] };
    try {
      const result = await store.run(scope, () => fn(tx));
      commit.run();
      return { result, scope };
    } catch (err) {
      if (conn.inTransaction) rollback.run();
      throw err;
    } finally {
      endScope(scope);
    }
  }

  return {
    async write<T>(fn: (tx: Tx) => Promise<T> | T): Promise<T> {
      // A write inside a write would wait for itself forever.
      if (store.getStore()) throw new Error("db.write inside a write: pass the open transaction instead");
      const done = tail.then(() => run(fn));
      // The queue continues whether this transaction committed or failed.
      tail = done.catch(() => undefined);
      const { result, scope } = await done;
      // After the lock is released: a hook may write again (it queues behind whatever came meanwhile).
      for (const hook of scope.onCommit) await hook();
      return result;
    },
    ...hooks(store),
  };
}

/** The SQLSTATE of a driver error, also when drizzle wraps it (DrizzleQueryError keeps it as `cause`). */
export function sqlState(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; i++) {
    if (typeof e.code === "string") return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

/** SQLSTATEs after which the whole transaction is retried. */
const RETRYABLE = new Set(["40001", "40P01"]);
/** Attempts before a write gives up (each retry waits a little longer, with jitter). */
const MAX_ATTEMPTS = 30;

export function createPgWriter(pool: pg.Pool, bind: (client: pg.PoolClient) => Tx): Writer {
  const store = new AsyncLocalStorage<Scope>();
  return {
    async write<T>(fn: (tx: Tx) => Promise<T> | T, opts: WriteOptions = {}): Promise<T> {
      if (store.getStore()) throw new Error("db.write inside a write: pass the open transaction instead");
      const begin =
        opts.isolation === "read committed"
          ? "BEGIN ISOLATION LEVEL READ COMMITTED"
          : "BEGIN ISOLATION LEVEL SERIALIZABLE";
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        const scope: Scope = { onEnd: [], onCommit: [] };
        let result: T;
        try {
          await client.query(begin);
          result = await store.run(scope, () => fn(bind(client)));
          await client.query("COMMIT");
        } catch (err) {
          let broken = false;
          await client.query("ROLLBACK").catch(() => (broken = true));
          client.release(broken);
          endScope(scope);
          const code = sqlState(err);
          if (code && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) {
            await new Promise((ok) => setTimeout(ok, Math.random() * Math.min(100, 2 * attempt)));
            continue;
          }
          throw err;
        }
        client.release();
        endScope(scope);
        for (const hook of scope.onCommit) await hook();
        return result;
      }
    },
    ...hooks(store),
  };
}
