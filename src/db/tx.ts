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
}

export function createWriter(conn: Database.Database, tx: Tx): Writer {
  let tail: Promise<unknown> = Promise.resolve();
  const begin = conn.prepare("BEGIN IMMEDIATE");
  const commit = conn.prepare("COMMIT");
  const rollback = conn.prepare("ROLLBACK");
  /** Callbacks registered during the open transaction (null when none is open). */
  let onEnd: (() => void)[] | null = null;

  async function run<T>(fn: (tx: Tx) => Promise<T> | T): Promise<T> {
    begin.run();
    onEnd = [];
    try {
      const result = await fn(tx);
      commit.run();
      return result;
    } catch (err) {
      if (conn.inTransaction) rollback.run();
      throw err;
    } finally {
      const hooks = onEnd;
      onEnd = null;
      for (const hook of hooks) hook();
    }
  }

  return {
    write<T>(fn: (tx: Tx) => Promise<T> | T): Promise<T> {
      const result = tail.then(() => run(fn));
      // The queue continues whether this transaction committed or failed.
      tail = result.catch(() => undefined);
      return result;
    },
    // Cache invalidation must follow the commit: forgetting an entry earlier would let a read of the
    // pre-commit snapshot put it straight back. After a rollback the hooks run too (harmless: a cache
    // only re-reads), so a hook registered outside its own transaction is never lost.
    onTxEnd(fn: () => void): void {
      if (onEnd) onEnd.push(fn);
      else fn();
    },
  };
}
