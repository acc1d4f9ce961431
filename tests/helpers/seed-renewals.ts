// Seeds a data dir with `count` fans whose monthly subscriptions to one creator fell due a day ago,
// each with a wallet that covers exactly one renewal (plus `extraCents`). Used by the restart test and
// the renewal benchmark. Everything goes through the real services and ledger.
import { loadConfig } from "../../src/config/load.ts";
import { buildApp } from "../../src/main.ts";
import { DAY } from "../../src/lib/clock.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { newId } from "../../src/lib/ids.ts";
import { account, postTransaction, SITE } from "../../src/modules/payments/ledger.ts";
import { TestClock } from "./api.ts";
import type { DrizzleDb } from "../../src/db/client.ts";

export const RENEWAL_PRICE = 500;

/** Funds many wallets at once with one balanced top-up transaction (seeding for tests and benchmarks). */
export async function fundWalletsTx(
  tx: DrizzleDb,
  userIds: string[],
  eachCents: number,
  now: number,
): Promise<void> {
  const total = eachCents * userIds.length;
  await postTransaction(
    tx,
    {
      kind: "topup",
      currency: "USD",
      amountCents: total,
      userId: null,
      creatorId: null,
      postId: null,
      subscriptionId: null,
      payoutId: null,
      relatedTxnId: null,
      source: "card",
      providerRef: null,
      memo: "seed",
      idempotencyKey: `seed:${newId()}`,
      legs: [
        { account: account("provider_clearing", SITE, "USD"), amountCents: -total },
        ...userIds.map((id) => ({ account: account("wallet", id, "USD"), amountCents: eachCents })),
      ],
    },
    now,
  );
}

export async function seedDueRenewals(dataDir: string, count: number, extraCents = 0) {
  const clock = new TestClock(Date.now() - 31 * DAY);
  const { config } = loadConfig({ file: "/dev/null", env: { FANZ_DATA_DIR: dataDir } });
  const { ctx, services } = await buildApp(config, { web: null, logger: createLogger("error"), clock });
  const s = services;
  const hash = await s.auth.hashPassword("password-123");
  await s.setup.createAdmin({ email: "admin@example.com", username: "admin", password: "admin-password-1" });
  const creator = await ctx.db.write((tx) =>
    s.users.insert(tx, { email: "c@example.com", username: "renewed", passwordHash: hash, role: "fan" }),
  );
  await s.profiles.upsertMine(creator.id, { priceCents: RENEWAL_PRICE });
  const fanIds: string[] = [];
  const BATCH = 2000;
  for (let done = 0; done < count; done += BATCH) {
    const n = Math.min(BATCH, count - done);
    await ctx.db.write(async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const u = await s.users.insert(tx, {
          email: `fan${done + i}@example.com`,
          username: `fan${done + i}`,
          passwordHash: hash,
          role: "fan",
        });
        ids.push(u.id);
        await s.subscriptions.grantTx(tx, {
          fanId: u.id,
          creatorId: creator.id,
          months: 1,
          priceCents: RENEWAL_PRICE,
          currency: "USD",
          autoRenew: true,
        });
      }
      await fundWalletsTx(tx, ids, RENEWAL_PRICE + extraCents, clock.now());
      fanIds.push(...ids);
    });
  }
  await ctx.db.close();
  return { creatorId: creator.id, fanIds };
}
