// Outgoing webhooks on a real database (both engines) with the job queue running: domain events reach a
// creator's webhook (only their own) and an admin's site webhook as signed JSON, checked by an
// independent receiver (node:http on 127.0.0.1 recomputing the HMAC); a receiver that fails twice gets the
// event on the third attempt; persistent failures disable the webhook and tell the owner; no redirect is
// followed, slow receivers time out, big answers are cut. With `allow_private` off, private, loopback and
// names resolving to them are refused at registration and again before connecting, so the only traffic
// this file sends goes to its own 127.0.0.1 receiver while private addresses are allowed.
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, timingSafeEqual } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEBHOOK_VERIFY_SNIPPET } from "../../src/http/api-docs.ts";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";
import { freePort } from "../helpers/app-process.ts";
import { until } from "../helpers/until.ts";

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  raw: string;
  body: { id: string; type: string; createdAt: number; data: Record<string, unknown> };
}

/** A receiver that knows nothing of Fanz: it records requests and answers by path. */
async function startReceiver() {
  const got: Received[] = [];
  const flakySeen = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const path = req.url ?? "/";
      got.push({ path, headers: req.headers, raw, body: JSON.parse(raw) });
      const id = (JSON.parse(raw) as { id: string }).id;
      if (path === "/flaky") {
        const n = (flakySeen.get(id) ?? 0) + 1;
        flakySeen.set(id, n);
        res.writeHead(n <= 2 ? 503 : 200).end(n <= 2 ? "busy" : "ok");
      } else if (path === "/down") res.writeHead(500).end("broken");
      else if (path === "/redirect") res.writeHead(302, { location: "http://10.0.0.1/steal" }).end();
      else if (path === "/big") res.writeHead(200).end("x".repeat(1_000_000));
      else if (path === "/hang")
        res.writeHead(200); // headers, then nothing: never complete
      else res.writeHead(200).end("thanks");
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    got,
    on: (path: string) => got.filter((r) => r.path === path),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** Stripe-style verification, written from the documented format only. */
function verify(secret: string, header: string, raw: string, nowSeconds: number): boolean {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=") as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > 300 || !parts.v1) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${raw}`).digest();
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe("outgoing webhooks", () => {
  let app: TestApp;
  let rx: Awaited<ReturnType<typeof startReceiver>>;
  let admin: Actor;
  let creator: Actor;
  let other: Actor;
  let fan: Actor;
  let hook: { id: string; secret: string };
  let siteHook: { id: string; secret: string };

  const register = (who: Actor, url: string, events: string[]) =>
    app.post("/api/v1/webhooks", { url, events }, who.token);
  const deliveries = async (who: Actor, id: string) =>
    (await app.get(`/api/v1/webhooks/${id}/deliveries?limit=100`, who.token)).body.items as any[];

  beforeAll(async () => {
    rx = await startReceiver();
    app = await startTestApp({
      jobs: true,
      env: {
        FANZ_WEBHOOKS__ALLOW_PRIVATE: "true",
        FANZ_WEBHOOKS__RETRY_BASE_SECONDS: "1",
        FANZ_WEBHOOKS__DISABLE_AFTER_FAILURES: "3",
        FANZ_WEBHOOKS__TIMEOUT_SECONDS: "1",
        FANZ_JOBS__POLL_MS: "100",
      },
    });
    admin = await app.signupAdmin();
    creator = await app.creator("hookstar");
    other = await app.creator("otherstar");
    fan = await app.signup("hookfan");
  });
  afterAll(async () => {
    await app?.close();
    await rx?.close();
  });

  it("registers a creator's and an admin's webhooks; the secret is shown once and sealed at rest", async () => {
    const refused = await register(fan, rx.url("/ok"), ["post.published"]);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("not_a_creator");
    const bad = await register(creator, rx.url("/ok"), ["post.exploded"]);
    expect(bad.status).toBe(400);
    expect((await register(creator, "ftp://127.0.0.1/x", ["post.published"])).status).toBe(400);

    const r = await register(creator, rx.url("/ok"), [
      "post.published",
      "subscription.started",
      "message.received",
    ]);
    expect(r.status).toBe(201);
    expect(r.body.webhook).toMatchObject({ url: rx.url("/ok"), audience: "creator", status: "active" });
    expect(r.body.webhook.secret).toMatch(/^whsec_/);
    hook = r.body.webhook;
    const site = await register(admin, rx.url("/site"), ["post.published", "payment.completed"]);
    expect(site.status).toBe(201);
    expect(site.body.webhook.audience).toBe("site");
    siteHook = site.body.webhook;

    const list = await app.get("/api/v1/webhooks", creator.token);
    expect(list.body.items.map((w: { id: string }) => w.id)).toEqual([hook.id]);
    expect(JSON.stringify(list.body)).not.toContain(hook.secret);
    const rows = (await app.raw.prepare("SELECT * FROM webhooks").all()) as any[];
    expect(JSON.stringify(rows)).not.toContain(hook.secret);
  });

  it("delivers the owner's own events, signed; a site webhook gets every creator's", async () => {
    const post = await app.postAs(creator, { text: "New set tonight", visibility: "public" });
    const otherPost = await app.postAs(other, { text: "Not hookstar's", visibility: "public" });
    await app.grant(fan, creator);
    await app.grant(fan, other);

    await until("hookstar's two events", async () => rx.on("/ok").length >= 2);
    await until("the site's two posts", async () => rx.on("/site").length >= 2);
    // Give a wrongly routed delivery the time to arrive before saying it did not.
    await new Promise((ok) => setTimeout(ok, 500));
    const mine = rx.on("/ok");
    expect(mine.map((m) => m.body.type).sort()).toEqual(["post.published", "subscription.started"]);
    const published = mine.find((m) => m.body.type === "post.published")!;
    expect(published.body).toMatchObject({
      type: "post.published",
      data: { postId: post.id, creatorId: creator.user.id },
    });
    expect(published.body.id).toMatch(/^evt_/);
    expect(published.headers["content-type"]).toBe("application/json");
    for (const m of mine)
      expect(
        verify(hook.secret, String(m.headers["fanz-signature"]), m.raw, Math.floor(Date.now() / 1000)),
      ).toBe(true);
    // A tampered body or another secret does not verify.
    expect(
      verify(
        hook.secret,
        String(published.headers["fanz-signature"]),
        published.raw + " ",
        Date.now() / 1000,
      ),
    ).toBe(false);
    expect(
      verify(siteHook.secret, String(published.headers["fanz-signature"]), published.raw, Date.now() / 1000),
    ).toBe(false);

    const site = rx.on("/site");
    expect(site.map((m) => m.body.data.postId).sort()).toEqual([post.id, otherPost.id].sort());
    for (const m of site)
      expect(
        verify(siteHook.secret, String(m.headers["fanz-signature"]), m.raw, Math.floor(Date.now() / 1000)),
      ).toBe(true);

    const log = await deliveries(creator, hook.id);
    expect(log).toHaveLength(2);
    for (const d of log)
      expect(d).toMatchObject({
        status: "delivered",
        attempts: 1,
        responseStatus: 200,
        responseBody: "thanks",
      });
    // Someone else's webhook log is not found.
    expect((await app.get(`/api/v1/webhooks/${hook.id}/deliveries`, other.token)).status).toBe(404);
  });

  it("sends a test event on request", async () => {
    const r = await app.post(`/api/v1/webhooks/${hook.id}/test`, {}, creator.token);
    expect(r.status).toBe(202);
    expect(r.body.delivery).toMatchObject({ type: "webhook.test", status: "pending" });
    const got = await until("the test event", async () =>
      rx.on("/ok").find((m) => m.body.type === "webhook.test"),
    );
    expect(got.body.id).toBe(r.body.delivery.eventId);
    expect(
      verify(hook.secret, String(got.headers["fanz-signature"]), got.raw, Math.floor(Date.now() / 1000)),
    ).toBe(true);
  });

  it("retries a receiver that fails twice and delivers on the third attempt, same event and id", async () => {
    const flaky = (await register(creator, rx.url("/flaky"), ["post.published"])).body.webhook;
    const post = await app.postAs(creator, { text: "Retry me", visibility: "public" });
    const d = await until("the third attempt", async () => {
      const log = await deliveries(creator, flaky.id);
      return log[0]?.status === "delivered" ? log[0] : null;
    });
    expect(d).toMatchObject({ attempts: 3, responseStatus: 200, type: "post.published", error: null });
    const tries = rx.on("/flaky");
    expect(tries).toHaveLength(3);
    expect(new Set(tries.map((t) => t.body.id)).size).toBe(1);
    expect(tries[0]!.body.data.postId).toBe(post.id);
    for (const t of tries)
      expect(
        verify(flaky.secret, String(t.headers["fanz-signature"]), t.raw, Math.floor(Date.now() / 1000)),
      ).toBe(true);
    const wh = (await app.get("/api/v1/webhooks", creator.token)).body.items.find(
      (w: any) => w.id === flaky.id,
    );
    expect(wh).toMatchObject({ status: "active", failuresInRow: 0 });
    expect((await app.del(`/api/v1/webhooks/${flaky.id}`, creator.token)).status).toBe(204);
  });

  it("disables a webhook after persistent failures and tells its owner; it can be turned on again", async () => {
    const down = (await register(creator, rx.url("/down"), ["post.published"])).body.webhook;
    await app.post(`/api/v1/webhooks/${down.id}/test`, {}, creator.token);
    const off = await until("the webhook disabled", async () => {
      const w = (await app.get("/api/v1/webhooks", creator.token)).body.items.find(
        (x: any) => x.id === down.id,
      );
      return w?.status === "disabled" ? w : null;
    });
    expect(off.failuresInRow).toBe(3);
    expect(rx.on("/down")).toHaveLength(3);
    const [d] = await deliveries(creator, down.id);
    expect(d).toMatchObject({ status: "failed", attempts: 3, responseStatus: 500, responseBody: "broken" });
    const notes = (await app.get("/api/v1/notifications?limit=50", creator.token)).body.items;
    const note = notes.find((n: { kind: string }) => n.kind === "webhook_disabled");
    expect(note).toMatchObject({ link: "/settings/webhooks" });
    expect(note.text).toContain(`127.0.0.1:${rx.port}`);

    const again = await app.post(`/api/v1/webhooks/${down.id}/test`, {}, creator.token);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("webhook_disabled");
    const on = await app.post(`/api/v1/webhooks/${down.id}/enable`, {}, creator.token);
    expect(on.body.webhook).toMatchObject({ status: "active", failuresInRow: 0 });
    expect((await app.del(`/api/v1/webhooks/${down.id}`, creator.token)).status).toBe(204);
  });

  it("follows no redirect, times a silent receiver out, and reads only the start of a big answer", async () => {
    const hooks = await Promise.all(
      ["/redirect", "/hang", "/big"].map(
        async (p) => (await register(admin, rx.url(p), ["live.ended"])).body.webhook,
      ),
    );
    for (const h of hooks)
      expect((await app.post(`/api/v1/webhooks/${h.id}/test`, {}, admin.token)).status).toBe(202);
    const first = async (id: string) =>
      until(`the first attempt of ${id}`, async () =>
        (await deliveries(admin, id)).find((d) => d.attempts >= 1),
      );
    const [redirect, hang, big] = [
      await first(hooks[0]!.id),
      await first(hooks[1]!.id),
      await first(hooks[2]!.id),
    ];
    expect(redirect).toMatchObject({ responseStatus: 302, status: "pending" });
    expect(redirect.error).toContain("302");
    expect(hang.error).toContain("No complete answer within 1000 ms");
    expect(hang.durationMs).toBeLessThan(3000);
    expect(big).toMatchObject({ status: "delivered", responseStatus: 200 });
    expect(big.responseBody.length).toBeLessThanOrEqual(2000);
    for (const h of hooks) expect((await app.del(`/api/v1/webhooks/${h.id}`, admin.token)).status).toBe(204);
    expect(rx.got.some((r) => r.path === "/steal")).toBe(false);
  });

  it("the reference's copy-paste receiver accepts a real delivery and refuses one signed with another secret", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fanz-receiver-"));
    const file = join(dir, "receiver.mjs");
    writeFileSync(file, WEBHOOK_VERIFY_SNIPPET);
    const children: ChildProcess[] = [];
    // The webhook first (its secret is made at registration), then the receiver on that port with a secret.
    const deliverTo = async (secret: (real: string) => string) => {
      const port = await freePort();
      const wh = (await register(admin, `http://127.0.0.1:${port}/fanz`, ["live.ended"])).body.webhook;
      const child = spawn(process.execPath, [file], {
        env: { ...process.env, PORT: String(port), FANZ_WEBHOOK_SECRET: secret(wh.secret) },
        stdio: "pipe",
      });
      children.push(child);
      await until("the receiver listening", async () =>
        fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: "{}" }).then((r) => r.status === 400),
      );
      expect((await app.post(`/api/v1/webhooks/${wh.id}/test`, {}, admin.token)).status).toBe(202);
      const d = await until("the attempt", async () =>
        (await deliveries(admin, wh.id)).find((x) => x.attempts > 0),
      );
      await app.del(`/api/v1/webhooks/${wh.id}`, admin.token);
      return d;
    };
    try {
      expect(await deliverTo((real) => real)).toMatchObject({
        status: "delivered",
        responseStatus: 200,
        responseBody: "ok",
      });
      expect(await deliverTo(() => "whsec_someone_elses")).toMatchObject({
        responseStatus: 400,
        responseBody: "bad signature",
      });
    } finally {
      for (const c of children) c.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Last: from here on private addresses stay refused, so nothing queued below can reach one.
  it("with allow_private off: refuses private addresses at registration and again before connecting", async () => {
    // Registered while the operator allowed private receivers; subscribed to an event nothing here makes.
    const early = await Promise.all(
      [rx.url("/late"), "http://10.0.0.1/hook", `http://localhost:${rx.port}/late`].map(
        async (url) => (await register(admin, url, ["live.ended"])).body.webhook,
      ),
    );
    app.ctx.config.webhooks.allow_private = false;

    for (const [url, why] of [
      [rx.url("/ok"), "loopback"],
      ["http://10.0.0.1/hook", "private"],
      [`http://[::1]:${rx.port}/ok`, "loopback"],
      [`http://localhost:${rx.port}/ok`, "loopback"],
      ["http://169.254.169.254/latest/meta-data", "link-local"],
      ["http://[::ffff:127.0.0.1]/", "loopback"],
    ] as const) {
      const r = await register(creator, url, ["post.published"]);
      expect(r.status, url).toBe(400);
      expect(r.body.error.code).toBe("address_not_allowed");
      expect(r.body.error.message).toContain(why);
    }

    const before = rx.got.length;
    for (const w of early)
      expect((await app.post(`/api/v1/webhooks/${w.id}/test`, {}, admin.token)).status).toBe(202);
    const settled = await Promise.all(
      early.map((w) =>
        until(`the refusal of ${w.url}`, async () =>
          (await deliveries(admin, w.id)).find((d) => d.status === "failed"),
        ),
      ),
    );
    for (const d of settled) {
      expect(d).toMatchObject({ attempts: 1, responseStatus: null, nextAttemptAt: null });
      expect(d.error).toMatch(/(loopback|private) address/);
    }
    expect(settled[2].error).toContain("localhost resolves to");
    // The events that the live webhook wants are refused too, and the receiver heard nothing new.
    await app.postAs(creator, { text: "After the switch", visibility: "public" });
    await until("the refused post delivery", async () =>
      (await deliveries(creator, hook.id)).find((d) => d.status === "failed" && d.type === "post.published"),
    );
    expect(rx.got.length).toBe(before);
  });
});
