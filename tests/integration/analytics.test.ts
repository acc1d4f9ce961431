// Creator analytics through real HTTP on both engines: sales, a renewal, tips, a PPV unlock and refunds
// seeded over several UTC days with a test clock; every figure reconciles with the ledger's earning
// entries (series sum = by type = the ledger), and the subscriber series follows starts and ends.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "../../src/lib/clock.ts";
import { schedulerTasks } from "../../src/main.ts";
import { startTestApp, TestClock, type Actor, type TestApp } from "../helpers/api.ts";

const KINDS = ["subscription", "renewal", "ppv", "message", "tip", "ticket"] as const;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe("creator analytics", () => {
  let app: TestApp;
  // Noon UTC today: every step below lands on the UTC day it means.
  const day0 = Math.floor(Date.now() / DAY) * DAY + DAY / 2;
  const clock = new TestClock(day0);
  let admin: Actor;
  let creator: Actor;
  let fan1: Actor;
  let fan2: Actor;
  let fan3: Actor;
  let ppvId: string;
  let freeId: string;

  const analytics = (days: number, who = creator) => app.get(`/api/v1/analytics?days=${days}`, who.token);
  const runScheduler = async () => {
    for (const t of schedulerTasks(app.ctx, app.services)) await t.run();
  };
  const adminTxn = async (kind: string, user: Actor) =>
    ((await app.get("/api/v1/admin/transactions?limit=100", admin.token)).body.items as any[]).find(
      (t) => t.kind === kind && t.user?.id === user.user.id,
    );

  /** The ledger's own answer: the creator's earning entries, each counted against the kind it reverses. */
  async function ledgerByKind(since = 0) {
    const entries = await app.services.payments.earningEntries(creator.user.id);
    const kindOf = new Map(entries.map((e) => [e.txn.id, e.kind as string]));
    const sums: Record<string, number> = {};
    for (const e of entries) {
      if (e.createdAt < since) continue;
      const kind = e.txn.relatedTxnId ? (kindOf.get(e.txn.relatedTxnId) ?? e.kind) : e.kind;
      sums[kind] = (sums[kind] ?? 0) + e.amountCents;
    }
    return sums;
  }

  beforeAll(async () => {
    app = await startTestApp({ clock, env: { FANZ_AUTH__SESSION_DAYS: "365" } });
    admin = await app.signupAdmin();
    creator = await app.creator("stats", { priceCents: 1000 });
    [fan1, fan2, fan3] = [await app.signup(), await app.signup(), await app.signup()];
    for (const f of [fan1, fan2, fan3]) await app.topup(f, 5000);
    ppvId = (await app.postAs(creator, { text: "the paid set", visibility: "ppv", priceCents: 700 })).id;
    freeId = (await app.postAs(creator, { text: "hello everyone", visibility: "public" })).id;

    // Day 0: a subscription, a tip, a PPV unlock.
    expect(
      (await app.post("/api/v1/subscriptions", { creator: "stats", payWith: "wallet" }, fan1.token)).status,
    ).toBe(201);
    expect(
      (await app.post("/api/v1/tips", { creator: "stats", amountCents: 500, payWith: "wallet" }, fan2.token))
        .status,
    ).toBe(201);
    expect((await app.post(`/api/v1/posts/${ppvId}/unlock`, { payWith: "wallet" }, fan1.token)).status).toBe(
      200,
    );
    // Day 1: another subscription, a like, a tip on the PPV post.
    clock.advance(DAY);
    expect(
      (await app.post("/api/v1/subscriptions", { creator: "stats", payWith: "wallet" }, fan3.token)).status,
    ).toBe(201);
    expect((await app.post(`/api/v1/posts/${freeId}/likes`, undefined, fan2.token)).status).toBe(200);
    const tip = await app.post(
      "/api/v1/tips",
      { creator: "stats", amountCents: 300, postId: ppvId, payWith: "wallet" },
      fan1.token,
    );
    expect(tip.status).toBe(201);
    // Day 2: fan 3's subscription is refunded (access ends: churn), and so is fan 2's tip.
    clock.advance(DAY);
    for (const [kind, who] of [
      ["subscription", fan3],
      ["tip", fan2],
    ] as const) {
      const t = await adminTxn(kind, who);
      expect(
        (await app.post(`/api/v1/admin/transactions/${t.id}/refund`, undefined, admin.token)).status,
      ).toBe(200);
    }
    // Day 30: fan 1 renews from the wallet.
    clock.t = day0 + 30 * DAY + 60_000;
    await runScheduler();
    expect(await adminTxn("renewal", fan1)).toBeTruthy();
  });
  afterAll(() => app.close());

  it("reconciles exactly with the ledger: series sum = by type = the earning entries", async () => {
    const r = await analytics(90);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const a = r.body;
    expect(a.earnings.series).toHaveLength(90);
    expect(a.to).toBe(dayOf(clock.now()));
    const ledger = await ledgerByKind();
    for (const k of KINDS) {
      const seriesSum = a.earnings.series.reduce((n: number, d: any) => n + d[k], 0);
      expect(seriesSum, k).toBe(a.earnings.byType[k]);
      expect(a.earnings.byType[k], k).toBe(ledger[k] ?? 0);
    }
    const total = Object.values(ledger).reduce((n, c) => n + c, 0);
    expect(a.earnings.totalCents).toBe(total);
    expect(a.earnings.series.reduce((n: number, d: any) => n + d.totalCents, 0)).toBe(total);
    // The refunded subscription and tip count against their own kinds: fan 1's sale alone is left.
    expect(a.earnings.byType.subscription).toBe(a.earnings.byType.renewal);
    expect(a.earnings.byType.tip).toBeGreaterThan(0);
    expect(a.earnings.byType.tip).toBeLessThan(300);
    // Each sale on its own UTC day.
    const onDay = (ms: number) => a.earnings.series.find((d: any) => d.day === dayOf(ms));
    expect(onDay(day0).ppv).toBe(a.earnings.byType.ppv);
    expect(onDay(day0 + 30 * DAY).renewal).toBe(a.earnings.byType.renewal);
    expect(onDay(day0 + 2 * DAY).subscription).toBeLessThan(0);
    expect(a.currency).toBe("USD");
  });

  it("counts subscribers active at the end of each day, new and churned", async () => {
    const s = (await analytics(90)).body.subscribers;
    expect({ active: s.active, new: s.new, churned: s.churned }).toEqual({ active: 1, new: 2, churned: 1 });
    const at = (ms: number) => s.series.find((d: any) => d.day === dayOf(ms));
    expect(at(day0)).toEqual({ day: dayOf(day0), active: 1, new: 1, churned: 0 });
    expect(at(day0 + DAY)).toEqual({ day: dayOf(day0 + DAY), active: 2, new: 1, churned: 0 });
    expect(at(day0 + 2 * DAY)).toEqual({ day: dayOf(day0 + 2 * DAY), active: 1, new: 0, churned: 1 });
    expect(s.series.at(-1).active).toBe(1);
    expect(s.series.reduce((n: number, d: any) => n + d.new, 0)).toBe(s.new);
  });

  it("a short range starts from who was active before it and only sums what is in it", async () => {
    const a = (await analytics(7)).body;
    expect(a.subscribers.series).toHaveLength(7);
    expect(a.subscribers.series[0].active).toBe(1);
    expect(a.subscribers.new).toBe(0);
    const since = Math.floor(clock.now() / DAY) * DAY - 6 * DAY;
    const ledger = await ledgerByKind(since);
    expect(a.earnings.byType).toEqual(Object.fromEntries(KINDS.map((k) => [k, ledger[k] ?? 0])));
    expect(a.earnings.byType.renewal).toBeGreaterThan(0);
    expect(a.earnings.byType.ppv).toBe(0);
    expect(a.topPosts).toEqual([]);
  });

  it("ranks top posts by earnings, then engagement, in the range", async () => {
    const a = (await analytics(90)).body;
    const ledger = await ledgerByKind();
    expect(a.topPosts.map((p: any) => p.id)).toEqual([ppvId, freeId]);
    // The PPV unlock and the tip on it.
    expect(a.topPosts[0].earningsCents).toBe(ledger.ppv! + a.earnings.byType.tip);
    expect(a.topPosts[1]).toMatchObject({ earningsCents: 0, likes: 1, comments: 0, text: "hello everyone" });
    expect(a.messages).toEqual({ ppvSent: 0, ppvBought: 0 });
  });

  it("is for creators only, over 7 to 365 days", async () => {
    expect((await analytics(30, fan1)).body.error.code).toBe("not_a_creator");
    expect((await analytics(6)).status).toBe(400);
    expect((await analytics(366)).status).toBe(400);
    expect((await app.get("/api/v1/analytics", creator.token)).body.days).toBe(30);
  });
});
