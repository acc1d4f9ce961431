// Two `fanzctl serve` processes on one PostgreSQL database and one S3 bucket, as behind an nginx upstream
// (postgres test project only): a session made on one works on the other, a post made on one shows on
// the other's feed within 2 s, a wallet race split across both spends exactly what the wallet holds, an
// upload on one is processed once and served by the other, and a scheduled post is published once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startApp, type AppProcess } from "../helpers/app-process.ts";
import { startS3, type TestS3 } from "../helpers/s3.ts";
import * as fx from "../fixtures/media.ts";
import { testDatabase, type TestDatabase } from "../helpers/engine.ts";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

type Body = Record<string, any>;

async function call(
  node: AppProcess,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: Body }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(node.baseUrl + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Body) : {} };
}

describe("two nodes on one PostgreSQL database", () => {
  let db: TestDatabase;
  let a: AppProcess, b: AppProcess;
  let sql: pg.Client;
  let s3: TestS3;

  beforeAll(async () => {
    db = await testDatabase(mkdtempSync(join(tmpdir(), "fanz-2n-")), "two_nodes", "postgres");
    s3 = await startS3();
    const env = {
      ...db.env,
      ...s3.env,
      // The nodes share what a site has one of: the database, and the key sealing payout details.
      FANZ_SECURITY__SECRET_KEY: randomBytes(32).toString("hex"),
      FANZ_CACHE__TTL_SECONDS: "3600",
      FANZ_SCHEDULER__TICK_MS: "200",
      FANZ_AUTH__SIGNUPS_PER_IP_PER_HOUR: "1000",
      FANZ_PAYMENTS__PURCHASES_PER_MINUTE: "1000",
    };
    a = await startApp({ env });
    b = await startApp({ env });
    sql = new pg.Client({ connectionString: db.env.FANZ_DB__URL });
    await sql.connect();
  }, 60_000);
  afterAll(async () => {
    await sql?.end();
    await a?.stop();
    await b?.stop();
    await db?.drop();
    await s3?.stop();
  });

  let admin: string, creator: string, fan: string;

  it("sets up once; a session made on one node works on the other", async () => {
    // Each node issued a setup token at start while there was no admin; the last one stands.
    const token = b.setupToken()!;
    const setup = await call(a, "POST", "/api/v1/setup", {
      token,
      siteName: "Two nodes",
      admin: { email: "admin@example.com", username: "admin", password: "admin-password-1" },
    });
    expect(setup.status, JSON.stringify(setup.body)).toBe(201);
    admin = setup.body.token;
    expect((await call(b, "GET", "/api/v1/users/me", undefined, admin)).body.user.username).toBe("admin");
    for (const node of [a, b]) {
      const ready = await call(node, "GET", "/readyz");
      expect(ready.body.database).toMatchObject({
        name: "postgres",
        version: expect.stringMatching(/^\d+\.\d+/),
      });
    }

    const signup = await call(b, "POST", "/api/v1/auth/signup", {
      email: "maker@example.com",
      username: "maker",
      password: "password-123",
      ageConfirmed: true,
    });
    creator = signup.body.token;
    expect((await call(a, "PUT", "/api/v1/creators/me", { priceCents: 0 }, creator)).status).toBe(200);
    expect((await call(b, "GET", "/api/v1/users/me", undefined, creator)).body.user.isCreator).toBe(true);
    fan = (
      await call(a, "POST", "/api/v1/auth/signup", {
        email: "fan@example.com",
        username: "fan",
        password: "password-123",
        ageConfirmed: true,
      })
    ).body.token;
    expect(
      (await call(b, "POST", "/api/v1/subscriptions", { creator: "maker", payWith: "wallet" }, fan)).status,
    ).toBe(201);
  });

  it("a post made on A shows on B's feed within 2 s (B had the feed cached)", async () => {
    const feedOnB = async () => (await call(b, "GET", "/api/v1/feed", undefined, fan)).body.items as Body[];
    expect(await feedOnB()).toEqual([]);
    const made = await call(
      a,
      "POST",
      "/api/v1/posts",
      { text: "hello from A", visibility: "subscribers" },
      creator,
    );
    expect(made.status).toBe(201);
    const started = Date.now();
    for (;;) {
      const items = await feedOnB();
      if (items[0]?.text === "hello from A") break;
      if (Date.now() - started > 2000) throw new Error(`not on B's feed after 2 s: ${JSON.stringify(items)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    console.log(`post from A on B's feed after ${Date.now() - started} ms`);
  });

  it("a wallet race split across both nodes spends exactly what the wallet holds", async () => {
    const posts: string[] = [];
    for (let i = 0; i < 20; i++)
      posts.push(
        (
          await call(
            i % 2 ? a : b,
            "POST",
            "/api/v1/posts",
            { text: `ppv ${i}`, visibility: "ppv", priceCents: 100 },
            creator,
          )
        ).body.post.id,
      );
    const topup = await call(a, "POST", "/api/v1/wallet/topups", { amountCents: 1000 }, fan);
    expect(topup.status).toBe(202);
    expect(
      (
        await call(b, "POST", `/sandbox/checkout/${topup.body.checkoutId}/pay`, {
          cardNumber: "4242 4242 4242 4242",
        })
      ).status,
    ).toBe(200);
    const attempts = Array.from({ length: 50 }, (_, i) => {
      const node = i % 2 ? a : b;
      return i < 20
        ? call(node, "POST", `/api/v1/posts/${posts[i]}/unlock`, { payWith: "wallet" }, fan)
        : call(node, "POST", "/api/v1/tips", { creator: "maker", amountCents: 100, payWith: "wallet" }, fan);
    });
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    expect(statuses.filter((s) => s === 200 || s === 201)).toHaveLength(10);
    expect(statuses.every((s) => [200, 201, 402].includes(s))).toBe(true);
    expect((await call(a, "GET", "/api/v1/wallet", undefined, fan)).body.balanceCents).toBe(0);
    expect((await call(b, "GET", "/api/v1/wallet", undefined, fan)).body.balanceCents).toBe(0);
    const unbalanced = await sql.query(
      "SELECT txn_id FROM ledger_entries GROUP BY txn_id HAVING sum(amount_cents) <> 0",
    );
    expect(unbalanced.rows).toEqual([]);
    const drifted = await sql.query(
      "SELECT a.id FROM ledger_accounts a LEFT JOIN ledger_entries e ON e.account_id = a.id GROUP BY a.id HAVING a.balance_cents <> coalesce(sum(e.amount_cents), 0)",
    );
    expect(drifted.rows).toEqual([]);
  });

  it("an upload on A is processed once and served by B from the shared bucket", async () => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(await fx.png(640, 480))]), "both.png");
    const up = await fetch(`${a.baseUrl}/api/v1/media`, {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${creator}` },
    });
    expect(up.status).toBe(201);
    const id = ((await up.json()) as Body).media.id as string;
    const deadline = Date.now() + 20_000;
    let media: Body;
    for (;;) {
      media = (await call(b, "GET", `/api/v1/media/${id}`, undefined, creator)).body.media;
      if (media?.status === "ready") break;
      if (Date.now() > deadline) throw new Error(`not processed: ${JSON.stringify(media)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const jobs = await sql.query("SELECT status, attempts FROM jobs WHERE payload LIKE $1", [`%${id}%`]);
    expect(jobs.rows).toEqual([{ status: "done", attempts: 1 }]);
    expect((await s3.keys(`media/${id}/`)).length).toBeGreaterThan(1);
    const url = media.urls.full as string;
    const served = await fetch(`${b.baseUrl}${url}`, { headers: { authorization: `Bearer ${creator}` } });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toMatch(/^image\//);
    // The very bytes processing (on whichever node ran the job) put in the bucket.
    const stored = await s3.get(`media/${id}/${url.split("/").pop()}`);
    expect(Buffer.from(await served.arrayBuffer()).equals(stored)).toBe(true);
    // The same file is refused to a fan who may not see it (a vault medium on no post): on either node.
    expect((await fetch(`${b.baseUrl}${url}`, { headers: { authorization: `Bearer ${fan}` } })).status).toBe(
      404,
    );
  });

  it("a scheduled post is published once, by whichever node holds the scheduler lease", async () => {
    const at = Date.now() + 800;
    const made = await call(
      b,
      "POST",
      "/api/v1/posts",
      { text: "later", visibility: "public", publishAt: at },
      creator,
    );
    expect(made.body.post.status).toBe("scheduled");
    const id = made.body.post.id as string;
    const deadline = Date.now() + 10_000;
    for (;;) {
      const r = await call(a, "GET", `/api/v1/posts/${id}`, undefined, fan);
      if (r.body.post?.status === "published") break;
      if (Date.now() > deadline) throw new Error("the scheduled post was not published");
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 1000)); // several more ticks on both nodes
    const published = await sql.query(
      "SELECT count(*)::int AS n FROM events WHERE name = 'post.published' AND payload LIKE $1",
      [`%${id}%`],
    );
    expect(published.rows[0].n).toBe(1);
    const holders = await sql.query("SELECT holder FROM leases WHERE name = 'scheduler'");
    expect(holders.rows).toHaveLength(1);
  });
});
