// Payments: every flow that moves money (wallet top-ups, subscriptions and renewals, PPV unlocks, tips,
// refunds and chargebacks, releasing held earnings) and the earnings a creator sees. Money moves only
// through the ledger; a card payment becomes a checkout at the provider and is performed, once, when
// the provider's event says it was paid.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { Conflict, Invalid, NotFound, Unavailable } from "../../lib/errors.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import { DAY } from "../../lib/clock.ts";
import { newId } from "../../lib/ids.ts";
import { bundlePriceCents } from "../../lib/money.ts";
import { publicUrl } from "../../config/load.ts";
import { creatorEarnings } from "./earnings.ts";
import { TXN_LABELS } from "./kinds.ts";
import { account, balanceOf, postTransaction, SITE, splitSale, type Leg } from "./ledger.ts";
import { createRefunds } from "./refunds.ts";
import { paymentsRepo } from "./repo.ts";
import { statementCsv, statementLines } from "./statement.ts";
import { createSandboxProvider } from "./providers/sandbox.ts";
import { createStripeProvider } from "./providers/stripe.ts";
import type { PaymentProvider } from "./providers/types.ts";
import type { AccountKind, CheckoutDetails, CheckoutRow, Purpose, TxnRow } from "./tables.ts";
import { assertWalletCoversTx } from "./wallet-funds.ts";

export { TXN_LABELS };

/** Where a creator's money sits: held, available, and requested for payout. */
const CREATOR_ACCOUNTS: AccountKind[] = ["creator_pending", "creator_available", "payouts_payable"];

export type PayWith = "wallet" | "card";

/** A purchase either completes now (wallet, free) or continues at the provider's checkout. */
export type Outcome<T> = { done: T } | { checkout: { checkoutId: string; checkoutUrl: string } };

interface Purchase {
  purpose: Purpose;
  payerId: string;
  amountCents: number;
  currency: string;
  details: CheckoutDetails;
}

