// What Stripe's webhook events do: one idempotent handler per event type, each run inside the webhook's
// transaction (webhooks.ts records the event id in the same one). Every effect goes through the payments
// service's *Tx functions, which are idempotent by their own keys (checkout id, invoice id, sale), so an
// event delivered twice, or two events about the same payment, change things once.
//
// Stripe does not promise delivery order. When an event names something not recorded yet (a renewal
// of a subscription whose checkout completion has not arrived), the handler throws RetryLater: the
// transaction rolls back, the event id stays unrecorded, the endpoint answers 503 and Stripe delivers
// the event again later, when it applies once.
import { z } from "zod";
import type { DrizzleDb } from "../../../../db/client.ts";
import { paymentsRepo } from "../../repo.ts";
import type { ProviderEvent } from "../types.ts";
import { onEvent, RetryLater, type WebhookDeps, type WebhookHandler } from "../webhook-handler.ts";
import { stripeId } from "./provider.ts";

// The parts of Stripe's objects the handlers read (Stripe sends much more; the rest is dropped).
/** A field Stripe sends either as an id or as the expanded object. */
const ref = z.union([z.string(), z.looseObject({ id: z.string() })]).nullish();
const metadata = z.record(z.string(), z.string()).nullish();

const checkoutSession = z.object({
  id: z.string(),
  metadata,
  client_reference_id: z.string().nullish(),
  payment_status: z.string(),
  mode: z.string(),
  invoice: ref,
  payment_intent: ref,
  subscription: ref,
});

const invoice = z.object({
  id: z.string(),
  billing_reason: z.string().nullish(),
  // `parent.subscription_details` since API 2025-03, `subscription` before.
  parent: z.object({ subscription_details: z.object({ subscription: ref, metadata }).nullish() }).nullish(),
  subscription: ref,
});
const paidInvoice = invoice.extend({
  amount_paid: z.number().int().nonnegative(),
  currency: z.string().length(3),
});

const subscription = z.object({ id: z.string(), metadata });

const charge = z.object({
  id: z.string(),
  refunded: z.boolean(),
  amount: z.number().int(),
  amount_refunded: z.number().int(),
  payment_intent: ref,
});

const dispute = z.object({ payment_intent: ref, charge: ref });
const closedDispute = dispute.extend({ status: z.string() });

/** `event.data` of a type: its object, and for payments the invoice parseWebhook looked up. */
const eventData = <T extends z.ZodType>(object: T) => z.object({ object, paidInvoice: z.string().nullish() });

/** The subscription an invoice bills, and the checkout that started it (if the invoice says). */
function invoiceSubscription(inv: z.infer<typeof invoice>): {
  ref: string | null;
  checkoutId: string | null;
} {
  const details = inv.parent?.subscription_details;
  return {
    ref: stripeId(details?.subscription ?? inv.subscription),
    checkoutId: details?.metadata?.checkoutId ?? null,
  };
}

