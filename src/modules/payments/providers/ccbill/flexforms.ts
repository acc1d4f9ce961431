// CCBill FlexForms with Dynamic Pricing: the checkout URL and its formDigest. Facts from CCBill's own
// documentation ("How to Create the formDigest Value", ccbill.com/doc/formdigest-value, and the Dynamic
// Pricing User Guide, ccbill.com/doc/dynamic-pricing-flexforms): the URL is
// https://api.ccbill.com/wap-frontflex/flexforms/<Flex ID>?…; prices are decimals with two places
// ("10.00"), periods whole days, currencies ISO 4217 numeric codes (USD 840, EUR 978, GBP 826); the digest
// is the lowercase hex MD5 of the values joined with nothing between them, in this order:
//   single billing: initialPrice, initialPeriod, currencyCode, salt
//     ("10.00" + "30" + "840" + salt, the guide's example "10.00308407d901dad245fd0ff6bc20d06")
//   recurring:      initialPrice, initialPeriod, recurringPrice, recurringPeriod, numRebills, currencyCode, salt
// Custom form fields whose names start with "X-" are passed through and echoed back in the webhooks
// (the Webhooks User Guide), which is how an event finds our checkout.
import { createHash } from "node:crypto";

export const FLEXFORMS_BASE = "https://api.ccbill.com/wap-frontflex/flexforms";

/** The pass-through field carrying our checkout id. */
export const CHECKOUT_FIELD = "X-fanzCheckout";

/** CCBill's "unlimited" rebills: the subscription renews until it is cancelled. */
export const UNLIMITED_REBILLS = 99;

/**
 * CCBill needs a period for a one-off price too (2 to 365 days); ours buy something for good, so this is
 * only what the payment form shows.
 */
export const ONE_OFF_PERIOD_DAYS = 30;

/** A month of a subscription is 30 days, as in subscriptions/lifecycle.ts. */
export const DAYS_PER_MONTH = 30;

/** ISO 4217 numeric codes of the currencies CCBill bills in. */
const NUMERIC: Record<string, string> = {
  USD: "840",
  EUR: "978",
  GBP: "826",
  CAD: "124",
  AUD: "036",
  JPY: "392",
};
const ALPHA = Object.fromEntries(Object.entries(NUMERIC).map(([a, n]) => [n, a]));

/** "USD" -> "840"; undefined for a currency CCBill does not bill in. */
export const currencyCode = (iso: string): string | undefined => NUMERIC[iso.toUpperCase()];

/** "840" (or 840, or "USD") -> "USD"; undefined when unknown. */
export function currencyOf(code: string | number): string | undefined {
  const s = String(code).trim().toUpperCase();
  if (NUMERIC[s]) return s;
  return ALPHA[s.padStart(3, "0")];
}

/** 2000 -> "20.00" (integer arithmetic: no float ever touches money). */
export function decimalPrice(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

/** "20.00", "20", "20.5" -> cents; null when it is not a non-negative decimal with at most two places. */
export function centsOf(price: string | number): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(String(price).trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
}

export interface Pricing {
  initialPrice: string;
  initialPeriod: string;
  currencyCode: string;
  recurring?: { recurringPrice: string; recurringPeriod: string; numRebills: string };
}

/** The formDigest of a price, as CCBill recomputes it (see the order above). */
export function formDigest(p: Pricing, salt: string): string {
  const parts = p.recurring
    ? [
        p.initialPrice,
        p.initialPeriod,
        p.recurring.recurringPrice,
        p.recurring.recurringPeriod,
        p.recurring.numRebills,
        p.currencyCode,
        salt,
      ]
    : [p.initialPrice, p.initialPeriod, p.currencyCode, salt];
  return createHash("md5").update(parts.join("")).digest("hex");
}
