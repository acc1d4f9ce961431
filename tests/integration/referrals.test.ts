// Referrals over real HTTP on both engines: a creator's sign-up link records the people it brought; once
// one of them is a creator, for a year the referrer earns the site's share (default 5 %) of the platform
// fee on their sales, moved in the ledger in the sale's transaction, reversed with a refund.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "../../src/lib/clock.ts";
import { startTestApp, TestClock, type Actor, type TestApp } from "../helpers/api.ts";

describe("referrals", () => {
  const clock = new TestClock();
  let app: TestApp;
  let admin: Actor;
  let referrer: Actor;
  let referred: Actor;

  const signupWith = async (username: string, ref: string) => {
    const r = await app.post("/api/v1/auth/signup", {
      email: `${username}@example.com`,
      username,
      password: "password-123",
      ageConfirmed: true,
      ref,
    });
    expect(r.status).toBe(201);
    return { token: r.body.token, user: r.body.user } as Actor;
  };
  const earnings = async (a: Actor) => (await app.get("/api/v1/earnings", a.token)).body;
  const platformRevenue = async () =>
    Number(
      (
        (await app.raw
          .prepare(
            "SELECT balance_cents FROM ledger_accounts WHERE kind = 'platform_revenue' AND currency = 'USD'",
          )
          .get()) as { balance_cents: number | string } | undefined
      )?.balance_cents ?? 0,
    );
  const tip = async (fan: Actor, amountCents: number) => {
    const r = await app.post(
      "/api/v1/tips",
      { creator: "brought", amountCents, payWith: "wallet" },
      fan.token,
    );
    expect(r.status).toBe(201);
  };

  beforeAll(async () => {
    app = await startTestApp({ clock, env: { FANZ_AUTH__SESSION_DAYS: "365" } });
    admin = await app.signupAdmin();
    referrer = await app.creator("bringer", { priceCents: 500 });
    referred = await signupWith("brought", "bringer");
  });
  afterAll(() => app.close());

  it("records who signed up through a creator's link: first referrer wins, never oneself or a fan", async () => {
    const info = await app.get("/api/v1/referrals", referrer.token);
    expect(info.status).toBe(200);
    expect(info.body.referrals).toMatchObject({
      code: "bringer",
      referredCount: 1,
      creatorsCount: 0,
      sharePercent: 5,
    });
    expect(info.body.referrals.url).toMatch(/\/signup\?ref=bringer$/);
    // A fan has no referral link.
    expect((await app.get("/api/v1/referrals", referred.token)).body.error.code).toBe("not_a_creator");

    const other = await app.creator("second");
    await app.ctx.db.write((tx) => app.services.referrals.recordTx(tx, referred.user.id, "second"));
    await app.ctx.db.write((tx) => app.services.referrals.recordTx(tx, other.user.id, "second"));
    const fanRef = await signupWith("viafan", referred.user.username);
    const unknown = await signupWith("viaunknown", "nobody-at-all");
    expect((await app.get("/api/v1/referrals", other.token)).body.referrals.referredCount).toBe(0);
    for (const a of [fanRef, unknown, other]) {
      const row = await app.raw
        .prepare("SELECT referrer_id FROM referrals WHERE referred_id = ?")
        .get(a.user.id);
      expect(row).toBeUndefined();
    }
    const row = (await app.raw
      .prepare("SELECT referrer_id FROM referrals WHERE referred_id = ?")
      .get(referred.user.id)) as { referrer_id: string };
    expect(row.referrer_id).toBe(referrer.user.id);
  });

  it("credits the referrer share × fee on the referred creator's sales; a refund takes it back", async () => {
    // Sales before they are a creator there are none; from now on the year runs.
    const made = await app.put("/api/v1/creators/me", { priceCents: 1000 }, referred.token);
    expect(made.status).toBe(200);
    expect((await app.get("/api/v1/referrals", referrer.token)).body.referrals.creatorsCount).toBe(1);
    const fan = await app.signup();
    await app.topup(fan, 10_000);
    const revenueBefore = await platformRevenue();

    const sub = await app.post("/api/v1/subscriptions", { creator: "brought", payWith: "wallet" }, fan.token);
    expect(sub.status).toBe(201);
    // 1000 sale: fee 200 (20 %), referral share floor(200 × 5 %) = 10.
    expect((await earnings(referrer)).byType.referral).toBe(10);
    expect((await earnings(referrer)).pendingCents).toBe(10);
    expect((await earnings(referred)).pendingCents).toBe(800);
    expect((await platformRevenue()) - revenueBefore).toBe(190);

    // 333 tip: fee round(66.6) = 67, share floor(3.35) = 3 (shares round down to whole cents).
    await tip(fan, 333);
    expect((await earnings(referrer)).byType.referral).toBe(13);
    expect((await platformRevenue()) - revenueBefore).toBe(190 + 64);
    expect(await app.ledgerHealth()).toEqual({ unbalanced: [], drifted: [] });

    // The statement lists the shares.
    const csv = await app.call("GET", "/api/v1/earnings/statement.csv", { token: referrer.token });
    expect(csv.body).toContain("referral");

    // An admin refund of the subscription reverses its referral share too.
    const txns = (await app.get("/api/v1/admin/transactions?limit=100", admin.token)).body.items;
    const sale = txns.find(
      (t: { kind: string; user: { id: string } | null }) =>
        t.kind === "subscription" && t.user?.id === fan.user.id,
    );
    const refunded = await app.post(`/api/v1/admin/transactions/${sale.id}/refund`, undefined, admin.token);
    expect(refunded.status).toBe(200);
    expect((await earnings(referrer)).byType.referral).toBe(3);
    expect((await earnings(referrer)).pendingCents).toBe(3);
    expect((await platformRevenue()) - revenueBefore).toBe(64);
    expect(await app.ledgerHealth()).toEqual({ unbalanced: [], drifted: [] });
  });

  it("follows the admin's share setting, and stops 12 months after the person became a creator", async () => {
    const fan = await app.signup();
    await app.topup(fan, 10_000);
    const set = await app.put("/api/v1/admin/settings", { referralSharePercent: 10 }, admin.token);
    expect(set.status).toBe(200);
    expect(set.body.settings.referralSharePercent).toBe(10);
    const before = (await earnings(referrer)).byType.referral;
    await tip(fan, 1000); // fee 200, share 10 % = 20
    expect((await earnings(referrer)).byType.referral).toBe(before + 20);

    clock.advance(364 * DAY);
    await tip(fan, 1000);
    expect((await earnings(referrer)).byType.referral).toBe(before + 40);
    clock.advance(2 * DAY);
    const revenueBefore = await platformRevenue();
    await tip(fan, 1000);
    expect((await earnings(referrer)).byType.referral).toBe(before + 40);
    expect((await platformRevenue()) - revenueBefore).toBe(200);
    expect(await app.ledgerHealth()).toEqual({ unbalanced: [], drifted: [] });
  });
});
