// Property: whatever sequence of top-ups, purchases, refunds, releases and payouts happens, every ledger
// transaction sums to zero, every cached balance equals the sum of its entries, and money is neither
// created nor destroyed (all balances together sum to zero).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { AppError } from "../../src/lib/errors.ts";
import { DAY } from "../../src/lib/clock.ts";
import { startTestApp, TestClock, type Actor, type TestApp } from "../helpers/api.ts";

type Op =
  | { op: "topup"; fan: number; cents: number }
  | { op: "tip"; fan: number; cents: number; card: boolean }
  | { op: "unlock"; fan: number; post: number; card: boolean }
  | { op: "subscribe"; fan: number }
  | { op: "refund"; pick: number; part: boolean }
  | { op: "advance"; days: number }
  | { op: "payout"; cents: number }
  | { op: "decide"; pick: number; how: "approve" | "reject" | "paid" };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant("topup" as const),
    fan: fc.nat(2),
    cents: fc.integer({ min: 500, max: 5000 }),
  }),
  fc.record({
    op: fc.constant("tip" as const),
    fan: fc.nat(2),
    cents: fc.integer({ min: 100, max: 3000 }),
    card: fc.boolean(),
  }),
  fc.record({ op: fc.constant("unlock" as const), fan: fc.nat(2), post: fc.nat(3), card: fc.boolean() }),
  fc.record({ op: fc.constant("subscribe" as const), fan: fc.nat(2) }),
  fc.record({ op: fc.constant("refund" as const), pick: fc.nat(1000), part: fc.boolean() }),
  fc.record({ op: fc.constant("advance" as const), days: fc.integer({ min: 0, max: 40 }) }),
  fc.record({ op: fc.constant("payout" as const), cents: fc.integer({ min: 1000, max: 6000 }) }),
  fc.record({
    op: fc.constant("decide" as const),
    pick: fc.nat(1000),
    how: fc.constantFrom("approve" as const, "reject" as const, "paid" as const),
  }),
);

describe("ledger properties", () => {
  let app: TestApp;
  const clock = new TestClock();
  let creator: Actor;
  const fans: Actor[] = [];
  const posts: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({ clock, env: { FANZ_AUTH__SESSION_DAYS: "365" } });
    creator = await app.creator("ledgered", { priceCents: 700 });
    await app.services.payouts.setMethod(creator.user.id, {
      kind: "paypal",
      email: "ledgered@example.com",
    });
    for (let i = 0; i < 3; i++) fans.push(await app.signup(`lfan${i}`));
    for (const price of [199, 500, 999, 1234]) {
      posts.push(
        (await app.postAs(creator, { text: `ppv ${price}`, visibility: "ppv", priceCents: price })).id,
      );
    }
  });
  afterAll(() => app.close());

  async function apply(o: Op): Promise<void> {
    const s = app.services;
    const payWith = (card: boolean) => (card ? "card" : "wallet") as "card" | "wallet";
    const complete = async (out: unknown) => {
      if (out && typeof out === "object" && "checkout" in out) {
        const id = (out as { checkout: { checkoutId: string } }).checkout.checkoutId;
        await app.ctx.db.write((tx) => s.payments.completeCheckoutTx(tx, id, null));
      }
    };
    switch (o.op) {
      case "topup":
        return complete(await s.payments.topup(fans[o.fan]!.user.id, o.cents));
      case "tip":
        return complete(
          await s.tips.tip(fans[o.fan]!.user.id, {
            creator: "ledgered",
            amountCents: o.cents,
            payWith: payWith(o.card),
          }),
        );
      case "unlock":
        return complete(
          await s.posts.unlock({ id: fans[o.fan]!.user.id, role: "fan" }, posts[o.post]!, payWith(o.card)),
        );
      case "subscribe":
        return complete(
          await s.subscriptions.subscribe(fans[o.fan]!.user.id, { creator: "ledgered", payWith: "wallet" }),
        );
      case "refund": {
        // Any payment, refundable or not: refusals are part of the game; a partly spent top-up is
        // refunded as far as the console offers.
        const items = (await s.payments.allTransactions(null, 100)).items;
        if (items.length === 0) return;
        const t = items[o.pick % items.length]!;
        await s.payments.refund(t.id, o.part && t.kind === "topup" ? t.refundableCents : undefined);
        return;
      }
      case "advance":
        clock.advance(o.days * DAY);
        await s.subscriptions.processDue();
        await s.subscriptions.processDue();
        await s.payments.releaseDue();
        return;
      case "payout":
        await s.payouts.request(creator.user.id, o.cents);
        return;
      case "decide": {
        const items = (await s.payouts.list(null, null, 100)).items;
        if (items.length === 0) return;
        const p = items[o.pick % items.length]!;
        if (o.how === "approve") await s.payouts.approve(p.id);
        else if (o.how === "reject") await s.payouts.reject(p.id);
        else await s.payouts.markPaid(p.id, `transfer ${p.id}`);
        return;
      }
    }
  }

  it("random sequences keep the ledger balanced", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        for (const o of ops) {
          try {
            await apply(o);
          } catch (err) {
            // Refusals (402, 409, 400 …) are part of the game; anything else is a bug.
            if (!(err instanceof AppError)) throw err;
          }
        }
        expect(await app.ledgerHealth()).toEqual({ unbalanced: [], drifted: [] });
        const total = (await app.raw
          .prepare("SELECT coalesce(sum(balance_cents), 0) t FROM ledger_accounts")
          .get()) as { t: number };
        expect(Number(total.t)).toBe(0);
        // Admin refunds take back at most what a wallet holds, so without chargebacks none goes below zero.
        expect(await app.services.payments.negativeWallets()).toEqual([]);
      }),
      { numRuns: 40 },
    );
    // The runs did exercise every kind of movement, not only refusals.
    const kinds = (await app.raw
      .prepare("SELECT kind, count(*) n FROM ledger_transactions GROUP BY kind")
      .all()) as { kind: string }[];
    expect(kinds.map((k) => k.kind)).toEqual(
      expect.arrayContaining(["topup", "tip", "ppv", "refund", "release", "payout_request"]),
    );
  });
});
