// Refunds and chargebacks. A reversal posts the opposite of a sale's or top-up's entries and takes back
// what it bought. An admin refund of a top-up takes back at most what the wallet still holds: the rest
// was spent on creators, and taking it anyway would leave the fan owing the site. A provider's refund or
// chargeback reverses what the provider moved back (a whole sale; a top-up in full or in parts), because
// the money is already gone at the provider; that can leave a wallet below zero, and such a wallet pays
// for nothing until it is topped up (wallet-funds.ts). A payment counts as reversed (`reversedAt`) once
// all of it is; until then the rest of a top-up can still be refunded or charged back.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { Conflict, Invalid, NotFound } from "../../lib/errors.ts";
import { formatCents } from "../../lib/money.ts";
import { isReversible, TXN_LABELS } from "./kinds.ts";
import { account, balanceOf, postTransaction, type Leg } from "./ledger.ts";
import type { PaymentProvider } from "./providers/types.ts";
import { ROW_LOCKED } from "../../db/tx.ts";
import type { UsersService } from "../users/service.ts";
import { paymentsRepo } from "./repo.ts";
import type { Sellers } from "./sellers.ts";
import type { ReferralShares } from "./referral-share.ts";
import type { TxnRow } from "./tables.ts";

type Reversal = "refund" | "chargeback";

function reversalKey(kind: Reversal, txnId: string, reversedBefore: number, won: number): string {
  const key = reversedBefore === 0 ? `${kind}:${txnId}` : `${kind}:${txnId}:${reversedBefore}`;
  return won === 0 ? key : `${key}:after-won-${won}`;
}

const wonDisputes = async (db: DrizzleDb, txnId: string): Promise<number> =>
  (await paymentsRepo.reversalsOf(db, txnId)).filter((t) => t.kind === "chargeback_reversal").length;