export function createPaymentsService(ctx: AppContext) {
  const now = () => ctx.clock.now();
  const s = () => ctx.services;

  let provider: PaymentProvider | null = null;
  function activeProvider(): PaymentProvider {
    if (provider) return provider;
    switch (ctx.config.payments.provider) {
      case "sandbox":
        provider = createSandboxProvider({
          secret: () => s().site.generatedSecret("sandbox_webhook"),
          // Without a configured public URL the link is relative, so it stays on whatever origin the fan uses.
          baseUrl: () => (ctx.config.server.public_url ? publicUrl(ctx.config) : ""),
          now,
        });
        break;
      case "stripe":
        provider = createStripeProvider({
          secretKey: ctx.config.payments.stripe_secret_key,
          webhookSecret: ctx.config.payments.stripe_webhook_secret,
          apiBase: ctx.config.payments.stripe_api_base,
          now,
        });
        break;
    }
    return provider;
  }

  const feeBasisPoints = () => Math.round(s().site.settings().platformFeePercent * 100);

  /** The legs of a sale: payer (wallet or provider clearing) to creator (pending) and platform fee. */
  function saleLegs(p: Purchase & { creatorId: string }, source: PayWith, feeBp = feeBasisPoints()): Leg[] {
    const { creatorCents, feeCents } = splitSale(p.amountCents, feeBp);
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
  function throttleTx(tx: DrizzleDb, payerId: string): void {
    s().rateLimit.consumeTx(
      tx,
      [[`purchase:${payerId}`, { max: ctx.config.payments.purchases_per_minute, windowMs: 60_000 }]],
      "Too many purchases in a short time. Wait a minute and try again.",
    );
  }

  /** Checks that the purchase still makes sense; throws the error the fan should see. */
  function validate(tx: DrizzleDb, p: Purchase): void {
    const d = p.details;
    if (d.creatorId === p.payerId) throw new Invalid("You cannot pay yourself.", undefined, "self_payment");
    if (p.purpose === "ppv" && s().entitlement.hasUnlocked(tx, p.payerId, d.postId!)) {
      throw new Conflict("You already unlocked this post.", "already_owned");
    }
    if (p.purpose === "subscription" && s().entitlement.isSubscribed(p.payerId, d.creatorId!)) {
      throw new Conflict("You are already subscribed to this creator.", "already_subscribed");
    }
  }

  /**
   * Performs a purchase inside the caller's transaction: the ledger transaction, the held creator share
   * and the access it buys. `key` makes it happen once however often it is retried.
   */
  function performTx(
    tx: DrizzleDb,
    p: Purchase,
    source: PayWith,
    key: string,
    providerRef: string | null,
  ): TxnRow {
    const t = now();
    if (source === "wallet") assertWalletCoversTx(tx, p.payerId, p, ctx.config.payments.currency);
    if (p.purpose === "topup") {
      return postTransaction(
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
      ).txn;
    }
    const creatorId = p.details.creatorId!;
    let subscriptionId: string | null = null;
    const legs = saleLegs({ ...p, creatorId }, source);
    const { txn, created } = postTransaction(
      tx,
      {
        kind: p.purpose,
        currency: p.currency,
        amountCents: p.amountCents,
        userId: p.payerId,
        creatorId,
        postId: p.details.postId ?? null,
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
    holdTx(tx, txn, creatorId, legs);
    if (p.purpose === "subscription") {
      const sub = s().subscriptions.grantSubscription(tx, {
        fanId: p.payerId,
        creatorId,
        months: p.details.months ?? 1,
        priceCents: p.amountCents,
        currency: p.currency,
        autoRenew: true,
      });
      subscriptionId = sub.id;
      paymentsRepo.setTxnSubscription(tx, txn.id, sub.id);
      s().notifications.notifyTx(tx, creatorId, "new_subscriber", "You have a new subscriber.", {
        fanId: p.payerId,
      });
    } else if (p.purpose === "ppv") {
      s().entitlement.grantPostUnlock(tx, p.payerId, p.details.postId!);
      s().notifications.notifyTx(tx, creatorId, "ppv_sale", "Someone unlocked your post.", {
        postId: p.details.postId,
      });
    } else {
      s().notifications.notifyTx(tx, creatorId, "tip", "You received a tip.", {
        amountCents: p.amountCents,
        message: p.details.message ?? null,
      });
    }
    return { ...txn, subscriptionId };
  }

  /** Holds the creator's share of a sale (its creator_pending leg) until the hold period ends. */
  function holdTx(tx: DrizzleDb, txn: TxnRow, creatorId: string, legs: Leg[]): void {
    const held = legs.find((l) => l.account.kind === "creator_pending")!.amountCents;
    paymentsRepo.insertHold(tx, {
      txnId: txn.id,
      creatorId,
      amountCents: held,
      currency: txn.currency,
      releaseAt: txn.createdAt + ctx.config.payments.hold_days * DAY,
      status: "held",
    });
  }

  /** Starts a card payment: a checkout row, then the provider's hosted page. */
  async function startCheckout(p: Purchase, description: string, email: string): Promise<Outcome<never>> {
    const row: CheckoutRow = {
      id: newId(),
      userId: p.payerId,
      provider: activeProvider().name,
      purpose: p.purpose,
      amountCents: p.amountCents,
      currency: p.currency,
      details: p.details,
      status: "open",
      providerRef: null,
      url: null,
      failureReason: null,
      createdAt: now(),
      completedAt: null,
    };
    await ctx.db.write((tx) => {
      validate(tx, p);
      throttleTx(tx, p.payerId);
      paymentsRepo.insertCheckout(tx, row);
    });
    const base = publicUrl(ctx.config);
    try {
      const session = await activeProvider().createCheckout({
        checkoutId: row.id,
        purpose: p.purpose,
        amountCents: p.amountCents,
        currency: p.currency,
        description,
        customerEmail: email,
        recurring: p.purpose === "subscription" ? { intervalMonths: p.details.months ?? 1 } : undefined,
        successUrl: `${base}/wallet?checkout=${row.id}`,
        cancelUrl: `${base}/wallet?checkout=${row.id}&canceled=1`,
      });
      await ctx.db.write((tx) =>
        paymentsRepo.updateCheckout(tx, row.id, { providerRef: session.providerRef, url: session.url }),
      );
      return { checkout: { checkoutId: row.id, checkoutUrl: session.url } };
    } catch (err) {
      ctx.logger.error("checkout creation failed", { provider: activeProvider().name, err: String(err) });
      await ctx.db.write((tx) =>
        paymentsRepo.updateCheckout(tx, row.id, { status: "failed", failureReason: "provider_error" }),
      );
      throw new Unavailable(
        "The payment provider could not start the checkout. Try again in a moment.",
        "provider_error",
      );
    }
  }

  async function purchase<T>(
    p: Purchase,
    payWith: PayWith,
    description: string,
    done: (txn: TxnRow) => T,
  ): Promise<Outcome<T>> {
    if (payWith === "card") return startCheckout(p, description, s().users.byId(p.payerId)!.email);
    const txn = await ctx.db.write((tx) => {
      validate(tx, p);
      throttleTx(tx, p.payerId);
      return performTx(tx, p, "wallet", `wallet:${newId()}`, null);
    });
    return { done: done(txn) };
  }

  function creatorTerms(username: string) {
    const terms = s().creators.terms(username);
    if (!terms) throw new NotFound("Creator");
    return terms;
  }

  /**
   * Marks a checkout paid and performs its purchase, once. If what it bought is no longer buyable
   * (bought meanwhile from the wallet), the money lands in the fan's wallet instead of being lost.
   */
  function completeCheckoutTx(
    tx: DrizzleDb,
    checkoutId: string,
    providerRef: string | null,
    subscriptionRef?: string | null,
  ): void {
    const co = paymentsRepo.checkoutById(tx, checkoutId);
    if (!co || co.status === "paid") return;
    const p: Purchase = {
      purpose: co.purpose,
      payerId: co.userId,
      amountCents: co.amountCents,
      currency: co.currency,
      details: co.details,
    };
    const key = `checkout:${co.id}`;
    try {
      validate(tx, p);
      const txn = performTx(tx, p, "card", key, providerRef ?? co.providerRef);
      if (subscriptionRef && txn.subscriptionId)
        s().subscriptions.setProviderRefTx(tx, txn.subscriptionId, subscriptionRef);
    } catch (err) {
      if (!(err instanceof Conflict || err instanceof Invalid)) throw err;
      performTx(tx, { ...p, purpose: "topup", details: {} }, "card", key, providerRef ?? co.providerRef);
      s().notifications.notifyTx(
        tx,
        co.userId,
        "checkout_credited",
        "You already owned what you paid for; the payment was added to your wallet.",
        { checkoutId },
      );
    }
    paymentsRepo.updateCheckout(tx, co.id, {
      status: "paid",
      completedAt: now(),
      providerRef: providerRef ?? co.providerRef,
    });
  }

  const refunds = createRefunds(ctx, activeProvider);

  function presentTxn(t: TxnRow, signedCents?: number) {
    return {
      id: t.id,
      kind: t.kind,
      label: TXN_LABELS[t.kind],
      amountCents: signedCents ?? t.amountCents,
      currency: t.currency,
      source: t.source,
      creatorId: t.creatorId,
      postId: t.postId,
      subscriptionId: t.subscriptionId,
      memo: t.memo,
      refunded: t.reversedAt !== null,
      createdAt: t.createdAt,
    };
  }

  return {
    provider: activeProvider,
    completeCheckoutTx,
    reverseTx: refunds.reverseTx,
    reverseByProviderRefTx: refunds.reverseByProviderRefTx,
    presentTxn,

    /** GET /wallet: balance and history (signed from the wallet's point of view). */
    wallet(userId: string, cursor: Cursor | null, limit: number) {
      const currency = ctx.config.payments.currency;
      const accounts = paymentsRepo.walletsOf(ctx.db.read, userId);
      const rows = paymentsRepo.accountHistory(
        ctx.db.read,
        accounts.map((a) => a.id),
        cursor,
        limit + 1,
      );
      const p = page(rows, limit, (r) => ({ key: r.txn.createdAt, id: r.txn.id }));
      const creators = s().users.publicByIds(
        p.items.flatMap((r) => (r.txn.creatorId ? [r.txn.creatorId] : [])),
      );
      return {
        balanceCents: balanceOf(ctx.db.read, account("wallet", userId, currency)),
        currency,
        transactions: p.items.map((r) => ({
          ...presentTxn(r.txn, r.amountCents),
          creator: r.txn.creatorId ? (creators.get(r.txn.creatorId) ?? null) : null,
        })),
        nextCursor: p.nextCursor,
      };
    },

    /** Top-ups are always by card. */
    async topup(userId: string, amountCents: number) {
      const currency = ctx.config.payments.currency;
      return purchase(
        { purpose: "topup", payerId: userId, amountCents, currency, details: {} },
        "card",
        `Wallet top-up`,
        () => null,
      );
    },

    async subscribe(
      fanId: string,
      input: { creator: string; months?: number | undefined; payWith: PayWith },
    ) {
      const terms = creatorTerms(input.creator);
      const months = input.months ?? 1;
      if (terms.userId === fanId)
        throw new Invalid("You cannot subscribe to yourself.", undefined, "self_payment");
      const bundle = terms.bundles.find((b) => b.months === months);
      if (months !== 1 && !bundle) {
        throw new Invalid(`This creator offers no ${months}-month bundle.`, {
          fields: { months: "No such bundle" },
        });
      }
      if (terms.priceCents === 0)
        return { done: await s().subscriptions.subscribe(fanId, { creator: input.creator, months }) };
      // A first-time subscriber gets the creator's free trial; the first renewal charges the normal price.
      const price = bundle
        ? bundlePriceCents(terms.priceCents, months, bundle.discountPercent)
        : terms.priceCents;
      if (terms.trialDays > 0 && !s().subscriptions.byPair(fanId, terms.userId)) {
        const row = await ctx.db.write((tx) =>
          s().subscriptions.grantSubscription(tx, {
            fanId,
            creatorId: terms.userId,
            months,
            priceCents: price,
            currency: terms.currency,
            autoRenew: true,
            trialDays: terms.trialDays,
          }),
        );
        return { done: s().subscriptions.present([row])[0]! };
      }
      const p: Purchase = {
        purpose: "subscription",
        payerId: fanId,
        amountCents: price,
        currency: terms.currency,
        details: { creatorId: terms.userId, months },
      };
      return purchase(
        p,
        input.payWith,
        `Subscription to @${input.creator.toLowerCase()} (${months} month${months > 1 ? "s" : ""})`,
        (txn) => {
          const sub = s().subscriptions.byId(txn.subscriptionId!)!;
          return s().subscriptions.present([sub])[0]!;
        },
      );
    },

    async unlock(
      viewer: { id: string; role: "fan" | "creator" | "admin" },
      postId: string,
      payWith: PayWith,
    ) {
      const post = s().posts.get(viewer, postId);
      if (post.visibility !== "ppv" || post.priceCents === null) {
        throw new Invalid("Only pay-per-view posts are unlocked.", undefined, "not_ppv");
      }
      if (post.creator.id === viewer.id)
        throw new Invalid("You cannot pay yourself.", undefined, "self_payment");
      if (!post.locked) throw new Conflict("You already unlocked this post.", "already_owned");
      const p: Purchase = {
        purpose: "ppv",
        payerId: viewer.id,
        amountCents: post.priceCents,
        currency: post.currency,
        details: { creatorId: post.creator.id, postId },
      };
      return purchase(p, payWith, `Unlock a post by @${post.creator.username}`, () =>
        s().posts.get(viewer, postId),
      );
    },

    async tip(
      fanId: string,
      input: {
        creator: string;
        amountCents: number;
        postId?: string | undefined;
        message?: string | undefined;
        payWith: PayWith;
      },
    ) {
      const terms = creatorTerms(input.creator);
      if (input.postId) {
        const post = s().posts.get({ id: fanId, role: "fan" }, input.postId);
        if (post.creator.id !== terms.userId)
          throw new Invalid("That post is not by this creator.", {
            fields: { postId: "Not this creator's post" },
          });
      }
      const p: Purchase = {
        purpose: "tip",
        payerId: fanId,
        amountCents: input.amountCents,
        currency: terms.currency,
        details: { creatorId: terms.userId, postId: input.postId, message: input.message },
      };
      return purchase(p, input.payWith, `Tip for @${input.creator.toLowerCase()}`, (txn) => presentTxn(txn));
    },

    /** Every transaction, newest first, with the people involved (admin console). */
    allTransactions(cursor: Cursor | null, limit: number) {
      const rows = paymentsRepo.recentTxns(ctx.db.read, cursor, limit + 1);
      const p = page(rows, limit, (r) => ({ key: r.createdAt, id: r.id }));
      const people = s().users.publicByIds(
        p.items.flatMap((t) => [t.userId, t.creatorId].filter((x): x is string => !!x)),
      );
      return {
        items: p.items.map((t) => ({
          ...presentTxn(t),
          user: t.userId ? (people.get(t.userId) ?? null) : null,
          creator: t.creatorId ? (people.get(t.creatorId) ?? null) : null,
          ...refundability(t),
        })),
        nextCursor: p.nextCursor,
      };
    },

    /** The sandbox checkout page's view of a checkout (its id is the capability, as at a hosted page). */
    checkout(id: string) {
      const co = paymentsRepo.checkoutById(ctx.db.read, id);
      if (!co || co.provider !== "sandbox") throw new NotFound("Checkout");
      return {
        id: co.id,
        purpose: co.purpose,
        amountCents: co.amountCents,
        currency: co.currency,
        status: co.status,
        failureReason: co.failureReason,
        createdAt: co.createdAt,
      };
    },

    async recordCheckoutFailure(id: string, reason: string) {
      await ctx.db.write((tx) => paymentsRepo.updateCheckout(tx, id, { failureReason: reason }));
    },

    /** Admin refund (refunds.ts); `amountCents` refunds part of a top-up. */
    async refund(txnId: string, amountCents?: number) {
      return presentTxn(await refunds.refund(txnId, amountCents));
    },

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

    /** GET /earnings for a creator (earnings.ts). */
    earnings: (creatorId: string) => creatorEarnings(ctx, creatorId),

    /** A creator's non-zero earnings and payout balances, in every currency (the currency lock). */
    creatorBalancesTx(
      tx: DrizzleDb,
      creatorId: string,
    ): { kind: AccountKind; currency: string; balanceCents: number }[] {
      return paymentsRepo
        .accountsOf(tx, creatorId)
        .filter((a) => CREATOR_ACCOUNTS.includes(a.kind) && a.balanceCents !== 0)
        .map((a) => ({ kind: a.kind, currency: a.currency, balanceCents: a.balanceCents }));
    },

    /** A creator's statement as CSV: earnings, reversals and payouts with their references. */
    statementCsv: (creatorId: string): string => statementCsv(statementLines(ctx, creatorId)),

    /** Ledger integrity: unbalanced transactions and cached balances that differ from their entries. */
    ledgerHealth() {
      return {
        unbalanced: paymentsRepo.unbalancedTxns(ctx.db.read),
        drifted: paymentsRepo.driftedAccounts(ctx.db.read),
      };
    },

    /** Fan wallets below zero (a chargeback took back a spent top-up); doctor warns about them. */
    negativeWallets() {
      const rows = paymentsRepo.negativeWallets(ctx.db.read);
      const people = s().users.publicByIds(rows.map((r) => r.ownerId));
      return rows.map((r) => ({
        userId: r.ownerId,
        username: people.get(r.ownerId)?.username ?? null,
        currency: r.currency,
        balanceCents: r.balanceCents,
      }));
    },
  };

  /** Whether the admin console offers a refund, and of how much (a top-up: what its wallet still holds). */
  function refundability(t: TxnRow) {
    const refundableCents = refunds.refundableCents(ctx.db.read, t);
    // A top-up may have been refunded in part already: the admin sees what was given back so far.
    const refundedCents = t.kind === "topup" ? paymentsRepo.reversedCentsOf(ctx.db.read, t.id) : 0;
    return { refundable: refundableCents > 0, refundableCents, refundedCents };
  }
}
