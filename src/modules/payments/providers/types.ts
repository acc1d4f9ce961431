// What every payment provider implements. Flows never talk to a provider SDK directly.
import { z } from "zod";
import type { Purpose } from "../tables.ts";
import type { ProviderName } from "./index.ts";

export interface CheckoutRequest {
  /** Our checkout id; providers echo it back in their events. */
  checkoutId: string;
  purpose: Purpose;
  amountCents: number;
  currency: string;
  description: string;
  customerEmail: string;
  /**
   * For subscriptions a provider can renew by itself: bill `amountCents` every `intervalMonths`. The first
   * period (`amountCents` above) may cost less: a promotion's discount applies to it only.
   */
  recurring?: { intervalMonths: number; amountCents: number };
  successUrl: string;
  cancelUrl: string;
}

export interface ProviderCheckout {
  /** The provider's id for this checkout (session id). */
  providerRef: string;
  /** Where the fan pays. */
  url: string;
}

/** What every verified event must be before anything looks at its data (each handler checks its own). */
export const providerEvent = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  data: z.record(z.string(), z.unknown()),
});
export type ProviderEvent = z.infer<typeof providerEvent>;

/** The envelope of a verified body, or MalformedEventError saying what is wrong with it. */
export function parseEnvelope<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new MalformedEventError(
    issue ? `${issue.path.join(".") || "(event)"}: ${issue.message}` : "Not an event.",
  );
}

/** Where a webhook came from and what its URL said (providers that sign nothing check the sender). */
export interface WebhookRequest {
  /** The proxy-aware client address (http/app.ts clientIp). */
  clientIp: string;
  /** The URL's query parameters (CCBill names the event type there). */
  query: Record<string, string>;
}

export interface PaymentProvider {
  readonly name: ProviderName;
  createCheckout(req: CheckoutRequest): Promise<ProviderCheckout>;
  /** Returns a card payment to the card (admin refunds); providers without it refund in the ledger only. */
  refund?(providerRef: string, amountCents: number): Promise<void>;
  /** Stops a provider-renewed subscription: at the end of the paid period, or now (refunds). */
  cancelSubscription?(subscriptionRef: string, opts: { atPeriodEnd: boolean }): Promise<void>;
  /**
   * Verifies the signature (or the sender) and parses the event; throws WebhookSignatureError when it
   * does not verify, WebhookSenderError when the sender is not the provider's, MalformedEventError when a
   * verified body is not an event.
   */
  parseWebhook(
    rawBody: string,
    headers: Record<string, string | undefined>,
    request: WebhookRequest,
  ): Promise<ProviderEvent> | ProviderEvent;
}

export class WebhookSignatureError extends Error {}

/** The webhook came from an address the provider does not send from (403). */
export class WebhookSenderError extends Error {}

/** A correctly signed event that is not an event (no id, type or data object). */
export class MalformedEventError extends Error {}
