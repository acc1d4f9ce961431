// Domain events through the real app: what a purchase publishes, who reacts, and that a reaction lost to
// a crash between COMMIT and delivery is made good, once, by the next process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { buildApp, schedulerTasks } from "../../src/main.ts";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";

describe("domain events", () => {
  let app: TestApp;
  let creator: Actor, fan: Actor;
  const q = async <T>(sql: string, ...args: unknown[]) => (await app.raw.prepare(sql).all(...args)) as T[];
  const tipsOf = async (userId: string) =>
    await q<{ id: string }>("SELECT id FROM notifications WHERE user_id = ? AND kind = 'tip'", userId);

  beforeAll(async () => {
    app = await startTestApp();
    creator = await app.creator("eventful", { priceCents: 500 });
    fan = await app.signup("tipper");
    await app.topup(fan, 2000);
  });
  afterAll(() => app.close());

  it("a wallet tip publishes payment.completed; the creator's notification exists when the response arrives", async () => {
    const r = await app.post(
      "/api/v1/tips",
      { creator: "eventful", amountCents: 300, payWith: "wallet" },
      fan.token,
    );
    expect(r.status).toBe(201);
    const events = (
      await q<{ name: string; payload: string }>(
        "SELECT name, payload FROM events WHERE name = 'payment.completed' ORDER BY seq",
      )
    ).map((e) => ({ name: e.name, payload: JSON.parse(e.payload) as Record<string, unknown> }));
    expect(events.at(-1)).toMatchObject({
      name: "payment.completed",
      payload: { kind: "tip", payerId: fan.user.id, creatorId: creator.user.id, amountCents: 300 },
    });
    expect(await tipsOf(creator.user.id)).toHaveLength(1);
  });

  it("after a crash between COMMIT and delivery, the next process delivers the reaction exactly once", async () => {
    // As if the process died right after the tip (the last event) committed: its notification never
    // written, the notifications consumer still before the event.
    const last = (
      await q<{ seq: number }>("SELECT max(seq) AS seq FROM events WHERE name = 'payment.completed'")
    )[0]!.seq;
    {
      await app.raw
        .prepare("DELETE FROM notifications WHERE user_id = ? AND kind = 'tip'")
        .run(creator.user.id);
      await app.raw
        .prepare("UPDATE event_consumers SET last_seq = ? WHERE name = 'notifications'")
        .run(last - 1);
    }
    expect(await tipsOf(creator.user.id)).toHaveLength(0);
    const { config } = loadConfig({ file: "/dev/null", env: { ...app.dbEnv, FANZ_DATA_DIR: app.dir } });
    const next = await buildApp(config, { web: null, logger: createLogger("error") });
    try {
      const deliver = schedulerTasks(next.ctx, next.services).find((t) => t.name === "deliver-events")!;
      await deliver.run();
      await deliver.run();
    } finally {
      await next.ctx.db.close();
      await next.ctx.workers.destroy();
    }
    expect(await tipsOf(creator.user.id)).toHaveLength(1);
  });

  it("a refused purchase publishes nothing", async () => {
    const before = (await q<{ n: number }>("SELECT count(*) AS n FROM events"))[0]!.n;
    const r = await app.post(
      "/api/v1/tips",
      { creator: "eventful", amountCents: 100_000, payWith: "wallet" },
      fan.token,
    );
    expect(r.status).toBe(402);
    expect((await q<{ n: number }>("SELECT count(*) AS n FROM events"))[0]!.n).toBe(before);
  });

  it("a refund takes the subscription back through payment.reversed, and the fan is told", async () => {
    const sub = await app.post(
      "/api/v1/subscriptions",
      { creator: "eventful", payWith: "wallet" },
      fan.token,
    );
    expect(sub.status).toBe(201);
    const txn = (
      await q<{ id: string }>(
        "SELECT id FROM ledger_transactions WHERE kind = 'subscription' AND user_id = ?",
        fan.user.id,
      )
    )[0]!;
    const admin = (
      await app.post("/api/v1/auth/login", { email: "admin@example.com", password: "admin-password-1" })
    ).body as Actor;
    expect((await app.post(`/api/v1/admin/transactions/${txn.id}/refund`, {}, admin.token)).status).toBe(200);
    const subs = (await app.get("/api/v1/subscriptions", fan.token)).body;
    expect(subs.items[0]).toMatchObject({ status: "expired", autoRenew: false });
    const told = await q<{ kind: string }>(
      "SELECT kind FROM notifications WHERE user_id = ? AND kind = 'refund'",
      fan.user.id,
    );
    expect(told).toHaveLength(1);
  });

  it("free and trial subscriptions tell the creator too (they have no payment to announce them)", async () => {
    const free = await app.creator("freebie", { priceCents: 0 });
    const trial = await app.creator("trialist", { priceCents: 800, trialDays: 7 });
    const kinds = async (c: Actor) =>
      (
        await q<{ kind: string }>(
          "SELECT kind FROM notifications WHERE user_id = ? ORDER BY created_at",
          c.user.id,
        )
      ).map((n) => n.kind);
    for (const creator of ["freebie", "trialist"])
      expect(
        (await app.post("/api/v1/subscriptions", { creator, payWith: "wallet" }, fan.token)).status,
      ).toBe(201);
    expect(await kinds(free)).toEqual(["new_subscriber"]);
    expect(await kinds(trial)).toEqual(["trial_started"]);
  });
});
