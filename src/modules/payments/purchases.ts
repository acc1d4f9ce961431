// What every purchase shares, whichever flow starts it (wallet, checkout, renewal): the checks, the
// ledger legs of a sale, the hold on the creator's share and the access the purchase buys.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { Invalid } from "../../lib/errors.ts";
import type { RateLimitService } from "../ratelimit/service.ts";
import type { SiteService } from "../site/service.ts";
import type { Sellers } from "./sellers.ts";
import type { ReferralShares } from "./referral-share.ts";
import { DAY } from "../../lib/clock.ts";
import { account, postTransaction, SITE, splitSale, type Leg } from "./ledger.ts";
import { paymentsRepo } from "./repo.ts";
import type { CheckoutDetails, Purpose, TxnRow } from "./tables.ts";
import { assertWalletCoversTx } from "./wallet-funds.ts";

export type PayWith = "wallet" | "card";

/** A purchase either completes now (wallet, free) or continues at the provider's checkout. */
export type Outcome<T> = { done: T } | { checkout: { checkoutId: string; checkoutUrl: string } };

export interface Purchase {
  purpose: Purpose;
  payerId: string;
  amountCents: number;
  currency: string;
  details: CheckoutDetails;
}

export type Purchases = ReturnType<typeof createPurchases>;

