// Applies the embedded migrations in order, each in its own transaction; records tag and hash.
import type Database from "better-sqlite3";
import { sqliteMigrations, type EmbeddedMigration } from "./migrations/sqlite.ts";

export interface MigrationStatus {
  tag: string;
  applied: boolean;
  appliedAt: number | null;
}

function ensureTable(conn: Database.Database): void {
  conn.exec(
    "CREATE TABLE IF NOT EXISTS _migrations (tag TEXT PRIMARY KEY NOT NULL, hash TEXT NOT NULL, applied_at INTEGER NOT NULL)",
  );
}

export function migrationStatus(
  conn: Database.Database,
  migrations: EmbeddedMigration[] = sqliteMigrations,
): MigrationStatus[] {
  ensureTable(conn);
  const rows = conn.prepare("SELECT tag, applied_at FROM _migrations").all() as {
    tag: string;
    applied_at: number;
  }[];
  const applied = new Map(rows.map((r) => [r.tag, r.applied_at]));
  return migrations.map((m) => ({
    tag: m.tag,
    applied: applied.has(m.tag),
    appliedAt: applied.get(m.tag) ?? null,
  }));
}

/** Applies pending migrations; returns the tags applied. A failing migration leaves the DB as it was. */
export function migrate(
  conn: Database.Database,
  migrations: EmbeddedMigration[] = sqliteMigrations,
): string[] {
  ensureTable(conn);
  const known = new Map(
    (conn.prepare("SELECT tag, hash FROM _migrations").all() as { tag: string; hash: string }[]).map((r) => [
      r.tag,
      r.hash,
    ]),
  );
  const unknown = [...known.keys()].filter((tag) => !migrations.some((m) => m.tag === tag));
  if (unknown.length > 0) {
    throw new Error(
      `The database has migrations this version does not know (${unknown.join(", ")}); it was written by a newer Fanz.`,
    );
  }
  const done: string[] = [];
  for (const m of migrations) {
    if (known.has(m.tag)) continue;
    const statements = m.sql
      .split("--> statement-breakpoint")
      .map((s) => s.trim())
      .filter(Boolean);
    const apply = conn.transaction(() => {
      for (const stmt of statements) conn.exec(stmt);
      conn
        .prepare("INSERT INTO _migrations (tag, hash, applied_at) VALUES (?, ?, ?)")
        .run(m.tag, m.hash, Date.now());
    });
    apply.immediate();
    done.push(m.tag);
  }
  return done;
}
