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
import type { TxnRow } from "./tables.ts";

type Reversal = "refund" | "chargeback";

export function createRefunds(
  ctx: AppContext,
  deps: { activeProvider: () => PaymentProvider; sellers: Sellers; users: Pick<UsersService, "lockTx"> },
) {
  const now = () => ctx.clock.now();
  const { activeProvider, sellers, users } = deps;

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
        // Each part is its own reversal; the cents reversed before it tell the parts apart.
        idempotencyKey: reversedBefore === 0 ? `${kind}:${orig.id}` : `${kind}:${orig.id}:${reversedBefore}`,
        legs,
      },
      now(),
    );
    if (amount === left) await paymentsRepo.markReversed(tx, orig.id, now());
    if (hold?.status === "held") await paymentsRepo.setHoldStatus(tx, orig.id, "reversed");
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

  return {
    refundableCents,
    reverseTx,

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
      // A refunded subscription must not go on billing at the provider.
      const sub = orig.subscriptionId
        ? await sellers.subscription.get().byId(orig.subscriptionId)
        : undefined;
      if (sub?.providerRef && p.cancelSubscription) {
        await p.cancelSubscription(sub.providerRef, { atPeriodEnd: false }).catch((err: unknown) =>
          ctx.logger.error("provider subscription not cancelled after refund", {
            subscriptionId: sub.id,
            err: String(err),
          }),
        );
      }
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
      return true;
    },
  };
}
