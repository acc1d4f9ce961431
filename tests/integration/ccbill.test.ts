// The CCBill provider end to end: the real app on a real database, card payments that become FlexForms
// URLs with a dynamic price and its formDigest, and a local fake of CCBill that checks that digest, "takes
// the payment" and posts CCBill-shaped webhook events (URL-encoded or JSON) from CCBill's addresses.
// Sales credit wallets, unlock posts and grant subscriptions; renewals extend; cancellations stop
// renewal; refunds, voids and chargebacks reverse once; events from elsewhere are refused.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { DAY } from "../../src/lib/clock.ts";
import { createCcbillProvider } from "../../src/modules/payments/providers/ccbill/provider.ts";
import { startTestApp, TestClock, type Actor, type TestApp } from "../helpers/api.ts";
import { createFakeCcbill, type CcbillEvent, type FakeCcbill } from "../helpers/fake-ccbill.ts";

const ACCOUNT = "951492";
const SUBACCOUNT = "0001";
const FLEX_ID = "687fa3e0-e60d-4466-88e2-181fa56dd6a9";
const SALT = "7d901dad245fd0ff6bc20d06";

describe("ccbill provider", () => {
  let app: TestApp;
  let ccbill: FakeCcbill;
  const clock = new TestClock();
  let creator: Actor;
  let subsPost: { id: string };

  const recorded = async (eventId: string) =>
    (
      (await app.raw
        .prepare("SELECT count(*) n FROM webhook_events WHERE provider = 'ccbill' AND event_id = ?")
        .get(eventId)) as { n: number }
    ).n;
  const txnsOf = async (a: Actor) =>
    (await app.raw
      .prepare(
        "SELECT kind, amount_cents, source, provider_ref, reversed_at FROM ledger_transactions WHERE user_id = ? ORDER BY created_at, related_txn_id IS NOT NULL, kind",
      )
      .all(a.user.id)) as { kind: string; amount_cents: number; provider_ref: string | null }[];
  const checkoutRow = async (id: string) =>
    (await app.raw.prepare("SELECT status, failure_reason FROM checkouts WHERE id = ?").get(id)) as {
      status: string;
      failure_reason: string | null;
    };
  const wallet = async (a: Actor) => (await app.get("/api/v1/wallet", a.token)).body;
  const locked = async (postId: string, a: Actor) =>
    (await app.get(`/api/v1/posts/${postId}`, a.token)).body.post.locked as boolean;
  const subscriptionOf = async (a: Actor) => (await app.get("/api/v1/subscriptions", a.token)).body.items[0];
  const notificationKinds = async (a: Actor) =>
    (await app.get("/api/v1/notifications", a.token)).body.items.map((n: { kind: string }) => n.kind);
  const ok = async (e: CcbillEvent, format: "form" | "json" = "form") => {
    const r = await ccbill.deliver(e, { format });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { received: boolean; duplicate: boolean };
  };

  /** Starts a card payment: 202 with our checkout id and the FlexForms URL. */
  async function startCard(path: string, body: Record<string, unknown>, a: Actor) {
    const r = await app.post(path, body, a.token);
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    return { checkoutId: r.body.checkoutId as string, url: r.body.checkoutUrl as string };
  }

  beforeAll(async () => {
    app = await startTestApp({
      clock,
      env: {
        FANZ_PAYMENTS__PROVIDER: "ccbill",
        FANZ_PAYMENTS__CCBILL_ACCOUNT: ACCOUNT,
        FANZ_PAYMENTS__CCBILL_SUBACCOUNT: SUBACCOUNT,
        FANZ_PAYMENTS__CCBILL_FLEXFORM_ID: FLEX_ID,
        FANZ_PAYMENTS__CCBILL_SALT: SALT,
        // CCBill posts through the site's reverse proxy; the proxy's X-Forwarded-For names the sender.
        FANZ_SERVER__TRUST_PROXY: "true",
      },
    });
    ccbill = createFakeCcbill({
      account: ACCOUNT,
      subaccount: SUBACCOUNT,
      flexformId: FLEX_ID,
      salt: SALT,
      now: () => clock.now(),
      deliver: (path, raw, headers) => app.call("POST", path, { raw, headers }),
    });
    creator = await app.creator("studio", {
      priceCents: 1000,
      bundles: [{ months: 3, discountPercent: 10 }],
    });
    subsPost = await app.postAs(creator, { text: "for subscribers", visibility: "subscribers" });
  });
  afterEach(async () => {
    expect(await app.services.payments.ledgerHealth()).toEqual({ unbalanced: [], drifted: [] });
  });
  afterAll(async () => {
    await app.close();
  });

  it("a top-up answers 202 with a FlexForms URL whose digest CCBill's formula reproduces", async () => {
    const fan = await app.signup();
    const { checkoutId, url } = await startCard("/api/v1/wallet/topups", { amountCents: 2000 }, fan);
    const { flexId, params } = ccbill.form(url);
    expect(flexId).toBe(FLEX_ID);
    expect(Object.fromEntries(params)).toMatchObject({
      clientAccnum: ACCOUNT,
      clientSubacc: SUBACCOUNT,
      initialPrice: "20.00",
      initialPeriod: "30",
      currencyCode: "840",
      "X-fanzCheckout": checkoutId,
      email: fan.user.email,
    });
    expect(params.has("recurringPrice")).toBe(false);
    // Recomputed here from the documented string: initialPrice + initialPeriod + currencyCode + salt.
    const digest = createHash("md5").update(`20.0030840${SALT}`).digest("hex");
    expect(params.get("formDigest")).toBe(digest);
    expect(ccbill.expectedDigest(params)).toBe(digest);

    const sale = ccbill.pay(url);
    expect(await ok(sale)).toEqual({ received: true, duplicate: false });
    expect((await wallet(fan)).balanceCents).toBe(2000);
    expect(await txnsOf(fan)).toEqual([
      expect.objectContaining({ kind: "topup", amount_cents: 2000, provider_ref: sale.fields.transactionId }),
    ]);
    expect((await checkoutRow(checkoutId)).status).toBe("paid");
    // The same event again (CCBill retries), in either format: one credit.
    expect(await ok(sale)).toEqual({ received: true, duplicate: true });
    expect(await ok(sale, "json")).toEqual({ received: true, duplicate: true });
    expect((await wallet(fan)).balanceCents).toBe(2000);
  });

  it("refuses events from addresses outside CCBill's ranges with 403 and records nothing", async () => {
    const fan = await app.signup();
    const { url } = await startCard("/api/v1/wallet/topups", { amountCents: 1500 }, fan);
    const sale = ccbill.pay(url);
    const id = `NewSaleSuccess:${sale.fields.transactionId}`;
    // A stranger; a stranger who puts a CCBill address first (the proxy appends the real one last); no
    // forwarded address at all; a neighbour of CCBill's range.
    for (const from of ["203.0.113.9", "64.38.212.17, 203.0.113.9", null, "64.38.213.1"]) {
      const r = await ccbill.deliver(sale, { from });
      expect(r.status, String(from)).toBe(403);
      expect(r.body.error.code).toBe("forbidden_sender");
    }
    expect(await recorded(id)).toBe(0);
    expect((await wallet(fan)).balanceCents).toBe(0);
    // From another of CCBill's published ranges (IPv4-mapped, as a dual-stack proxy may write it): taken.
    expect((await ccbill.deliver(sale, { from: "::ffff:64.38.241.200" })).status).toBe(200);
    expect(await recorded(id)).toBe(1);
    expect((await wallet(fan)).balanceCents).toBe(1500);
  });

  it("an amount or currency that does not match the checkout credits nothing, answers 200 and is recorded", async () => {
    const fan = await app.signup();
    const cheap = await startCard("/api/v1/wallet/topups", { amountCents: 5000 }, fan);
    const tampered = ccbill.pay(cheap.url, { price: "0.50" });
    expect(await ok(tampered)).toEqual({ received: true, duplicate: false });
    expect(await recorded(`NewSaleSuccess:${tampered.fields.transactionId}`)).toBe(1);
    expect(await checkoutRow(cheap.checkoutId)).toEqual({
      status: "failed",
      failure_reason: "amount_mismatch",
    });

    const other = await startCard("/api/v1/wallet/topups", { amountCents: 5000 }, fan);
    expect(await ok(ccbill.pay(other.url, { currencyCode: "978" }), "json")).toMatchObject({
      duplicate: false,
    });
    expect((await checkoutRow(other.checkoutId)).failure_reason).toBe("amount_mismatch");
    expect((await wallet(fan)).balanceCents).toBe(0);
    expect(await txnsOf(fan)).toEqual([]);
  });

  it("a declined card records the reason and credits nothing", async () => {
    const fan = await app.signup();
    const { checkoutId, url } = await startCard("/api/v1/wallet/topups", { amountCents: 1000 }, fan);
    expect(await ok(ccbill.declined(url))).toMatchObject({ duplicate: false });
    expect(await checkoutRow(checkoutId)).toEqual({
      status: "open",
      failure_reason: "Transaction Denied by Bank",
    });
    expect(await txnsOf(fan)).toEqual([]);
  });

  it("unlocks a PPV post and tips by card (JSON events); a refund relocks, a void reverses the tip", async () => {
    const fan = await app.signup();
    const post = await app.postAs(creator, { text: "paid set", visibility: "ppv", priceCents: 500 });
    const ppv = await startCard(`/api/v1/posts/${post.id}/unlock`, { payWith: "card" }, fan);
    expect(ccbill.form(ppv.url).params.get("X-fanzPurpose")).toBe("ppv");
    const ppvSale = ccbill.pay(ppv.url);
    await ok(ppvSale, "json");
    expect(await locked(post.id, fan)).toBe(false);

    const tip = await startCard(
      "/api/v1/tips",
      { creator: "studio", amountCents: 300, payWith: "card" },
      fan,
    );
    const tipSale = ccbill.pay(tip.url);
    await ok(tipSale, "json");
    expect((await txnsOf(fan)).map((t) => t.kind)).toEqual(["ppv", "tip"]);

    const refund = ccbill.reversal("Refund", ppvSale.fields.transactionId!);
    expect(await ok(refund)).toMatchObject({ duplicate: false });
    expect(await ok(refund)).toMatchObject({ duplicate: true });
    expect(await locked(post.id, fan)).toBe(true);
    await ok(ccbill.reversal("Void", tipSale.fields.transactionId!));
    expect((await txnsOf(fan)).map((t) => t.kind)).toEqual(["ppv", "tip", "refund", "refund"]);
    expect(await notificationKinds(fan)).toContain("refund");
  });

  it("subscribes with a recurring form; renewals extend once each, a failure is told, a cancellation stops renewal", async () => {
    const fan = await app.signup();
    const { url } = await startCard(
      "/api/v1/subscriptions",
      { creator: "studio", months: 3, payWith: "card" },
      fan,
    );
    const { params } = ccbill.form(url);
    expect(Object.fromEntries(params)).toMatchObject({
      initialPrice: "27.00",
      initialPeriod: "90",
      recurringPrice: "27.00",
      recurringPeriod: "90",
      numRebills: "99",
      currencyCode: "840",
    });
    // initialPrice + initialPeriod + recurringPrice + recurringPeriod + numRebills + currencyCode + salt.
    expect(params.get("formDigest")).toBe(
      createHash("md5").update(`27.009027.009099840${SALT}`).digest("hex"),
    );
    expect(await locked(subsPost.id, fan)).toBe(true);

    const sale = ccbill.pay(url);
    await ok(sale);
    expect(await locked(subsPost.id, fan)).toBe(false);
    const subscriptionId = sale.fields.subscriptionId!;
    expect(await app.services.subscriptions.byProviderRef(subscriptionId)).toMatchObject({
      fanId: fan.user.id,
      months: 3,
      autoRenew: true,
    });
    const first = await subscriptionOf(fan);
    expect(first.currentPeriodEnd - clock.now()).toBe(90 * DAY);

    const renewal = ccbill.renewed(subscriptionId);
    expect(await ok(renewal)).toMatchObject({ duplicate: false });
    expect(await ok(renewal, "json")).toMatchObject({ duplicate: true });
    expect((await subscriptionOf(fan)).currentPeriodEnd).toBe(first.currentPeriodEnd + 90 * DAY);
    // The test clock stands still, so the order of equal times is the database's: compare sorted.
    expect((await txnsOf(fan)).map((t) => [t.kind, t.amount_cents, t.provider_ref]).sort()).toEqual([
      ["renewal", 2700, renewal.fields.transactionId],
      ["subscription", 2700, sale.fields.transactionId],
    ]);

    await ok(ccbill.renewalFailed(subscriptionId));
    expect(await notificationKinds(fan)).toContain("renewal_failed");
    expect(await subscriptionOf(fan)).toMatchObject({ status: "active", autoRenew: true });

    const cancel = ccbill.cancelled(subscriptionId);
    await ok(cancel);
    expect(await subscriptionOf(fan)).toMatchObject({ status: "canceled", autoRenew: false });
    expect(await locked(subsPost.id, fan)).toBe(false);
    expect(await ok(cancel)).toMatchObject({ duplicate: true });
  });

  it("a discount promotion's form charges the discounted first period and rebills the full price", async () => {
    const promo = await app.post("/api/v1/promotions", { kind: "discount", percentOff: 20 }, creator.token);
    expect(promo.status, JSON.stringify(promo.body)).toBe(201);
    const fan = await app.signup();
    const { url } = await startCard(
      "/api/v1/subscriptions",
      { creator: "studio", payWith: "card", promotion: promo.body.promotion.code },
      fan,
    );
    const { params } = ccbill.form(url);
    expect(Object.fromEntries(params)).toMatchObject({ initialPrice: "8.00", recurringPrice: "10.00" });
    expect(params.get("formDigest")).toBe(
      createHash("md5").update(`8.003010.003099840${SALT}`).digest("hex"),
    );
  });

  it("a chargeback of a subscription's sale ends access and takes the creator's share back, once", async () => {
    const fan = await app.signup();
    const { url } = await startCard("/api/v1/subscriptions", { creator: "studio", payWith: "card" }, fan);
    const sale = ccbill.pay(url);
    await ok(sale);
    const before = (await app.get("/api/v1/earnings", creator.token)).body;
    const chargeback = ccbill.reversal("Chargeback", sale.fields.transactionId!);
    await ok(chargeback);
    await ok(chargeback);
    expect(await locked(subsPost.id, fan)).toBe(true);
    expect((await txnsOf(fan)).map((t) => t.kind)).toEqual(["subscription", "chargeback"]);
    const after = (await app.get("/api/v1/earnings", creator.token)).body;
    expect(after.byType.subscription - before.byType.subscription).toBe(-800);
    expect(await notificationKinds(fan)).toContain("chargeback");
  });

  it("events that overtake their sale answer 503 and apply once when CCBill delivers them again", async () => {
    const fan = await app.signup();
    const { url } = await startCard("/api/v1/subscriptions", { creator: "studio", payWith: "card" }, fan);
    const sale = ccbill.pay(url);
    const renewal = ccbill.renewed(sale.fields.subscriptionId!);
    const early = await ccbill.deliver(renewal);
    expect(early.status).toBe(503);
    expect(early.body.error.code).toBe("retry_later");
    expect(await recorded(`RenewalSuccess:${renewal.fields.transactionId}`)).toBe(0);

    const post = await app.postAs(creator, { text: "late set", visibility: "ppv", priceCents: 700 });
    const ppv = await startCard(`/api/v1/posts/${post.id}/unlock`, { payWith: "card" }, fan);
    const ppvSale = ccbill.pay(ppv.url);
    const refund = ccbill.reversal("Refund", ppvSale.fields.transactionId!);
    expect((await ccbill.deliver(refund)).status).toBe(503);
    expect(await txnsOf(fan)).toEqual([]);

    await ok(sale);
    await ok(renewal);
    await ok(ppvSale);
    await ok(refund);
    expect(await ok(refund)).toMatchObject({ duplicate: true });
    expect(await locked(post.id, fan)).toBe(true);
    expect((await txnsOf(fan)).map((t) => t.kind).sort()).toEqual([
      "ppv",
      "refund",
      "renewal",
      "subscription",
    ]);
    expect((await subscriptionOf(fan)).currentPeriodEnd - clock.now()).toBe(60 * DAY);
  });

  it("refunds part of a top-up by the amount CCBill names", async () => {
    const fan = await app.signup();
    const { url } = await startCard("/api/v1/wallet/topups", { amountCents: 2000 }, fan);
    const sale = ccbill.pay(url);
    await ok(sale);
    await ok(ccbill.reversal("Refund", sale.fields.transactionId!, "5.00"));
    expect((await wallet(fan)).balanceCents).toBe(1500);
    expect((await txnsOf(fan)).map((t) => [t.kind, t.amount_cents])).toEqual([
      ["topup", 2000],
      ["refund", 500],
    ]);
  });

  it("refuses to run without its settings, and rejects an event without its type", async () => {
    const opts = {
      account: ACCOUNT,
      subaccount: SUBACCOUNT,
      flexformId: FLEX_ID,
      salt: SALT,
      webhookIps: [],
    };
    expect(() => createCcbillProvider({ ...opts, salt: "" })).toThrow(/payments\.ccbill_salt is empty/);
    expect(() => createCcbillProvider({ ...opts, flexformId: " " })).toThrow(/ccbill_flexform_id is empty/);
    const r = await app.call("POST", "/api/v1/webhooks/ccbill", {
      raw: "transactionId=1",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "64.38.215.3" },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("invalid_event");
    const other = await app.call("POST", "/api/v1/webhooks/ccbill?clientAccnum=900100&eventType=Refund", {
      raw: "transactionId=1",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "64.38.215.3" },
    });
    expect(other.status).toBe(400);
    expect(other.body.error.message).toContain("clientAccnum");
  });
});
