// db.write: better-sqlite3 transactions are synchronous and drizzle's async transaction on it does not
// roll back, so every write goes through here: an async mutex around BEGIN IMMEDIATE ... COMMIT/ROLLBACK
// on the writer connection. Nothing else touches that connection. Never await network or file I/O inside.
import type Database from "better-sqlite3";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type * as schema from "./schema.ts";

export type Tx = BetterSQLite3Database<typeof schema>;

export interface Writer {
  write<T>(fn: (tx: Tx) => Promise<T> | T): Promise<T>;
  onTxEnd(fn: () => void): void;
  /**
   * Runs after the open transaction COMMITs (never after a rollback), outside the writer lock; the
   * write's promise resolves once the returned promise settles, so its caller sees what the hook did
   * (the event bus delivers here). Must be called inside a write.
   */
  afterCommit(fn: () => Promise<void> | void): void;
}

export function createWriter(conn: Database.Database, tx: Tx): Writer {
  let tail: Promise<unknown> = Promise.resolve();
  const begin = conn.prepare("BEGIN IMMEDIATE");
  const commit = conn.prepare("COMMIT");
  const rollback = conn.prepare("ROLLBACK");
  /** Callbacks registered during the open transaction (null when none is open). */
  let onEnd: (() => void)[] | null = null;
  let onCommit: (() => Promise<void> | void)[] | null = null;

  async function run<T>(fn: (tx: Tx) => Promise<T> | T): Promise<{ result: T; committed: typeof onCommit }> {
    begin.run();
    onEnd = [];
    onCommit = [];
    try {
      const result = await fn(tx);
      commit.run();
      return { result, committed: onCommit };
    } catch (err) {
      if (conn.inTransaction) rollback.run();
      throw err;
    } finally {
      const hooks = onEnd;
      onEnd = null;
      onCommit = null;
      for (const hook of hooks) hook();
    }
  }

  return {
    async write<T>(fn: (tx: Tx) => Promise<T> | T): Promise<T> {
      const done = tail.then(() => run(fn));
      // The queue continues whether this transaction committed or failed.
      tail = done.catch(() => undefined);
      const { result, committed } = await done;
      // After the lock is released: a hook may write again (it queues behind whatever came meanwhile).
      for (const hook of committed ?? []) await hook();
      return result;
    },
    // Cache invalidation must follow the commit: forgetting an entry earlier would let a read of the
    // pre-commit snapshot put it straight back. After a rollback the hooks run too (harmless: a cache
    // only re-reads), so a hook registered outside its own transaction is never lost.
    onTxEnd(fn: () => void): void {
      if (onEnd) onEnd.push(fn);
      else fn();
    },
    afterCommit(fn: () => Promise<void> | void): void {
      if (!onCommit) throw new Error("afterCommit outside a write");
      onCommit.push(fn);
    },
  };
}
