// The CCBill provider: a card payment is a FlexForms payment form with a dynamic price (flexforms.ts), and
// CCBill reports what happened by webhooks to /api/v1/webhooks/ccbill?eventType=<type>. CCBill signs
// nothing, so an event is believed only when it comes from CCBill's published webhook addresses
// (payments.ccbill_webhook_ips), as the proxy-aware client address says. What the events do is in
// handlers.ts. There is no refund or cancel call: those are made in CCBill's admin, which then sends its
// own events.
import { BlockList, isIP } from "node:net";
import { Unavailable } from "../../../../lib/errors.ts";
import {
  MalformedEventError,
  WebhookSenderError,
  type CheckoutRequest,
  type PaymentProvider,
  type ProviderEvent,
  type WebhookRequest,
} from "../types.ts";
import {
  CHECKOUT_FIELD,
  currencyCode,
  DAYS_PER_MONTH,
  decimalPrice,
  FLEXFORMS_BASE,
  formDigest,
  ONE_OFF_PERIOD_DAYS,
  UNLIMITED_REBILLS,
  type Pricing,
} from "./flexforms.ts";

export interface CcbillOptions {
  account: string;
  subaccount: string;
  flexformId: string;
  salt: string;
  webhookIps: string[];
}

/** The addresses allowed to post webhooks; an IPv4-mapped IPv6 address counts as its IPv4 address. */
export function senderCheck(cidrs: string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [net, bits] = cidr.split("/");
    const type = isIP(net!) === 6 ? "ipv6" : "ipv4";
    list.addSubnet(net!, Number(bits), type);
  }
  return (address) => {
    const a = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
    const v = isIP(a);
    return v !== 0 && list.check(a, v === 6 ? "ipv6" : "ipv4");
  };
}

/** A webhook body as CCBill sends it (JSON or URL-encoded), as flat string fields. */
function fieldsOf(rawBody: string, contentType: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (contentType.includes("json")) {
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      throw new MalformedEventError("The event is not JSON.");
    }
    if (!body || typeof body !== "object" || Array.isArray(body))
      throw new MalformedEventError("The event is not an object.");
    for (const [k, v] of Object.entries(body)) if (v !== null && v !== undefined) out[k] = String(v);
    return out;
  }
  for (const [k, v] of new URLSearchParams(rawBody)) out[k] = v;
  return out;
}

export function createCcbillProvider(opts: CcbillOptions): PaymentProvider {
  const isCcbill = senderCheck(opts.webhookIps);

  function assertConfigured(): void {
    for (const [key, value] of [
      ["ccbill_account", opts.account],
      ["ccbill_subaccount", opts.subaccount],
      ["ccbill_flexform_id", opts.flexformId],
      ["ccbill_salt", opts.salt],
    ] as const) {
      if (!value.trim()) {
        throw new Unavailable(
          `payments.provider is "ccbill" but payments.${key} is empty: set it in config.toml or ` +
            `FANZ_PAYMENTS__${key.toUpperCase()}, or use payments.provider = "sandbox".`,
          "provider_misconfigured",
        );
      }
    }
  }
  assertConfigured();

  return {
    name: "ccbill",

    async createCheckout(req: CheckoutRequest) {
      const code = currencyCode(req.currency);
      if (!code) throw new Error(`CCBill does not bill in ${req.currency}.`);
      const price = decimalPrice(req.amountCents);
      const recurring = req.purpose === "subscription" ? req.recurring : undefined;
      const period = String(recurring ? recurring.intervalMonths * DAYS_PER_MONTH : ONE_OFF_PERIOD_DAYS);
      const pricing: Pricing = {
        initialPrice: price,
        initialPeriod: period,
        currencyCode: code,
        ...(recurring
          ? {
              recurring: {
                // What each rebill charges: the first period may be less (a promotion's discount).
                recurringPrice: decimalPrice(recurring.amountCents),
                recurringPeriod: period,
                numRebills: String(UNLIMITED_REBILLS),
              },
            }
          : {}),
      };
      const q = new URLSearchParams({
        clientAccnum: opts.account,
        clientSubacc: opts.subaccount,
        initialPrice: pricing.initialPrice,
        initialPeriod: pricing.initialPeriod,
        ...(pricing.recurring ?? {}),
        currencyCode: pricing.currencyCode,
        formDigest: formDigest(pricing, opts.salt),
        email: req.customerEmail,
        [CHECKOUT_FIELD]: req.checkoutId,
        "X-fanzPurpose": req.purpose,
      });
      return {
        // CCBill knows the payment by its transaction id only once it is paid; until then it is ours.
        providerRef: `ccbill_${req.checkoutId}`,
        url: `${FLEXFORMS_BASE}/${encodeURIComponent(opts.flexformId)}?${q.toString()}`,
      };
    },

    parseWebhook(rawBody, headers, request: WebhookRequest): ProviderEvent {
      if (!isCcbill(request.clientIp)) {
        throw new WebhookSenderError(`${request.clientIp} is not one of CCBill's webhook addresses.`);
      }
      const type = request.query.eventType?.trim();
      if (!type) throw new MalformedEventError("eventType: missing from the webhook URL.");
      // CCBill names the merchant account in the URL it posts to: another account's events are not ours.
      const accnum = request.query.clientAccnum;
      if (accnum !== undefined && accnum !== opts.account)
        throw new MalformedEventError(`clientAccnum: ${accnum} is not this site's CCBill account.`);
      const data = fieldsOf(rawBody, headers["content-type"] ?? "");
      // Idempotent per transaction: a sale, its refund and its chargeback share the transaction id, so
      // the type is part of the key. A cancellation has no transaction: its subscription stands for it.
      const key = data.transactionId || data.subscriptionId;
      if (!key) throw new MalformedEventError("transactionId: missing (and no subscriptionId either).");
      return { id: `${type}:${key}`.slice(0, 255), type, data };
    },
  };
}
