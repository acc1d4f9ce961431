// A renewal run killed with SIGKILL half-way: after a restart every due subscription is renewed exactly
// once, no wallet is charged twice, and the ledger balances.
import { afterAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp, type AppProcess } from "../helpers/app-process.ts";
import { RENEWAL_PRICE, seedDueRenewals } from "../helpers/seed-renewals.ts";

const COUNT = 30_000;

describe("renewals survive a crash", () => {
  const dir = mkdtempSync(join(tmpdir(), "fanz-renewal-"));
  const procs: AppProcess[] = [];
  afterAll(async () => {
    for (const p of procs) await p.stop("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    "kills the process during a renewal run; the restart charges nobody twice",
    { timeout: 240_000 },
    async () => {
      await seedDueRenewals(dir, COUNT);
      const db = new Database(join(dir, "fanz.db"), { readonly: true });
      const renewals = () =>
        (
          db.prepare("SELECT count(*) n FROM ledger_transactions WHERE kind = 'renewal'").get() as {
            n: number;
          }
        ).n;

      // The server renews due subscriptions as soon as it starts; kill it once some (not all) are done.
      const first = await startApp({ dataDir: dir, waitReady: false });
      procs.push(first);
      const deadline0 = Date.now() + 60_000;
      while (renewals() === 0 && Date.now() < deadline0) await new Promise((r) => setTimeout(r, 2));
      first.child.kill("SIGKILL");
      await first.exited;
      const atKill = renewals();
      expect(atKill).toBeGreaterThan(0);
      expect(atKill).toBeLessThan(COUNT);

      const second = await startApp({ dataDir: dir });
      procs.push(second);
      const deadline = Date.now() + 90_000;
      while (renewals() < COUNT && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(renewals()).toBe(COUNT);

      const perSub = db
        .prepare(
          "SELECT subscription_id, count(*) n FROM ledger_transactions WHERE kind = 'renewal' GROUP BY subscription_id HAVING n > 1",
        )
        .all();
      expect(perSub).toEqual([]);
      const wallets = db
        .prepare(
          "SELECT min(balance_cents) lo, max(balance_cents) hi, count(*) n FROM ledger_accounts WHERE kind = 'wallet'",
        )
        .get() as { lo: number; hi: number; n: number };
      expect(wallets).toEqual({ lo: 0, hi: 0, n: COUNT }); // each wallet held exactly one renewal
      const periods = db
        .prepare("SELECT count(*) n FROM subscriptions WHERE status = 'active' AND current_period_end > ?")
        .get(Date.now()) as { n: number };
      expect(periods.n).toBe(COUNT);
      const unbalanced = db
        .prepare("SELECT txn_id FROM ledger_entries GROUP BY txn_id HAVING sum(amount_cents) != 0")
        .all();
      expect(unbalanced).toEqual([]);
      const creatorPending = db
        .prepare("SELECT balance_cents b FROM ledger_accounts WHERE kind = 'creator_pending'")
        .get() as { b: number };
      expect(creatorPending.b).toBe(COUNT * (RENEWAL_PRICE - RENEWAL_PRICE * 0.2));
      db.close();
    },
  );
});
