// Money is integer minor units (cents) plus an ISO currency; never floats.
export const CURRENCIES = ["USD", "EUR", "GBP"] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Price of `months` months at `monthlyCents` with a whole-percent discount, rounded to the cent. */
export function bundlePriceCents(monthlyCents: number, months: number, discountPercent: number): number {
  return Math.round((monthlyCents * months * (100 - discountPercent)) / 100);
}
