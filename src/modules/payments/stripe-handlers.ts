// What Stripe's webhook events do: one idempotent handler per event type, each run inside the webhook's
// transaction (webhooks.ts records the event id in the same one). Every effect goes through the payments
// service's *Tx functions, which are idempotent by their own keys (checkout id, invoice id, sale), so an
// event delivered twice, or two events about the same payment, change things once.
//
// Stripe does not promise delivery order. When an event names something not recorded yet (a renewal
// of a subscription whose checkout completion has not arrived), the handler throws RetryLater: the
// transaction rolls back, the event id stays unrecorded, the endpoint answers 503 and Stripe delivers
// the event again later, when it applies once.
import type Stripe from "stripe";
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { stripeId } from "./providers/stripe.ts";
import type { ProviderEvent } from "./providers/types.ts";
import { paymentsRepo } from "./repo.ts";
import type { WebhookHandler } from "./webhooks.ts";

/** The event refers to something not recorded yet: 503, so that the provider delivers it again later. */
export class RetryLater extends AppError {
  constructor(message: string) {
    super(503, "retry_later", message);
  }
}

function objectOf<T>(e: ProviderEvent): T {
  return e.data.object as T;
}

/** The subscription an invoice bills: `parent.subscription_details` since API 2025-03, `subscription` before. */
function invoiceSubscription(invoice: Stripe.Invoice): { ref: string | null; checkoutId: string | null } {
  const details = invoice.parent?.subscription_details;
  const legacy = (invoice as { subscription?: string | { id: string } | null }).subscription;
  return {
    ref: stripeId(details?.subscription ?? legacy),
    checkoutId: details?.metadata?.checkoutId ?? null,
  };
}

export function stripeHandlers(ctx: AppContext): Record<string, WebhookHandler> {
  const payments = () => ctx.services.payments;
  const log = ctx.logger;

  /**
   * A subscription event for a Stripe subscription we do not know. If the checkout that started it is
   * still open, its completion has not arrived yet: retry later. If that checkout is paid, the purchase
   * went to the fan's wallet instead (they subscribed meanwhile), so there is nothing to attach it to.
   */
  function unknownSubscription(tx: DrizzleDb, e: ProviderEvent, ref: string, checkoutId: string | null) {
    const co = checkoutId ? paymentsRepo.checkoutById(tx, checkoutId) : undefined;
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
  function reversePayment(
    tx: DrizzleDb,
    e: ProviderEvent,
    refs: (string | null)[],
    kind: "refund" | "chargeback",
  ): void {
    const known = refs.filter((r): r is string => !!r);
    for (const ref of known) if (payments().reverseByProviderRefTx(tx, ref, kind)) return;
    log.warn("stripe event for a payment not recorded yet; asking Stripe to retry", {
      event: e.id,
      type: e.type,
      refs: known,
    });
    throw new RetryLater(
      `Payment ${known.join(" / ") || "(none)"} is not known yet (event ${e.id}); deliver the event again later.`,
    );
  }

  const completeCheckout: WebhookHandler = (tx, e) => {
    const session = objectOf<Stripe.Checkout.Session>(e);
    const checkoutId = session.metadata?.checkoutId ?? session.client_reference_id;
    if (!checkoutId) {
      log.info("stripe checkout session is not a Fanz checkout", { event: e.id, session: session.id });
      return;
    }
    // Delayed payment methods complete the session unpaid; checkout.session.async_payment_succeeded follows.
    if (session.payment_status === "unpaid") return;
    const subscription = session.mode === "subscription";
    // The sale is recorded under what later refunds and disputes name: the payment intent of a one-off
    // payment, the first invoice of a subscription (as its renewals are recorded by their invoices).
    const providerRef = stripeId(subscription ? session.invoice : session.payment_intent) ?? session.id;
    payments().completeCheckoutTx(
      tx,
      checkoutId,
      providerRef,
      subscription ? stripeId(session.subscription) : null,
    );
  };

  return {
    "checkout.session.completed": completeCheckout,
    "checkout.session.async_payment_succeeded": completeCheckout,

    "invoice.paid": (tx, e) => {
      const invoice = objectOf<Stripe.Invoice>(e);
      const sub = invoiceSubscription(invoice);
      // One-off invoices are not ours; the first invoice was paid at checkout, and recorded by its completion.
      if (!sub.ref || invoice.billing_reason === "subscription_create") return;
      const known = payments().providerRenewalTx(tx, {
        subscriptionRef: sub.ref,
        invoiceRef: invoice.id,
        amountCents: invoice.amount_paid,
        currency: invoice.currency.toUpperCase(),
      });
      if (!known) unknownSubscription(tx, e, sub.ref, sub.checkoutId);
    },

    "invoice.payment_failed": (tx, e) => {
      const invoice = objectOf<Stripe.Invoice>(e);
      const sub = invoiceSubscription(invoice);
      // A failing first payment happens on the checkout page, before there is anything to notify about.
      if (!sub.ref || invoice.billing_reason === "subscription_create") return;
      if (!payments().providerRenewalFailedTx(tx, sub.ref))
        unknownSubscription(tx, e, sub.ref, sub.checkoutId);
    },

    "customer.subscription.deleted": (tx, e) => {
      const subscription = objectOf<Stripe.Subscription>(e);
      if (!payments().providerSubscriptionEndedTx(tx, subscription.id)) {
        unknownSubscription(tx, e, subscription.id, subscription.metadata?.checkoutId ?? null);
      }
    },

    "charge.refunded": (tx, e) => {
      const charge = objectOf<Stripe.Charge>(e);
      // The ledger reverses whole payments; a partial refund made in the Stripe dashboard is not one.
      if (!charge.refunded) {
        log.warn("stripe partial refund not reflected in the ledger", {
          event: e.id,
          charge: charge.id,
          amountRefunded: charge.amount_refunded,
          amount: charge.amount,
        });
        return;
      }
      const invoice = typeof e.data.paidInvoice === "string" ? e.data.paidInvoice : null;
      reversePayment(tx, e, [stripeId(charge.payment_intent), invoice, charge.id], "refund");
    },

    "charge.dispute.created": (tx, e) => {
      const dispute = objectOf<Stripe.Dispute>(e);
      const invoice = typeof e.data.paidInvoice === "string" ? e.data.paidInvoice : null;
      reversePayment(
        tx,
        e,
        [stripeId(dispute.payment_intent), invoice, stripeId(dispute.charge)],
        "chargeback",
      );
    },
  };
}
