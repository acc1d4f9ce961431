// The Stripe provider: a card payment is a Stripe Checkout Session (one-off for top-ups, PPV and tips;
// recurring for subscriptions, which Stripe then renews by itself), an admin refund is a Stripe refund,
// and events arrive at /api/v1/webhooks/stripe verified with the SDK against the endpoint's signing
// secret. What the events do is in handlers.ts.
import Stripe from "stripe";
import { Unavailable } from "../../../../lib/errors.ts";
import { z } from "zod";
import {
  MalformedEventError,
  parseEnvelope,
  providerEvent,
  WebhookSignatureError,
  type CheckoutRequest,
  type PaymentProvider,
  type ProviderEvent,
} from "../types.ts";

export const STRIPE_SIGNATURE_HEADER = "stripe-signature";

/** Events whose payment may be a subscription invoice's: parseWebhook adds that invoice (see below). */
const PAYMENT_EVENTS = new Set(["charge.refunded", "charge.dispute.created", "charge.dispute.closed"]);

/** Every Stripe event carries the object it is about. */
const stripeEvent = providerEvent.extend({
  data: z.looseObject({ object: z.record(z.string(), z.unknown()) }),
});

export interface StripeProviderOptions {
  secretKey: string;
  webhookSecret: string;
  /** Base URL of the API; "" = Stripe's own (https://api.stripe.com). */
  apiBase: string;
  now: () => number;
}

/** An id from a field Stripe sends either as an id or as the expanded object. */
export function stripeId(v: string | { id: string } | null | undefined): string | null {
  if (!v) return null;
  return typeof v === "string" ? v : v.id;
}

function apiAddress(apiBase: string): Pick<Stripe.StripeConfig, "host" | "port" | "protocol"> {
  if (!apiBase) return {};
  const u = new URL(apiBase);
  const protocol = u.protocol === "http:" ? "http" : "https";
  return { host: u.hostname, port: u.port || (protocol === "http" ? 80 : 443), protocol };
}

