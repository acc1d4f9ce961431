// The built-in sandbox provider: a hosted-checkout look-alike served by the app itself
// (/sandbox/checkout/:id) with test cards, delivering HMAC-signed events to the webhook path
// real providers use. It moves no real money.
import { createHmac, timingSafeEqual } from "node:crypto";
import {
  MalformedEventError,
  parseEnvelope,
  providerEvent,
  WebhookSignatureError,
  type PaymentProvider,
  type ProviderEvent,
} from "../types.ts";

export const SANDBOX_SIGNATURE_HEADER = "fanz-sandbox-signature";
/** Events older than this are refused (replayed captures). */
const TOLERANCE_MS = 5 * 60_000;

export const TEST_CARDS = {
  success: "4242424242424242",
  declined: "4000000000000002",
} as const;

export function sign(secret: string, body: string, at: number): string {
  const mac = createHmac("sha256", secret).update(`${at}.${body}`).digest("hex");
  return `t=${at},v1=${mac}`;
}

export function createSandboxProvider(opts: {
  secret: () => Promise<string>;
  baseUrl: () => string;
  now: () => number;
}): PaymentProvider {
  return {
    name: "sandbox",
    async createCheckout(req) {
      return {
        providerRef: `sbx_${req.checkoutId}`,
        url: `${opts.baseUrl()}/sandbox/checkout/${req.checkoutId}`,
      };
    },
    async parseWebhook(rawBody, headers): Promise<ProviderEvent> {
      const header = headers[SANDBOX_SIGNATURE_HEADER] ?? "";
      const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
      if (!m) throw new WebhookSignatureError("Missing or malformed signature.");
      const at = Number(m[1]);
      const expected = Buffer.from(sign(await opts.secret(), rawBody, at).split("v1=")[1]!, "hex");
      const given = Buffer.from(m[2]!, "hex");
      if (!timingSafeEqual(expected, given)) throw new WebhookSignatureError("Signature does not match.");
      if (Math.abs(opts.now() - at) > TOLERANCE_MS)
        throw new WebhookSignatureError("Signature timestamp is too old.");
      let body: unknown;
      try {
        body = JSON.parse(rawBody);
      } catch {
        throw new MalformedEventError("The event is not JSON.");
      }
      return parseEnvelope(providerEvent, body);
    },
  };
}
