// Parallel purchases against one wallet: db.write serialises them, so exactly the affordable number
// succeed and the balance never goes below zero.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";

describe("wallet under concurrency", () => {
  let app: TestApp;
  let fan: Actor;
  const posts: string[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    const creator = await app.creator("busy", { priceCents: 0 });
    for (let i = 0; i < 25; i++)
      posts.push((await app.postAs(creator, { text: `ppv ${i}`, visibility: "ppv", priceCents: 100 })).id);
    fan = await app.signup("spender");
    await app.topup(fan, 1000); // affords exactly 10 purchases of 1.00
  });
  afterAll(() => app.close());

  it("limits purchases per person per minute (429, nothing charged)", async () => {
    const limited = await startTestApp({ env: { FANZ_PAYMENTS__PURCHASES_PER_MINUTE: "2" } });
    try {
      await limited.creator("tipped", { priceCents: 0 });
      const f = await limited.signup();
      await limited.topup(f, 1000);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        statuses.push(
          (
            await limited.post(
              "/api/v1/tips",
              { creator: "tipped", amountCents: 100, payWith: "wallet" },
              f.token,
            )
          ).status,
        );
      }
      // The top-up's checkout counted as the first of the two.
      expect(statuses).toEqual([201, 429, 429]);
      expect((await limited.get("/api/v1/wallet", f.token)).body.balanceCents).toBe(900);
    } finally {
      await limited.close();
    }
  });

  it("an admin refund of a top-up racing the fan's purchases never leaves the wallet below zero", async () => {
    const racer = await app.signup();
    await app.topup(racer, 1000);
    const admin = (
      await app.post("/api/v1/auth/login", { email: "admin@example.com", password: "admin-password-1" })
    ).body;
    const topup = (await app.get("/api/v1/admin/transactions?limit=100", admin.token)).body.items.find(
      (t: { kind: string; user: { id: string } | null }) =>
        t.kind === "topup" && t.user?.id === racer.user.id,
    );
    const tips = Array.from({ length: 10 }, () =>
      app.post("/api/v1/tips", { creator: "busy", amountCents: 100, payWith: "wallet" }, racer.token),
    );
    // The refund is asked for last, so some purchases usually get in first.
    const refund = app.post(`/api/v1/admin/transactions/${topup.id}/refund`, undefined, admin.token);
    const [refunded, ...paid] = await Promise.all([refund, ...tips]);
    const tipped = paid.filter((r) => r.status === 201).length;
    const balance = (await app.get("/api/v1/wallet", racer.token)).body.balanceCents;
    expect(balance).toBeGreaterThanOrEqual(0);
    if (refunded.status === 200) {
      expect(tipped).toBe(0);
      expect(balance).toBe(0);
    } else {
      expect(refunded.body.error.code).toBe("already_spent");
      expect(balance).toBe(1000 - 100 * tipped);
    }
    expect(await app.ledgerHealth()).toEqual({ unbalanced: [], drifted: [] });
  });

  it("50 parallel unlocks and tips from a wallet that affords 10: exactly 10 succeed", async () => {
    const requests = [
      ...posts.map((id) => app.post(`/api/v1/posts/${id}/unlock`, { payWith: "wallet" }, fan.token)),
      ...Array.from({ length: 25 }, () =>
        app.post("/api/v1/tips", { creator: "busy", amountCents: 100, payWith: "wallet" }, fan.token),
      ),
    ];
    const results = await Promise.all(requests);
    const ok = results.filter((r) => r.status === 200 || r.status === 201);
    const refused = results.filter((r) => r.status === 402);
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const r of refused) expect(r.body.error.code).toBe("insufficient_funds");

    const wallet = (await app.get("/api/v1/wallet?limit=100", fan.token)).body;
    expect(wallet.balanceCents).toBe(0);
    // Walk the wallet's history oldest first: the running balance never dips below zero.
    let running = 0;
    for (const t of [...wallet.transactions].reverse()) {
      running += t.amountCents;
      expect(running).toBeGreaterThanOrEqual(0);
    }
    expect(wallet.transactions.filter((t: { kind: string }) => t.kind !== "topup")).toHaveLength(10);
    const unlocked = await Promise.all(posts.map((id) => app.get(`/api/v1/posts/${id}`, fan.token)));
    const unlockedCount = unlocked.filter((r) => !r.body.post.locked).length;
    const tipCount = ok.filter((r) => r.body.tip).length;
    expect(unlockedCount + tipCount).toBe(10);
    expect(await app.ledgerHealth()).toEqual({ unbalanced: [], drifted: [] });
  });
});
