import type { AdminPayout, PayoutStatus } from "../api/schema.gen";

/** A payout method in full, as only admins see it. */
export type PayoutMethodDetails = NonNullable<NonNullable<AdminPayout["method"]>["details"]>;

/** How each payout status reads, and its badge colour. */
export const PAYOUT_STATUS: Record<PayoutStatus, { label: string; badge: string }> = {
  requested: { label: "Requested", badge: "badge-accent" },
  approved: { label: "Approved", badge: "badge-warn" },
  rejected: { label: "Rejected", badge: "badge-danger" },
  paid: { label: "Paid", badge: "badge-success" },
};

/** The full details as an admin needs them to send the money, one labelled value a line. */
export function methodDetailLines(d: PayoutMethodDetails): { label: string; value: string }[] {
  if (d.kind === "paypal") return [{ label: "PayPal", value: d.email }];
  const holder = { label: "Holder", value: d.accountHolder };
  if ("iban" in d) return [holder, { label: "IBAN", value: d.iban.replace(/(.{4})(?=.)/g, "$1 ") }];
  return [holder, { label: "Routing", value: d.routingNumber }, { label: "Account", value: d.accountNumber }];
}
