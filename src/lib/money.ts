// Money is integer minor units (cents) plus an ISO currency; never floats.
export const CURRENCIES = ["USD", "EUR", "GBP"] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Price of `months` months at `monthlyCents` with a whole-percent discount, rounded to the cent. */
export function bundlePriceCents(monthlyCents: number, months: number, discountPercent: number): number {
  return Math.round((monthlyCents * months * (100 - discountPercent)) / 100);
}

/** "40.00 USD", "-20.00 USD": an amount for messages (integer arithmetic, no float rounding). */
export function formatCents(cents: number, currency: string): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")} ${currency}`;
}