export function createStripeProvider(opts: StripeProviderOptions): PaymentProvider {
  for (const [key, value] of [
    ["stripe_secret_key", opts.secretKey],
    ["stripe_webhook_secret", opts.webhookSecret],
  ] as const) {
    if (!value.trim()) {
      throw new Unavailable(
        `payments.provider is "stripe" but payments.${key} is empty: set it in config.toml or ` +
          `FANZ_PAYMENTS__${key.toUpperCase()}, or use payments.provider = "sandbox".`,
        "provider_misconfigured",
      );
    }
  }
  const stripe = new Stripe(opts.secretKey, {
    ...apiAddress(opts.apiBase),
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    appInfo: { name: "Fanz" },
  });

  /** Fanz records a subscription's sales under their invoice id; Stripe refunds payment intents. */
  async function paymentOf(providerRef: string): Promise<{ payment_intent: string } | { charge: string }> {
    if (providerRef.startsWith("ch_") || providerRef.startsWith("py_")) return { charge: providerRef };
    if (!providerRef.startsWith("in_")) return { payment_intent: providerRef };
    const paid = await stripe.invoicePayments.list({ invoice: providerRef, status: "paid", limit: 1 });
    const p = paid.data[0]?.payment;
    const pi = stripeId(p?.payment_intent);
    if (pi) return { payment_intent: pi };
    const charge = stripeId(p?.charge);
    if (charge) return { charge };
    throw new Unavailable(`Stripe shows no payment for invoice ${providerRef}.`, "provider_error");
  }

  /** The invoice a payment intent paid, if it paid one (subscription sales are recorded by invoice). */
  async function invoiceOf(paymentIntent: string | null): Promise<string | null> {
    if (!paymentIntent) return null;
    const found = await stripe.invoicePayments.list({
      payment: { type: "payment_intent", payment_intent: paymentIntent },
      limit: 1,
    });
    return stripeId(found.data[0]?.invoice);
  }

  return {
    name: "stripe",

    async createCheckout(req: CheckoutRequest) {
      const recurring = req.purpose === "subscription" ? req.recurring : undefined;
      const metadata = { checkoutId: req.checkoutId, purpose: req.purpose };
      // A cheaper first period (a promotion): the price is what renewals bill, and a once-only coupon
      // takes the difference off the first invoice, so Stripe does not go on billing the discount.
      const firstOff = recurring ? recurring.amountCents - req.amountCents : 0;
      const coupon =
        firstOff > 0
          ? await stripe.coupons.create(
              { amount_off: firstOff, currency: req.currency.toLowerCase(), duration: "once" },
              { idempotencyKey: `fanz-coupon-${req.checkoutId}` },
            )
          : null;
      const session = await stripe.checkout.sessions.create(
        {
          mode: recurring ? "subscription" : "payment",
          client_reference_id: req.checkoutId,
          metadata,
          customer_email: req.customerEmail,
          success_url: req.successUrl,
          cancel_url: req.cancelUrl,
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: req.currency.toLowerCase(),
                unit_amount: recurring ? recurring.amountCents : req.amountCents,
                product_data: { name: req.description },
                ...(recurring
                  ? { recurring: { interval: "month", interval_count: recurring.intervalMonths } }
                  : {}),
              },
            },
          ],
          ...(coupon ? { discounts: [{ coupon: coupon.id }] } : {}),
          // The ids travel on to the subscription (and its invoices) or the payment, so that later
          // events can be traced back to our checkout.
          ...(recurring
            ? { subscription_data: { metadata } }
            : { payment_intent_data: { metadata, description: req.description } }),
        },
        { idempotencyKey: `fanz-checkout-${req.checkoutId}` },
      );
      if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL.`);
      return { providerRef: session.id, url: session.url };
    },

    async refund(providerRef: string, amountCents: number) {
      try {
        const target = await paymentOf(providerRef);
        await stripe.refunds.create(
          { ...target, amount: amountCents, metadata: { providerRef } },
          { idempotencyKey: `fanz-refund-${providerRef}` },
        );
      } catch (err) {
        if (err instanceof Stripe.errors.StripeError) {
          throw new Unavailable(`Stripe did not refund the payment: ${err.message}`, "provider_error");
        }
        throw err;
      }
    },

    async cancelSubscription(subscriptionRef: string, opts: { atPeriodEnd: boolean }) {
      try {
        if (opts.atPeriodEnd)
          await stripe.subscriptions.update(subscriptionRef, { cancel_at_period_end: true });
        else await stripe.subscriptions.cancel(subscriptionRef);
      } catch (err) {
        if (err instanceof Stripe.errors.StripeError) {
          throw new Unavailable(`Stripe did not cancel the subscription: ${err.message}`, "provider_error");
        }
        throw err;
      }
    },

    async parseWebhook(rawBody: string, headers: Record<string, string | undefined>): Promise<ProviderEvent> {
      const signature = headers[STRIPE_SIGNATURE_HEADER];
      if (!signature) throw new WebhookSignatureError("Missing Stripe-Signature header.");
      let event: Stripe.Event;
      try {
        event = await stripe.webhooks.constructEventAsync(
          rawBody,
          signature,
          opts.webhookSecret,
          undefined,
          undefined,
          opts.now(),
        );
      } catch (err) {
        if (err instanceof Stripe.errors.StripeSignatureVerificationError) {
          throw new WebhookSignatureError(err.message.split("\n")[0]!.trim());
        }
        throw new MalformedEventError("The event is not JSON.");
      }
      const verified = parseEnvelope(stripeEvent, event);
      const object = verified.data.object;
      const data: Record<string, unknown> = { ...verified.data };
      if (PAYMENT_EVENTS.has(verified.type)) {
        // Charges and disputes name the payment intent only; the subscription sale it belongs to is
        // recorded by invoice, so look the invoice up now (no network I/O is allowed in the handler).
        try {
          const pi = stripeId((object as { payment_intent?: string | { id: string } | null }).payment_intent);
          data.paidInvoice = await invoiceOf(pi);
        } catch (err) {
          throw new Unavailable(
            `Stripe could not be asked about the payment of event ${verified.id} (${String(err)}); retry later.`,
            "retry_later",
          );
        }
      }
      return { id: verified.id, type: verified.type, data };
    },
  };
}
