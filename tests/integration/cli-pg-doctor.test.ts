// fanzctl doctor and migrate status|up on a PostgreSQL site: the database check connects and names the
// server's version, the migrations check reads the site's migration table, the ledger is checked on
// PostgreSQL; a server that does not answer is a clear failure.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "../helpers/app-process.ts";
import { freshDatabase, postgresServer, type PostgresServer } from "../helpers/postgres.ts";
import { fanzctl } from "../helpers/site.ts";
import { pgMigrations } from "../../src/db/migrations/pg.ts";

const line = (out: string, title: string) => out.split("\n").find((l) => l.includes(`${title}:`)) ?? "";

describe("fanzctl doctor on a PostgreSQL site", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "fanz-cli-pg-doctor-"));
  let server: PostgresServer;
  let drop: () => Promise<void>;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await postgresServer();
    const db = await freshDatabase(server, "cli_pg_doctor");
    drop = db.drop;
    env = { FANZ_DB__DIALECT: "postgres", FANZ_DB__URL: db.url, FANZ_PORT: String(await freePort()) };
    const admin = await fanzctl(
      ["user", "create-admin", "--data-dir", dataDir, "--email", "pg@example.com", "--username", "pg_boss"],
      { ...env, FANZ_ADMIN_PASSWORD: "pg-password-1" },
    );
    expect(admin.status, admin.stderr).toBe(0);
  }, 60_000);

  afterAll(async () => {
    await drop?.();
    await server?.stop();
  });

  it("connects, names the server, reads the migrations and checks the ledger", async () => {
    const r = await fanzctl(["doctor", "--data-dir", dataDir], env);
    expect(r.status, r.stdout).toBe(0);
    expect(line(r.stdout, "Database integrity")).toMatch(
      /^\[pass\] .*postgres:\/\/.*: ok \(PostgreSQL \d+\.\d+\)/,
    );
    expect(line(r.stdout, "Migrations up to date")).toBe(
      `[pass] Migrations up to date: ${pgMigrations.length} applied, latest ${pgMigrations.at(-1)!.tag}`,
    );
    expect(line(r.stdout, "Ledger balanced")).toMatch(/^\[pass\]/);
    expect(line(r.stdout, "Fan wallets")).toMatch(/^\[pass\]/);
  });

  it("warns about a pending migration and fails on one it does not know", async () => {
    const c = new pg.Client({ connectionString: env.FANZ_DB__URL });
    await c.connect();
    try {
      const last = pgMigrations.at(-1)!.tag;
      await c.query("UPDATE _migrations SET tag = '9999_from_the_future' WHERE tag = $1", [last]);
      const r = await fanzctl(["doctor", "--data-dir", dataDir], env);
      expect(r.status).toBe(1);
      expect(line(r.stdout, "Migrations up to date")).toContain(
        "migrations this version does not know: 9999_from_the_future",
      );
      await c.query("DELETE FROM _migrations WHERE tag = '9999_from_the_future'");
      const pending = await fanzctl(["doctor", "--data-dir", dataDir], env);
      expect(line(pending.stdout, "Migrations up to date")).toContain(
        `[WARN] Migrations up to date: 1 pending: ${last}`,
      );
      // migrate status|up read and apply on PostgreSQL too. The tag's SQL is already there, so it is
      // recorded by hand rather than applied again.
      const status = await fanzctl(["migrate", "status", "--data-dir", dataDir], env);
      expect(status.status, status.stderr).toBe(0);
      expect(status.stdout).toContain(`· ${last}  pending`);
      await c.query("INSERT INTO _migrations (tag, hash, applied_at) VALUES ($1, 'x', $2)", [
        last,
        Date.now(),
      ]);
      const up = await fanzctl(["migrate", "up", "--data-dir", dataDir], env);
      expect(up.status, up.stderr).toBe(0);
      expect(up.stdout).toContain("The database is up to date.");
      expect(up.stdout).toContain(`✓ ${last}`);
    } finally {
      await c.end();
    }
  });

  it("fails clearly when the server does not answer", async () => {
    const closed = await freePort();
    const url = `postgres://postgres:secret-pw@127.0.0.1:${closed}/fanz`;
    const r = await fanzctl(["doctor", "--data-dir", dataDir], { ...env, FANZ_DB__URL: url });
    expect(r.status).toBe(1);
    const db = line(r.stdout, "Database integrity");
    expect(db).toMatch(
      /^\[FAIL\] Database integrity: postgres:\/\/postgres:\*\*\*\*@127\.0\.0\.1:\d+\/fanz does not answer: .*ECONNREFUSED/,
    );
    expect(r.stdout).not.toContain("secret-pw");
    expect(r.stdout).toContain("-> Start PostgreSQL");
    expect(line(r.stdout, "Migrations up to date")).toMatch(
      /^\[WARN\] .*skipped: the database does not answer/,
    );
  });
});
