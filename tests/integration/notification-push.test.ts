// Web push through the real app to a local push service that checks what a browser vendor's would: the
// site's VAPID key (GET /push/key), subscriptions (idempotent per endpoint, removed by DELETE or by a 410
// from the push service), a valid VAPID signature on every push and an aes128gcm body the browser's keys
// decrypt, retries on a 5xx, and the person's push choice per kind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, TestClock, type Actor, type TestApp } from "../helpers/api.ts";
import { startPushService } from "../helpers/push-service.ts";

describe("web push", () => {
  let push: Awaited<ReturnType<typeof startPushService>>;
  let app: TestApp;
  const clock = new TestClock();
  let creator: Actor, fan: Actor;
  let publicKey: string;

  const tip = async (amountCents = 200) => {
    const r = await app.post(
      "/api/v1/tips",
      { creator: "pushed", amountCents, payWith: "wallet" },
      fan.token,
    );
    expect(r.status).toBe(201);
    await app.services.notifications.outbox.runDue();
  };
  const subscriptions = async (a: Actor) =>
    (await app.raw.prepare("SELECT endpoint FROM push_subscriptions WHERE user_id = ?").all(a.user.id)) as {
      endpoint: string;
    }[];
  const pushRows = async (a: Actor) =>
    (await app.services.notifications.outbox.ofUser(a.user.id)).filter((r) => r.channel === "push");

  beforeAll(async () => {
    push = await startPushService();
    app = await startTestApp({ clock, env: { FANZ_PUSH__ALLOW_HTTP_ENDPOINTS: "true" } });
    creator = await app.creator("pushed", { priceCents: 500, displayName: "Pia" });
    fan = await app.signup("pusher");
    await app.topup(fan, 10_000);
  });
  afterAll(async () => {
    await app.close();
    await push.close();
  });

  it("the site has one VAPID key, for signed-in people", async () => {
    const a = await app.get("/api/v1/push/key", fan.token);
    expect(a.status).toBe(200);
    publicKey = a.body.publicKey;
    expect(Buffer.from(publicKey, "base64url")).toHaveLength(65);
    expect((await app.get("/api/v1/push/key", creator.token)).body.publicKey).toBe(publicKey);
    expect((await app.get("/api/v1/push/key")).status).toBe(401);
  });

  it("subscribing is idempotent per endpoint; bad keys are refused", async () => {
    const sub = push.subscription();
    for (let i = 0; i < 2; i++) {
      const r = await app.post("/api/v1/push/subscriptions", sub, creator.token);
      expect(r.status).toBe(201);
      expect(r.body).toEqual({ subscription: { endpoint: sub.endpoint } });
    }
    expect(await subscriptions(creator)).toEqual([{ endpoint: sub.endpoint }]);
    const bad = await app.post(
      "/api/v1/push/subscriptions",
      { endpoint: push.subscription().endpoint, keys: { p256dh: "AAAA", auth: "BBBB" } },
      creator.token,
    );
    expect(bad.status).toBe(400);
    expect((await app.post("/api/v1/push/subscriptions", sub)).status).toBe(401);
  });

  it("a tip is pushed: signed with the site's VAPID key for the endpoint's origin, decryptable by the browser", async () => {
    const before = push.requests.length;
    await tip(250);
    expect(push.requests).toHaveLength(before + 1);
    const req = push.requests.at(-1)!;
    expect(req.vapidProblem).toBeNull();
    expect(req.vapidKey).toBe(publicKey);
    expect(req.jwt?.sub).toBe("mailto:no-reply@localhost");
    expect(Number(req.headers.ttl)).toBeGreaterThan(0);
    expect(req.payload).toEqual({
      title: "Test Site",
      body: "pusher sent you a tip of 2.50 USD.",
      link: "/earnings",
      tag: expect.stringMatching(/^tip:/),
    });
    expect((await pushRows(creator)).at(-1)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("a 5xx from the push service is retried; a 410 removes the subscription", async () => {
    push.answer(503);
    await tip();
    let row = (await pushRows(creator)).at(-1)!;
    expect(row).toMatchObject({ status: "queued", attempts: 1 });
    expect(row.lastError).toContain("503");

    push.answer(410);
    clock.advance(60_000);
    await app.services.notifications.outbox.runDue();
    row = (await pushRows(creator)).at(-1)!;
    expect(row).toMatchObject({ status: "dropped", attempts: 2 });
    expect(await subscriptions(creator)).toEqual([]);

    push.answer(201);
    const before = (await pushRows(creator)).length;
    await tip();
    expect(await pushRows(creator)).toHaveLength(before); // nobody left to push to
  });

  it("DELETE unsubscribes; push switched off for a kind queues nothing", async () => {
    const sub = push.subscription();
    await app.post("/api/v1/push/subscriptions", sub, creator.token);
    const other = push.subscription();
    await app.post("/api/v1/push/subscriptions", other, creator.token);
    // Someone else cannot remove it.
    expect(
      (
        await app.call("DELETE", "/api/v1/push/subscriptions", {
          body: { endpoint: sub.endpoint },
          token: fan.token,
        })
      ).status,
    ).toBe(204);
    expect(await subscriptions(creator)).toHaveLength(2);
    const del = await app.call("DELETE", "/api/v1/push/subscriptions", {
      body: { endpoint: other.endpoint },
      token: creator.token,
    });
    expect(del.status).toBe(204);
    expect(await subscriptions(creator)).toEqual([{ endpoint: sub.endpoint }]);

    await app.put(
      "/api/v1/users/me/notification-settings",
      { settings: { tip: { push: false } } },
      creator.token,
    );
    const before = (await pushRows(creator)).length;
    await tip();
    expect(await pushRows(creator)).toHaveLength(before);
    await app.put(
      "/api/v1/users/me/notification-settings",
      { settings: { tip: { push: true } } },
      creator.token,
    );
    await tip();
    expect((await pushRows(creator)).at(-1)).toMatchObject({ status: "sent" });
  });
});

describe("web push endpoints", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it("the web app manifest carries the site's name and the icons", async () => {
    const r = await fetch(`${app.base}/manifest.webmanifest`);
    expect(r.headers.get("content-type")).toBe("application/manifest+json");
    const m = (await r.json()) as { name: string; display: string; icons: { sizes: string }[] };
    expect(m).toMatchObject({ name: "Test Site", display: "standalone", start_url: "/" });
    expect(m.icons.map((i) => i.sizes)).toEqual(["192x192", "512x512", "512x512"]);
  });

  it("must be https on a public host unless the site allows a local test service", async () => {
    const fan = await app.signup();
    const keys = {
      p256dh: Buffer.alloc(65, 4).toString("base64url"),
      auth: Buffer.alloc(16, 1).toString("base64url"),
    };
    const http = await app.post(
      "/api/v1/push/subscriptions",
      { endpoint: "http://127.0.0.1:9/x", keys },
      fan.token,
    );
    expect(http.status).toBe(400);
    expect(http.body.error.details.fields.endpoint).toBeTruthy();
    for (const endpoint of [
      "https://127.0.0.1/x",
      "https://[::1]/x",
      "https://localhost/x",
      "https://nas.local/x",
    ]) {
      const inside = await app.post("/api/v1/push/subscriptions", { endpoint, keys }, fan.token);
      expect(inside.status, endpoint).toBe(400);
    }
    const https = await app.post(
      "/api/v1/push/subscriptions",
      { endpoint: "https://push.example.com/x", keys },
      fan.token,
    );
    expect(https.status).toBe(201);
  });
});
