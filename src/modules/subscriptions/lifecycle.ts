// A subscription's life: granted (a purchase, a free creator, a trial), renewed (a wallet charge the
// scheduler asks payments for, or the provider's own), stopped from renewing, ended (a renewal nobody
// paid, a refund or chargeback) and expired. Every step runs inside the caller's transaction, forgets the
// fan's cached access when it ends, and publishes the matching domain event.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { DAY } from "../../lib/clock.ts";
import { newId } from "../../lib/ids.ts";
import type { PaymentsService } from "../payments/service.ts";
import { ROW_LOCKED } from "../../db/tx.ts";
import { subscriptionsRepo } from "./repo.ts";
import type { SubscriptionRow } from "./tables.ts";

/** A month of access is 30 days: predictable for fans and for renewal arithmetic. */
export const MONTH_MS = 30 * DAY;

export interface Grant {
  fanId: string;
  creatorId: string;
  months: number;
  priceCents: number;
  currency: string;
  autoRenew: boolean;
  /** Length of a free trial instead of `months` (the next renewal charges the normal price). */
  trialDays?: number;
  /** The provider's recurring subscription, when the provider renews it. */
  providerRef?: string | null;
}

export function createLifecycle(
  ctx: AppContext,
  deps: {
    changedFan: (tx: DrizzleDb, fanId: string) => void;
    payments: Pick<PaymentsService, "chargeRenewalTx" | "feeBasisPoints" | "cancelAtProvider">;
  },
) {
  const { changedFan, payments } = deps;
  const now = () => ctx.clock.now();

  function stopAtProviderAfterCommit(tx: DrizzleDb, providerRef: string, subscriptionId: string): void {
    ctx.db.afterCommit(tx, async () => {
      try {
        if (!(await payments.cancelAtProvider(providerRef, false)))
          ctx.logger.warn("the provider cannot cancel subscriptions; cancel it in its admin", {
            subscriptionId,
            providerRef,
          });
      } catch (err) {
        ctx.logger.error("replaced provider subscription not cancelled; cancel it in the provider's admin", {
          subscriptionId,
          providerRef,
          err: String(err),
        });
      }
    });
  }

  /**
   * Grants (or extends) access. A live subscription is extended from its current end; a lapsed or new
   * one starts now. Returns the row as stored.
   */
  async function grantTx(tx: DrizzleDb, g: Grant): Promise<SubscriptionRow> {
    const t = now();
    const length = g.trialDays ? g.trialDays * DAY : g.months * MONTH_MS;
    const existing = await subscriptionsRepo.byPair(tx, g.fanId, g.creatorId);
    changedFan(tx, g.fanId);
    const live = existing && existing.status === "active" && existing.currentPeriodEnd > t;
    const start = live ? existing.currentPeriodEnd : t;
    // Paid another way now (the wallet, or a new card subscription): the provider's old recurring
    // subscription must stop billing, once this grant has committed (network I/O stays out of the write).
    const replaced = existing?.autoRenew ? existing.providerRef : null;
    if (replaced && replaced !== (g.providerRef ?? null))
      stopAtProviderAfterCommit(tx, replaced, existing!.id);
    const fields = {
      status: "active" as const,
      priceCents: g.priceCents,
      currency: g.currency,
      months: g.months,
      autoRenew: g.autoRenew,
      providerRef: g.providerRef ?? null,
      currentPeriodStart: start,
      currentPeriodEnd: start + length,
      updatedAt: t,
    };
    let row: SubscriptionRow;
    if (existing) {
      await subscriptionsRepo.update(tx, existing.id, fields);
      row = { ...existing, ...fields };
    } else {
      row = { id: newId(), fanId: g.fanId, creatorId: g.creatorId, createdAt: t, ...fields };
      await subscriptionsRepo.insert(tx, row);
    }
    await ctx.events.publish(tx, "subscription.started", {
      subscriptionId: row.id,
      fanId: row.fanId,
      creatorId: row.creatorId,
      priceCents: row.priceCents,
      currency: row.currency,
      trial: !!g.trialDays,
    });
    return row;
  }

  /**
   * Starts the next period (a paid renewal) where the current one ends, or, with `fromNow`, now if that
   * is later: a wallet renewal that comes late (the fan's or the creator's account was held meanwhile)
   * pays for time from the charge on, never for the gap in which there was no access.
   */
  async function renewTx(
    tx: DrizzleDb,
    sub: SubscriptionRow,
    txnId: string | null,
    opts: { fromNow?: boolean } = {},
  ): Promise<SubscriptionRow> {
    changedFan(tx, sub.fanId);
    const start = opts.fromNow ? Math.max(sub.currentPeriodEnd, now()) : sub.currentPeriodEnd;
    const fields = {
      status: "active" as const,
      currentPeriodStart: start,
      currentPeriodEnd: start + sub.months * MONTH_MS,
      updatedAt: now(),
    };
    await subscriptionsRepo.setPeriod(
      tx,
      sub.id,
      fields.currentPeriodStart,
      fields.currentPeriodEnd,
      fields.updatedAt,
    );
    await ctx.events.publish(tx, "subscription.renewed", {
      subscriptionId: sub.id,
      fanId: sub.fanId,
      creatorId: sub.creatorId,
      txnId,
      priceCents: sub.priceCents,
      currency: sub.currency,
    });
    return { ...sub, ...fields };
  }

  function stopRenewingTx(tx: DrizzleDb, id: string): Promise<void> {
    return subscriptionsRepo.update(tx, id, { autoRenew: false, updatedAt: now() });
  }

  /** Ends access now: a renewal nobody paid, or a refund / chargeback of what paid for it. */
  async function endTx(tx: DrizzleDb, id: string, reason: "renewal_unpaid" | "revoked"): Promise<void> {
    const sub = await subscriptionsRepo.byId(tx, id);
    if (!sub) return;
    changedFan(tx, sub.fanId);
    const status = reason === "revoked" ? "revoked" : "expired";
    await subscriptionsRepo.update(tx, id, { status, autoRenew: false, updatedAt: now() });
    await ctx.events.publish(tx, "subscription.ended", {
      subscriptionId: id,
      fanId: sub.fanId,
      creatorId: sub.creatorId,
      reason,
    });
  }

  /**
   * The payment that was charged back is restored (the site won the dispute): a subscription revoked for
   * it is live again until its period's end, renewing as before at its provider. One revoked since for
   * something else, or granted again meanwhile, is left as it is.
   */
  async function restoreTx(tx: DrizzleDb, id: string): Promise<void> {
    const sub = await subscriptionsRepo.byId(tx, id);
    if (!sub || sub.status !== "revoked") return;
    changedFan(tx, sub.fanId);
    await subscriptionsRepo.update(tx, id, {
      status: "active",
      autoRenew: sub.providerRef !== null,
      updatedAt: now(),
    });
  }

  /**
   * Charges due auto-renewing paid subscriptions from the fans' wallets, in batches; a renewal the
   * wallet cannot cover ends the subscription (the fan is told, through the event).
   */
  async function renewDue(batch: number): Promise<{ renewed: number; failed: number }> {
    let renewed = 0;
    let failed = 0;
    for (;;) {
      const feeBp = await payments.feeBasisPoints();
      // Counted from what the write returns: on PostgreSQL its body may run again after a conflict.
      // Row-locked: each charge locks its fan (payments.chargeRenewalTx).
      const pass = await ctx.db.write(async (tx) => {
        const due = await subscriptionsRepo.dueForRenewal(tx, now(), batch);
        const counts = { n: due.length, renewed: 0, failed: 0 };
        for (const sub of due) {
          const txn = await payments.chargeRenewalTx(
            tx,
            {
              subscriptionId: sub.id,
              fanId: sub.fanId,
              creatorId: sub.creatorId,
              months: sub.months,
              priceCents: sub.priceCents,
              currency: sub.currency,
              periodEnd: sub.currentPeriodEnd,
            },
            feeBp,
          );
          if (txn) {
            await renewTx(tx, sub, txn.id, { fromNow: true });
            counts.renewed++;
          } else {
            await endTx(tx, sub.id, "renewal_unpaid");
            counts.failed++;
          }
        }
        return counts;
      }, ROW_LOCKED);
      renewed += pass.renewed;
      failed += pass.failed;
      if (pass.n < batch) return { renewed, failed };
    }
  }

  /**
   * Free auto-renewing subscriptions roll over; everything else that ran out (auto-renew off, or a paid
   * renewal that did not happen) is marked expired. Idempotent.
   */
  async function expireDue(batch: number): Promise<number> {
    return ctx.db.write(async (tx) => {
      const t = now();
      const due = await subscriptionsRepo.due(tx, t, batch);
      for (const sub of due) {
        changedFan(tx, sub.fanId);
        // A provider-renewed subscription gets three days for the provider's renewal event to arrive.
        if (sub.providerRef && sub.autoRenew && sub.currentPeriodEnd + 3 * DAY > t) continue;
        if (sub.autoRenew && sub.priceCents === 0) {
          const periods = Math.ceil((t - sub.currentPeriodEnd + 1) / (sub.months * MONTH_MS));
          const end = sub.currentPeriodEnd + periods * sub.months * MONTH_MS;
          await subscriptionsRepo.update(tx, sub.id, {
            currentPeriodStart: end - sub.months * MONTH_MS,
            currentPeriodEnd: end,
            updatedAt: t,
          });
        } else {
          await subscriptionsRepo.update(tx, sub.id, { status: "expired", updatedAt: t });
        }
      }
      return due.length;
    });
  }

  return { grantTx, renewTx, stopRenewingTx, endTx, restoreTx, renewDue, expireDue };
}

export type Lifecycle = ReturnType<typeof createLifecycle>;
