// Promotions (discount and free-trial links) over real HTTP on both engines: who may make them, what a
// redemption charges (the first period discounted, renewals at the normal price; a trial free), the
// refusals (409 promotion_unavailable with nothing charged) and maxUses under parallel redemptions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "../../src/lib/clock.ts";
import { startTestApp, TestClock, type Actor, type TestApp } from "../helpers/api.ts";

describe("promotions", () => {
  const clock = new TestClock();
  let app: TestApp;
  let creator: Actor;
  let other: Actor;

  const promo = async (body: Record<string, unknown>, who: Actor = creator) => {
    const r = await app.post("/api/v1/promotions", body, who.token);
    expect(r.status).toBe(201);
    return r.body.promotion as {
      id: string;
      code: string;
      url: string;
      uses: number;
      maxUses: number | null;
    };
  };
  const wallet = async (a: Actor) => (await app.get("/api/v1/wallet", a.token)).body.balanceCents as number;
  const subscribe = (a: Actor, promotion: string, extra: Record<string, unknown> = {}) =>
    app.post(
      "/api/v1/subscriptions",
      { creator: "promoter", promotion, payWith: "wallet", ...extra },
      a.token,
    );
  const salesOf = async (fan: Actor) =>
    (
      (await app.raw
        .prepare(
          "SELECT kind, amount_cents FROM ledger_transactions WHERE user_id = ? ORDER BY created_at, id",
        )
        .all(fan.user.id)) as { kind: string; amount_cents: number | string }[]
    )
      .filter((t) => t.kind !== "topup")
      .map((t) => [t.kind, Number(t.amount_cents)]);

  beforeAll(async () => {
    // Months pass in these tests: sessions outlive them.
    app = await startTestApp({ clock, env: { FANZ_AUTH__SESSION_DAYS: "365" } });
    creator = await app.creator("promoter", { priceCents: 999 });
    other = await app.creator("otherone", { priceCents: 500 });
  });
  afterAll(() => app.close());

  it("only creators make promotions; they list, show and delete their own", async () => {
    const fan = await app.signup();
    const refused = await app.post("/api/v1/promotions", { kind: "trial", trialDays: 7 }, fan.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("not_a_creator");
    const bad = await app.post("/api/v1/promotions", { kind: "discount" }, creator.token);
    expect(bad.status).toBe(400);

    const p = await promo({
      kind: "discount",
      percentOff: 25,
      maxUses: 10,
      expiresAt: clock.now() + 30 * DAY,
    });
    expect(p.code).toMatch(/^[A-Z2-7]{10}$/);
    expect(p.url).toMatch(new RegExp(`/promoter\\?promo=${p.code}$`));
    expect(p).toMatchObject({ uses: 0, maxUses: 10 });
    const list = await app.get("/api/v1/promotions", creator.token);
    expect(list.body.items.map((x: { id: string }) => x.id)).toContain(p.id);
    expect((await app.get("/api/v1/promotions", other.token)).body.items).toEqual([]);
    // The public offer behind the link, for anyone (lower-case code too).
    const offer = await app.get(`/api/v1/promotions/code/${p.code.toLowerCase()}`);
    expect(offer.body.promotion).toMatchObject({ kind: "discount", percentOff: 25, available: true });
    expect(offer.body.promotion.creator.username).toBe("promoter");
    // Someone else's promotion cannot be deleted (404); the owner's delete ends the link.
    expect((await app.del(`/api/v1/promotions/${p.id}`, other.token)).status).toBe(404);
    expect((await app.del(`/api/v1/promotions/${p.id}`, creator.token)).status).toBe(204);
    expect((await app.get(`/api/v1/promotions/code/${p.code}`)).status).toBe(404);
  });

  it("a discount charges the first period at the discount and renews at the normal price", async () => {
    const p = await promo({ kind: "discount", percentOff: 50 });
    const fan = await app.signup();
    await app.topup(fan, 2000);
    const r = await subscribe(fan, p.code);
    expect(r.status).toBe(201);
    // 999 - round(499.5) = 499: the discount is rounded to the nearest cent.
    expect(await wallet(fan)).toBe(2000 - 499);
    expect(r.body.subscription.priceCents).toBe(999);
    expect(await salesOf(fan)).toEqual([["subscription", 499]]);
    expect((await app.get(`/api/v1/promotions/${p.id}`, creator.token)).body.promotion.uses).toBe(1);

    clock.advance(31 * DAY);
    await app.services.subscriptions.processDue();
    expect(await salesOf(fan)).toEqual([
      ["subscription", 499],
      ["renewal", 999],
    ]);
    expect(await wallet(fan)).toBe(2000 - 499 - 999);
    expect(await app.ledgerHealth()).toEqual({ unbalanced: [], drifted: [] });
  });

  it("a trial link gives a free period without payment, once per fan per creator", async () => {
    const p = await promo({ kind: "trial", trialDays: 7 });
    const fan = await app.signup();
    const r = await subscribe(fan, p.code);
    expect(r.status).toBe(201);
    expect(r.body.subscription.currentPeriodEnd).toBe(clock.now() + 7 * DAY);
    expect(await salesOf(fan)).toEqual([]);

    // After it ran out (nothing in the wallet: the renewal fails), another trial link is refused.
    clock.advance(8 * DAY);
    await app.services.subscriptions.processDue();
    const again = await promo({ kind: "trial", trialDays: 14 });
    const second = await subscribe(fan, again.code);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("promotion_unavailable");
    expect((await app.get(`/api/v1/promotions/${again.id}`, creator.token)).body.promotion.uses).toBe(0);
  });

  it("refuses used-up, expired, deleted, foreign and wrong-audience promotions with nothing charged", async () => {
    const fan = await app.signup();
    await app.topup(fan, 5000);
    const refusedWith = async (code: string, extra?: Record<string, unknown>) => {
      const r = await subscribe(fan, code, extra);
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe("promotion_unavailable");
      expect(await wallet(fan)).toBe(5000);
      expect(await salesOf(fan)).toEqual([]);
    };
    const usedUp = await promo({ kind: "discount", percentOff: 10, maxUses: 1 });
    const first = await app.signup();
    await app.topup(first, 2000);
    expect((await subscribe(first, usedUp.code)).status).toBe(201);
    await refusedWith(usedUp.code);

    const expiring = await promo({ kind: "discount", percentOff: 10, expiresAt: clock.now() + DAY });
    clock.advance(DAY + 1);
    await refusedWith(expiring.code);

    const deleted = await promo({ kind: "trial", trialDays: 3 });
    await app.del(`/api/v1/promotions/${deleted.id}`, creator.token);
    await refusedWith(deleted.code);

    await refusedWith((await promo({ kind: "trial", trialDays: 3 }, other)).code);
    await refusedWith("NOSUCHCODE");
    await refusedWith((await promo({ kind: "discount", percentOff: 20, audience: "expired" })).code);

    // "new" is for people who never subscribed: a former subscriber is refused, a new one is not.
    const forNew = await promo({ kind: "discount", percentOff: 20, audience: "new" });
    await refusedWith(forNew.code.slice(0, 9)); // a wrong code is not found either
    const former = await app.signup();
    await app.grant(former, creator);
    clock.advance(31 * DAY);
    await app.services.subscriptions.processDue();
    await app.topup(former, 2000);
    const r = await subscribe(former, forNew.code);
    expect(r.status).toBe(409);
    expect((await subscribe(fan, forNew.code)).status).toBe(201);
    expect(await salesOf(fan)).toEqual([["subscription", 999 - 200]]);

    // "expired" is for a former subscriber.
    const winBack = await promo({ kind: "trial", trialDays: 5, audience: "expired" });
    expect((await subscribe(former, winBack.code)).status).toBe(201);
  });

  it("a card checkout carries the discount and counts the use only when it is paid", async () => {
    const p = await promo({ kind: "discount", percentOff: 20, maxUses: 1 });
    const fan = await app.signup();
    const started = await subscribe(fan, p.code, { payWith: "card" });
    expect(started.status).toBe(202);
    const view = await app.get(`/api/v1/sandbox/checkouts/${started.body.checkoutId}`);
    expect(view.body.checkout.amountCents).toBe(999 - 200);
    expect((await app.get(`/api/v1/promotions/${p.id}`, creator.token)).body.promotion.uses).toBe(0);
    expect((await app.payCheckout(started.body.checkoutId)).status).toBe(200);
    expect((await app.get(`/api/v1/promotions/${p.id}`, creator.token)).body.promotion.uses).toBe(1);
    expect(await salesOf(fan)).toEqual([["subscription", 799]]);
    const subs = await app.get("/api/v1/subscriptions", fan.token);
    expect(subs.body.items[0]).toMatchObject({ status: "active", priceCents: 999 });

    // Two checkouts started for the last use: the one paid second is credited to the wallet instead.
    const q = await promo({ kind: "discount", percentOff: 20, maxUses: 1 });
    const [a, b] = [await app.signup(), await app.signup()];
    const ca = await subscribe(a, q.code, { payWith: "card" });
    const cb = await subscribe(b, q.code, { payWith: "card" });
    await app.payCheckout(ca.body.checkoutId);
    await app.payCheckout(cb.body.checkoutId);
    expect((await app.get(`/api/v1/promotions/${q.id}`, creator.token)).body.promotion.uses).toBe(1);
    expect(await wallet(b)).toBe(799);
    expect((await app.get("/api/v1/subscriptions", b.token)).body.items).toEqual([]);
    expect(await app.ledgerHealth()).toEqual({ unbalanced: [], drifted: [] });
  });

  it("parallel redemptions never pass maxUses (wallet discounts and trials)", async () => {
    const discount = await promo({ kind: "discount", percentOff: 30, maxUses: 7 });
    const trial = await promo({ kind: "trial", trialDays: 3, maxUses: 5 });
    const fans: Actor[] = [];
    for (let i = 0; i < 32; i++) fans.push(await app.signup());
    for (const f of fans) await app.topup(f, 1000);
    const [paid, free] = await Promise.all([
      Promise.all(fans.map((f) => subscribe(f, discount.code))),
      Promise.all(fans.map((f) => subscribe(f, trial.code))),
    ]);
    const ok = (rs: { status: number }[]) => rs.filter((r) => r.status === 201).length;
    // A fan may end up with either offer (the other then meets already_subscribed), never more than max.
    expect(ok(paid)).toBe(7);
    expect(ok(free)).toBeLessThanOrEqual(5);
    for (const r of [...paid, ...free].filter((x) => x.status !== 201))
      expect(["promotion_unavailable", "already_subscribed"]).toContain(r.body.error.code);
    const uses = async (id: string) =>
      (await app.get(`/api/v1/promotions/${id}`, creator.token)).body.promotion.uses as number;
    expect(await uses(discount.id)).toBe(7);
    expect(await uses(trial.id)).toBe(ok(free));
    const charged = (await Promise.all(fans.map(wallet))).filter((b) => b === 1000 - 699).length;
    expect(charged).toBe(7);
    expect(await app.ledgerHealth()).toEqual({ unbalanced: [], drifted: [] });

    // And 32 fans racing for 5 trials alone: exactly 5.
    const only = await promo({ kind: "trial", trialDays: 3, maxUses: 5 });
    const racers: Actor[] = [];
    for (let i = 0; i < 32; i++) racers.push(await app.signup());
    const rs = await Promise.all(racers.map((f) => subscribe(f, only.code)));
    expect(ok(rs)).toBe(5);
    expect(await uses(only.id)).toBe(5);
  }, 120_000); // ~100 sign-ups and top-ups first: slow on a busy PostgreSQL

  it("the creator page's public offer", async () => {
    const none = await app.get("/api/v1/promotions/creator/otherone");
    expect(none.body.promotion).toBeNull();
    const p = await promo({ kind: "trial", trialDays: 10, public: true }, other);
    const shown = await app.get("/api/v1/promotions/creator/otherone");
    expect(shown.body.promotion).toMatchObject({ id: p.id, trialDays: 10, available: true });
    expect((await app.get("/api/v1/promotions/creator/nobody-here")).status).toBe(404);
  });
});
