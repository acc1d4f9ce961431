// db.write: better-sqlite3 transactions are synchronous and drizzle's async transaction on it does not
// roll back, so every write goes through here: an async mutex around BEGIN IMMEDIATE ... COMMIT/ROLLBACK
// on the writer connection. Nothing else touches that connection. Never await network or file I/O inside.
import type Database from "better-sqlite3";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type * as schema from "./schema.ts";

export type Tx = BetterSQLite3Database<typeof schema>;

export interface Writer {
  write<T>(fn: (tx: Tx) => Promise<T> | T): Promise<T>;
}

export function createWriter(conn: Database.Database, tx: Tx): Writer {
  let tail: Promise<unknown> = Promise.resolve();
  const begin = conn.prepare("BEGIN IMMEDIATE");
  const commit = conn.prepare("COMMIT");
  const rollback = conn.prepare("ROLLBACK");

  async function run<T>(fn: (tx: Tx) => Promise<T> | T): Promise<T> {
    begin.run();
    try {
      const result = await fn(tx);
      commit.run();
      return result;
    } catch (err) {
      if (conn.inTransaction) rollback.run();
      throw err;
    }
  }

  return {
    write<T>(fn: (tx: Tx) => Promise<T> | T): Promise<T> {
      const result = tail.then(() => run(fn));
      // The queue continues whether this transaction committed or failed.
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
