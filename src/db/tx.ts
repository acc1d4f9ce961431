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
//
// A write's hooks and state hang on its transaction handle (the `tx` its body receives), not on the async
// flow: on Node 20 any live AsyncLocalStorage runs a hook for every promise, which cost the SQLite feed
// about a fifth of its CPU (bench/RESULTS.md).
import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3";
import type pg from "pg";
import type { DrizzleDb } from "./client.ts";
import { Busy, BUSY_RETRY_AFTER_SECONDS, resourceFault } from "../lib/errors.ts";

export type Tx = DrizzleDb;

export interface WriteOptions {
  /**
   * PostgreSQL only: "read committed" for a write whose rows are claimed with explicit locks (the job
   * queue's FOR UPDATE SKIP LOCKED, where SERIALIZABLE would abort the claimers that skipped each other).
   */
  isolation?: "serializable" | "read committed";
}

/**
 * For the money paths: READ COMMITTED, with every read-check-write of a person's money done after
 * locking that person (users.lockTx). Every sale updates a few shared ledger rows (the creator's pending
 * earnings, the site's revenue); under SERIALIZABLE concurrent sales abort each other on them, while with
 * row locks they only queue for the moment of the update (bench/RESULTS.md, two engines).
 */
export const ROW_LOCKED: WriteOptions = { isolation: "read committed" };

export interface Writer {
  write<T>(fn: (tx: Tx) => Promise<T> | T, opts?: WriteOptions): Promise<T>;
  /**
   * Runs `fn` when the transaction `tx` ends, committed or not (at once when `tx` is no open
   * transaction, e.g. the read handle).
   */
  onTxEnd(tx: Tx, fn: () => void): void;
  /**
   * Runs after the transaction `tx` COMMITs (never after a rollback), outside the writer lock; the
   * write's promise resolves once the returned promise settles, so its caller sees what the hook did
   * (the event bus delivers here). `tx` must be an open transaction.
   */
  afterCommit(tx: Tx, fn: () => Promise<void> | void): void;
}

interface Scope {
  onEnd: (() => void)[];
  onCommit: (() => Promise<void> | void)[];
  beforeCommit: (() => Promise<void>)[];
  /** Values kept for the length of the transaction (txState), and how to copy them for a savepoint. */
  state: Map<object, { value: unknown; clone: (v: unknown) => unknown }>;
}

/** The open writes by their transaction handle, whichever database they are on. */
const scopes = new WeakMap<Tx, Scope>();

/**
 * Tests only: a write inside a write (which waits for itself forever on SQLite) is named at once. Off
 * in production, where it would cost a hook per promise (see the top of this file).
 */
const nestedGuard = process.env.VITEST ? new AsyncLocalStorage<true>() : null;
const inGuard = <T>(fn: () => Promise<T>): Promise<T> => (nestedGuard ? nestedGuard.run(true, fn) : fn());
function refuseNested(): void {
  if (nestedGuard?.getStore()) throw new Error("db.write inside a write: pass the open transaction instead");
}

/**
 * Runs `fn` inside the open transaction `tx` just before it commits (after everything else it did), in
 * registration order. The ledger applies its balance changes here: the shared rows they lock are then
 * held only for the last statements of the transaction.
 */
export function beforeCommit(tx: Tx, fn: () => Promise<void>): void {
  const scope = scopes.get(tx);
  if (!scope) throw new Error("beforeCommit outside a write");
  scope.beforeCommit.push(fn);
}

/**
 * A value that lives as long as the open transaction `tx` (`init` makes it on first use); outside a
 * write, a fresh value that nothing keeps.
 */
export function txState<T>(tx: Tx, key: object, init: () => T, clone: (v: T) => T): T {
  const scope = scopes.get(tx);
  if (!scope) return init();
  let entry = scope.state.get(key);
  if (!entry) scope.state.set(key, (entry = { value: init(), clone: clone as (v: unknown) => unknown }));
  return entry.value as T;
}

/** Copies the transaction's state values; the returned function puts them back (a savepoint rolled back). */
export function snapshotTxState(tx: Tx): () => void {
  const scope = scopes.get(tx);
  if (!scope) return () => undefined;
  const copy = new Map([...scope.state].map(([k, e]) => [k, { ...e, value: e.clone(e.value) }]));
  return () => {
    scope.state.clear();
    for (const [k, e] of copy) scope.state.set(k, e);
  };
}

async function runBeforeCommit(scope: Scope): Promise<void> {
  for (let i = 0; i < scope.beforeCommit.length; i++) await scope.beforeCommit[i]!();
}

function hooks() {
  return {
    // Cache invalidation must follow the commit: forgetting an entry earlier would let a read of the
    // pre-commit snapshot put it straight back. After a rollback the hooks run too (harmless: a cache
    // only re-reads), so a hook registered outside its own transaction is never lost.
    onTxEnd(tx: Tx, fn: () => void): void {
      const scope = scopes.get(tx);
      if (scope) scope.onEnd.push(fn);
      else fn();
    },
    afterCommit(tx: Tx, fn: () => Promise<void> | void): void {
      const scope = scopes.get(tx);
      if (!scope) throw new Error("afterCommit outside a write");
      scope.onCommit.push(fn);
    },
  };
}

