// The database engine a test file runs on: SQLite by default, PostgreSQL in the "postgres" test project
// (FANZ_TEST_DB=postgres). Each test file (each app a test starts) gets its own fresh database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb, type Db, type DbTarget } from "../../src/db/client.ts";
import { migrateDb } from "../../src/db/migrate.ts";
import { freshDatabase, postgresServer, type PostgresServer } from "./postgres.ts";

export type TestEngine = "sqlite" | "postgres";
export const testEngine: TestEngine = process.env.FANZ_TEST_DB === "postgres" ? "postgres" : "sqlite";

let server: Promise<PostgresServer> | null = null;
/** The project's server (started once by tests/helpers/pg-global-setup.ts), else one for this file. */
function pgServer(): Promise<PostgresServer> {
  const url = process.env.FANZ_TEST_PG_URL;
  if (url) {
    const base = new URL(url);
    return Promise.resolve({
      kind: "local",
      url: (name) => Object.assign(new URL(base), { pathname: `/${name}` }).toString(),
      stop: async () => undefined,
    });
  }
  return (server ??= postgresServer());
}

export interface TestDatabase {
  /** Environment for loadConfig: the engine and where its database is. */
  env: Record<string, string>;
  target: DbTarget;
  /** Removes the database (after everything using it has closed). */
  drop(): Promise<void>;
}

/** A fresh, empty database on the test engine. `dataDir` holds the SQLite file. */
export async function testDatabase(
  dataDir: string,
  label = "test",
  engine = testEngine,
): Promise<TestDatabase> {
  if (engine === "sqlite") {
    return {
      env: {},
      target: { dialect: "sqlite", path: join(dataDir, "fanz.db") },
      drop: async () => undefined,
    };
  }
  const fresh = await freshDatabase(await pgServer(), label);
  return {
    env: { FANZ_DB__DIALECT: "postgres", FANZ_DB__URL: fresh.url, FANZ_DB__POOL_SIZE: "5" },
    target: { dialect: "postgres", url: fresh.url, poolSize: 5 },
    drop: fresh.drop,
  };
}

/** A migrated database on the test engine with its own temporary directory (unit tests of the db layer). */
export async function openTestDb(
  label = "test",
  engine = testEngine,
): Promise<{ db: Db; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "fanz-db-"));
  const t = await testDatabase(dir, label, engine);
  const db = await openDb(t.target);
  await migrateDb(db);
  return {
    db,
    async close() {
      await db.close();
      await t.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Raw SQL for tests that look at (or tamper with) rows directly, on either engine: `?` placeholders as on
 * SQLite (numbered for PostgreSQL), results as plain rows with the columns' own names.
 */
export function rawSql(db: Db) {
  const numbered = (text: string) => {
    let i = 0;
    return text.replace(/\?/g, () => `$${++i}`);
  };
  return {
    prepare(text: string) {
      if (db.raw) {
        const { reader, writer } = db.raw;
        return {
          get: async (...params: unknown[]) => reader.prepare(text).get(...params),
          all: async (...params: unknown[]) => reader.prepare(text).all(...params),
          run: async (...params: unknown[]) => void writer.prepare(text).run(...params),
        };
      }
      const pool = db.pool!;
      return {
        get: async (...params: unknown[]) => (await pool.query(numbered(text), params)).rows[0] as unknown,
        all: async (...params: unknown[]) => (await pool.query(numbered(text), params)).rows as unknown[],
        run: async (...params: unknown[]) => void (await pool.query(numbered(text), params)),
      };
    },
  };
}