export function stripeHandlers(deps: WebhookDeps): Record<string, WebhookHandler> {
  const payments = () => deps.payments;
  const log = deps.logger;

  /**
   * A subscription event for a Stripe subscription we do not know. If the checkout that started it is
   * still open, its completion has not arrived yet: retry later. If that checkout is paid, the purchase
   * went to the fan's wallet instead (they subscribed meanwhile), so there is nothing to attach it to.
   */
  async function unknownSubscription(
    tx: DrizzleDb,
    e: ProviderEvent,
    ref: string,
    checkoutId: string | null,
  ): Promise<void> {
    const co = checkoutId ? await paymentsRepo.checkoutById(tx, checkoutId) : undefined;
    if (co?.status === "paid") {
      log.error("stripe subscription has no Fanz subscription; cancel it in the Stripe dashboard", {
        event: e.id,
        type: e.type,
        subscription: ref,
        checkoutId,
      });
      return;
    }
    log.warn("stripe event for a subscription not recorded yet; asking Stripe to retry", {
      event: e.id,
      type: e.type,
      subscription: ref,
    });
    throw new RetryLater(
      `Subscription ${ref} is not known yet (event ${e.id}); deliver the event again later.`,
    );
  }

  /** A refund or dispute: reverses the sale its payment bought, once; unknown payments are retried. */
  async function reversePayment(
    tx: DrizzleDb,
    e: ProviderEvent,
    refs: (string | null)[],
    kind: "refund" | "chargeback",
    totalCents?: number,
  ): Promise<void> {
    const known = refs.filter((r): r is string => !!r);
    for (const ref of known) if (await payments().reverseByProviderRefTx(tx, ref, kind, totalCents)) return;
    log.warn("stripe event for a payment not recorded yet; asking Stripe to retry", {
      event: e.id,
      type: e.type,
      refs: known,
    });
    throw new RetryLater(
      `Payment ${known.join(" / ") || "(none)"} is not known yet (event ${e.id}); deliver the event again later.`,
    );
  }

  const completeCheckout = onEvent(eventData(checkoutSession), async (tx, e, { object: session }) => {
    const checkoutId = session.metadata?.checkoutId ?? session.client_reference_id;
    if (!checkoutId) {
      log.info("stripe checkout session is not a Fanz checkout", { event: e.id, session: session.id });
      return;
    }
    // Delayed payment methods complete the session unpaid; checkout.session.async_payment_succeeded follows.
    if (session.payment_status === "unpaid") return;
    const isSubscription = session.mode === "subscription";
    // The sale is recorded under what later refunds and disputes name: the payment intent of a one-off
    // payment, the first invoice of a subscription (as its renewals are recorded by their invoices).
    const providerRef = stripeId(isSubscription ? session.invoice : session.payment_intent) ?? session.id;
    await payments().completeCheckoutTx(
      tx,
      checkoutId,
      providerRef,
      isSubscription ? stripeId(session.subscription) : null,
    );
  });

  return {
    "checkout.session.completed": completeCheckout,
    "checkout.session.async_payment_succeeded": completeCheckout,

    "invoice.paid": onEvent(eventData(paidInvoice), async (tx, e, { object: inv }) => {
      const sub = invoiceSubscription(inv);
      // One-off invoices are not ours; the first invoice was paid at checkout, and recorded by its completion.
      if (!sub.ref || inv.billing_reason === "subscription_create") return;
      const known = await payments().providerRenewalTx(tx, {
        subscriptionRef: sub.ref,
        invoiceRef: inv.id,
        amountCents: inv.amount_paid,
        currency: inv.currency.toUpperCase(),
      });
      if (!known) await unknownSubscription(tx, e, sub.ref, sub.checkoutId);
    }),

    "invoice.payment_failed": onEvent(eventData(invoice), async (tx, e, { object: inv }) => {
      const sub = invoiceSubscription(inv);
      // A failing first payment happens on the checkout page, before there is anything to notify about.
      if (!sub.ref || inv.billing_reason === "subscription_create") return;
      if (!(await payments().providerRenewalFailedTx(tx, sub.ref)))
        await unknownSubscription(tx, e, sub.ref, sub.checkoutId);
    }),

    "customer.subscription.deleted": onEvent(eventData(subscription), async (tx, e, { object: sub }) => {
      if (!(await payments().providerSubscriptionEndedTx(tx, sub.id))) {
        await unknownSubscription(tx, e, sub.id, sub.metadata?.checkoutId ?? null);
      }
    }),

    // amount_refunded is Stripe's running total: the ledger catches up to it (a part of a top-up, or all).
    "charge.refunded": onEvent(eventData(charge), async (tx, e, { object: ch, paidInvoice }) => {
      await reversePayment(
        tx,
        e,
        [stripeId(ch.payment_intent), paidInvoice ?? null, ch.id],
        "refund",
        ch.amount_refunded,
      );
    }),

    "charge.dispute.created": onEvent(eventData(dispute), async (tx, e, { object: d, paidInvoice }) => {
      await reversePayment(
        tx,
        e,
        [stripeId(d.payment_intent), paidInvoice ?? null, stripeId(d.charge)],
        "chargeback",
      );
    }),

    // Won: what the chargeback reversed comes back, once. Lost (or closed with a warning only): the
    // chargeback stands or there was none, and nothing more moves.
    "charge.dispute.closed": onEvent(eventData(closedDispute), async (tx, e, { object: d, paidInvoice }) => {
      if (d.status !== "won") return;
      const refs = [stripeId(d.payment_intent), paidInvoice ?? null, stripeId(d.charge)].filter(
        (r): r is string => !!r,
      );
      for (const r of refs) if (await payments().restoreChargebacksByProviderRefTx(tx, r)) return;
      log.warn("stripe dispute won for a payment not recorded yet; asking Stripe to retry", {
        event: e.id,
        refs,
      });
      throw new RetryLater(`Payment ${refs.join(" / ") || "(none)"} is not known yet (event ${e.id}).`);
    }),
  };
}
