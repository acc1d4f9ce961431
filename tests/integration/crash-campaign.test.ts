// The crash campaign, small: a real `fanzctl serve` SIGKILLed at seeded random moments during uploads,
// wallet purchases, card webhooks, renewals, a mass-message fan-out and a live ingest; after every
// restart nothing acknowledged is lost, nothing is done twice or left half-done, no file is orphaned and
// `fanzctl doctor` passes. `npm run crash:campaign` runs the full one (scripts/crash-campaign.ts).
// Also the regression the campaign found: a tip retried after a lost answer was charged twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCampaign } from "../helpers/crash-campaign.ts";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";
import { testEngine } from "../helpers/engine.ts";

describe("a tip retried with its Idempotency-Key", () => {
  let app: TestApp;
  let fan: Actor;
  let creator: Actor;
  beforeAll(async () => {
    app = await startTestApp();
    creator = await app.creator("tipped");
    fan = await app.signup("tipper");
    await app.topup(fan, 5000);
  });
  afterAll(() => app.close());

  const tip = (key: string | null, amountCents = 700, extra: Record<string, string> = {}) =>
    app.call("POST", "/api/v1/tips", {
      body: { creator: "tipped", amountCents, payWith: "wallet", ...extra },
      token: fan.token,
      headers: key ? { "idempotency-key": key } : {},
    });
  const balance = async () => (await app.get("/api/v1/wallet", fan.token)).body.balanceCents as number;

  it("charges once however often it is sent, and answers the same tip", async () => {
    const first = await tip("tip-key-1");
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await Promise.all([tip("tip-key-1"), tip("tip-key-1")]);
    for (const r of again) {
      expect(r.status).toBe(201);
      expect(r.body.tip.id).toBe(first.body.tip.id);
    }
    expect(await balance()).toBe(5000 - 700);
    const n = (await app.raw
      .prepare("SELECT count(*) AS n FROM ledger_transactions WHERE kind = 'tip' AND user_id = ?")
      .get(fan.user.id)) as { n: number };
    expect(Number(n.n)).toBe(1);
  });

  it("refuses the key for a different payment, and another key is another tip", async () => {
    const other = await tip("tip-key-1", 900);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("idempotency_key_reused");
    expect((await tip("tip-key-2")).status).toBe(201);
    expect((await tip(null)).status).toBe(201);
    expect(await balance()).toBe(5000 - 3 * 700);
    const bad = await tip("x".repeat(300));
    expect(bad.status).toBe(400);
    expect(await balance()).toBe(5000 - 3 * 700);
    expect(await app.ledgerHealth()).toEqual({ unbalanced: [], drifted: [] });
  });

  it("refuses the key for the same amount with another message or post: it is another tip", async () => {
    const post = await app.postAs(creator, { text: "tip me", visibility: "public" });
    const before = await balance();
    const first = await tip("tip-key-3", 700, { message: "for the first song" });
    expect(first.status).toBe(201);
    const refused = [
      await tip("tip-key-3", 700, { message: "for the second song" }),
      await tip("tip-key-3", 700),
      await tip("tip-key-3", 700, { message: "for the first song", postId: post.id as string }),
    ];
    for (const r of refused) {
      expect(r.status, JSON.stringify(r.body)).toBe(409);
      expect(r.body.error.code).toBe("idempotency_key_reused");
    }
    // The very same tip again is still the first one.
    const again = await tip("tip-key-3", 700, { message: "for the first song" });
    expect(again.status).toBe(201);
    expect(again.body.tip.id).toBe(first.body.tip.id);
    expect(await balance()).toBe(before - 700);
  });
});

describe("crash campaign", () => {
  const kills = testEngine === "sqlite" ? 5 : 3;
  it(`survives ${kills} SIGKILLs with nothing lost`, { timeout: 300_000 }, async () => {
    const lines: string[] = [];
    const r = await runCampaign({
      kills,
      seed: 16,
      engine: testEngine,
      subscribers: 100,
      log: (l) => lines.push(l),
    });
    console.log(lines.join("\n"));
    console.log(
      `crash campaign (${testEngine}): ${r.killsSurvived}/${r.kills} kills survived, ${r.writesAcknowledged} writes ` +
        `acknowledged, ${r.writesChecked} checked, ${r.retriesChecked} retries, ${r.renewalsChecked} renewals, ` +
        `${r.crashLeftoversSwept} leftovers swept, ${Math.round(r.durationMs / 1000)} s`,
    );
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({
      killsSurvived: kills,
      lost: 0,
      doubled: 0,
      halfDone: 0,
      orphans: 0,
      doctorFailures: 0,
    });
    expect(r.doctorRuns).toBe(kills);
    expect(r.writesAcknowledged).toBeGreaterThan(0);
    expect(r.writesChecked).toBeGreaterThanOrEqual(r.writesAcknowledged);
    expect(r.retriesChecked).toBeGreaterThan(0);
  });
});