export function createRefunds(
  ctx: AppContext,
  deps: {
    activeProvider: () => PaymentProvider;
    sellers: Sellers;
    users: Pick<UsersService, "lockTx">;
    referralShares: Pick<ReferralShares, "reverseTx" | "restoreTx">;
  },
) {
  const now = () => ctx.clock.now();
  const { activeProvider, sellers, users, referralShares } = deps;

  /** What an admin may still refund of a payment: a sale in full, a top-up up to what its wallet holds. */
  async function refundableCents(db: DrizzleDb, t: TxnRow): Promise<number> {
    if (t.reversedAt !== null || !isReversible(t.kind)) return 0;
    if (t.kind !== "topup") return t.amountCents;
    if (!t.userId) return 0;
    const held = await balanceOf(db, account("wallet", t.userId, t.currency));
    return Math.max(0, Math.min(t.amountCents - (await paymentsRepo.reversedCentsOf(db, t.id)), held));
  }

  async function assertUnspent(db: DrizzleDb, topup: TxnRow, amountCents: number): Promise<void> {
    const refundable = await refundableCents(db, topup);
    if (amountCents <= refundable) return;
    const left = formatCents(refundable, topup.currency);
    throw new Conflict(
      refundable === 0
        ? `The fan has already spent this top-up: nothing of it is left in their wallet (${left} refundable).`
        : `The fan has spent part of this top-up: only ${left} of it is still in their wallet and can be refunded.`,
      "already_spent",
      { refundableCents: refundable },
    );
  }

  /**
   * Reverses a sale or top-up and takes back what it bought. `amountCents` (top-ups only) reverses part
   * of a top-up; without it, all that is left of the payment is reversed.
   */
  async function reverseTx(
    tx: DrizzleDb,
    txnId: string,
    kind: Reversal,
    amountCents?: number,
  ): Promise<TxnRow> {
    const orig = await paymentsRepo.txnById(tx, txnId);
    if (!orig) throw new NotFound("Transaction");
    if (!isReversible(orig.kind)) {
      throw new Invalid(
        `A ${TXN_LABELS[orig.kind].toLowerCase()} cannot be refunded.`,
        undefined,
        "not_refundable",
      );
    }
    if (orig.reversedAt !== null)
      throw new Conflict("This payment was already refunded.", "already_refunded");
    const reversedBefore = await paymentsRepo.reversedCentsOf(tx, orig.id);
    const left = orig.amountCents - reversedBefore;
    const amount = amountCents ?? left;
    const partial = amount !== orig.amountCents;
    if (partial && (orig.kind !== "topup" || amount <= 0 || amount > left))
      throw new Error(`ledger: cannot reverse ${amount} of ${orig.kind} ${orig.id} (${left} left)`);
    const hold = await paymentsRepo.holdOf(tx, orig.id);
    const legs: Leg[] = (await paymentsRepo.entriesOf(tx, orig.id)).map((e) => {
      // The creator's share comes back from wherever it is now: still pending, or already available
      // (which may go negative until future earnings cover it).
      const kindNow =
        e.account.kind === "creator_pending" && hold?.status === "released"
          ? "creator_available"
          : e.account.kind;
      return {
        account: account(kindNow, e.account.ownerId, e.account.currency),
        // A top-up has two legs (provider clearing, wallet); part of it moves back between the same two.
        amountCents: partial ? -Math.sign(e.amountCents) * amount : -e.amountCents,
      };
    });
    const { txn } = await postTransaction(
      tx,
      {
        kind,
        currency: orig.currency,
        amountCents: amount,
        userId: orig.userId,
        creatorId: orig.creatorId,
        postId: orig.postId,
        messageId: orig.messageId,
        liveStreamId: orig.liveStreamId,
        subscriptionId: orig.subscriptionId,
        payoutId: null,
        relatedTxnId: orig.id,
        source: orig.source,
        providerRef: orig.providerRef,
        memo: null,
        // Each part is its own reversal; the cents reversed before it, and the disputes won before it
        // (after which the same cents can be reversed again), tell the parts apart.
        idempotencyKey: reversalKey(kind, orig.id, reversedBefore, await wonDisputes(tx, orig.id)),
        legs,
      },
      now(),
    );
    if (amount === left) await paymentsRepo.markReversed(tx, orig.id, now());
    if (hold?.status === "held") await paymentsRepo.setHoldStatus(tx, orig.id, "reversed");
    if (orig.kind !== "topup") await referralShares.reverseTx(tx, orig.id);
    // What the payment bought is taken back by its owners (subscriptions, entitlement), told by the event.
    await ctx.events.publish(tx, "payment.reversed", {
      txnId: orig.id,
      reversalTxnId: txn.id,
      reversal: kind,
      kind: orig.kind,
      userId: orig.userId,
      creatorId: orig.creatorId,
      postId: orig.postId,
      messageId: orig.messageId,
      liveStreamId: orig.liveStreamId,
      subscriptionId: orig.subscriptionId,
      amountCents: amount,
      paidCents: orig.amountCents,
      currency: orig.currency,
      partial,
    });
    return txn;
  }

  /** A refunded subscription must not go on billing at the provider: cancelled there now (errors logged). */
  async function stopRefundedAtProvider(subscriptionId: string): Promise<void> {
    const p = activeProvider();
    const sub = await sellers.subscription.get().byId(subscriptionId);
    if (!sub?.providerRef || !p.cancelSubscription) return;
    await p.cancelSubscription(sub.providerRef, { atPeriodEnd: false }).catch((err: unknown) =>
      ctx.logger.error("provider subscription not cancelled after refund", {
        subscriptionId: sub.id,
        err: String(err),
      }),
    );
  }

  /**
   * The provider decided a dispute for the site (Stripe charge.dispute.closed, won): each chargeback of the
   * payment not restored yet is undone by its mirror image, so the money goes back to where the chargeback
   * took it from (the creator's pending or available earnings, the site's fee, the fan's wallet for a
   * top-up), and what the payment bought is given back (`payment.restored`). Once per chargeback; false when
   * the payment is unknown.
   */
  async function restoreChargebacksByProviderRefTx(tx: DrizzleDb, providerRef: string): Promise<boolean> {
    const seen = (await paymentsRepo.txnsByProviderRef(tx, providerRef)).find((t) => isReversible(t.kind));
    if (!seen) return false;
    if (seen.userId) await users.lockTx(tx, [seen.userId]);
    const sale = (await paymentsRepo.txnById(tx, seen.id))!;
    const chargebacks = (await paymentsRepo.reversalsOf(tx, sale.id)).filter((t) => t.kind === "chargeback");
    // Each is undone once: its reversal's idempotency key names it.
    for (const cb of chargebacks) {
      const legs: Leg[] = (await paymentsRepo.entriesOf(tx, cb.id)).map((e) => ({
        account: account(e.account.kind, e.account.ownerId, e.account.currency),
        amountCents: -e.amountCents,
      }));
      const { txn, created } = await postTransaction(
        tx,
        {
          kind: "chargeback_reversal",
          currency: cb.currency,
          amountCents: cb.amountCents,
          userId: sale.userId,
          creatorId: sale.creatorId,
          postId: sale.postId,
          messageId: sale.messageId,
          liveStreamId: sale.liveStreamId,
          subscriptionId: sale.subscriptionId,
          payoutId: null,
          relatedTxnId: sale.id,
          source: sale.source,
          providerRef: sale.providerRef,
          memo: null,
          idempotencyKey: `chargeback_reversal:${cb.id}`,
          legs,
        },
        now(),
      );
      if (!created) continue;
      // A creator share taken back while held is held again (and released when its hold is over).
      const hold = await paymentsRepo.holdOf(tx, sale.id);
      if (hold?.status === "reversed" && legs.some((l) => l.account.kind === "creator_pending"))
        await paymentsRepo.setHoldStatus(tx, sale.id, "held");
      if (sale.reversedAt !== null) await paymentsRepo.markReversed(tx, sale.id, null);
      await referralShares.restoreTx(tx, sale.id);
      await ctx.events.publish(tx, "payment.restored", {
        txnId: sale.id,
        restoringTxnId: txn.id,
        kind: sale.kind,
        userId: sale.userId,
        creatorId: sale.creatorId,
        postId: sale.postId,
        messageId: sale.messageId,
        liveStreamId: sale.liveStreamId,
        subscriptionId: sale.subscriptionId,
        amountCents: cb.amountCents,
        currency: sale.currency,
      });
    }
    return true;
  }

  return {
    refundableCents,
    reverseTx,
    restoreChargebacksByProviderRefTx,

    /**
     * Admin refund. A card payment is first refunded at the provider (when it can), then reversed in the
     * ledger; the provider's own refund event later finds it already reversed and changes nothing.
     * `amountCents` refunds part of a top-up (at most what its wallet still holds).
     */
    async refund(
      txnId: string,
      amountCents?: number,
      /** Runs in the reversal's transaction (the admin console's audit entry). */
      inTx?: (tx: DrizzleDb, refund: TxnRow, original: TxnRow) => Promise<void>,
    ): Promise<TxnRow> {
      const orig = await paymentsRepo.txnById(ctx.db.read, txnId);
      if (!orig) throw new NotFound("Transaction");
      if (orig.reversedAt !== null)
        throw new Conflict("This payment was already refunded.", "already_refunded");
      // Without an amount: what is left of the payment (all of it, unless a top-up was refunded in part).
      const left = orig.amountCents - (await paymentsRepo.reversedCentsOf(ctx.db.read, orig.id));
      const amount = amountCents ?? left;
      if (amountCents !== undefined && (!Number.isInteger(amountCents) || amountCents <= 0)) {
        throw new Invalid("A refund must be a whole number of cents above zero.", {
          fields: { amountCents: "Must be above zero" },
        });
      }
      if (amount !== orig.amountCents && orig.kind !== "topup") {
        throw new Invalid(
          "Only a wallet top-up can be refunded in part; refund the whole payment.",
          { fields: { amountCents: "Must be the whole payment" } },
          "partial_refund_unsupported",
        );
      }
      if (amount > left) {
        throw new Invalid(
          `Only ${formatCents(left, orig.currency)} of this ${formatCents(orig.amountCents, orig.currency)} top-up is left to refund.`,
          { fields: { amountCents: "More than is left of the top-up" } },
        );
      }
      if (orig.kind === "topup") await assertUnspent(ctx.db.read, orig, amount);
      const p = activeProvider();
      const atProvider = orig.source === "card" && !!orig.providerRef && !!p.refund;
      if (atProvider) await p.refund!(orig.providerRef!, amount);
      const txn = await ctx.db.write(async (tx) => {
        if (orig.userId) await users.lockTx(tx, [orig.userId]);
        // Checked again inside the write, so a purchase made meanwhile is never paid with refunded money.
        // Once the provider has refunded, the money is gone: the reversal is recorded whatever the wallet
        // holds now (a purchase that slipped in between leaves it below zero, and frozen).
        if (orig.kind === "topup" && !atProvider) await assertUnspent(tx, orig, amount);
        const reversal = await reverseTx(tx, txnId, "refund", amount);
        await inTx?.(tx, reversal, orig);
        return reversal;
      }, ROW_LOCKED);
      if (orig.subscriptionId) await stopRefundedAtProvider(orig.subscriptionId);
      return txn;
    },

    /**
     * A provider refunded or lost a dispute over a card payment: bring the ledger to what the provider
     * moved back. `totalCents` is the provider's running total for a refund (Stripe's amount_refunded);
     * without it (a dispute) all that is left is reversed. Replays change nothing. False if unknown.
     */
    async reverseByProviderRefTx(
      tx: DrizzleDb,
      providerRef: string,
      kind: Reversal,
      totalCents?: number,
    ): Promise<boolean> {
      const sale = (await paymentsRepo.txnsByProviderRef(tx, providerRef)).find((t) => isReversible(t.kind));
      if (!sale) return false;
      if (sale.userId) {
        await users.lockTx(tx, [sale.userId]);
        const now = (await paymentsRepo.txnById(tx, sale.id))!;
        if (now.reversedAt !== null) return true;
      }
      if (sale.reversedAt !== null) return true;
      const target = Math.min(totalCents ?? sale.amountCents, sale.amountCents);
      const missing = target - (await paymentsRepo.reversedCentsOf(tx, sale.id));
      if (missing <= 0) return true;
      if (sale.kind !== "topup" && target < sale.amountCents) {
        // What a sale bought cannot be taken back in part, so a part refund of one stays the provider's.
        ctx.logger.warn("provider refunded part of a sale; the ledger reverses sales only in full", {
          txnId: sale.id,
          refundedCents: target,
          amountCents: sale.amountCents,
        });
        return true;
      }
      await reverseTx(tx, sale.id, kind, missing);
      // A refund made at the provider ends the subscription it paid for there too (after COMMIT: network).
      // A chargeback does not: a dispute may still be won, and then the subscription goes on.
      const subscriptionId = sale.subscriptionId;
      if (kind === "refund" && subscriptionId)
        ctx.db.afterCommit(tx, () => stopRefundedAtProvider(subscriptionId));
      return true;
    },
  };
}
