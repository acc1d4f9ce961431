// DMCA over real HTTP on a real database (both engines): a notice needs every element (a 400 names each
// missing one) and is rate-limited per address; the admin's takedown resolves its URLs (a post, a medium
// carried by a post) and the content disappears, the creator is told in-app and by mail (whatever they
// chose: a legal notice) and gets a strike; a counter-notice; a restore before the waiting period is 409,
// after it the content is back and the strike withdrawn; the strike limit suspends a repeat infringer.
// Every admin step is in the audit log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "../../src/lib/clock.ts";
import { startTestApp, TestClock, type Actor, type TestApp } from "../helpers/api.ts";
import * as fx from "../fixtures/media.ts";

describe("DMCA notices, takedowns, counter-notices and repeat infringers", () => {
  let app: TestApp;
  const clock = new TestClock();
  let admin: Actor, creator: Actor, fan: Actor;
  let ipSeq = 0;

  const notice = (urls: string[], over: Record<string, unknown> = {}) => ({
    claimant: {
      name: "Rita Rights",
      email: "rita@studio.example",
      address: "1 Film Way\nHollywood, CA 90028",
    },
    work: "The film “Sunset Strip” (2021), registration PA 1-234-567",
    urls,
    goodFaith: true,
    accuracy: true,
    signature: "Rita Rights",
    ...over,
  });
  /** Sends a notice from its own address (per-address limits), or from `ip`. */
  const send = (body: unknown, ip = `198.51.100.${++ipSeq}`) =>
    app.call("POST", "/api/v1/dmca", { body, headers: { "x-forwarded-for": ip } });
  const counter = (over: Record<string, unknown> = {}) => ({
    name: "Cora Creator",
    address: "5 Studio Lane\nAustin, TX 78701",
    phone: "+1 512 555 0100",
    email: "cora@example.com",
    material: "My post removed by the notice",
    mistakeStatement: true,
    jurisdictionConsent: true,
    signature: "Cora Creator",
    ...over,
  });
  const audit = async (action: string) =>
    (await app.get(`/api/v1/admin/audit?action=${action}`, admin.token)).body.items as any[];
  const takedown = (id: string) => app.post(`/api/v1/admin/dmca/${id}/takedown`, undefined, admin.token);
  const postUrl = (id: string) => `${app.base}/posts/${id}`;

  beforeAll(async () => {
    app = await startTestApp({
      clock,
      env: { FANZ_SERVER__TRUST_PROXY: "true", FANZ_COMPLIANCE__DMCA_NOTICES_PER_HOUR: "3" },
    });
    admin = await app.signupAdmin();
    creator = await app.creator("accused");
    fan = await app.signup("dmca_fan");
    await app.grant(fan, creator);
  });
  afterAll(() => app.close());

  it("an incomplete notice is 400 naming every missing element; a complete one is 201", async () => {
    const empty = await send({});
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.body.error.details.fields).sort()).toEqual(
      ["accuracy", "claimant", "goodFaith", "signature", "urls", "work"].sort(),
    );
    const partial = await send(
      notice([], {
        claimant: { name: "", email: "not-mail", address: "" },
        goodFaith: false,
        signature: "  ",
      }),
    );
    expect(Object.keys(partial.body.error.details.fields).sort()).toEqual([
      "claimant.address",
      "claimant.email",
      "claimant.name",
      "goodFaith",
      "signature",
      "urls",
    ]);
    expect(partial.body.error.details.fields.goodFaith).toMatch(/good-faith/);
    const ok = await send(notice(["https://elsewhere.example/x"]));
    expect(ok.status).toBe(201);
    expect(ok.body.notice).toMatchObject({ status: "open" });
    const listed = (await app.get("/api/v1/admin/dmca?status=open", admin.token)).body.items;
    expect(listed[0]).toMatchObject({
      id: ok.body.notice.id,
      claimant: { name: "Rita Rights" },
      ip: expect.any(String),
    });
    expect((await app.get("/api/v1/admin/dmca", fan.token)).status).toBe(403);
  });

  it("notices are rate-limited per address", async () => {
    const ip = "203.0.113.77";
    for (let i = 0; i < 3; i++) expect((await send(notice(["https://x.example/a"]), ip)).status).toBe(201);
    const limited = await send(notice(["https://x.example/a"]), ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await send(notice(["https://x.example/a"]), "203.0.113.78")).status).toBe(201);
  });

  it("a notice naming nothing on this site cannot be taken down; the admin rejects it", async () => {
    const n = (await send(notice(["https://elsewhere.example/video/1", `${app.base}/posts/notanid`]))).body
      .notice;
    const r = await takedown(n.id);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("nothing_to_take_down");
    const rejected = await app.post(
      `/api/v1/admin/dmca/${n.id}/reject`,
      { reason: "Not on this site." },
      admin.token,
    );
    expect(rejected.body.notice).toMatchObject({ status: "rejected", rejectReason: "Not on this site." });
    expect((await takedown(n.id)).body.error.code).toBe("dmca_not_open");
    expect((await audit("dmca.reject"))[0]).toMatchObject({
      actor: { id: admin.user.id },
      target: { id: n.id },
    });
  });

  it("takedown: the named content disappears, the creator is told by notification and mail, a strike is recorded", async () => {
    // The creator turned compliance mails off: a legal notice is mailed anyway.
    await app.put("/api/v1/users/me/notification-settings", { compliance: { email: false } }, creator.token);
    const direct = await app.postAs(creator, { text: "Sunset copy", visibility: "subscribers" });
    const up = await app.upload(creator, await fx.jpeg(320, 240), "still.jpg");
    const carrier = await app.postAs(creator, {
      text: "Still",
      visibility: "public",
      mediaIds: [up.body.media.id],
    });
    const kept = await app.postAs(creator, { text: "My own work", visibility: "public" });
    const n = (await send(notice([postUrl(direct.id), `${app.base}/media/${up.body.media.id}/full.webp`])))
      .body.notice;
    const preview = (await app.get(`/api/v1/admin/dmca/${n.id}`, admin.token)).body.notice;
    expect(preview.resolved.map((t: any) => t.id).sort()).toEqual([direct.id, carrier.id].sort());

    const r = await takedown(n.id);
    expect(r.status).toBe(200);
    expect(r.body.notice.status).toBe("taken_down");
    expect(r.body.notice.strikes).toMatchObject([{ userId: creator.user.id, counter: null }]);
    for (const p of [direct, carrier]) {
      expect((await app.get(`/api/v1/posts/${p.id}`, fan.token)).status).toBe(404);
      expect((await app.get(`/api/v1/posts/${p.id}`, creator.token)).status).toBe(404);
    }
    const page = (await app.get("/api/v1/creators/accused/posts", fan.token)).body.items.map(
      (p: any) => p.id,
    );
    expect(page).toContain(kept.id);
    expect(page).not.toContain(direct.id);
    expect((await app.get("/api/v1/feed", fan.token)).body.items.map((p: any) => p.id)).not.toContain(
      carrier.id,
    );

    const told = (await app.get("/api/v1/notifications", creator.token)).body.items[0];
    expect(told).toMatchObject({ kind: "dmca_notice", link: `/dmca/notices/${n.id}` });
    expect(told.text).toMatch(
      /2 of your posts were removed after a copyright \(DMCA\) notice from Rita Rights/,
    );
    const mails = (await app.services.notifications.outbox.ofUser(creator.user.id)).filter(
      (m) => m.channel === "email" && m.kind === "dmca_notice",
    );
    expect(mails).toHaveLength(1);
    expect(JSON.stringify(mails[0]!.payload)).toContain("Sunset Strip");
    const mine = (await app.get("/api/v1/dmca", creator.token)).body.items;
    expect(mine[0]).toMatchObject({ id: n.id, status: "taken_down", claimant: { name: "Rita Rights" } });
    expect(mine[0].postIds.sort()).toEqual([direct.id, carrier.id].sort());
    expect((await app.get(`/api/v1/dmca/${n.id}`, fan.token)).status).toBe(404);
    expect((await audit("dmca.takedown"))[0]).toMatchObject({
      actor: { id: admin.user.id },
      target: { type: "dmca", id: n.id },
    });

    // The counter-notice: every element required, the accused creator only, once.
    const incomplete = await app.post(
      `/api/v1/dmca/${n.id}/counter`,
      counter({ mistakeStatement: false, phone: "" }),
      creator.token,
    );
    expect(Object.keys(incomplete.body.error.details.fields).sort()).toEqual(["mistakeStatement", "phone"]);
    expect((await app.post(`/api/v1/dmca/${n.id}/counter`, counter(), fan.token)).status).toBe(404);
    const sent = await app.post(`/api/v1/dmca/${n.id}/counter`, counter(), creator.token);
    expect(sent.status).toBe(200);
    expect(sent.body.notice).toMatchObject({ status: "countered", counter: { name: "Cora Creator" } });
    expect(sent.body.notice.restorableAt).toBe(sent.body.notice.counteredAt + 14 * DAY);
    expect((await app.post(`/api/v1/dmca/${n.id}/counter`, counter(), creator.token)).body.error.code).toBe(
      "already_countered",
    );

    // Restore: refused during the waiting period, done after it.
    clock.advance(10 * DAY);
    const early = await app.post(`/api/v1/admin/dmca/${n.id}/restore`, undefined, admin.token);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("waiting_period");
    expect(early.body.error.details.restorableAt).toBe(sent.body.notice.restorableAt);
    expect((await app.get(`/api/v1/posts/${direct.id}`, fan.token)).status).toBe(404);
    clock.advance(4 * DAY + 1000);
    const restored = await app.post(`/api/v1/admin/dmca/${n.id}/restore`, undefined, admin.token);
    expect(restored.status).toBe(200);
    expect(restored.body.notice.status).toBe("restored");
    expect(restored.body.notice.strikes[0].withdrawnAt).not.toBeNull();
    const back = await app.get(`/api/v1/posts/${direct.id}`, fan.token);
    expect(back.status).toBe(200);
    expect(back.body.post.publishedAt).toBe(direct.publishedAt);
    expect(
      (await app.get("/api/v1/creators/accused/posts", fan.token)).body.items.map((p: any) => p.id),
    ).toContain(carrier.id);
    expect((await app.get("/api/v1/notifications", creator.token)).body.items[0].kind).toBe("dmca_restored");
    expect((await audit("dmca.restore"))[0]).toMatchObject({
      actor: { id: admin.user.id },
      target: { id: n.id },
    });
  });

  it("a restore without a counter-notice is 409", async () => {
    const p = await app.postAs(creator, { text: "Another", visibility: "public" });
    const n = (await send(notice([postUrl(p.id)]))).body.notice;
    await takedown(n.id);
    const r = await app.post(`/api/v1/admin/dmca/${n.id}/restore`, undefined, admin.token);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("no_counter_notice");
  });

  it("the strike limit suspends a repeat infringer automatically, in the audit log", async () => {
    const pirate = await app.creator("pirate");
    for (let i = 0; i < 3; i++) {
      const p = await app.postAs(pirate, { text: `Copy ${i}`, visibility: "public" });
      const n = (await send(notice([postUrl(p.id)]))).body.notice;
      expect((await takedown(n.id)).status).toBe(200);
      const status = (
        (await app.raw.prepare("SELECT status FROM users WHERE id = ?").get(pirate.user.id)) as any
      ).status;
      expect(status).toBe(i < 2 ? "active" : "suspended");
    }
    const login = await app.post("/api/v1/auth/login", {
      email: "pirate@example.com",
      password: "password-123",
    });
    expect(login.status).toBe(403);
    expect(login.body.error.code).toBe("suspended");
    const [entry] = await audit("user.suspend");
    expect(entry).toMatchObject({
      actor: { id: admin.user.id },
      target: { type: "user", id: pirate.user.id },
      details: { automatic: true, cause: "dmca_repeat_infringer", strikes: 3, limit: 3 },
    });
    // The earlier creator had one strike withdrawn by the restore and one standing: not suspended.
    const accused = (
      (await app.raw.prepare("SELECT status FROM users WHERE id = ?").get(creator.user.id)) as any
    ).status;
    expect(accused).toBe("active");
  });
});
