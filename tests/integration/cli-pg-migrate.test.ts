// fanzctl migrate --to postgres as an operator runs it: a seeded SQLite site (real sign-ups, sandbox
// top-ups, subscriptions, an unlock, a tip, a refund) is refused while it runs, copied into an empty
// PostgreSQL database and verified, and then serves the same people, balances and feed on PostgreSQL;
// a target holding Fanz rows is refused untouched; the verification catches a tampered copy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, startApp, type AppProcess } from "../helpers/app-process.ts";
import { freshDatabase, postgresServer, type PostgresServer, sqlAt } from "../helpers/postgres.ts";
import { fanzctl, httpSite, seedSite } from "../helpers/site.ts";
import {
  copySqliteToPostgres,
  lockSource,
  prepareTarget,
  verifyCopy,
} from "../../cli/lib/sqlite-to-postgres.ts";

const apps: AppProcess[] = [];
const dropped: (() => Promise<void>)[] = [];
let server: PostgresServer;

const sql = <T = any>(url: string, text: string, values: unknown[] = []) => sqlAt<T>(url, text, values);

const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe("fanzctl migrate --to postgres", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "fanz-cli-pg-migrate-"));
  let url = "";
  let seeded: Awaited<ReturnType<typeof seedSite>>;
  // What the people saw on SQLite, to compare with what they see on PostgreSQL.
  const before: Record<string, unknown> = {};
  let port = "";

  beforeAll(async () => {
    server = await postgresServer();
    const db = await freshDatabase(server, "cli_pg_migrate");
    dropped.push(db.drop);
    url = db.url;
    port = String(await freePort());
    const app = await startApp({ dataDir });
    apps.push(app);
    seeded = await seedSite(app);
    const s = seeded.site;
    const { one, two } = seeded.fans;
    before.wallet = (await s.call("GET", "/api/v1/wallet", undefined, one.token)).body;
    before.feed = (await s.call("GET", "/api/v1/feed?limit=50", undefined, one.token)).body.items.map(
      (p: { id: string; text: string }) => [p.id, p.text],
    );
    before.earnings = (await s.call("GET", "/api/v1/earnings", undefined, seeded.ava.token)).body;
    before.subscriptions = (await s.call("GET", "/api/v1/subscriptions", undefined, two.token)).body;

    // Refused while it runs: found by its port, and (Linux) by the process holding the file open.
    const byPort = await fanzctl(["migrate", "--to", "postgres", url, "--data-dir", dataDir], {
      FANZ_PORT: String(app.port),
    });
    expect(byPort.status).toBe(1);
    expect(byPort.stderr).toMatch(/server is running .*Try: Stop the service first/s);
    if (process.platform === "linux") {
      const byFile = await fanzctl(["migrate", "--to", "postgres", url, "--data-dir", dataDir], {
        FANZ_PORT: port,
      });
      expect(byFile.status).toBe(1);
      expect(byFile.stderr).toMatch(/database is open in process \d+/);
    }
    expect(
      (await sql(url, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'"))[0].n,
    ).toBe(0);
    await app.stop();
  }, 120_000);

  afterAll(async () => {
    for (const a of apps) await a.stop("SIGKILL");
    for (const d of dropped) await d().catch(() => undefined);
    await server?.stop();
  });

  it("copies the stopped site, verifies it, and prints the config change", async () => {
    const started = Date.now();
    // A password in the URL is never printed (the machine's server trusts 127.0.0.1 and ignores it).
    const u = new URL(url);
    if (!u.password) u.password = "not-printed-9";
    const withPassword = u.toString();
    const r = await fanzctl(["migrate", "--to", "postgres", withPassword, "--data-dir", dataDir], {
      FANZ_PORT: port,
    });
    const ms = Date.now() - started;
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).not.toContain(new URL(withPassword).password);
    expect(r.stdout).toMatch(/ok {3}ledger: \d+ accounts, every balance equals its entries/);
    expect(r.stdout).toMatch(/ok {3}events\.seq continues at \d+/);
    expect(r.stdout).not.toContain("DIFF");
    expect(r.stdout).toContain('[db]\n  dialect = "postgres"\n  url = "postgres://');
    const rows = Number(/Migrated (\d+) rows/.exec(r.stdout)![1]);
    expect(rows).toBeGreaterThan(50);
    console.log(`migrate --to postgres: ${rows} rows in ${ms} ms (${/Migrated .*/.exec(r.stdout)![0]})`);

    // Row for row what SQLite holds, per the report; spot-check the money directly.
    const entries = await sql(
      url,
      "SELECT count(*)::int AS n, sum(amount_cents)::int AS s FROM ledger_entries",
    );
    expect(entries[0].n).toBeGreaterThan(20);
    expect(entries[0].s).toBe(0);
    const refunds = await sql(
      url,
      "SELECT count(*)::int AS n FROM ledger_transactions WHERE kind = 'refund'",
    );
    expect(refunds[0].n).toBe(1);
  }, 120_000);

  it("serves the same people, balances and feed on PostgreSQL, and keeps writing", async () => {
    const maxSeq = (await sql(url, "SELECT max(seq)::int AS m FROM events"))[0].m as number;
    const app = await startApp({ dataDir, env: { FANZ_DB__DIALECT: "postgres", FANZ_DB__URL: url } });
    apps.push(app);
    const s = httpSite(app);
    const login = await s.login("fan_one@example.com");
    expect(login.status).toBe(200);
    const token = login.body.token as string;
    const wallet = (await s.call("GET", "/api/v1/wallet", undefined, token)).body;
    const w0 = before.wallet as { balanceCents: number; transactions: unknown[] };
    expect(wallet.balanceCents).toBe(w0.balanceCents);
    expect(wallet.balanceCents).toBe(5000 + 2500 - 999 - 300);
    expect(sorted(wallet.transactions)).toEqual(sorted(w0.transactions));
    const feed = (await s.call("GET", "/api/v1/feed?limit=50", undefined, token)).body.items.map(
      (p: { id: string; text: string }) => [p.id, p.text],
    );
    expect(sorted(feed)).toEqual(sorted(before.feed as unknown[]));
    expect(feed.length).toBeGreaterThanOrEqual(5);
    const ava = (await s.login("ava_creator@example.com")).body.token as string;
    expect((await s.call("GET", "/api/v1/earnings", undefined, ava)).body).toEqual(before.earnings);
    const two = (await s.login("fan_two@example.com")).body.token as string;
    expect((await s.call("GET", "/api/v1/subscriptions", undefined, two)).body).toEqual(before.subscriptions);

    // New writes: the outbox continues after the copied events (a reused seq would fail or be skipped).
    await s.topup({ username: "fan_one", email: "fan_one@example.com", token }, 700);
    expect((await s.call("GET", "/api/v1/wallet", undefined, token)).body.balanceCents).toBe(
      w0.balanceCents + 700,
    );
    const after = await sql(url, "SELECT count(*)::int AS n FROM events WHERE seq > $1", [maxSeq]);
    expect(after[0].n).toBeGreaterThan(0);
    await app.stop();
  }, 60_000);

  it("refuses a target that holds Fanz rows, and changes nothing in it", async () => {
    const count = async () => (await sql(url, "SELECT count(*)::int AS n FROM users"))[0].n as number;
    const n = await count();
    const r = await fanzctl(["migrate", "--to", "postgres", url, "--data-dir", dataDir], { FANZ_PORT: port });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("already holds Fanz data (rows in users");
    expect(r.stderr).toContain("Try: Create an empty database");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(await count()).toBe(n);
    const bad = await fanzctl(["migrate", "--to", "postgres", "--data-dir", dataDir], { FANZ_PORT: port });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("needs the target database's URL");
  });

  it("catches a copy altered after it was made", async () => {
    const db = await freshDatabase(server, "cli_pg_tamper");
    dropped.push(db.drop);
    const source = lockSource(join(dataDir, "fanz.db"));
    try {
      await prepareTarget(db.url);
      const copy = await copySqliteToPostgres(source, db.url);
      expect(copy.committed).toBe(true);
      expect(copy.report.ok).toBe(true);
      expect((await verifyCopy(source, db.url)).ok).toBe(true);

      // One character of one user's name: the counts agree, the checksum does not.
      await sql(db.url, "UPDATE users SET display_name = display_name || '.' WHERE username = 'fan_two'");
      let r = await verifyCopy(source, db.url);
      expect(r.ok).toBe(false);
      expect(r.tables.filter((t) => !t.ok).map((t) => t.table)).toEqual(["users"]);
      const users = r.tables.find((t) => t.table === "users")!;
      expect(users.targetRows).toBe(users.sourceRows);
      expect(users.targetChecksum).not.toBe(users.sourceChecksum);
      await sql(db.url, "UPDATE users SET display_name = left(display_name, -1) WHERE username = 'fan_two'");
      expect((await verifyCopy(source, db.url)).ok).toBe(true);

      // A cached balance moved by a cent: the ledger check names the account.
      const acct = (await sql(db.url, "SELECT id FROM ledger_accounts WHERE balance_cents <> 0 LIMIT 1"))[0]
        .id;
      await sql(db.url, "UPDATE ledger_accounts SET balance_cents = balance_cents + 1 WHERE id = $1", [acct]);
      r = await verifyCopy(source, db.url);
      expect(r.ok).toBe(false);
      expect(r.ledger.problems.join("\n")).toContain(`account ${acct}`);
      await sql(db.url, "UPDATE ledger_accounts SET balance_cents = balance_cents - 1 WHERE id = $1", [acct]);

      // A row gone: the count differs. A sequence set back: the identity check fails.
      await sql(db.url, "DELETE FROM post_comments WHERE id = (SELECT min(id) FROM post_comments)");
      await sql(db.url, "SELECT setval(pg_get_serial_sequence('events', 'seq'), 1, false)");
      r = await verifyCopy(source, db.url);
      const comments = r.tables.find((t) => t.table === "post_comments")!;
      expect(comments.targetRows).toBe(comments.sourceRows - 1);
      expect(r.sequences.find((x) => x.table === "events")!.ok).toBe(false);
    } finally {
      source.close();
    }
  }, 60_000);
});
