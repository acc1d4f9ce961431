// Money flows through real HTTP on a real SQLite file: wallet top-ups through the sandbox checkout,
// subscriptions, PPV, tips, holds, renewals, refunds, payouts and the admin side.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "../../src/lib/clock.ts";
import { schedulerTasks } from "../../src/main.ts";
import { sign } from "../../src/modules/payments/providers/sandbox/provider.ts";
import { startTestApp, TestClock, type Actor, type TestApp } from "../helpers/api.ts";

describe("money", () => {
  let app: TestApp;
  const clock = new TestClock();
  let admin: Actor, creator: Actor, fan: Actor;
  let ppv: { id: string }, subsPost: { id: string };

  const runScheduler = async () => {
    for (const t of schedulerTasks(app.ctx, app.services)) await t.run();
  };
  const wallet = async (a: Actor) => (await app.get("/api/v1/wallet", a.token)).body;
  const earnings = async (a: Actor) => (await app.get("/api/v1/earnings", a.token)).body;

  beforeAll(async () => {
    // Sessions outlive the months this file moves the clock through.
    app = await startTestApp({ clock, env: { FANZ_AUTH__SESSION_DAYS: "365" } });
    admin = (
      await app.post("/api/v1/auth/login", { email: "admin@example.com", password: "admin-password-1" })
    ).body;
    creator = await app.creator("seller", {
      priceCents: 1000,
      bundles: [{ months: 3, discountPercent: 10 }],
    });
    fan = await app.signup("buyer");
    ppv = await app.postAs(creator, { text: "paid set", visibility: "ppv", priceCents: 500 });
    subsPost = await app.postAs(creator, { text: "for subscribers", visibility: "subscribers" });
  });
  afterEach(async () => {
    expect(await app.ledgerHealth()).toEqual({ unbalanced: [], drifted: [] });
  });
  afterAll(() => app.close());

  it("tops up the wallet through the sandbox checkout; declined cards and replays change nothing", async () => {
    const start = await app.post("/api/v1/wallet/topups", { amountCents: 5000 }, fan.token);
    expect(start.status).toBe(202);
    expect(start.body.checkoutUrl).toMatch(new RegExp(`/sandbox/checkout/${start.body.checkoutId}$`));
    const id = start.body.checkoutId;
    const view = await app.get(`/api/v1/sandbox/checkouts/${id}`);
    expect(view.body.checkout).toMatchObject({ purpose: "topup", amountCents: 5000, status: "open" });

    const declined = await app.payCheckout(id, "4000 0000 0000 0002");
    expect(declined.status).toBe(402);
    expect(declined.body.error.code).toBe("card_declined");
    expect((await wallet(fan)).balanceCents).toBe(0);
    const bogus = await app.payCheckout(id, "1234 5678 9012 3456");
    expect(bogus.status).toBe(400);

    const paid = await app.payCheckout(id);
    expect(paid.status).toBe(200);
    expect(paid.body.checkout.status).toBe("paid");
    const again = await app.payCheckout(id);
    expect(again.status).toBe(200);
    const w = await wallet(fan);
    expect(w).toMatchObject({ balanceCents: 5000, currency: "USD" });
    expect(w.transactions).toHaveLength(1);
    expect(w.transactions[0]).toMatchObject({ kind: "topup", label: "Wallet top-up", amountCents: 5000 });

    expect((await app.post("/api/v1/wallet/topups", { amountCents: 100 }, fan.token)).status).toBe(400);
    expect((await app.post("/api/v1/wallet/topups", { amountCents: 5000 })).status).toBe(401);
  });

  it("re-paying a paid sandbox checkout changes nothing and stores nothing", async () => {
    const events = async () =>
      ((await app.raw.prepare("SELECT count(*) n FROM webhook_events").get()) as { n: number }).n;
    const payer = await app.signup();
    const start = await app.post("/api/v1/wallet/topups", { amountCents: 1500 }, payer.token);
    const id = start.body.checkoutId as string;
    const before = await events();
    // Two pays at once record one event between them.
    const both = await Promise.all([app.payCheckout(id), app.payCheckout(id)]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(await events()).toBe(before + 1);
    const paid = await wallet(payer);
    expect(paid.balanceCents).toBe(1500);
    for (let i = 0; i < 5; i++) {
      const again = await app.payCheckout(id);
      expect(again.status).toBe(200);
      expect(again.body.checkout.status).toBe("paid");
    }
    expect(await events()).toBe(before + 1);
    expect(await wallet(payer)).toEqual(paid);
  });

  it("rejects a webhook with a bad signature and records nothing", async () => {
    const body = JSON.stringify({ id: "evt_forged", type: "checkout.completed", data: { checkoutId: "x" } });
    for (const sig of [undefined, "t=1,v1=" + "0".repeat(64), "garbage"]) {
      const r = await app.call("POST", "/api/v1/webhooks/sandbox", {
        raw: body,
        headers: sig ? { "fanz-sandbox-signature": sig } : {},
      });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe("bad_signature");
    }
    const rows = (await app.raw
      .prepare("SELECT count(*) n FROM webhook_events WHERE event_id = 'evt_forged'")
      .get()) as { n: number };
    expect(rows.n).toBe(0);
    expect((await app.call("POST", "/api/v1/webhooks/stripe", { raw: body })).status).toBe(404);
  });

  it("refuses a correctly signed sandbox event that is malformed: 400, nothing recorded", async () => {
    const payer = await app.signup();
    const start = await app.post("/api/v1/wallet/topups", { amountCents: 2000 }, payer.token);
    const checkoutId = start.body.checkoutId as string;
    const secret = await app.services.site.generatedSecret("sandbox_webhook");
    const before = await wallet(payer);
    const malformed = [
      { id: "evt_bad_nodata", type: "checkout.completed" },
      { id: "evt_bad_empty", type: "checkout.completed", data: {} },
      { id: "evt_bad_number", type: "checkout.completed", data: { checkoutId: 42 } },
      { id: "evt_bad_ref", type: "checkout.completed", data: { checkoutId, providerRef: { x: 1 } } },
      { id: "evt_bad_list", type: "checkout.completed", data: [checkoutId] },
    ];
    for (const event of malformed) {
      const raw = JSON.stringify(event);
      const r = await app.call("POST", "/api/v1/webhooks/sandbox", {
        raw,
        headers: { "fanz-sandbox-signature": sign(secret, raw, clock.now()) },
      });
      expect(r.status, `${event.id}: ${JSON.stringify(r.body)}`).toBe(400);
      expect(r.body.error.code).toBe("invalid_event");
    }
    const rows = (await app.raw
      .prepare("SELECT count(*) n FROM webhook_events WHERE event_id LIKE 'evt_bad_%'")
      .get()) as { n: number };
    expect(rows.n).toBe(0);
    expect(await wallet(payer)).toEqual(before);
    expect((await app.get(`/api/v1/sandbox/checkouts/${checkoutId}`)).body.checkout.status).toBe("open");
  });

  it("unlocks a PPV post from the wallet, splitting the fee; owning it twice is 409", async () => {
    expect((await app.get(`/api/v1/posts/${ppv.id}`, fan.token)).body.post.locked).toBe(true);
    const r = await app.post(`/api/v1/posts/${ppv.id}/unlock`, { payWith: "wallet" }, fan.token);
    expect(r.status).toBe(200);
    expect(r.body.post).toMatchObject({ id: ppv.id, locked: false });
    expect((await wallet(fan)).balanceCents).toBe(4500);
    const again = await app.post(`/api/v1/posts/${ppv.id}/unlock`, { payWith: "wallet" }, fan.token);
    expect(again.status).toBe(409);
    expect((await wallet(fan)).balanceCents).toBe(4500);
    const e = await earnings(creator);
    expect(e).toMatchObject({
      pendingCents: 400,
      availableCents: 0,
      lifetimeCents: 400,
      byType: { ppv: 400 },
    });
    const self = await app.post(`/api/v1/posts/${ppv.id}/unlock`, { payWith: "wallet" }, creator.token);
    expect(self.status).toBe(400);
    const notPpv = await app.post(`/api/v1/posts/${subsPost.id}/unlock`, { payWith: "wallet" }, fan.token);
    expect(notPpv.status).toBe(400);
  });

  it("subscribes with a bundle from the wallet; insufficient funds is 402 and moves nothing", async () => {
    const poor = await app.signup();
    const broke = await app.post(
      "/api/v1/subscriptions",
      { creator: "seller", payWith: "wallet" },
      poor.token,
    );
    expect(broke.status).toBe(402);
    expect(broke.body.error.code).toBe("insufficient_funds");
    expect((await app.get(`/api/v1/posts/${subsPost.id}`, poor.token)).body.post.locked).toBe(true);

    const r = await app.post(
      "/api/v1/subscriptions",
      { creator: "seller", months: 3, payWith: "wallet" },
      fan.token,
    );
    expect(r.status).toBe(201);
    expect(r.body.subscription).toMatchObject({
      status: "active",
      months: 3,
      priceCents: 2700,
      autoRenew: true,
    });
    expect(r.body.subscription.currentPeriodEnd - clock.now()).toBe(90 * DAY);
    expect((await wallet(fan)).balanceCents).toBe(4500 - 2700);
    expect((await app.get(`/api/v1/posts/${subsPost.id}`, fan.token)).body.post.locked).toBe(false);
    expect(
      (await app.post("/api/v1/subscriptions", { creator: "seller", payWith: "wallet" }, fan.token)).status,
    ).toBe(409);
    expect(
      (
        await app.post(
          "/api/v1/subscriptions",
          { creator: "seller", months: 6, payWith: "wallet" },
          fan.token,
        )
      ).status,
    ).toBe(400);
    expect(
      (await app.post("/api/v1/subscriptions", { creator: "seller", payWith: "wallet" }, creator.token))
        .status,
    ).toBe(400);
  });

  it("tips from the wallet with a message; the creator is notified", async () => {
    const r = await app.post(
      "/api/v1/tips",
      { creator: "seller", amountCents: 300, postId: ppv.id, message: "great set", payWith: "wallet" },
      fan.token,
    );
    expect(r.status).toBe(201);
    expect(r.body.tip).toMatchObject({ kind: "tip", amountCents: 300, memo: "great set" });
    expect((await wallet(fan)).balanceCents).toBe(1800 - 300);
    const n = await app.get("/api/v1/notifications", creator.token);
    expect(n.body.items.map((x: { kind: string }) => x.kind)).toEqual(
      expect.arrayContaining(["tip", "ppv_sale", "new_subscriber"]),
    );
    expect(n.body.unread).toBeGreaterThanOrEqual(3);
    const tip = n.body.items.find((x: { kind: string }) => x.kind === "tip");
    expect(tip.data).toEqual({
      fanId: fan.user.id,
      postId: ppv.id,
      amountCents: 300,
      currency: "USD",
      message: "great set",
    });
    expect(tip.text).toBe(`${fan.user.username} sent you a tip of 3.00 USD on your post.`);
    expect(tip.link).toBe(`/posts/${ppv.id}`);
    expect((await app.post("/api/v1/notifications/read", undefined, creator.token)).status).toBe(204);
    expect((await app.get("/api/v1/notifications", creator.token)).body.unread).toBe(0);
    expect(
      (await app.post("/api/v1/tips", { creator: "seller", amountCents: 50, payWith: "wallet" }, fan.token))
        .status,
    ).toBe(400);
    expect(
      (
        await app.post(
          "/api/v1/tips",
          { creator: "seller", amountCents: 100000, payWith: "wallet" },
          fan.token,
        )
      ).status,
    ).toBe(402);
    expect(
      (
        await app.post(
          "/api/v1/tips",
          { creator: "buyer", amountCents: 100, payWith: "wallet" },
          creator.token,
        )
      ).status,
    ).toBe(404);
    const selfTip = await app.post(
      "/api/v1/tips",
      { creator: "seller", amountCents: 100, payWith: "wallet" },
      creator.token,
    );
    expect(selfTip.status).toBe(400);
  });

  it("pays by card: 202 with a checkout, access once the checkout is paid", async () => {
    const cardFan = await app.signup();
    const r = await app.post(`/api/v1/posts/${ppv.id}/unlock`, { payWith: "card" }, cardFan.token);
    expect(r.status).toBe(202);
    expect((await app.get(`/api/v1/posts/${ppv.id}`, cardFan.token)).body.post.locked).toBe(true);
    expect((await app.payCheckout(r.body.checkoutId)).status).toBe(200);
    expect((await app.get(`/api/v1/posts/${ppv.id}`, cardFan.token)).body.post.locked).toBe(false);
    expect((await wallet(cardFan)).balanceCents).toBe(0);
    const sub = await app.post(
      "/api/v1/subscriptions",
      { creator: "seller", payWith: "card" },
      cardFan.token,
    );
    expect(sub.status).toBe(202);
    await app.payCheckout(sub.body.checkoutId);
    expect((await app.get(`/api/v1/posts/${subsPost.id}`, cardFan.token)).body.post.locked).toBe(false);
    // A card checkout for something bought meanwhile lands in the wallet instead of being lost.
    const late = await app.post(
      "/api/v1/tips",
      { creator: "seller", amountCents: 700, payWith: "card" },
      cardFan.token,
    );
    await app.payCheckout(late.body.checkoutId);
    expect((await earnings(creator)).byType.tip).toBe(240 + 560);
  });

  it("holds earnings for hold_days, then the scheduler makes them available", async () => {
    const before = await earnings(creator);
    expect(before.availableCents).toBe(0);
    clock.advance(7 * DAY + 1000);
    await runScheduler();
    const after = await earnings(creator);
    expect(after.pendingCents).toBe(0);
    expect(after.availableCents).toBe(before.pendingCents);
    await runScheduler(); // a second run releases nothing twice
    expect((await earnings(creator)).availableCents).toBe(before.pendingCents);
  });

  it("payouts: request ≤ available and ≥ minimum, admin approves and marks paid, or rejects", async () => {
    const avail = (await earnings(creator)).availableCents;
    const method = { kind: "paypal", email: "seller@example.com" };
    expect((await app.put("/api/v1/payouts/method", method, creator.token)).status).toBe(200);
    expect(
      (await app.post("/api/v1/payouts", { amountCents: avail + 1 }, creator.token)).body.error.code,
    ).toBe("insufficient_earnings");
    expect((await app.post("/api/v1/payouts", { amountCents: 100 }, creator.token)).body.error.code).toBe(
      "below_minimum",
    );
    expect((await app.post("/api/v1/payouts", { amountCents: 2000 }, fan.token)).status).toBe(403);
    const p1 = await app.post("/api/v1/payouts", { amountCents: 2000 }, creator.token);
    expect(p1.status).toBe(201);
    expect(p1.body.payout).toMatchObject({ status: "requested", amountCents: 2000 });
    expect((await earnings(creator)).availableCents).toBe(avail - 2000);

    expect(
      (await app.post(`/api/v1/admin/payouts/${p1.body.payout.id}/approve`, undefined, creator.token)).status,
    ).toBe(403);
    const paidBody = { reference: "PP-5521" };
    expect(
      (await app.post(`/api/v1/admin/payouts/${p1.body.payout.id}/mark-paid`, paidBody, admin.token)).status,
    ).toBe(409);
    const approved = await app.post(
      `/api/v1/admin/payouts/${p1.body.payout.id}/approve`,
      undefined,
      admin.token,
    );
    expect(approved.body.payout.status).toBe("approved");
    const paid = await app.post(
      `/api/v1/admin/payouts/${p1.body.payout.id}/mark-paid`,
      paidBody,
      admin.token,
    );
    expect(paid.body.payout).toMatchObject({ status: "paid", reference: "PP-5521" });
    expect(
      (await app.post(`/api/v1/admin/payouts/${p1.body.payout.id}/mark-paid`, paidBody, admin.token)).status,
    ).toBe(200);

    clock.advance(1000);
    const p2 = await app.post("/api/v1/payouts", { amountCents: 2000 }, creator.token);
    const rejected = await app.post(
      `/api/v1/admin/payouts/${p2.body.payout.id}/reject`,
      { note: "verify your ID" },
      admin.token,
    );
    expect(rejected.body.payout).toMatchObject({ status: "rejected", note: "verify your ID" });
    expect((await earnings(creator)).availableCents).toBe(avail - 2000);
    const mine = await app.get("/api/v1/payouts", creator.token);
    expect(mine.body.items.map((p: { status: string }) => p.status)).toEqual(["rejected", "paid"]);
    const queue = await app.get("/api/v1/admin/payouts?status=paid", admin.token);
    expect(queue.body.items).toHaveLength(1);
  });

  it("refunds reverse the entries (creator balance may go negative) and revoke access", async () => {
    const list = await app.get("/api/v1/admin/transactions?limit=100", admin.token);
    const unlock = list.body.items.find((t: any) => t.kind === "ppv" && t.user?.username === "buyer");
    const fanBefore = (await wallet(fan)).balanceCents;
    const availBefore = (await earnings(creator)).availableCents;
    const r = await app.post(`/api/v1/admin/transactions/${unlock.id}/refund`, undefined, admin.token);
    expect(r.status).toBe(200);
    expect(r.body.transaction).toMatchObject({ kind: "refund", amountCents: 500 });
    expect((await wallet(fan)).balanceCents).toBe(fanBefore + 500);
    expect((await earnings(creator)).availableCents).toBe(availBefore - 400);
    expect((await app.get(`/api/v1/posts/${ppv.id}`, fan.token)).body.post.locked).toBe(true);
    expect(
      (await app.post(`/api/v1/admin/transactions/${unlock.id}/refund`, undefined, admin.token)).status,
    ).toBe(409);
    expect(
      (await app.post(`/api/v1/admin/transactions/${unlock.id}/refund`, undefined, fan.token)).status,
    ).toBe(403);

    const sub = list.body.items.find((t: any) => t.kind === "subscription" && t.user?.username === "buyer");
    await app.post(`/api/v1/admin/transactions/${sub.id}/refund`, undefined, admin.token);
    expect((await app.get(`/api/v1/posts/${subsPost.id}`, fan.token)).body.post.locked).toBe(true);

    // Refund more than the creator has: the balance goes negative and shows as such.
    const e = await earnings(creator);
    const tips = list.body.items.filter((t: any) => t.kind === "tip" && !t.refunded);
    for (const t of tips) await app.post(`/api/v1/admin/transactions/${t.id}/refund`, undefined, admin.token);
    const after = await earnings(creator);
    expect(after.availableCents + after.pendingCents).toBeLessThan(e.availableCents + e.pendingCents);
    const csv = await app.call("GET", "/api/v1/earnings/statement.csv", { token: creator.token });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.body).toContain("date,transaction,type,gross_cents,your_share_cents,currency,source");
    expect(csv.body).toContain(",refund,");
    expect((await app.get("/api/v1/earnings", fan.token)).status).toBe(403);
  });

  it("admin settings: the platform fee applies to the next sale", async () => {
    expect((await app.get("/api/v1/admin/settings", admin.token)).body.settings.platformFeePercent).toBe(20);
    expect(
      (await app.put("/api/v1/admin/settings", { platformFeePercent: 12.345 }, admin.token)).status,
    ).toBe(400);
    expect((await app.put("/api/v1/admin/settings", { platformFeePercent: 150 }, admin.token)).status).toBe(
      400,
    );
    expect((await app.put("/api/v1/admin/settings", { platformFeePercent: 10 }, creator.token)).status).toBe(
      403,
    );
    const r = await app.put(
      "/api/v1/admin/settings",
      { platformFeePercent: 12.5, payoutMinimumCents: 5000 },
      admin.token,
    );
    expect(r.body.settings).toMatchObject({ platformFeePercent: 12.5, payoutMinimumCents: 5000 });
    const before = (await earnings(creator)).pendingCents;
    await app.topup(fan, 1000);
    await app.post("/api/v1/tips", { creator: "seller", amountCents: 333, payWith: "wallet" }, fan.token);
    // 12.5 % of 333 = 41.625 -> 42 fee, 291 to the creator: nothing created or lost.
    expect((await earnings(creator)).pendingCents - before).toBe(291);
    await app.put(
      "/api/v1/admin/settings",
      { platformFeePercent: 20, payoutMinimumCents: 2000 },
      admin.token,
    );
  });

  it("renews due subscriptions from the wallet once; an empty wallet ends access and notifies", async () => {
    const rich = await app.signup();
    const poor = await app.signup();
    await app.topup(rich, 3000);
    await app.topup(poor, 1000);
    await app.post("/api/v1/subscriptions", { creator: "seller", payWith: "wallet" }, rich.token);
    await app.post("/api/v1/subscriptions", { creator: "seller", payWith: "wallet" }, poor.token);
    const cancelMe = await app.signup();
    await app.topup(cancelMe, 3000);
    const c = await app.post(
      "/api/v1/subscriptions",
      { creator: "seller", payWith: "wallet" },
      cancelMe.token,
    );
    await app.del(`/api/v1/subscriptions/${c.body.subscription.id}`, cancelMe.token);

    clock.advance(30 * DAY + 1);
    await runScheduler();
    await runScheduler();
    expect((await wallet(rich)).balanceCents).toBe(3000 - 1000 - 1000);
    expect((await wallet(rich)).transactions.filter((t: any) => t.kind === "renewal")).toHaveLength(1);
    expect((await app.get(`/api/v1/posts/${subsPost.id}`, rich.token)).body.post.locked).toBe(false);
    expect((await app.get(`/api/v1/posts/${subsPost.id}`, poor.token)).body.post.locked).toBe(true);
    const notes = await app.get("/api/v1/notifications", poor.token);
    expect(notes.body.items[0].kind).toBe("renewal_failed");
    expect((await app.get("/api/v1/subscriptions", poor.token)).body.items[0].status).toBe("expired");
    expect((await wallet(cancelMe)).balanceCents).toBe(2000);
    expect((await app.get("/api/v1/subscriptions", cancelMe.token)).body.items[0].status).toBe("expired");
  });

  it("free trials grant access without a charge; the first renewal charges the price", async () => {
    const trial = await app.creator("trialist", { priceCents: 800, trialDays: 7 });
    const tp = await app.postAs(trial, { text: "trial content", visibility: "subscribers" });
    const f = await app.signup();
    const r = await app.post("/api/v1/subscriptions", { creator: "trialist", payWith: "wallet" }, f.token);
    expect(r.status).toBe(201);
    expect(r.body.subscription.currentPeriodEnd - clock.now()).toBe(7 * DAY);
    expect((await app.get(`/api/v1/posts/${tp.id}`, f.token)).body.post.locked).toBe(false);
    await app.topup(f, 1000);
    clock.advance(7 * DAY + 1);
    await runScheduler();
    expect((await wallet(f)).balanceCents).toBe(200);
    expect((await app.get(`/api/v1/posts/${tp.id}`, f.token)).body.post.locked).toBe(false);
  });
});
