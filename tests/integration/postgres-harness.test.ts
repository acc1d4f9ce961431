// The PostgreSQL the tests use: the machine's server when it answers, else a private cluster, and a
// fresh database per caller. The private cluster is what a machine without the service gets, so it is
// started here on purpose too.
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import {
  freshDatabase,
  postgresServer,
  startEmbeddedPostgres,
  type PostgresServer,
} from "../helpers/postgres.ts";

async function query(url: string, sql: string): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

describe("test PostgreSQL", () => {
  const started: PostgresServer[] = [];
  afterAll(async () => {
    for (const s of started) await s.stop();
  });

  for (const which of ["default", "embedded"] as const) {
    it(`${which}: gives each caller its own empty database, and drops it`, async () => {
      const server = which === "embedded" ? await startEmbeddedPostgres() : await postgresServer();
      started.push(server);
      if (which === "embedded") expect(server.kind).toBe("embedded");
      const a = await freshDatabase(server, "harness");
      const b = await freshDatabase(server, "harness");
      expect(a.name).not.toBe(b.name);
      const version = (await query(a.url, "SHOW server_version_num")).rows[0].server_version_num as string;
      expect(Number(version)).toBeGreaterThanOrEqual(150000);
      await query(a.url, "CREATE TABLE only_in_a (id int PRIMARY KEY)");
      const inB = await query(
        b.url,
        "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'only_in_a'",
      );
      expect(inB.rows[0].n).toBe(0);
      await a.drop();
      await b.drop();
      const left = await query(
        server.url("postgres"),
        `SELECT count(*)::int AS n FROM pg_database WHERE datname IN ('${a.name}', '${b.name}')`,
      );
      expect(left.rows[0].n).toBe(0);
    });
  }
});
