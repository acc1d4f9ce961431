// Applies the embedded migrations in order, each in its own transaction; records tag and hash.
import type Database from "better-sqlite3";
import type pg from "pg";
import type { Db } from "./client.ts";
import { pgMigrations } from "./migrations/pg.ts";
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
  // Before the site serves, waiting synchronously for another process's short write (a fanzctl command)
  // stops nothing; the app's writer otherwise keeps a short busy timeout (tx.ts begin).
  const busyTimeout = conn.pragma("busy_timeout", { simple: true }) as number;
  conn.pragma("busy_timeout = 5000");
  try {
    return applyMigrations(conn, migrations);
  } finally {
    conn.pragma(`busy_timeout = ${busyTimeout}`);
  }
}

function applyMigrations(conn: Database.Database, migrations: EmbeddedMigration[]): string[] {
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

/** Splits a drizzle-kit migration into its statements. */
const statementsOf = (m: EmbeddedMigration) =>
  m.sql
    .split("--> statement-breakpoint")
    .map((s) => s.trim())
    .filter((s) => s && !/^(--[^\n]*\n?)+$/.test(s));

// Several nodes may start at once: the migrating transaction holds this lock, so the others wait and
// then find everything applied. A transaction-level lock, which survives PgBouncer's transaction pooling.
const PG_MIGRATION_LOCK = 7_291_034;

async function pgKnown(client: pg.PoolClient | pg.Pool): Promise<Map<string, { hash: string; at: number }>> {
  await client.query(
    "CREATE TABLE IF NOT EXISTS _migrations (tag TEXT PRIMARY KEY NOT NULL, hash TEXT NOT NULL, applied_at BIGINT NOT NULL)",
  );
  const { rows } = await client.query<{ tag: string; hash: string; applied_at: string }>(
    "SELECT tag, hash, applied_at FROM _migrations",
  );
  return new Map(rows.map((r) => [r.tag, { hash: r.hash, at: Number(r.applied_at) }]));
}

/** PostgreSQL: applies pending migrations, each in its own transaction; returns the tags applied. */
export async function migratePg(
  pool: pg.Pool,
  migrations: EmbeddedMigration[] = pgMigrations,
): Promise<string[]> {
  const client = await pool.connect();
  const done: string[] = [];
  try {
    for (const m of migrations) {
      await client.query("BEGIN");
      try {
        // Another node may migrate for longer than the app's lock_timeout (client.ts): wait for it.
        await client.query("SET LOCAL lock_timeout = 0");
        await client.query("SELECT pg_advisory_xact_lock($1)", [PG_MIGRATION_LOCK]);
        const known = await pgKnown(client);
        const unknown = [...known.keys()].filter((tag) => !migrations.some((x) => x.tag === tag));
        if (unknown.length > 0) {
          throw new Error(
            `The database has migrations this version does not know (${unknown.join(", ")}); it was written by a newer Fanz.`,
          );
        }
        if (!known.has(m.tag)) {
          for (const stmt of statementsOf(m)) await client.query(stmt);
          await client.query("INSERT INTO _migrations (tag, hash, applied_at) VALUES ($1, $2, $3)", [
            m.tag,
            m.hash,
            Date.now(),
          ]);
          done.push(m.tag);
        }
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw err;
      }
    }
  } finally {
    client.release();
  }
  return done;
}

/** Applies pending migrations on either engine. */
export async function migrateDb(db: Db): Promise<string[]> {
  return db.raw ? migrate(db.raw.writer) : migratePg(db.pool!);
}

/** Migration status on either engine. */
export async function migrationStatusOf(db: Db): Promise<MigrationStatus[]> {
  if (db.raw) return migrationStatus(db.raw.writer);
  const known = await pgKnown(db.pool!);
  return pgMigrations.map((m) => ({
    tag: m.tag,
    applied: known.has(m.tag),
    appliedAt: known.get(m.tag)?.at ?? null,
  }));
}

/** Applied tags this build does not know (the database was written by a newer Fanz), on either engine. */
export async function unknownAppliedTags(db: Db): Promise<string[]> {
  const applied = db.raw
    ? (db.raw.reader.prepare("SELECT tag FROM _migrations").all() as { tag: string }[]).map((r) => r.tag)
    : [...(await pgKnown(db.pool!)).keys()];
  const known = new Set((db.raw ? sqliteMigrations : pgMigrations).map((m) => m.tag));
  return applied.filter((t) => !known.has(t));
}
