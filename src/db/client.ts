// Opens the SQLite database: one writer connection (used only through db.write) and one reader
// connection for everything else (WAL lets it read the last committed snapshot while a write runs).
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import * as schema from "./schema.ts";
import { createWriter, type Writer } from "./tx.ts";

export type DrizzleDb = BetterSQLite3Database<typeof schema>;

export interface Db {
  /** Reader connection: queries outside a transaction. */
  read: DrizzleDb;
  /** The ONE way to write: an IMMEDIATE transaction on the writer connection, serialised by a mutex. */
  write: Writer["write"];
  /**
   * Runs `fn` when the open transaction ends (at once when none is open). Services forget cached rows
   * through this, from inside the write that changes them.
   */
  onTxEnd: Writer["onTxEnd"];
  afterCommit: Writer["afterCommit"];
  /** The engine and its version, for /readyz and `fanzctl doctor`. */
  engine(): { name: "sqlite"; version: string };
  /** Raw connections, for migrations, backups and EXPLAIN tests. */
  raw: { writer: Database.Database; reader: Database.Database };
  close(): void;
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

export function openDb(path: string): Db {
  mkdirSync(dirname(path), { recursive: true });
  const writerConn = new Database(path);
  applyPragmas(writerConn);
  const readerConn = new Database(path);
  applyPragmas(readerConn);
  const writerDb = drizzle(writerConn, { schema });
  const readerDb = drizzle(readerConn, { schema });
  const writer = createWriter(writerConn, writerDb);
  let closed = false;
  return {
    read: readerDb,
    write: writer.write,
    onTxEnd: writer.onTxEnd,
    afterCommit: writer.afterCommit,
    engine: () => ({ name: "sqlite", version: sqliteVersion(readerConn) }),
    raw: { writer: writerConn, reader: readerConn },
    close() {
      if (closed) return;
      closed = true;
      readerConn.close();
      // Checkpoint so the main file is complete and the -wal file is removed on a clean shutdown.
      writerConn.pragma("wal_checkpoint(TRUNCATE)");
      writerConn.close();
    },
  };
}
