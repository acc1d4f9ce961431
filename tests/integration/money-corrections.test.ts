// Money corrections through real HTTP on a real SQLite file: a refunded top-up never takes back more
// than the wallet still holds, a creator's currency is locked while money or paid subscribers are in
// it, earnings never add two currencies together, and a wallet cannot pay a creator in another currency.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "../../src/lib/clock.ts";
import { schedulerTasks } from "../../src/main.ts";
import { startTestApp, TestClock, type Actor, type TestApp } from "../helpers/api.ts";

describe("money corrections", () => {
  let app: TestApp;
  const clock = new TestClock();
  let admin: Actor;

  const wallet = async (a: Actor) => (await app.get("/api/v1/wallet", a.token)).body;
  const earnings = async (a: Actor) => (await app.get("/api/v1/earnings", a.token)).body;
  const runScheduler = async () => {
    for (const t of schedulerTasks(app.ctx, app.services)) await t.run();
  };
  const adminTxns = async () =>
    (await app.get("/api/v1/admin/transactions?limit=100", admin.token)).body.items as any[];
  const topupOf = async (a: Actor) =>
    (await adminTxns()).find((t) => t.kind === "topup" && t.user?.id === a.user.id);
  const tip = (a: Actor, creator: string, amountCents: number) =>
    app.post("/api/v1/tips", { creator, amountCents, payWith: "wallet" }, a.token);

  beforeAll(async () => {
    app = await startTestApp({ clock, env: { FANZ_AUTH__SESSION_DAYS: "365" } });
    admin = (
      await app.post("/api/v1/auth/login", { email: "admin@example.com", password: "admin-password-1" })
    ).body;
    await app.creator("tipjar", { priceCents: 1000 });
  });
  afterEach(async () => {
    expect(await app.ledgerHealth()).toEqual({ unbalanced: [], drifted: [] });
  });
  afterAll(() => app.close());

  describe("refunding a top-up", () => {
    it("refuses to refund a spent top-up (409 already_spent) and leaves the wallet at zero", async () => {
      const fan = await app.signup();
      await app.topup(fan, 2000);
      expect((await tip(fan, "tipjar", 2000)).status).toBe(201);
      const topup = await topupOf(fan);
      expect(topup).toMatchObject({ refundable: false, refundableCents: 0 });

      const r = await app.post(`/api/v1/admin/transactions/${topup.id}/refund`, undefined, admin.token);
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe("already_spent");
      expect(r.body.error.message).toContain("0.00 USD");
      expect(r.body.error.details).toEqual({ refundableCents: 0 });
      expect((await wallet(fan)).balanceCents).toBe(0);
    });

    it("refuses a refund of nothing (a zero amount) with a clear error, whoever calls it", async () => {
      const fan = await app.signup();
      await app.topup(fan, 2000);
      expect((await tip(fan, "tipjar", 2000)).status).toBe(201);
      const topup = await topupOf(fan);
      // The console offers what is left (here 0); the payments service itself refuses it, not only the route.
      await expect(app.services.payments.refund(topup.id, 0)).rejects.toMatchObject({
        kind: "invalid",
        code: "invalid_request",
      });
      await expect(app.services.payments.refund(topup.id, -5)).rejects.toMatchObject({ kind: "invalid" });
      expect(await topupOf(fan)).toMatchObject({ refunded: false, refundableCents: 0 });
    });

    it("refunds at most what the wallet still holds; the rest stays spent", async () => {
      const fan = await app.signup();
      await app.topup(fan, 2000);
      await tip(fan, "tipjar", 1500);
      const topup = await topupOf(fan);
      expect(topup).toMatchObject({ amountCents: 2000, refundable: true, refundableCents: 500 });

      const whole = await app.post(`/api/v1/admin/transactions/${topup.id}/refund`, undefined, admin.token);
      expect(whole.status).toBe(409);
      expect(whole.body.error.code).toBe("already_spent");
      expect(whole.body.error.message).toContain("5.00 USD");
      expect(whole.body.error.details).toEqual({ refundableCents: 500 });
      const tooMuch = await app.post(
        `/api/v1/admin/transactions/${topup.id}/refund`,
        { amountCents: 501 },
        admin.token,
      );
      expect(tooMuch.status).toBe(409);
      expect((await wallet(fan)).balanceCents).toBe(500);

      const r = await app.post(
        `/api/v1/admin/transactions/${topup.id}/refund`,
        { amountCents: 500 },
        admin.token,
      );
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.transaction).toMatchObject({ kind: "refund", amountCents: 500 });
      const w = await wallet(fan);
      expect(w.balanceCents).toBe(0);
      expect(w.transactions.find((t: { kind: string }) => t.kind === "refund").amountCents).toBe(-500);
      // The spent 15.00 is not refunded, so the top-up is not "refunded"; nothing of it is refundable.
      expect(await topupOf(fan)).toMatchObject({ refunded: false, refundable: false, refundableCents: 0 });
      const again = await app.post(
        `/api/v1/admin/transactions/${topup.id}/refund`,
        { amountCents: 1 },
        admin.token,
      );
      expect(again.body.error.code).toBe("already_spent");
    });

    it("refunds a top-up in parts until all of it is back", async () => {
      const fan = await app.signup();
      await app.topup(fan, 1000);
      const topup = await topupOf(fan);
      const refund = (amountCents?: number) =>
        app.post(
          `/api/v1/admin/transactions/${topup.id}/refund`,
          amountCents === undefined ? undefined : { amountCents },
          admin.token,
        );
      expect((await refund(400)).status).toBe(200);
      expect(await topupOf(fan)).toMatchObject({ refunded: false, refundableCents: 600, refundedCents: 400 });
      const tooMuch = await refund(700);
      expect(tooMuch.status).toBe(400);
      expect(tooMuch.body.error.message).toContain("6.00");
      // Without an amount, what is left of it.
      const rest = await refund();
      expect(rest.status).toBe(200);
      expect(rest.body.transaction.amountCents).toBe(600);
      expect(await topupOf(fan)).toMatchObject({ refunded: true, refundableCents: 0, refundedCents: 1000 });
      expect((await wallet(fan)).balanceCents).toBe(0);
      expect((await refund(1)).body.error.code).toBe("already_refunded");
    });

    it("refunds an unspent top-up in full; only top-ups can be refunded in part", async () => {
      const fan = await app.signup();
      await app.topup(fan, 1000);
      const topup = await topupOf(fan);
      expect(topup).toMatchObject({ refundable: true, refundableCents: 1000 });
      const r = await app.post(`/api/v1/admin/transactions/${topup.id}/refund`, undefined, admin.token);
      expect(r.status).toBe(200);
      expect(r.body.transaction.amountCents).toBe(1000);
      expect((await wallet(fan)).balanceCents).toBe(0);

      await app.topup(fan, 1000);
      await tip(fan, "tipjar", 400);
      const sale = (await adminTxns()).find((t) => t.kind === "tip" && t.user?.id === fan.user.id);
      expect(sale).toMatchObject({ refundable: true, refundableCents: 400 });
      const part = await app.post(
        `/api/v1/admin/transactions/${sale.id}/refund`,
        { amountCents: 100 },
        admin.token,
      );
      expect(part.status).toBe(400);
      expect(part.body.error.code).toBe("partial_refund_unsupported");
      expect((await app.post(`/api/v1/admin/transactions/${sale.id}/refund`, {}, admin.token)).status).toBe(
        200,
      );
    });
  });

  describe("a creator's currency", () => {
    it("is locked (409 currency_locked) while the creator has earnings, and moves nothing", async () => {
      const creator = await app.creator(undefined, { priceCents: 500 });
      const fan = await app.signup();
      await app.topup(fan, 5000);
      expect((await tip(fan, creator.user.username, 5000)).status).toBe(201);

      const pending = await app.put(
        "/api/v1/creators/me",
        { priceCents: 500, currency: "GBP" },
        creator.token,
      );
      expect(pending.status).toBe(409);
      expect(pending.body.error.code).toBe("currency_locked");
      expect(pending.body.error.message).toContain("40.00 USD pending");

      clock.advance(8 * DAY);
      await runScheduler();
      const locked = await app.put(
        "/api/v1/creators/me",
        { priceCents: 500, currency: "GBP" },
        creator.token,
      );
      expect(locked.status).toBe(409);
      expect(locked.body.error.code).toBe("currency_locked");
      expect(locked.body.error.message).toContain("40.00 USD available");
      const e = await earnings(creator);
      expect(e).toMatchObject({ currency: "USD", availableCents: 4000, pendingCents: 0 });
      expect((await app.get(`/api/v1/creators/${creator.user.username}`)).body.creator.currency).toBe("USD");
      // Saving the profile without changing the currency still works.
      expect(
        (await app.put("/api/v1/creators/me", { priceCents: 700, currency: "USD" }, creator.token)).status,
      ).toBe(200);
    });

    it("is locked while paid subscriptions are live, even with no money yet (a free trial)", async () => {
      const creator = await app.creator(undefined, { priceCents: 800, trialDays: 7 });
      const fan = await app.signup();
      const sub = await app.post(
        "/api/v1/subscriptions",
        { creator: creator.user.username, payWith: "wallet" },
        fan.token,
      );
      expect(sub.status).toBe(201);
      const r = await app.put("/api/v1/creators/me", { priceCents: 800, currency: "EUR" }, creator.token);
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe("currency_locked");
      expect(r.body.error.message).toContain("1 live paid subscription");
    });

    it("can change while nothing is in it", async () => {
      const creator = await app.creator(undefined, { priceCents: 800 });
      const r = await app.put("/api/v1/creators/me", { priceCents: 800, currency: "EUR" }, creator.token);
      expect(r.status).toBe(200);
      expect(r.body.creator.currency).toBe("EUR");
      expect((await earnings(creator)).currency).toBe("EUR");
    });

    it("earnings never add two currencies together (a creator who changed currency before the lock)", async () => {
      const creator = await app.creator(undefined, { priceCents: 0 });
      const name = creator.user.username;
      const fan = await app.signup();
      await app.topup(fan, 5000);
      await tip(fan, name, 1000); // 800 USD to the creator
      // A site that changed the currency before the lock existed: the profile says EUR, USD money remains.
      await app.raw
        .prepare("UPDATE creator_profiles SET currency = 'EUR' WHERE user_id = ?")
        .run(creator.user.id);
      expect((await app.put("/api/v1/creators/me", { priceCents: 0 }, creator.token)).status).toBe(200);
      const cardTip = await app.post(
        "/api/v1/tips",
        { creator: name, amountCents: 500, payWith: "card" },
        fan.token,
      );
      expect(cardTip.status).toBe(202);
      expect((await app.payCheckout(cardTip.body.checkoutId)).status).toBe(200);

      const e = await earnings(creator);
      expect(e).toMatchObject({
        currency: "EUR",
        pendingCents: 400,
        availableCents: 0,
        lifetimeCents: 400,
        byType: { subscription: 0, ppv: 0, message: 0, tip: 400 },
      });
      expect(e.byMonth.reduce((s: number, m: { cents: number }) => s + m.cents, 0)).toBe(400);
      expect(e.otherCurrencies).toEqual([
        { currency: "USD", pendingCents: 800, availableCents: 0, lifetimeCents: 800 },
      ]);
    });
  });

  describe("paying from a wallet in another currency", () => {
    it("is a clear 409 currency_mismatch, not a low balance; a card still pays", async () => {
      const euro = await app.creator(undefined, { priceCents: 600, currency: "EUR" });
      const name = euro.user.username;
      const post = await app.postAs(euro, { text: "euro set", visibility: "ppv", priceCents: 300 });
      const fan = await app.signup();
      await app.topup(fan, 5000);

      const attempts = [
        await tip(fan, name, 100),
        await app.post("/api/v1/subscriptions", { creator: name, payWith: "wallet" }, fan.token),
        await app.post(`/api/v1/posts/${post.id}/unlock`, { payWith: "wallet" }, fan.token),
      ];
      for (const r of attempts) {
        expect(r.status).toBe(409);
        expect(r.body.error.code).toBe("currency_mismatch");
        expect(r.body.error.message).toContain("EUR");
        expect(r.body.error.message).toContain("USD");
      }
      expect((await wallet(fan)).balanceCents).toBe(5000);
      const card = await app.post(`/api/v1/posts/${post.id}/unlock`, { payWith: "card" }, fan.token);
      expect(card.status).toBe(202);
    });
  });
});
