// Subscriptions that renew, and held earnings that come due. Renewals are charged from the wallet by
// the scheduler, or by the provider itself for card subscriptions (its events land here); released
// holds move a creator's share from pending to available.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { NotFound } from "../../lib/errors.ts";
import { account, balanceOf, postTransaction } from "./ledger.ts";
import type { PaymentProvider } from "./providers/types.ts";
import type { Purchase, Purchases } from "./purchases.ts";
import { paymentsRepo } from "./repo.ts";

export function createRenewals(
  ctx: AppContext,
  deps: {
    activeProvider: () => PaymentProvider;
    purchases: Pick<Purchases, "feeBasisPoints" | "saleLegs" | "holdTx">;
  },
) {
  const now = () => ctx.clock.now();
  const s = () => ctx.services;
  const { activeProvider } = deps;
  const { feeBasisPoints, saleLegs, holdTx } = deps.purchases;

  return {
    /** DELETE /subscriptions/:id: auto-renew off here and, for provider-renewed ones, at the provider. */
    async cancelSubscription(fanId: string, id: string) {
      const sub = s().subscriptions.byId(id);
      if (!sub || sub.fanId !== fanId) throw new NotFound("Subscription");
      const p = activeProvider();
      if (sub.providerRef && sub.autoRenew && p.cancelSubscription) {
        await p.cancelSubscription(sub.providerRef, { atPeriodEnd: true });
      }
      return s().subscriptions.cancel(fanId, id);
    },

    /**
     * A provider charged a subscription's renewal itself (e.g. Stripe invoice.paid for a new cycle):
     * record the sale and extend access, once per invoice. False if the subscription is unknown.
     */
    providerRenewalTx(
      tx: DrizzleDb,
      r: { subscriptionRef: string; invoiceRef: string; amountCents: number; currency: string },
    ): boolean {
      const sub = s().subscriptions.byProviderRef(r.subscriptionRef, tx);
      if (!sub) return false;
      const p: Purchase = {
        purpose: "subscription",
        payerId: sub.fanId,
        amountCents: r.amountCents,
        currency: r.currency,
        details: { creatorId: sub.creatorId, months: sub.months },
      };
      const legs = saleLegs({ ...p, creatorId: sub.creatorId }, "card");
      const { txn, created } = postTransaction(
        tx,
        {
          kind: "renewal",
          currency: r.currency,
          amountCents: r.amountCents,
          userId: sub.fanId,
          creatorId: sub.creatorId,
          postId: null,
          subscriptionId: sub.id,
          payoutId: null,
          relatedTxnId: null,
          source: "card",
          providerRef: r.invoiceRef,
          memo: null,
          idempotencyKey: `provider-renewal:${r.invoiceRef}`,
          legs,
        },
        now(),
      );
      if (created) {
        holdTx(tx, txn, sub.creatorId, legs);
        if (sub.status === "active" && sub.currentPeriodEnd > now()) s().subscriptions.renewTx(tx, sub);
        else
          s().subscriptions.grantSubscription(tx, {
            fanId: sub.fanId,
            creatorId: sub.creatorId,
            months: sub.months,
            priceCents: r.amountCents,
            currency: r.currency,
            autoRenew: true,
            providerRef: r.subscriptionRef,
          });
      }
      return true;
    },

    /** The provider could not charge a renewal: access runs out at period end; the fan is told. */
    providerRenewalFailedTx(tx: DrizzleDb, subscriptionRef: string): boolean {
      const sub = s().subscriptions.byProviderRef(subscriptionRef, tx);
      if (!sub) return false;
      s().notifications.notifyTx(
        tx,
        sub.fanId,
        "renewal_failed",
        "Your card could not be charged for a subscription renewal; access ends at the end of the period.",
        { subscriptionId: sub.id },
      );
      return true;
    },

    /** The provider ended a recurring subscription: no more renewals; access lasts until period end. */
    providerSubscriptionEndedTx(tx: DrizzleDb, subscriptionRef: string): boolean {
      const sub = s().subscriptions.byProviderRef(subscriptionRef, tx);
      if (!sub) return false;
      s().subscriptions.stopRenewingTx(tx, sub.id);
      return true;
    },

    /** Scheduler step: held earnings whose hold period is over become available. Idempotent. */
    async releaseDue(batch = 500): Promise<number> {
      return ctx.db.write((tx) => {
        const due = paymentsRepo.dueHolds(tx, now(), batch);
        for (const h of due) {
          postTransaction(
            tx,
            {
              kind: "release",
              currency: h.currency,
              amountCents: h.amountCents,
              userId: h.creatorId,
              creatorId: null,
              postId: null,
              subscriptionId: null,
              payoutId: null,
              relatedTxnId: h.txnId,
              source: null,
              providerRef: null,
              memo: null,
              idempotencyKey: `release:${h.txnId}`,
              legs: [
                { account: account("creator_pending", h.creatorId, h.currency), amountCents: -h.amountCents },
                {
                  account: account("creator_available", h.creatorId, h.currency),
                  amountCents: h.amountCents,
                },
              ],
            },
            now(),
          );
          paymentsRepo.setHoldStatus(tx, h.txnId, "released");
        }
        return due.length;
      });
    },

    /**
     * Scheduler step: charges due auto-renewing subscriptions from the fan's wallet, in batches; a
     * renewal the wallet cannot cover ends the subscription and tells the fan. Each renewal's ledger
     * key is (subscription, period end), so a second run, or a run after a crash, charges nothing twice.
     */
    async renewDue(batch = 500): Promise<{ renewed: number; failed: number }> {
      let renewed = 0;
      let failed = 0;
      for (;;) {
        const n = await ctx.db.write((tx) => {
          const due = s().subscriptions.dueForRenewal(tx, batch);
          const feeBp = feeBasisPoints();
          for (const sub of due) {
            const wallet = account("wallet", sub.fanId, sub.currency);
            if (balanceOf(tx, wallet) >= sub.priceCents) {
              const p: Purchase = {
                purpose: "subscription",
                payerId: sub.fanId,
                amountCents: sub.priceCents,
                currency: sub.currency,
                details: { creatorId: sub.creatorId, months: sub.months },
              };
              const legs = saleLegs({ ...p, creatorId: sub.creatorId }, "wallet", feeBp);
              const { txn, created } = postTransaction(
                tx,
                {
                  kind: "renewal",
                  currency: sub.currency,
                  amountCents: sub.priceCents,
                  userId: sub.fanId,
                  creatorId: sub.creatorId,
                  postId: null,
                  subscriptionId: sub.id,
                  payoutId: null,
                  relatedTxnId: null,
                  source: "wallet",
                  providerRef: null,
                  memo: null,
                  idempotencyKey: `renewal:${sub.id}:${sub.currentPeriodEnd}`,
                  legs,
                },
                now(),
              );
              if (created) holdTx(tx, txn, sub.creatorId, legs);
              s().subscriptions.renewTx(tx, sub);
              renewed++;
            } else {
              s().subscriptions.endTx(tx, sub.id, "expired");
              s().notifications.notifyTx(
                tx,
                sub.fanId,
                "renewal_failed",
                "Your subscription ended: your wallet balance did not cover the renewal.",
                { subscriptionId: sub.id, creatorId: sub.creatorId },
              );
              failed++;
            }
          }
          return due.length;
        });
        if (n < batch) return { renewed, failed };
      }
    },
  };
}
