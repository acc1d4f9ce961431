// Renewals and releases: the money side of a renewing subscription (the subscriptions module decides
// what renews and asks for the charge; a provider that renews card subscriptions itself reports here
// through its events), and held earnings that come due, moving from pending to available.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { account, balanceOf, postTransaction } from "./ledger.ts";
import type { Purchase, Purchases } from "./purchases.ts";
import { paymentsRepo } from "./repo.ts";
import type { Sellers } from "./sellers.ts";
import type { TxnRow } from "./tables.ts";
import { ROW_LOCKED } from "../../db/tx.ts";
import type { UsersService } from "../users/service.ts";

/** A renewal to charge from the fan's wallet. */
export interface RenewalCharge {
  subscriptionId: string;
  fanId: string;
  creatorId: string;
  months: number;
  priceCents: number;
  currency: string;
  /** The end of the period being renewed: with the subscription, the charge's idempotency key. */
  periodEnd: number;
}

export function createRenewals(
  ctx: AppContext,
  deps: {
    purchases: Pick<Purchases, "feeBasisPoints" | "saleLegs" | "holdTx">;
    sellers: Sellers;
    users: Pick<UsersService, "lockTx">;
  },
) {
  const { users } = deps;
  const now = () => ctx.clock.now();
  const { feeBasisPoints, saleLegs, holdTx } = deps.purchases;
  const subscriptions = () => deps.sellers.subscription.get();

  /** A renewal's sale (kind "renewal") and the hold on the creator's share, once per `key`. */
  async function postRenewalTx(
    tx: DrizzleDb,
    r: Omit<RenewalCharge, "periodEnd">,
    how: { source: "wallet" | "card"; providerRef: string | null; key: string; feeBp?: number },
  ) {
    const p: Purchase = {
      purpose: "subscription",
      payerId: r.fanId,
      amountCents: r.priceCents,
      currency: r.currency,
      details: { creatorId: r.creatorId, months: r.months },
    };
    const legs = await saleLegs({ ...p, creatorId: r.creatorId }, how.source, how.feeBp);
    const posted = await postTransaction(
      tx,
      {
        kind: "renewal",
        currency: r.currency,
        amountCents: r.priceCents,
        userId: r.fanId,
        creatorId: r.creatorId,
        postId: null,
        subscriptionId: r.subscriptionId,
        payoutId: null,
        relatedTxnId: null,
        source: how.source,
        providerRef: how.providerRef,
        memo: null,
        idempotencyKey: how.key,
        legs,
      },
      now(),
    );
    if (posted.created) await holdTx(tx, posted.txn, r.creatorId, legs);
    return posted;
  }

  return {
    /**
     * A provider charged a subscription's renewal itself (e.g. Stripe invoice.paid for a new cycle):
     * record the sale and extend access, once per invoice. False if the subscription is unknown.
     */
    async providerRenewalTx(
      tx: DrizzleDb,
      r: { subscriptionRef: string; invoiceRef: string; amountCents: number; currency: string },
    ): Promise<boolean> {
      const sub = await subscriptions().byProviderRefTx(tx, r.subscriptionRef);
      if (!sub) return false;
      await users.lockTx(tx, [sub.fanId]);
      const { txn, created } = await postRenewalTx(
        tx,
        {
          subscriptionId: sub.id,
          fanId: sub.fanId,
          creatorId: sub.creatorId,
          months: sub.months,
          priceCents: r.amountCents,
          currency: r.currency,
        },
        { source: "card", providerRef: r.invoiceRef, key: `provider-renewal:${r.invoiceRef}` },
      );
      if (created) {
        await subscriptions().renewedByProviderTx(tx, sub.id, {
          priceCents: r.amountCents,
          currency: r.currency,
          txnId: txn.id,
        });
      }
      return true;
    },

    /** The provider could not charge a renewal: access runs out at period end; the fan is told. */
    async providerRenewalFailedTx(tx: DrizzleDb, subscriptionRef: string): Promise<boolean> {
      const sub = await subscriptions().byProviderRefTx(tx, subscriptionRef);
      if (!sub) return false;
      await subscriptions().renewalFailedByProviderTx(tx, sub.id);
      return true;
    },

    /** The provider ended a recurring subscription: no more renewals; access lasts until period end. */
    async providerSubscriptionEndedTx(tx: DrizzleDb, subscriptionRef: string): Promise<boolean> {
      const sub = await subscriptions().byProviderRefTx(tx, subscriptionRef);
      if (!sub) return false;
      await subscriptions().endedByProviderTx(tx, sub.id);
      return true;
    },

    /** Scheduler step: held earnings whose hold period is over become available. Idempotent. */
    async releaseDue(batch = 500): Promise<number> {
      // Row-locked (no read-check-write here beyond idempotency keys): it must not abort against sales.
      return ctx.db.write(async (tx) => {
        const due = await paymentsRepo.dueHolds(tx, now(), batch);
        for (const h of due) {
          await postTransaction(
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
          await paymentsRepo.setHoldStatus(tx, h.txnId, "released");
        }
        return due.length;
      }, ROW_LOCKED);
    },

    /**
     * Charges one renewal from the fan's wallet inside the caller's transaction: the sale and the hold on
     * the creator's share. Null when the wallet cannot cover it. Keyed by (subscription, period end), so a
     * second run, or a run after a crash, charges nothing twice.
     */
    async chargeRenewalTx(tx: DrizzleDb, r: RenewalCharge, feeBp?: number): Promise<TxnRow | null> {
      await users.lockTx(tx, [r.fanId]);
      if ((await balanceOf(tx, account("wallet", r.fanId, r.currency))) < r.priceCents) return null;
      const posted = await postRenewalTx(tx, r, {
        source: "wallet",
        providerRef: null,
        key: `renewal:${r.subscriptionId}:${r.periodEnd}`,
        feeBp,
      });
      return posted.txn;
    },

    feeBasisPoints,
  };
}
