// The admin console's people on a real database (both engines), through real HTTP: a ban ends every
// session at once, login answers 403 `banned`, the creator's page and posts are 404 for everyone else and
// gone from feeds and discovery, their subscriptions (as fan and as creator) are not renewed and nothing is
// charged, their payouts are held; unbanning shows everything again and renewals resume from then on. A
// suspension ends by itself. Admins cannot ban or demote themselves or the last admin. The badge shows.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "../../src/lib/clock.ts";
import { MONTH_MS } from "../../src/modules/subscriptions/service.ts";
import { schedulerTasks } from "../../src/main.ts";
import { startTestApp, TestClock, type Actor, type TestApp } from "../helpers/api.ts";

describe("admin: people, bans and suspensions", () => {
  let app: TestApp;
  const clock = new TestClock();
  let admin: Actor, star: Actor, other: Actor, loyal: Actor, stranger: Actor;
  let publicPost: { id: string }, subsPost: { id: string };
  let payoutApproved: string, payoutRequested: string;

  const runScheduler = async () => {
    for (const t of schedulerTasks(app.ctx, app.services)) await t.run();
  };
  const wallet = async (a: Actor) => (await app.get("/api/v1/wallet", a.token)).body;
  const sessionsOf = async (id: string) =>
    Number(
      (
        (await app.raw.prepare("SELECT count(*) AS n FROM sessions WHERE user_id = ?").get(id)) as {
          n: number;
        }
      ).n,
    );
  const subRow = async (fanId: string, creatorId: string) =>
    (await app.raw
      .prepare("SELECT * FROM subscriptions WHERE fan_id = ? AND creator_id = ?")
      .get(fanId, creatorId)) as { status: string; current_period_end: number | string };
  const login = (username: string) =>
    app.post("/api/v1/auth/login", { email: `${username}@example.com`, password: "password-123" });
  const auditOf = async (action: string, target: string) =>
    (await app.get(`/api/v1/admin/audit?action=${action}&target=${target}&limit=100`, admin.token)).body
      .items;
  const feedIds = async (a: Actor) =>
    (await app.get("/api/v1/feed", a.token)).body.items.map((p: { id: string }) => p.id);
  const discover = async (q: string) =>
    (await app.get(`/api/v1/creators?query=${q}`)).body.items.map((c: { username: string }) => c.username);

  beforeAll(async () => {
    app = await startTestApp({ clock, env: { FANZ_AUTH__SESSION_DAYS: "365" } });
    admin = await app.signupAdmin();
    star = await app.creator("starlet", { priceCents: 1000 });
    other = await app.creator("otherone", { priceCents: 500 });
    loyal = await app.signup("loyalfan");
    stranger = await app.signup("stranger");
    publicPost = await app.postAs(star, { text: "hello everyone", visibility: "public" });
    subsPost = await app.postAs(star, { text: "for my fans", visibility: "subscribers" });
    await app.topup(loyal, 20_000);
    expect(
      (await app.post("/api/v1/subscriptions", { creator: "starlet", payWith: "wallet" }, loyal.token))
        .status,
    ).toBe(201);
    // The creator is a fan too: a paid subscription of theirs to another creator.
    await app.topup(star, 5000);
    expect(
      (await app.post("/api/v1/subscriptions", { creator: "otherone", payWith: "wallet" }, star.token))
        .status,
    ).toBe(201);
    // Earnings to pay out: two 25.00 tips, 40.00 available after the hold.
    for (let i = 0; i < 2; i++)
      expect(
        (await app.post("/api/v1/tips", { creator: "starlet", amountCents: 2500 }, loyal.token)).status,
      ).toBe(201);
    clock.advance(7 * DAY + 1000);
    await runScheduler();
    expect(
      (await app.put("/api/v1/payouts/method", { kind: "paypal", email: "s@example.com" }, star.token))
        .status,
    ).toBe(200);
    const p1 = await app.post("/api/v1/payouts", { amountCents: 2000 }, star.token);
    const p2 = await app.post("/api/v1/payouts", { amountCents: 2000 }, star.token);
    expect([p1.status, p2.status]).toEqual([201, 201]);
    payoutApproved = p1.body.payout.id;
    payoutRequested = p2.body.payout.id;
    expect(
      (await app.post(`/api/v1/admin/payouts/${payoutApproved}/approve`, undefined, admin.token)).status,
    ).toBe(200);
  });
  afterEach(async () => {
    expect(await app.ledgerHealth()).toEqual({ unbalanced: [], drifted: [] });
  });
  afterAll(() => app.close());

  it("a ban ends every session at once, and login answers 403 banned", async () => {
    const second = (await login("starlet")).body.token as string;
    expect(await sessionsOf(star.user.id)).toBe(2);
    expect(await feedIds(loyal)).toContain(subsPost.id);
    expect(await discover("starl")).toEqual(["starlet"]);

    const r = await app.post(
      `/api/v1/admin/users/${star.user.id}/ban`,
      { reason: "Spam everywhere" },
      admin.token,
    );
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({
      username: "starlet",
      status: "banned",
      statusReason: "Spam everywhere",
    });
    expect(await sessionsOf(star.user.id)).toBe(0);
    for (const token of [star.token, second])
      expect((await app.get("/api/v1/users/me", token)).status).toBe(401);
    const again = await login("starlet");
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe("banned");

    const [entry] = await auditOf("user.ban", star.user.id);
    expect(entry).toMatchObject({
      actor: { id: admin.user.id, username: "admin" },
      target: { type: "user", id: star.user.id },
      ip: expect.any(String),
      details: { reason: "Spam everywhere", username: "starlet" },
    });
  });

  it("the banned creator's page and posts are 404 for others, gone from feeds and discovery; admins still see", async () => {
    for (const who of [loyal.token, stranger.token, undefined]) {
      expect((await app.get("/api/v1/creators/starlet", who)).status).toBe(404);
      expect((await app.get("/api/v1/creators/starlet/posts", who)).status).toBe(404);
      expect((await app.get(`/api/v1/posts/${publicPost.id}`, who)).status).toBe(404);
      expect((await app.get(`/api/v1/posts/${subsPost.id}`, who)).status).toBe(404);
      expect((await app.get(`/api/v1/posts/${publicPost.id}/comments`, who)).status).toBe(404);
    }
    expect(await feedIds(loyal)).not.toContain(subsPost.id);
    expect(await feedIds(loyal)).not.toContain(publicPost.id);
    expect(await discover("starl")).toEqual([]);
    expect((await app.post(`/api/v1/posts/${publicPost.id}/likes`, undefined, loyal.token)).status).toBe(404);
    // The admin still sees it (to decide about it).
    expect((await app.get("/api/v1/creators/starlet", admin.token)).status).toBe(200);
    expect((await app.get(`/api/v1/posts/${subsPost.id}`, admin.token)).status).toBe(200);
    const detail = await app.get(`/api/v1/admin/users/${star.user.id}`, admin.token);
    expect(detail.body.user).toMatchObject({ status: "banned", isCreator: true, posts: 2, subscribers: 1 });
  });

  it("their payouts are held: approve and mark-paid answer 409 account_blocked, a request 403", async () => {
    const approve = await app.post(
      `/api/v1/admin/payouts/${payoutRequested}/approve`,
      undefined,
      admin.token,
    );
    expect(approve.status).toBe(409);
    expect(approve.body.error.code).toBe("account_blocked");
    const paid = await app.post(
      `/api/v1/admin/payouts/${payoutApproved}/mark-paid`,
      { reference: "TX-1" },
      admin.token,
    );
    expect(paid.status).toBe(409);
    expect(paid.body.error.code).toBe("account_blocked");
    // The creator cannot sign in to ask; the rule holds at the service too (any other way in).
    await expect(app.services.payouts.request(star.user.id, 2000)).rejects.toMatchObject({
      code: "account_blocked",
    });
    const queue = (await app.get("/api/v1/admin/payouts", admin.token)).body.items;
    expect(queue.find((p: { id: string }) => p.id === payoutRequested).status).toBe("requested");
    expect(queue.find((p: { id: string }) => p.id === payoutApproved).status).toBe("approved");
  });

  it("no renewal while banned, either way, and nothing is charged; after unban renewals resume from then on", async () => {
    const loyalBefore = (await wallet(loyal)).balanceCents;
    const fanSub = await subRow(loyal.user.id, star.user.id);
    clock.advance(Number(fanSub.current_period_end) - clock.now() + 1000);
    await runScheduler();
    await runScheduler();
    expect((await wallet(loyal)).balanceCents).toBe(loyalBefore);
    expect(Number((await subRow(loyal.user.id, star.user.id)).current_period_end)).toBe(
      Number(fanSub.current_period_end),
    );
    const starSub = await subRow(star.user.id, other.user.id);
    expect(Number(starSub.current_period_end)).toBeLessThan(clock.now());
    const renewals = async () =>
      Number(
        (
          (await app.raw
            .prepare("SELECT count(*) AS n FROM ledger_transactions WHERE kind = 'renewal'")
            .get()) as {
            n: number;
          }
        ).n,
      );
    expect(await renewals()).toBe(0);
    // Ten days later the ban is lifted.
    clock.advance(10 * DAY);
    await runScheduler();
    expect(await renewals()).toBe(0);
    const un = await app.post(`/api/v1/admin/users/${star.user.id}/unban`, undefined, admin.token);
    expect(un.status).toBe(200);
    expect(un.body.user.status).toBe("active");
    expect((await auditOf("user.unban", star.user.id))[0]).toMatchObject({ details: { was: "banned" } });
    const unbannedAt = clock.now();
    await runScheduler();
    await runScheduler();
    expect(await renewals()).toBe(2);
    expect((await wallet(loyal)).balanceCents).toBe(loyalBefore - 1000);
    // The new period starts at the charge: the ten banned days are not paid for.
    expect(Number((await subRow(loyal.user.id, star.user.id)).current_period_end)).toBe(
      unbannedAt + MONTH_MS,
    );
    expect(Number((await subRow(star.user.id, other.user.id)).current_period_end)).toBe(
      unbannedAt + MONTH_MS,
    );
    const back = await login("starlet");
    expect(back.status).toBe(200);
    // 50.00 topped up, 5.00 for the first month, 5.00 for the one renewal: nothing for the banned days.
    expect((await wallet(back.body)).balanceCents).toBe(5000 - 500 - 500);

    // Visible again, in feeds and discovery too; login works.
    expect((await app.get("/api/v1/creators/starlet", stranger.token)).status).toBe(200);
    expect((await app.get(`/api/v1/posts/${publicPost.id}`)).status).toBe(200);
    expect(await feedIds(loyal)).toContain(subsPost.id);
    expect(await discover("starl")).toEqual(["starlet"]);
    expect(
      (await app.post(`/api/v1/admin/payouts/${payoutRequested}/approve`, undefined, admin.token)).status,
    ).toBe(200);
  });

  it("a suspension holds the same way until its time, then ends by itself", async () => {
    const past = await app.post(
      `/api/v1/admin/users/${other.user.id}/suspend`,
      { until: clock.now() - 1, reason: "late" },
      admin.token,
    );
    expect(past.status).toBe(400);
    const until = clock.now() + 2 * DAY;
    const r = await app.post(
      `/api/v1/admin/users/${other.user.id}/suspend`,
      { until, reason: "Cooling off" },
      admin.token,
    );
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ status: "suspended", suspendedUntil: until });
    expect(await sessionsOf(other.user.id)).toBe(0);
    const refused = await login("otherone");
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("suspended");
    expect((await app.get("/api/v1/creators/otherone", loyal.token)).status).toBe(404);
    expect(await discover("otherone")).toEqual([]);
    expect((await auditOf("user.suspend", other.user.id))[0].details).toMatchObject({
      until,
      reason: "Cooling off",
    });

    clock.advance(2 * DAY + 1);
    expect((await login("otherone")).status).toBe(200);
    expect((await app.get("/api/v1/creators/otherone", loyal.token)).status).toBe(200);
    expect(await discover("otherone")).toEqual(["otherone"]);
    expect((await app.get(`/api/v1/admin/users/${other.user.id}`, admin.token)).body.user.status).toBe(
      "active",
    );
  });

  it("no admin bans, suspends or demotes themselves; the last admin stays; roles change with an entry", async () => {
    const self = await app.post(`/api/v1/admin/users/${admin.user.id}/ban`, { reason: "oops" }, admin.token);
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe("self_action");
    const demote = await app.put(`/api/v1/admin/users/${admin.user.id}/role`, { role: "fan" }, admin.token);
    expect(demote.body.error.code).toBe("self_action");
    // The site itself (a CLI command, no actor) cannot take the only admin away either.
    await expect(
      app.services.admin.ban({ actorId: null, ip: null }, admin.user.id, "no admins left"),
    ).rejects.toMatchObject({ code: "last_admin" });

    const promoted = await app.put(
      `/api/v1/admin/users/${stranger.user.id}/role`,
      { role: "admin" },
      admin.token,
    );
    expect(promoted.body.user.role).toBe("admin");
    expect((await auditOf("user.role", stranger.user.id))[0].details).toMatchObject({
      from: "fan",
      to: "admin",
    });
    // With two admins, one may demote the other.
    const back = await app.put(`/api/v1/admin/users/${stranger.user.id}/role`, { role: "fan" }, admin.token);
    expect(back.body.user.role).toBe("fan");
    expect((await app.get("/api/v1/users/me", admin.token)).body.user.role).toBe("admin");
  });

  it("the verified badge shows on the creator's page and on author cards, and comes off", async () => {
    expect((await app.get("/api/v1/creators/starlet")).body.creator.verified).toBe(false);
    expect((await app.get(`/api/v1/posts/${publicPost.id}`)).body.post.creator.verified).toBe(false);
    const v = await app.post(`/api/v1/admin/creators/${star.user.id}/verify`, undefined, admin.token);
    expect(v.status).toBe(200);
    expect(v.body.user.verified).toBe(true);
    expect((await app.get("/api/v1/creators/starlet")).body.creator.verified).toBe(true);
    expect((await app.get(`/api/v1/posts/${publicPost.id}`)).body.post.creator.verified).toBe(true);
    expect((await app.get("/api/v1/creators?query=starlet")).body.items[0].verified).toBe(true);
    // The creator's own profile save does not touch it.
    const starNow = (await login("starlet")).body.token as string;
    expect((await app.put("/api/v1/creators/me", { bio: "new bio" }, starNow)).body.creator.verified).toBe(
      true,
    );
    expect(await auditOf("creator.verify", star.user.id)).toHaveLength(1);

    const u = await app.post(`/api/v1/admin/creators/${star.user.id}/unverify`, undefined, admin.token);
    expect(u.body.user.verified).toBe(false);
    expect((await app.get(`/api/v1/posts/${publicPost.id}`)).body.post.creator.verified).toBe(false);
    expect(await auditOf("creator.unverify", star.user.id)).toHaveLength(1);
    // A fan has no creator profile to verify.
    expect(
      (await app.post(`/api/v1/admin/creators/${loyal.user.id}/verify`, undefined, admin.token)).status,
    ).toBe(404);
  });

  it("search by name or e-mail, role and status, page by page; a person's page has the counts that help", async () => {
    const byMail = await app.get("/api/v1/admin/users?query=LOYALFAN@example", admin.token);
    expect(byMail.body.items.map((u: { username: string }) => u.username)).toEqual(["loyalfan"]);
    const creators = await app.get("/api/v1/admin/users?role=creator", admin.token);
    expect(creators.body.items.map((u: { username: string }) => u.username).sort()).toEqual([
      "otherone",
      "starlet",
    ]);
    await app.post(`/api/v1/admin/users/${loyal.user.id}/ban`, { reason: "test" }, admin.token);
    const banned = await app.get("/api/v1/admin/users?status=banned", admin.token);
    expect(banned.body.items.map((u: { username: string }) => u.username)).toEqual(["loyalfan"]);
    await app.post(`/api/v1/admin/users/${loyal.user.id}/unban`, undefined, admin.token);
    // Percent and underscore are taken literally.
    expect((await app.get("/api/v1/admin/users?query=%25", admin.token)).body.items).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const p: { body: { items: { id: string }[]; nextCursor: string | null } } = await app.get(
        `/api/v1/admin/users?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        admin.token,
      );
      seen.push(...p.body.items.map((u) => u.id));
      cursor = p.body.nextCursor;
    }
    expect(new Set(seen).size).toBe(5);
    expect(seen).toHaveLength(5);

    const d = (await app.get(`/api/v1/admin/users/${star.user.id}`, admin.token)).body.user;
    expect(d).toMatchObject({
      email: "starlet@example.com",
      posts: 2,
      subscribers: 1,
      openReports: 0,
      // The first month released (8.00), the tips paid out; the renewal still held.
      earnings: [{ currency: "USD", pendingCents: 800, availableCents: 800 }],
    });
    expect((await app.get(`/api/v1/admin/users/${"a".repeat(26)}`, admin.token)).status).toBe(404);
  });
});