export function createPurchases(
  ctx: AppContext,
  deps: {
    site: Pick<SiteService, "settings">;
    rateLimit: Pick<RateLimitService, "consumeTx">;
    sellers: Sellers;
    referralShares: ReferralShares;
  },
) {
  const now = () => ctx.clock.now();
  const { site, rateLimit, sellers, referralShares } = deps;

  const feeBasisPoints = async () => Math.round((await site.settings()).platformFeePercent * 100);

  /** The legs of a sale: payer (wallet or provider clearing) to creator (pending) and platform fee. */
  async function saleLegs(
    p: Purchase & { creatorId: string },
    source: PayWith,
    feeBp?: number,
  ): Promise<Leg[]> {
    const { creatorCents, feeCents } = splitSale(p.amountCents, feeBp ?? (await feeBasisPoints()));
    const from =
      source === "wallet"
        ? account("wallet", p.payerId, p.currency)
        : account("provider_clearing", SITE, p.currency);
    return [
      { account: from, amountCents: -p.amountCents },
      { account: account("creator_pending", p.creatorId, p.currency), amountCents: creatorCents },
      { account: account("platform_revenue", SITE, p.currency), amountCents: feeCents },
    ];
  }

  /** Counts a purchase attempt against the payer's per-minute allowance (inside the purchase's transaction). */
  function throttleTx(tx: DrizzleDb, payerId: string): Promise<void> {
    return rateLimit.consumeTx(
      tx,
      [[`purchase:${payerId}`, { max: ctx.config.payments.purchases_per_minute, windowMs: 60_000 }]],
      "Too many purchases in a short time. Wait a minute and try again.",
    );
  }

  /** Checks that the purchase still makes sense; throws the error the fan should see. */
  async function validate(tx: DrizzleDb, p: Purchase): Promise<void> {
    const d = p.details;
    if (d.creatorId === p.payerId) throw new Invalid("You cannot pay yourself.", undefined, "self_payment");
    if (p.purpose === "ppv") await sellers.ppv.get().checkTx(tx, p.payerId, d.postId!);
    if (p.purpose === "message") await sellers.message.get().checkTx(tx, p.payerId, d.messageId!);
    if (p.purpose === "ticket") await sellers.ticket.get().checkTx(tx, p.payerId, d.liveStreamId!);
    if (p.purpose === "subscription")
      await sellers.subscription.get().checkTx(tx, p.payerId, d.creatorId!, d.promotionId);
  }

  /**
   * Performs a purchase inside the caller's transaction: the ledger transaction, the held creator share
   * and the access it buys. `key` makes it happen once however often it is retried. `subscriptionRef`:
   * the provider's recurring subscription a card subscription purchase started.
   */
  async function performTx(
    tx: DrizzleDb,
    p: Purchase,
    source: PayWith,
    key: string,
    providerRef: string | null,
    subscriptionRef: string | null = null,
  ): Promise<TxnRow> {
    const t = now();
    if (source === "wallet") await assertWalletCoversTx(tx, p.payerId, p, ctx.config.payments.currency);
    if (p.purpose === "topup") {
      const { txn, created } = await postTransaction(
        tx,
        {
          kind: "topup",
          currency: p.currency,
          amountCents: p.amountCents,
          userId: p.payerId,
          creatorId: null,
          postId: null,
          subscriptionId: null,
          payoutId: null,
          relatedTxnId: null,
          source: "card",
          providerRef,
          memo: null,
          idempotencyKey: key,
          legs: [
            { account: account("provider_clearing", SITE, p.currency), amountCents: -p.amountCents },
            { account: account("wallet", p.payerId, p.currency), amountCents: p.amountCents },
          ],
        },
        t,
      );
      if (created) await completed(tx, txn, p);
      return txn;
    }
    const creatorId = p.details.creatorId!;
    let subscriptionId: string | null = null;
    const legs = await saleLegs({ ...p, creatorId }, source);
    const { txn, created } = await postTransaction(
      tx,
      {
        kind: p.purpose,
        currency: p.currency,
        amountCents: p.amountCents,
        userId: p.payerId,
        creatorId,
        postId: p.details.postId ?? null,
        messageId: p.details.messageId ?? null,
        liveStreamId: p.details.liveStreamId ?? null,
        subscriptionId: null,
        payoutId: null,
        relatedTxnId: null,
        source,
        providerRef,
        memo: p.details.message ?? null,
        idempotencyKey: key,
        legs,
      },
      t,
    );
    if (!created) return txn;
    await holdTx(tx, txn, creatorId, legs);
    if (p.purpose === "subscription") {
      subscriptionId = await sellers.subscription.get().grantTx(tx, {
        fanId: p.payerId,
        creatorId,
        months: p.details.months ?? 1,
        // What a period costs from the first renewal on (a discount is for the first period only).
        priceCents: p.details.listPriceCents ?? p.amountCents,
        currency: p.currency,
        providerRef: subscriptionRef,
        promotionId: p.details.promotionId,
      });
      await paymentsRepo.setTxnSubscription(tx, txn.id, subscriptionId);
    } else if (p.purpose === "ppv") {
      await sellers.ppv.get().grantTx(tx, p.payerId, p.details.postId!);
    } else if (p.purpose === "message") {
      await sellers.message.get().grantTx(tx, p.payerId, p.details.messageId!);
    } else if (p.purpose === "ticket") {
      await sellers.ticket.get().grantTx(tx, p.payerId, p.details.liveStreamId!);
    }
    const done = { ...txn, subscriptionId };
    await completed(tx, done, p);
    return done;
  }

  function completed(tx: DrizzleDb, txn: TxnRow, p: Purchase): Promise<void> {
    return ctx.events.publish(tx, "payment.completed", {
      txnId: txn.id,
      kind: p.purpose,
      payerId: p.payerId,
      creatorId: txn.creatorId,
      amountCents: txn.amountCents,
      currency: txn.currency,
      postId: txn.postId,
      messageId: txn.messageId,
      liveStreamId: txn.liveStreamId,
      subscriptionId: txn.subscriptionId,
      message: p.details.message ?? null,
    });
  }

  /**
   * Holds the creator's share of a sale (its creator_pending leg) until the hold period ends, and posts
   * the referrer's share of its fee (referral-share.ts): every sale passes here once.
   */
  async function holdTx(tx: DrizzleDb, txn: TxnRow, creatorId: string, legs: Leg[]): Promise<void> {
    const held = legs.find((l) => l.account.kind === "creator_pending")!.amountCents;
    const releaseAt = txn.createdAt + ctx.config.payments.hold_days * DAY;
    await paymentsRepo.insertHold(tx, {
      txnId: txn.id,
      creatorId,
      amountCents: held,
      currency: txn.currency,
      releaseAt,
      status: "held",
    });
    await referralShares.shareTx(tx, txn, legs, releaseAt);
  }

  return { feeBasisPoints, saleLegs, throttleTx, validate, performTx, holdTx };
}