/** The transaction `tx` is over: its handle leaves the open writes and the end hooks run. */
function endScope(tx: Tx, scope: Scope): void {
  scopes.delete(tx);
  for (const hook of scope.onEnd) hook();
}

/**
 * How long a write may wait for a write lock another process holds (SQLite) from the moment it was
 * asked for; then it fails with Busy (503 and Retry-After) instead of queueing every later write.
 */
export const SQLITE_BUSY_WAIT_MS = 3000;

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

export function createSqliteWriter(conn: Database.Database, tx: Tx): Writer {
  let tail: Promise<unknown> = Promise.resolve();
  const beginStmt = conn.prepare("BEGIN IMMEDIATE");
  const commit = conn.prepare("COMMIT");
  const rollback = conn.prepare("ROLLBACK");

  /**
   * BEGIN IMMEDIATE, retried while another connection holds the write lock. The connection's own busy
   * timeout is short (client.ts): better-sqlite3 waits for it synchronously, which would stop every
   * request of the process, reads included; here the wait is between tries, with the event loop free.
   */
  async function begin(askedAt: number): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        beginStmt.run();
        return;
      } catch (err) {
        if (!(resourceFault(err) instanceof Busy)) throw err;
        if (performance.now() - askedAt >= SQLITE_BUSY_WAIT_MS)
          throw new Busy("The database is busy; try again in a moment.", BUSY_RETRY_AFTER_SECONDS);
        await sleep(Math.min(50, 2 ** attempt) * (0.5 + Math.random()));
      }
    }
  }

  async function run<T>(
    fn: (tx: Tx) => Promise<T> | T,
    askedAt: number,
  ): Promise<{ result: T; scope: Scope }> {
    await begin(askedAt);
    const scope: Scope = { onEnd: [], onCommit: [], beforeCommit: [], state: new Map() };
    // One writer connection and one write at a time (the queue below), so its one handle names it.
    scopes.set(tx, scope);
    try {
      const result = await inGuard(async () => {
        const r = await fn(tx);
        await runBeforeCommit(scope);
        return r;
      });
      commit.run();
      return { result, scope };
    } catch (err) {
      if (conn.inTransaction) rollback.run();
      throw err;
    } finally {
      endScope(tx, scope);
    }
  }

  return {
    async write<T>(fn: (tx: Tx) => Promise<T> | T): Promise<T> {
      // A write inside a write would wait for itself forever.
      refuseNested();
      const askedAt = performance.now();
      const done = tail.then(() => run(fn, askedAt));
      // The queue continues whether this transaction committed or failed.
      tail = done.catch(() => undefined);
      const { result, scope } = await done;
      // After the lock is released: a hook may write again (it queues behind whatever came meanwhile).
      for (const hook of scope.onCommit) await hook();
      return result;
    },
    ...hooks(),
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

/** True for an error after which the whole transaction must run again (not a failure of its own). */
export const mustRetryTransaction = (err: unknown): boolean => RETRYABLE.has(sqlState(err) ?? "");
/** Attempts before a write gives up (each retry waits a little longer, with jitter). */
const MAX_ATTEMPTS = 30;

/**
 * PostgreSQL: how long a write may take to get going from the moment it was asked for (waiting for a
 * pooled connection, then for the locks it needs). The connections' own lock_timeout (client.ts) bounds
 * one wait; a write that already queued for the pool gets only what is left of this, so a lock held by
 * another connection answers every write within this bound instead of one lock_timeout after another.
 */
export const PG_WRITE_WAIT_MS = 5000;

export function createPgWriter(
  pool: pg.Pool,
  bind: (client: pg.PoolClient) => Tx,
  lockTimeoutMs = Infinity,
): Writer {
  return {
    async write<T>(fn: (tx: Tx) => Promise<T> | T, opts: WriteOptions = {}): Promise<T> {
      refuseNested();
      const begin =
        opts.isolation === "read committed"
          ? "BEGIN ISOLATION LEVEL READ COMMITTED"
          : "BEGIN ISOLATION LEVEL SERIALIZABLE";
      const askedAt = performance.now();
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        const scope: Scope = { onEnd: [], onCommit: [], beforeCommit: [], state: new Map() };
        // A handle of its own for each attempt: it names this transaction and no other.
        const tx = bind(client);
        scopes.set(tx, scope);
        let result: T;
        try {
          const left = Math.floor(askedAt + PG_WRITE_WAIT_MS - performance.now());
          if (left <= 0)
            throw new Busy("The database is busy; try again in a moment.", BUSY_RETRY_AFTER_SECONDS);
          await client.query(begin);
          // Only a write that queued long pays this extra statement.
          if (left < lockTimeoutMs) await client.query(`SET LOCAL lock_timeout = ${left}`);
          result = await inGuard(async () => {
            const r = await fn(tx);
            await runBeforeCommit(scope);
            return r;
          });
          await client.query("COMMIT");
        } catch (err) {
          let broken = false;
          await client.query("ROLLBACK").catch(() => (broken = true));
          client.release(broken);
          endScope(tx, scope);
          if (mustRetryTransaction(err) && attempt < MAX_ATTEMPTS) {
            await new Promise((ok) => setTimeout(ok, Math.random() * Math.min(100, 2 * attempt)));
            continue;
          }
          throw err;
        }
        client.release();
        endScope(tx, scope);
        for (const hook of scope.onCommit) await hook();
        return result;
      }
    },
    ...hooks(),
  };
}
