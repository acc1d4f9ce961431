// Card payments: a purchase paid by card becomes a checkout at the provider and is performed, once,
// when the provider's event says it was paid. `purchase` is where wallet and card payments part ways.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { Conflict, Invalid, NotFound, Unavailable } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { savepoint } from "../../db/query.ts";
import { ROW_LOCKED } from "../../db/tx.ts";
import { publicUrl } from "../../config/load.ts";
import type { PaymentProvider } from "./providers/types.ts";
import type { Outcome, PayWith, Purchase, Purchases } from "./purchases.ts";
import { paymentsRepo } from "./repo.ts";
import type { CheckoutRow, TxnRow } from "./tables.ts";
import type { UsersService } from "../users/service.ts";

export function createCheckouts(
  ctx: AppContext,
  deps: {
    activeProvider: () => PaymentProvider;
    purchases: Pick<Purchases, "validate" | "throttleTx" | "performTx">;
    users: Pick<UsersService, "byId" | "lockTx">;
  },
) {
  const now = () => ctx.clock.now();
  const { activeProvider, users } = deps;
  const { validate, throttleTx, performTx } = deps.purchases;

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
    await ctx.db.write(async (tx) => {
      await users.lockTx(tx, [p.payerId]);
      await validate(tx, p);
      await throttleTx(tx, p.payerId);
      await paymentsRepo.insertCheckout(tx, row);
    }, ROW_LOCKED);
    const base = publicUrl(ctx.config);
    try {
      const session = await activeProvider().createCheckout({
        checkoutId: row.id,
        purpose: p.purpose,
        amountCents: p.amountCents,
        currency: p.currency,
        description,
        customerEmail: email,
        recurring:
          p.purpose === "subscription"
            ? {
                intervalMonths: p.details.months ?? 1,
                amountCents: p.details.listPriceCents ?? p.amountCents,
              }
            : undefined,
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

  /** Whether a payment found by its Idempotency-Key is the one asked for again (what it buys and says). */
  const samePayment = (prior: TxnRow, p: Purchase) =>
    prior.kind === p.purpose &&
    prior.amountCents === p.amountCents &&
    prior.creatorId === (p.details.creatorId ?? null) &&
    prior.postId === (p.details.postId ?? null) &&
    prior.messageId === (p.details.messageId ?? null) &&
    prior.liveStreamId === (p.details.liveStreamId ?? null) &&
    prior.memo === (p.details.message ?? null);

  /**
   * Pays from the wallet now (`done` presents what was bought), or starts a card checkout. A client's
   * `idempotencyKey` (per payer) makes a wallet payment happen once however often it is sent: a client
   * whose answer was lost (a crash, a dropped connection) retries with it and gets the first payment back.
   */
  async function purchase<T>(
    p: Purchase,
    payWith: PayWith,
    description: string,
    done: (txn: TxnRow) => Promise<T> | T,
    idempotencyKey?: string,
  ): Promise<Outcome<T>> {
    if (payWith === "card") return startCheckout(p, description, (await users.byId(p.payerId))!.email);
    const key = idempotencyKey ? `wallet:${p.payerId}:${idempotencyKey}` : `wallet:${newId()}`;
    const txn = await ctx.db.write(async (tx) => {
      // Under the payer's lock, so a retry racing the first request waits for it and then finds it.
      await users.lockTx(tx, [p.payerId]);
      const prior = idempotencyKey ? await paymentsRepo.txnByKey(tx, key) : undefined;
      if (prior) {
        if (!samePayment(prior, p))
          throw new Conflict("This Idempotency-Key was used for another payment.", "idempotency_key_reused");
        return prior;
      }
      await validate(tx, p);
      await throttleTx(tx, p.payerId);
      return performTx(tx, p, "wallet", key, null);
    }, ROW_LOCKED);
    return { done: await done(txn) };
  }

  /**
   * Marks a checkout paid and performs its purchase, once. If what it bought is no longer buyable
   * (bought meanwhile from the wallet), the money lands in the fan's wallet instead of being lost.
   */
  async function completeCheckoutTx(
    tx: DrizzleDb,
    checkoutId: string,
    providerRef: string | null,
    subscriptionRef?: string | null,
  ): Promise<void> {
    const seen = await paymentsRepo.checkoutById(tx, checkoutId);
    if (!seen || seen.status === "paid") return;
    // The payer's purchases run one at a time; read the checkout again under that lock.
    await users.lockTx(tx, [seen.userId]);
    const co = (await paymentsRepo.checkoutById(tx, checkoutId))!;
    if (co.status === "paid") return;
    const p: Purchase = {
      purpose: co.purpose,
      payerId: co.userId,
      amountCents: co.amountCents,
      currency: co.currency,
      details: co.details,
    };
    const key = `checkout:${co.id}`;
    try {
      // In a savepoint: a purchase refused halfway leaves nothing behind before the credit below.
      await savepoint(tx, "checkout_purchase", async () => {
        await validate(tx, p);
        await performTx(tx, p, "card", key, providerRef ?? co.providerRef, subscriptionRef ?? null);
      });
    } catch (err) {
      if (!(err instanceof Conflict || err instanceof Invalid)) throw err;
      await performTx(
        tx,
        { ...p, purpose: "topup", details: {} },
        "card",
        key,
        providerRef ?? co.providerRef,
      );
      await ctx.events.publish(tx, "checkout.credited", { checkoutId, userId: co.userId });
    }
    await paymentsRepo.updateCheckout(tx, co.id, {
      status: "paid",
      completedAt: now(),
      providerRef: providerRef ?? co.providerRef,
    });
  }

  return {
    purchase,
    completeCheckoutTx,

    /** The sandbox checkout page's view of a checkout (its id is the capability, as at a hosted page). */
    async checkout(id: string) {
      const co = await paymentsRepo.checkoutById(ctx.db.read, id);
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
  };
}
export type Checkouts = ReturnType<typeof createCheckouts>;
