// What every payment provider implements. Flows never talk to a provider SDK directly.
import type { Purpose } from "../tables.ts";

export interface CheckoutRequest {
  /** Our checkout id; providers echo it back in their events. */
  checkoutId: string;
  purpose: Purpose;
  amountCents: number;
  currency: string;
  description: string;
  customerEmail: string;
  /** For subscriptions a provider can renew by itself: bill every `intervalMonths`. */
  recurring?: { intervalMonths: number };
  successUrl: string;
  cancelUrl: string;
}

export interface ProviderCheckout {
  /** The provider's id for this checkout (session id). */
  providerRef: string;
  /** Where the fan pays. */
  url: string;
}

export interface ProviderEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

export interface PaymentProvider {
  readonly name: "sandbox" | "stripe";
  createCheckout(req: CheckoutRequest): Promise<ProviderCheckout>;
  /** Returns a card payment to the card (admin refunds); providers without it refund in the ledger only. */
  refund?(providerRef: string, amountCents: number): Promise<void>;
  /** Stops a provider-renewed subscription: at the end of the paid period, or now (refunds). */
  cancelSubscription?(subscriptionRef: string, opts: { atPeriodEnd: boolean }): Promise<void>;
  /** Verifies the signature and parses the event; throws WebhookSignatureError when it does not verify. */
  parseWebhook(
    rawBody: string,
    headers: Record<string, string | undefined>,
  ): Promise<ProviderEvent> | ProviderEvent;
}

export class WebhookSignatureError extends Error {}
