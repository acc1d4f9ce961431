// The Stripe provider end to end: the real app on a real SQLite file, the real stripe SDK talking to a
// local fake of Stripe's API, and webhooks signed with the SDK's own test signer. Card payments become
// Checkout Sessions; their events credit wallets, unlock posts, grant and renew subscriptions, and
// refunds and disputes reverse them, each once, whatever the order and however often they arrive.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "../../src/lib/clock.ts";
import { createStripeProvider } from "../../src/modules/payments/providers/stripe/provider.ts";
import { startTestApp, TestClock, type Actor, type TestApp } from "../helpers/api.ts";
import { startFakeStripe, type FakeStripe } from "../helpers/fake-stripe.ts";

const SECRET_KEY = "sk_test_fanz_integration_key";
const WEBHOOK_SECRET = "whsec_fanz_integration_secret";

describe("stripe provider", () => {
  let fake: FakeStripe;
  let app: TestApp;
  const clock = new TestClock();
  let admin: Actor, creator: Actor;
  let subsPost: { id: string };

  type Event = ReturnType<FakeStripe["event"]>;

  /** Posts an event to the webhook endpoint as Stripe would, signed unless a signature is given. */
  const deliverRaw = (raw: string, signature?: string | null) =>
    app.call("POST", "/api/v1/webhooks/stripe", {
      raw,
      headers: signature === null ? {} : { "stripe-signature": signature ?? fake.sign(raw) },
    });
  const deliver = (event: Event) => deliverRaw(JSON.stringify(event));
  const recorded = async (eventId: string) =>
    (
      (await app.raw
        .prepare("SELECT count(*) n FROM webhook_events WHERE provider = 'stripe' AND event_id = ?")
        .get(eventId)) as { n: number }
    ).n;
  const txnCount = async () =>
    ((await app.raw.prepare("SELECT count(*) n FROM ledger_transactions").get()) as { n: number }).n;
  /**
   * The ledger transactions a fan paid (or had reversed), oldest first. The test clock stands still, so
   * ties go by lifecycle: sales before what reverses them, smaller parts first (no rowid on PostgreSQL).
   */
  const txnsOf = async (a: Actor) =>
    (await app.raw
      .prepare(
        "SELECT id, kind, amount_cents, source, provider_ref, reversed_at FROM ledger_transactions WHERE user_id = ? ORDER BY created_at, related_txn_id IS NOT NULL, CASE kind WHEN 'topup' THEN 0 WHEN 'subscription' THEN 1 WHEN 'renewal' THEN 2 WHEN 'ppv' THEN 3 ELSE 4 END, amount_cents",
      )
      .all(a.user.id)) as {
      id: string;
      kind: string;
      amount_cents: number;
      source: string | null;
      provider_ref: string | null;
      reversed_at: number | null;
    }[];
  const wallet = async (a: Actor) => (await app.get("/api/v1/wallet", a.token)).body;
  const earnings = async () => (await app.get("/api/v1/earnings", creator.token)).body;
  const notificationKinds = async (a: Actor) =>
    (await app.get("/api/v1/notifications", a.token)).body.items.map((n: { kind: string }) => n.kind);
  const locked = async (postId: string, a: Actor) =>
    (await app.get(`/api/v1/posts/${postId}`, a.token)).body.post.locked as boolean;
  const subscriptionOf = async (a: Actor) => (await app.get("/api/v1/subscriptions", a.token)).body.items[0];

  /** Starts a card payment: 202 with our checkout and the fake's session URL. */
  async function startCard(path: string, body: Record<string, unknown>, a: Actor) {
    const r = await app.post(path, body, a.token);
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    const session = fake.sessionFor(r.body.checkoutId);
    expect(r.body.checkoutUrl).toBe(session.url);
    const request = fake.calls("POST /v1/checkout/sessions").at(-1)!;
    expect(request.params.client_reference_id).toBe(r.body.checkoutId);
    return { checkoutId: r.body.checkoutId as string, session, request };
  }

  /** A fan subscribes by card and pays; the completion is delivered. */
  async function subscribeByCard(a: Actor, months = 1) {
    const { session } = await startCard(
      "/api/v1/subscriptions",
      { creator: "studio", months, payWith: "card" },
      a,
    );
    expect((await deliver(fake.pay(session.id))).status).toBe(200);
    return { subscriptionRef: session.subscription!, invoice: session.invoice! };
  }

  /** A fan unlocks a new PPV post by card and pays; returns the post and the payment intent. */
  async function ppvByCard(a: Actor, priceCents = 500, by: Actor = creator) {
    const post = await app.postAs(by, { text: "paid set", visibility: "ppv", priceCents });
    const { session } = await startCard(`/api/v1/posts/${post.id}/unlock`, { payWith: "card" }, a);
    const completed = fake.pay(session.id);
    return { post, completed, paymentIntent: session.payment_intent! };
  }

  beforeAll(async () => {
    fake = await startFakeStripe({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET });
    app = await startTestApp({
      clock,
      env: {
        FANZ_PAYMENTS__PROVIDER: "stripe",
        FANZ_PAYMENTS__STRIPE_SECRET_KEY: SECRET_KEY,
        FANZ_PAYMENTS__STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        FANZ_PAYMENTS__STRIPE_API_BASE: fake.url,
      },
    });
    admin = (
      await app.post("/api/v1/auth/login", { email: "admin@example.com", password: "admin-password-1" })
    ).body;
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
    await fake.close();
  });

  it("tops up by card: a one-off Checkout Session, and its signed completion credits the wallet once", async () => {
    const fan = await app.signup();
    const { checkoutId, session, request } = await startCard(
      "/api/v1/wallet/topups",
      { amountCents: 5000 },
      fan,
    );
    expect(session.id).toMatch(/^cs_test_/);
    expect(request.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(request.headers["idempotency-key"]).toBe(`fanz-checkout-${checkoutId}`);
    expect(request.params).toMatchObject({
      mode: "payment",
      customer_email: fan.user.email,
      metadata: { checkoutId, purpose: "topup" },
      payment_intent_data: { metadata: { checkoutId } },
      line_items: [
        {
          quantity: "1",
          price_data: { currency: "usd", unit_amount: "5000", product_data: { name: "Wallet top-up" } },
        },
      ],
    });
    expect(request.params.success_url).toContain(checkoutId);
    expect(request.params.cancel_url).toContain(checkoutId);
    expect(request.params.line_items[0].price_data.recurring).toBeUndefined();
    expect(request.params.subscription_data).toBeUndefined();
    expect((await wallet(fan)).balanceCents).toBe(0);

    const completed = fake.pay(session.id);
    const r = await deliver(completed);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ received: true, duplicate: false });
    const w = await wallet(fan);
    expect(w.balanceCents).toBe(5000);
    expect(w.transactions).toHaveLength(1);
    expect(w.transactions[0]).toMatchObject({
      kind: "topup",
      amountCents: 5000,
      currency: "USD",
      source: "card",
    });
    expect((await txnsOf(fan))[0]!.provider_ref).toBe(session.payment_intent);

    // The same event again, and another event about the same session: one credit.
    expect((await deliver(completed)).body).toEqual({ received: true, duplicate: true });
    const other = {
      ...completed,
      id: `${completed.id}_async`,
      type: "checkout.session.async_payment_succeeded",
    };
    expect((await deliver(other)).body).toEqual({ received: true, duplicate: false });
    expect((await wallet(fan)).balanceCents).toBe(5000);
    expect(await txnsOf(fan)).toHaveLength(1);
  });

  it("rejects a badly signed webhook with 400 and records nothing", async () => {
    const fan = await app.signup();
    const { session } = await startCard("/api/v1/wallet/topups", { amountCents: 1000 }, fan);
    const completed = fake.pay(session.id);
    const raw = JSON.stringify(completed);
    const before = await txnCount();
    const tampered = raw.replace('"amount_total":1000', '"amount_total":100000');
    expect(tampered).not.toBe(raw);
    const attempts: [string, string | null][] = [
      [raw, fake.sign(raw, { secret: "whsec_someone_else" })],
      [tampered, fake.sign(raw)],
      [raw, null],
      [raw, "t=12345,v1=deadbeef"],
      [raw, "garbage"],
      // Signed correctly, but ten minutes ago: a replayed capture.
      [raw, fake.sign(raw, { timestamp: Math.floor(clock.now() / 1000) - 600 })],
    ];
    for (const [body, signature] of attempts) {
      const r = await deliverRaw(body, signature);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe("bad_signature");
      expect(r.body.error.message).toMatch(/^Webhook rejected: /);
    }
    expect(await recorded(completed.id)).toBe(0);
    expect(await txnCount()).toBe(before);
    expect((await wallet(fan)).balanceCents).toBe(0);

    // Correctly signed, it goes through.
    expect((await deliverRaw(raw)).status).toBe(200);
    expect(await recorded(completed.id)).toBe(1);
    expect((await wallet(fan)).balanceCents).toBe(1000);
  });

  it("refuses a correctly signed event missing what its handler needs: 400, nothing recorded", async () => {
    const fan = await app.signup();
    const { session } = await startCard("/api/v1/wallet/topups", { amountCents: 1000 }, fan);
    const completed = fake.pay(session.id);
    const before = await txnCount();
    const object = completed.data.object as Record<string, unknown>;
    const malformed = [
      fake.event("checkout.session.completed", { ...object, metadata: "not an object" }),
      fake.event("checkout.session.completed", { ...object, id: undefined }),
      fake.event("invoice.paid", { id: "in_bad", object: "invoice", amount_paid: "999", currency: "usd" }),
      fake.event("charge.refunded", { id: "ch_bad", object: "charge", amount: 500 }),
      fake.event("customer.subscription.deleted", { object: "subscription" }),
      { ...fake.event("charge.dispute.created", {}), data: { object: "dispute" } },
    ];
    for (const event of malformed) {
      const r = await deliver(event as Event);
      expect(r.status, `${event.type}: ${JSON.stringify(r.body)}`).toBe(400);
      expect(r.body.error.code).toBe("invalid_event");
      expect(await recorded(event.id)).toBe(0);
    }
    expect(await txnCount()).toBe(before);
    expect((await wallet(fan)).balanceCents).toBe(0);
    expect((await deliver(completed)).status).toBe(200);
    expect((await wallet(fan)).balanceCents).toBe(1000);
  });

  it("unlocks a PPV post and tips by card", async () => {
    const fan = await app.signup();
    const before = await earnings();
    const post = await app.postAs(creator, { text: "paid set", visibility: "ppv", priceCents: 500 });
    const ppv = await startCard(`/api/v1/posts/${post.id}/unlock`, { payWith: "card" }, fan);
    expect(ppv.request.params).toMatchObject({
      mode: "payment",
      metadata: { purpose: "ppv" },
      line_items: [{ price_data: { currency: "usd", unit_amount: "500" } }],
    });
    expect(await locked(post.id, fan)).toBe(true);
    expect((await deliver(fake.pay(ppv.session.id))).status).toBe(200);
    expect(await locked(post.id, fan)).toBe(false);

    const tip = await startCard(
      "/api/v1/tips",
      { creator: "studio", amountCents: 300, message: "thank you", payWith: "card" },
      fan,
    );
    expect(tip.request.params).toMatchObject({
      mode: "payment",
      metadata: { purpose: "tip" },
      line_items: [{ price_data: { unit_amount: "300", product_data: { name: "Tip for @studio" } } }],
    });
    expect((await deliver(fake.pay(tip.session.id))).status).toBe(200);

    const after = await earnings();
    expect(after.byType.ppv - before.byType.ppv).toBe(400);
    expect(after.byType.tip - before.byType.tip).toBe(240);
    expect(after.pendingCents - before.pendingCents).toBe(640);
    expect(await notificationKinds(creator)).toEqual(expect.arrayContaining(["ppv_sale", "tip"]));
    expect((await wallet(fan)).balanceCents).toBe(0);
    expect((await txnsOf(fan)).map((t) => [t.kind, t.source])).toEqual([
      ["ppv", "card"],
      ["tip", "card"],
    ]);
  });

  it("subscribes by card with a recurring session; Stripe's renewals extend it, once per invoice", async () => {
    const fan = await app.signup();
    const before = await earnings();
    const { checkoutId, session, request } = await startCard(
      "/api/v1/subscriptions",
      { creator: "studio", months: 3, payWith: "card" },
      fan,
    );
    expect(request.params).toMatchObject({
      mode: "subscription",
      metadata: { checkoutId, purpose: "subscription" },
      subscription_data: { metadata: { checkoutId } },
      line_items: [
        {
          quantity: "1",
          price_data: {
            currency: "usd",
            unit_amount: "2700",
            recurring: { interval: "month", interval_count: "3" },
          },
        },
      ],
    });
    expect(request.params.payment_intent_data).toBeUndefined();
    expect(await locked(subsPost.id, fan)).toBe(true);

    expect((await deliver(fake.pay(session.id))).status).toBe(200);
    expect(await locked(subsPost.id, fan)).toBe(false);
    const stored = await app.services.subscriptions.byProviderRef(session.subscription!);
    expect(stored).toMatchObject({
      fanId: fan.user.id,
      creatorId: creator.user.id,
      months: 3,
      autoRenew: true,
    });
    const sub = await subscriptionOf(fan);
    expect(sub).toMatchObject({ status: "active", months: 3, priceCents: 2700, autoRenew: true });
    expect(sub.currentPeriodEnd - clock.now()).toBe(90 * DAY);
    expect((await earnings()).byType.subscription - before.byType.subscription).toBe(2160);

    // The first invoice was paid at checkout: its invoice.paid changes nothing.
    expect((await deliver(fake.firstInvoicePaid(session.subscription!))).status).toBe(200);
    expect((await subscriptionOf(fan)).currentPeriodEnd).toBe(sub.currentPeriodEnd);
    expect((await earnings()).byType.subscription - before.byType.subscription).toBe(2160);

    // A later cycle: the period grows by three months and the creator earns a renewal, once.
    const { event, invoice } = fake.invoicePaid(session.subscription!);
    for (let i = 0; i < 2; i++) {
      const r = await deliver(event);
      expect(r.status).toBe(200);
      expect(r.body.duplicate).toBe(i === 1);
    }
    expect((await deliver({ ...event, id: `${event.id}_again` })).body.duplicate).toBe(false);
    expect((await subscriptionOf(fan)).currentPeriodEnd).toBe(sub.currentPeriodEnd + 90 * DAY);
    const after = await earnings();
    expect(after.byType.subscription - before.byType.subscription).toBe(2 * 2160);
    const renewals = (await txnsOf(fan)).filter((t) => t.kind === "renewal");
    expect(renewals).toEqual([
      expect.objectContaining({ amount_cents: 2700, source: "card", provider_ref: invoice.id }),
    ]);
    const statement = await app.get("/api/v1/earnings/statement.csv", creator.token);
    expect(statement.body).toContain(`${renewals[0]!.id},renewal,2700,2160,USD,card`);
  });

  it("a discount promotion bought by card: the first invoice is discounted (a once-only coupon), renewals bill the full price", async () => {
    const promo = await app.post("/api/v1/promotions", { kind: "discount", percentOff: 25 }, creator.token);
    expect(promo.status, JSON.stringify(promo.body)).toBe(201);
    const fan = await app.signup();
    const { session, request } = await startCard(
      "/api/v1/subscriptions",
      { creator: "studio", payWith: "card", promotion: promo.body.promotion.code },
      fan,
    );
    const coupon = fake.calls("POST /v1/coupons").at(-1)!;
    expect(coupon.params).toMatchObject({ amount_off: "250", currency: "usd", duration: "once" });
    expect(request.params.line_items[0].price_data.unit_amount).toBe("1000");
    expect(request.params.discounts).toEqual([{ coupon: expect.stringMatching(/^co_/) }]);
    expect(session.amount_total).toBe(750);

    expect((await deliver(fake.pay(session.id))).status).toBe(200);
    expect((await txnsOf(fan)).map((t) => [t.kind, t.amount_cents])).toEqual([["subscription", 750]]);
    const { event } = fake.invoicePaid(session.subscription!);
    expect((await deliver(event)).status).toBe(200);
    expect((await txnsOf(fan)).map((t) => [t.kind, t.amount_cents])).toEqual([
      ["subscription", 750],
      ["renewal", 1000],
    ]);
  });

  it("tells the fan about a failed renewal, and turns auto-renew off when Stripe ends the subscription", async () => {
    const fan = await app.signup();
    const { subscriptionRef } = await subscribeByCard(fan);
    const end = (await subscriptionOf(fan)).currentPeriodEnd;

    expect((await deliver(fake.invoicePaymentFailed(subscriptionRef))).status).toBe(200);
    expect(await notificationKinds(fan)).toContain("renewal_failed");
    expect(await subscriptionOf(fan)).toMatchObject({
      status: "active",
      autoRenew: true,
      currentPeriodEnd: end,
    });

    const deleted = fake.subscriptionDeleted(subscriptionRef);
    expect((await deliver(deleted)).status).toBe(200);
    expect(await subscriptionOf(fan)).toMatchObject({
      status: "canceled",
      autoRenew: false,
      currentPeriodEnd: end,
    });
    expect(await locked(subsPost.id, fan)).toBe(false);
    expect((await deliver(deleted)).body.duplicate).toBe(true);
  });

  it("a fan who cancels stops the renewals at Stripe too (at the end of the paid period)", async () => {
    const fan = await app.signup();
    const { subscriptionRef } = await subscribeByCard(fan);
    const sub = await subscriptionOf(fan);
    const r = await app.del(`/api/v1/subscriptions/${sub.id}`, fan.token);
    expect(r.status).toBe(200);
    expect(r.body.subscription).toMatchObject({ autoRenew: false, status: "canceled" });
    expect(fake.calls(`POST /v1/subscriptions/${subscriptionRef}`).at(-1)!.params).toMatchObject({
      cancel_at_period_end: "true",
    });
    expect(await locked(subsPost.id, fan)).toBe(false);
  });

  it("reverses a refunded PPV sale and locks the post again; a partial refund is not a reversal", async () => {
    const fan = await app.signup();
    const { post, completed, paymentIntent } = await ppvByCard(fan);
    expect((await deliver(completed)).status).toBe(200);
    const before = await earnings();

    expect((await deliver(fake.chargeRefunded(paymentIntent, { amountRefunded: 100 }))).status).toBe(200);
    expect(await locked(post.id, fan)).toBe(false);
    expect((await txnsOf(fan)).map((t) => t.kind)).toEqual(["ppv"]);

    const refunded = fake.chargeRefunded(paymentIntent);
    expect((await deliver(refunded)).status).toBe(200);
    expect((await deliver(refunded)).body.duplicate).toBe(true);
    expect(await locked(post.id, fan)).toBe(true);
    expect((await txnsOf(fan)).map((t) => t.kind)).toEqual(["ppv", "refund"]);
    const after = await earnings();
    expect(after.byType.ppv - before.byType.ppv).toBe(-400);
    expect(after.pendingCents - before.pendingCents).toBe(-400);
    expect(await notificationKinds(fan)).toContain("refund");
  });

  it("reverses a disputed tip as a chargeback", async () => {
    const fan = await app.signup();
    const { session } = await startCard(
      "/api/v1/tips",
      { creator: "studio", amountCents: 1000, payWith: "card" },
      fan,
    );
    expect((await deliver(fake.pay(session.id))).status).toBe(200);
    const before = await earnings();
    const dispute = fake.disputeCreated(session.payment_intent!);
    expect((await deliver(dispute)).status).toBe(200);
    expect((await deliver(dispute)).body.duplicate).toBe(true);
    const txns = await txnsOf(fan);
    expect(txns.map((t) => t.kind)).toEqual(["tip", "chargeback"]);
    expect(txns[0]!.reversed_at).not.toBeNull();
    expect((await earnings()).byType.tip - before.byType.tip).toBe(-800);
    expect(await notificationKinds(fan)).toContain("chargeback");
  });

  it("a chargeback of a spent top-up leaves the wallet below zero: frozen (402 wallet_negative) until topped up", async () => {
    const fan = await app.signup();
    const topup = await startCard("/api/v1/wallet/topups", { amountCents: 2000 }, fan);
    expect((await deliver(fake.pay(topup.session.id))).status).toBe(200);
    const tipFromWallet = (amountCents: number) =>
      app.post("/api/v1/tips", { creator: "studio", amountCents, payWith: "wallet" }, fan.token);
    expect((await tipFromWallet(2000)).status).toBe(201);

    expect((await deliver(fake.disputeCreated(topup.session.payment_intent!))).status).toBe(200);
    expect((await txnsOf(fan)).map((t) => t.kind)).toEqual(["topup", "tip", "chargeback"]);
    expect((await wallet(fan)).balanceCents).toBe(-2000);
    expect(await app.services.payments.negativeWallets()).toContainEqual({
      userId: fan.user.id,
      username: fan.user.username,
      currency: "USD",
      balanceCents: -2000,
    });

    const frozen = await tipFromWallet(100);
    expect(frozen.status).toBe(402);
    expect(frozen.body.error.code).toBe("wallet_negative");
    expect(frozen.body.error.message).toContain("-20.00 USD");
    const sub = await app.post("/api/v1/subscriptions", { creator: "studio", payWith: "wallet" }, fan.token);
    expect(sub.body.error.code).toBe("wallet_negative");
    // A card still pays, and top-ups thaw the wallet once it is back at zero or more.
    await startCard("/api/v1/tips", { creator: "studio", amountCents: 100, payWith: "card" }, fan);
    const more = await startCard("/api/v1/wallet/topups", { amountCents: 1500 }, fan);
    expect((await deliver(fake.pay(more.session.id))).status).toBe(200);
    expect((await tipFromWallet(100)).body.error.code).toBe("wallet_negative");
    const rest = await startCard("/api/v1/wallet/topups", { amountCents: 1000 }, fan);
    expect((await deliver(fake.pay(rest.session.id))).status).toBe(200);
    expect((await wallet(fan)).balanceCents).toBe(500);
    expect((await tipFromWallet(100)).status).toBe(201);
    expect((await app.services.payments.negativeWallets()).map((w) => w.userId)).not.toContain(fan.user.id);
  });

  it("refunds at Stripe only what the wallet still holds of a top-up", async () => {
    const fan = await app.signup();
    const { session } = await startCard("/api/v1/wallet/topups", { amountCents: 2000 }, fan);
    expect((await deliver(fake.pay(session.id))).status).toBe(200);
    await app.post("/api/v1/tips", { creator: "studio", amountCents: 1500, payWith: "wallet" }, fan.token);
    const topup = (await txnsOf(fan))[0]!;
    const calls = fake.calls("POST /v1/refunds").length;

    const whole = await app.post(`/api/v1/admin/transactions/${topup.id}/refund`, undefined, admin.token);
    expect(whole.status).toBe(409);
    expect(whole.body.error).toMatchObject({ code: "already_spent", details: { refundableCents: 500 } });
    expect(fake.calls("POST /v1/refunds")).toHaveLength(calls);

    const part = await app.post(
      `/api/v1/admin/transactions/${topup.id}/refund`,
      { amountCents: 500 },
      admin.token,
    );
    expect(part.status, JSON.stringify(part.body)).toBe(200);
    expect(fake.calls("POST /v1/refunds").at(-1)!.params).toMatchObject({
      payment_intent: session.payment_intent,
      amount: "500",
    });
    expect((await wallet(fan)).balanceCents).toBe(0);
    // Stripe's event for that partial refund changes nothing more.
    const event = fake.chargeRefunded(session.payment_intent!, { amountRefunded: 500 });
    expect((await deliver(event)).status).toBe(200);
    expect((await txnsOf(fan)).map((t) => t.kind)).toEqual(["topup", "tip", "refund"]);
    expect((await wallet(fan)).balanceCents).toBe(0);
  });

  it("a top-up refunded in part and then disputed: the chargeback takes back the rest, once", async () => {
    const fan = await app.signup();
    const { session } = await startCard("/api/v1/wallet/topups", { amountCents: 2000 }, fan);
    expect((await deliver(fake.pay(session.id))).status).toBe(200);
    const topup = (await txnsOf(fan))[0]!;
    const part = await app.post(
      `/api/v1/admin/transactions/${topup.id}/refund`,
      { amountCents: 500 },
      admin.token,
    );
    expect(part.status, JSON.stringify(part.body)).toBe(200);
    expect(
      (await deliver(fake.chargeRefunded(session.payment_intent!, { amountRefunded: 500 }))).status,
    ).toBe(200);
    expect((await wallet(fan)).balanceCents).toBe(1500);

    const dispute = fake.disputeCreated(session.payment_intent!);
    expect((await deliver(dispute)).status).toBe(200);
    expect((await deliver(dispute)).body).toEqual({ received: true, duplicate: true });
    const txns = await txnsOf(fan);
    expect(txns.map((t) => [t.kind, t.amount_cents])).toEqual([
      ["topup", 2000],
      ["refund", 500],
      ["chargeback", 1500],
    ]);
    expect(txns[0]!.reversed_at).not.toBeNull();
    expect((await wallet(fan)).balanceCents).toBe(0);
  });

  it("a part refund of a top-up made at Stripe (its running total) is reflected in the ledger", async () => {
    const fan = await app.signup();
    const { session } = await startCard("/api/v1/wallet/topups", { amountCents: 2000 }, fan);
    expect((await deliver(fake.pay(session.id))).status).toBe(200);
    expect(
      (await deliver(fake.chargeRefunded(session.payment_intent!, { amountRefunded: 300 }))).status,
    ).toBe(200);
    expect((await wallet(fan)).balanceCents).toBe(1700);
    expect(
      (await deliver(fake.chargeRefunded(session.payment_intent!, { amountRefunded: 1000 }))).status,
    ).toBe(200);
    expect((await wallet(fan)).balanceCents).toBe(1000);
    expect((await txnsOf(fan)).map((t) => [t.kind, t.amount_cents])).toEqual([
      ["topup", 2000],
      ["refund", 300],
      ["refund", 700],
    ]);
  });

  it("answers 503 to events that arrive before what they refer to, and applies their redelivery once", async () => {
    const fan = await app.signup();
    const before = await earnings();
    const { session } = await startCard("/api/v1/subscriptions", { creator: "studio", payWith: "card" }, fan);
    const completed = fake.pay(session.id);
    const { event: renewal } = fake.invoicePaid(session.subscription!);

    const early = await deliver(renewal);
    expect(early.status).toBe(503);
    expect(early.body.error.code).toBe("retry_later");
    expect(early.body.error.message).toContain(session.subscription!);
    expect(await recorded(renewal.id)).toBe(0);
    expect(await txnsOf(fan)).toEqual([]);
    expect(await locked(subsPost.id, fan)).toBe(true);

    expect((await deliver(completed)).status).toBe(200);
    const first = await subscriptionOf(fan);
    expect(first.currentPeriodEnd - clock.now()).toBe(30 * DAY);
    expect((await deliver(renewal)).body).toEqual({ received: true, duplicate: false });
    expect((await deliver(renewal)).body).toEqual({ received: true, duplicate: true });
    expect((await subscriptionOf(fan)).currentPeriodEnd).toBe(first.currentPeriodEnd + 30 * DAY);
    expect((await txnsOf(fan)).map((t) => t.kind)).toEqual(["subscription", "renewal"]);
    expect((await earnings()).byType.subscription - before.byType.subscription).toBe(2 * 800);

    // A refund that overtakes its payment's completion: retried, then applied once.
    const { post, completed: paid, paymentIntent } = await ppvByCard(fan);
    const refunded = fake.chargeRefunded(paymentIntent);
    expect((await deliver(refunded)).status).toBe(503);
    expect(await recorded(refunded.id)).toBe(0);
    expect((await deliver(paid)).status).toBe(200);
    expect(await locked(post.id, fan)).toBe(false);
    expect((await deliver(refunded)).status).toBe(200);
    expect(await locked(post.id, fan)).toBe(true);
    expect((await txnsOf(fan)).map((t) => t.kind)).toEqual(["subscription", "renewal", "ppv", "refund"]);
  });

  it("credits the wallet when a card subscription completes after the fan subscribed from the wallet", async () => {
    const fan = await app.signup();
    const card = await startCard("/api/v1/subscriptions", { creator: "studio", payWith: "card" }, fan);
    const topup = await startCard("/api/v1/wallet/topups", { amountCents: 1000 }, fan);
    expect((await deliver(fake.pay(topup.session.id))).status).toBe(200);
    const bought = await app.post(
      "/api/v1/subscriptions",
      { creator: "studio", payWith: "wallet" },
      fan.token,
    );
    expect(bought.status).toBe(201);

    expect((await deliver(fake.pay(card.session.id))).status).toBe(200);
    expect((await wallet(fan)).balanceCents).toBe(1000);
    expect(await notificationKinds(fan)).toContain("checkout_credited");
    expect(await app.services.subscriptions.byProviderRef(card.session.subscription!)).toBeUndefined();
    // Its Stripe subscription has no Fanz subscription to renew: answered (not retried), nothing moves.
    const before = await txnsOf(fan);
    const { event } = fake.invoicePaid(card.session.subscription!);
    expect((await deliver(event)).status).toBe(200);
    expect(await txnsOf(fan)).toEqual(before);
  });

  it("a card subscription paid again from the wallet stops billing at Stripe", async () => {
    const fan = await app.signup();
    const { subscriptionRef } = await subscribeByCard(fan);
    // Stripe could not renew it and the paid period ran out, while Stripe goes on retrying the invoice.
    expect((await deliver(fake.invoicePaymentFailed(subscriptionRef))).status).toBe(200);
    await app.raw
      .prepare("UPDATE subscriptions SET current_period_end = ? WHERE fan_id = ?")
      .run(clock.now() - 1000, fan.user.id);
    const topup = await startCard("/api/v1/wallet/topups", { amountCents: 1000 }, fan);
    expect((await deliver(fake.pay(topup.session.id))).status).toBe(200);
    expect(fake.calls(`DELETE /v1/subscriptions/${subscriptionRef}`)).toHaveLength(0);

    const again = await app.post(
      "/api/v1/subscriptions",
      { creator: "studio", payWith: "wallet" },
      fan.token,
    );
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(fake.calls(`DELETE /v1/subscriptions/${subscriptionRef}`)).toHaveLength(1);
    expect(await sub0(fan)).toBeNull();
    expect(await locked(subsPost.id, fan)).toBe(false);
    expect((await txnsOf(fan)).map((t) => [t.kind, t.source]).sort()).toEqual([
      ["subscription", "card"],
      ["subscription", "wallet"],
      ["topup", "card"],
    ]);
  });

  it("a refund made at Stripe of a subscription's invoice ends access and cancels the Stripe subscription", async () => {
    const fan = await app.signup();
    const { subscriptionRef, invoice } = await subscribeByCard(fan);
    expect(await locked(subsPost.id, fan)).toBe(false);
    const refunded = fake.chargeRefunded(fake.paymentIntentOf(invoice));
    expect((await deliver(refunded)).body).toEqual({ received: true, duplicate: false });
    expect(await locked(subsPost.id, fan)).toBe(true);
    expect((await txnsOf(fan)).map((t) => t.kind)).toEqual(["subscription", "refund"]);
    expect(fake.calls(`DELETE /v1/subscriptions/${subscriptionRef}`)).toHaveLength(1);
    expect((await deliver(refunded)).body.duplicate).toBe(true);
    expect(fake.calls(`DELETE /v1/subscriptions/${subscriptionRef}`)).toHaveLength(1);
  });

  it("a dispute won restores what its chargeback reversed, once; a lost one changes nothing more", async () => {
    const fan = await app.signup();
    const before = await earnings();
    const { post, completed, paymentIntent } = await ppvByCard(fan);
    expect((await deliver(completed)).status).toBe(200);
    const { invoice } = await subscribeByCard(fan);
    const subPaymentIntent = fake.paymentIntentOf(invoice);

    const ppvDispute = fake.disputeCreated(paymentIntent);
    const subDispute = fake.disputeCreated(subPaymentIntent);
    expect((await deliver(ppvDispute)).status).toBe(200);
    expect((await deliver(subDispute)).status).toBe(200);
    expect(await locked(post.id, fan)).toBe(true);
    expect(await locked(subsPost.id, fan)).toBe(true);
    const lowest = await earnings();
    expect(lowest.pendingCents - before.pendingCents).toBe(0);

    const won = fake.disputeClosed(ppvDispute, "won");
    expect((await deliver(won)).body).toEqual({ received: true, duplicate: false });
    expect((await deliver(won)).body.duplicate).toBe(true);
    // Another event about the same decided dispute: restored once all the same.
    expect((await deliver({ ...won, id: `${won.id}_again` })).body.duplicate).toBe(false);
    expect(await locked(post.id, fan)).toBe(false);
    const wonSub = fake.disputeClosed(subDispute, "won");
    expect((await deliver(wonSub)).status).toBe(200);
    expect(await locked(subsPost.id, fan)).toBe(false);
    expect(await subscriptionOf(fan)).toMatchObject({ status: "active", autoRenew: true });

    const txns = await txnsOf(fan);
    expect(txns.map((t) => t.kind).sort()).toEqual([
      "chargeback",
      "chargeback",
      "chargeback_reversal",
      "chargeback_reversal",
      "ppv",
      "subscription",
    ]);
    expect(
      txns.filter((t) => t.kind === "ppv" || t.kind === "subscription").map((t) => t.reversed_at),
    ).toEqual([null, null]);
    const after = await earnings();
    expect(after.pendingCents - before.pendingCents).toBe(400 + 800);
    expect(after.byType.ppv - before.byType.ppv).toBe(400);
    expect(after.byType.subscription - before.byType.subscription).toBe(800);
    // Analytics reads the same ledger: a won dispute counts again under the sale's kind.
    const a = (await app.get("/api/v1/analytics?days=365", creator.token)).body.earnings.byType;
    expect(a.ppv).toBe(after.byType.ppv);
    expect(a.subscription + a.renewal).toBe(after.byType.subscription);
    expect(a.tip).toBe(after.byType.tip);

    // A dispute lost: its chargeback stands, nothing else moves.
    const tip = await startCard(
      "/api/v1/tips",
      { creator: "studio", amountCents: 500, payWith: "card" },
      fan,
    );
    expect((await deliver(fake.pay(tip.session.id))).status).toBe(200);
    const tipDispute = fake.disputeCreated(tip.session.payment_intent!);
    expect((await deliver(tipDispute)).status).toBe(200);
    const count = (await txnsOf(fan)).length;
    expect((await deliver(fake.disputeClosed(tipDispute, "lost"))).status).toBe(200);
    expect(await txnsOf(fan)).toHaveLength(count);
    expect((await earnings()).pendingCents).toBe(after.pendingCents);
  });

  it("a dispute won gives a referrer back the share of the fee its chargeback took", async () => {
    const scout = await app.creator("scout");
    const signup = await app.post("/api/v1/auth/signup", {
      email: "scouted@example.com",
      username: "scouted",
      password: "password-123",
      ageConfirmed: true,
      ref: "scout",
    });
    expect(signup.status).toBe(201);
    const scouted: Actor = { token: signup.body.token, user: signup.body.user };
    expect((await app.put("/api/v1/creators/me", { priceCents: 900 }, scouted.token)).status).toBe(200);
    const referral = async () => (await app.get("/api/v1/earnings", scout.token)).body.byType.referral;

    const fan = await app.signup();
    const { completed, paymentIntent } = await ppvByCard(fan, 2000, scouted);
    expect((await deliver(completed)).status).toBe(200);
    const share = await referral();
    expect(share).toBeGreaterThan(0);

    const dispute = fake.disputeCreated(paymentIntent);
    expect((await deliver(dispute)).status).toBe(200);
    expect(await referral()).toBe(0);
    const won = fake.disputeClosed(dispute, "won");
    expect((await deliver(won)).status).toBe(200);
    expect(await referral()).toBe(share);
    // Told again (another event about the same decision): restored once all the same.
    expect((await deliver({ ...won, id: `${won.id}_again` })).status).toBe(200);
    expect(await referral()).toBe(share);
  });

  it("refunds a card payment from the admin console at Stripe, and Stripe's refund event changes nothing more", async () => {
    const fan = await app.signup();
    const { session } = await startCard("/api/v1/wallet/topups", { amountCents: 2000 }, fan);
    expect((await deliver(fake.pay(session.id))).status).toBe(200);
    const topup = (await txnsOf(fan))[0]!;
    const calls = fake.calls("POST /v1/refunds").length;

    const r = await app.post(`/api/v1/admin/transactions/${topup.id}/refund`, undefined, admin.token);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.transaction).toMatchObject({ kind: "refund", amountCents: 2000 });
    const refunds = fake.calls("POST /v1/refunds");
    expect(refunds).toHaveLength(calls + 1);
    expect(refunds.at(-1)!.params).toMatchObject({ payment_intent: session.payment_intent, amount: "2000" });
    expect(refunds.at(-1)!.headers["idempotency-key"]).toBe(`fanz-refund-${session.payment_intent}`);
    expect((await wallet(fan)).balanceCents).toBe(0);

    expect((await deliver(fake.chargeRefunded(session.payment_intent!))).status).toBe(200);
    expect((await txnsOf(fan)).map((t) => t.kind)).toEqual(["topup", "refund"]);
    expect((await wallet(fan)).balanceCents).toBe(0);
    const again = await app.post(`/api/v1/admin/transactions/${topup.id}/refund`, undefined, admin.token);
    expect(again.status).toBe(409);
    expect(fake.calls("POST /v1/refunds")).toHaveLength(calls + 1);
  });

  it("refunds a subscription sale through its invoice's payment, ends access, and matches Stripe's event", async () => {
    const fan = await app.signup();
    const { invoice } = await subscribeByCard(fan);
    const sale = (await txnsOf(fan))[0]!;
    expect(sale).toMatchObject({ kind: "subscription", provider_ref: invoice });
    const paymentIntent = fake.paymentIntentOf(invoice);

    const r = await app.post(`/api/v1/admin/transactions/${sale.id}/refund`, undefined, admin.token);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(fake.calls("GET /v1/invoice_payments").at(-1)!.params).toMatchObject({ invoice, status: "paid" });
    expect(fake.calls("POST /v1/refunds").at(-1)!.params).toMatchObject({
      payment_intent: paymentIntent,
      amount: "1000",
    });
    expect(await locked(subsPost.id, fan)).toBe(true);
    // The refunded subscription stops billing at Stripe at once.
    expect(fake.calls(`DELETE /v1/subscriptions/${await sub0(fan)}`)).toHaveLength(1);

    // Stripe's event names only the payment intent; it is traced to the invoice and changes nothing.
    const event = fake.chargeRefunded(paymentIntent);
    expect((await deliver(event)).body).toEqual({ received: true, duplicate: false });
    expect((await txnsOf(fan)).map((t) => t.kind)).toEqual(["subscription", "refund"]);
  });

  it("reports a refund Stripe refuses and reverses nothing", async () => {
    const fan = await app.signup();
    const { post, completed } = await ppvByCard(fan);
    expect((await deliver(completed)).status).toBe(200);
    const sale = (await txnsOf(fan))[0]!;
    fake.failNext("POST /v1/refunds", 400, "This charge is disputed and cannot be refunded.");
    const r = await app.post(`/api/v1/admin/transactions/${sale.id}/refund`, undefined, admin.token);
    expect(r.status).toBe(503);
    expect(r.body.error.code).toBe("provider_error");
    expect(r.body.error.message).toContain("disputed");
    expect(await locked(post.id, fan)).toBe(false);
    expect((await txnsOf(fan)).map((t) => t.kind)).toEqual(["ppv"]);
  });

  it("answers 503 when Stripe cannot create the checkout", async () => {
    const fan = await app.signup();
    const sessions = fake.calls("POST /v1/checkout/sessions").length;
    fake.failNext("POST /v1/checkout/sessions", 400, "Invalid currency.");
    const r = await app.post("/api/v1/wallet/topups", { amountCents: 1000 }, fan.token);
    expect(r.status).toBe(503);
    expect(r.body.error.code).toBe("provider_error");
    expect(fake.calls("POST /v1/checkout/sessions")).toHaveLength(sessions + 1);
  });

  it("records and ignores event types it has no handler for", async () => {
    const event = fake.event("customer.created", { id: "cus_test_1", object: "customer" });
    expect((await deliver(event)).body).toEqual({ received: true, duplicate: false });
    expect(await recorded(event.id)).toBe(1);
  });

  it("turns the sandbox off: its pay page is 403 and its webhook path 404", async () => {
    const fan = await app.signup();
    const { checkoutId } = await startCard("/api/v1/wallet/topups", { amountCents: 1000 }, fan);
    const pay = await app.post(`/sandbox/checkout/${checkoutId}/pay`, { cardNumber: "4242 4242 4242 4242" });
    expect(pay.status).toBe(403);
    expect(pay.body.error.code).toBe("sandbox_disabled");
    expect((await app.call("POST", "/api/v1/webhooks/sandbox", { raw: "{}" })).status).toBe(404);
    expect((await wallet(fan)).balanceCents).toBe(0);
  });

  /** The Stripe subscription id stored for the fan's subscription. */
  async function sub0(fan: Actor): Promise<string> {
    const row = (await app.raw
      .prepare("SELECT provider_ref FROM subscriptions WHERE fan_id = ?")
      .get(fan.user.id)) as { provider_ref: string };
    return row.provider_ref;
  }

  it("refuses to run without its keys", () => {
    const opts = { secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, apiBase: "", now: Date.now };
    expect(() => createStripeProvider({ ...opts, secretKey: "" })).toThrow(
      /payments\.stripe_secret_key is empty/,
    );
    expect(() => createStripeProvider({ ...opts, webhookSecret: " " })).toThrow(
      /payments\.stripe_webhook_secret is empty/,
    );
    expect(createStripeProvider(opts).name).toBe("stripe");
  });
});
