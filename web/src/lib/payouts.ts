import { t } from "../i18n";
import type { AdminPayout, PayoutStatus } from "../api/schema.gen";

/** A payout method in full, as only admins see it. */
export type PayoutMethodDetails = NonNullable<NonNullable<AdminPayout["method"]>["details"]>;

/** How each payout status reads, and its badge colour. */
export const PAYOUT_STATUS: Record<PayoutStatus, { label: string; badge: string }> = {
  requested: {
    get label() {
      return t("earnings.statusRequested");
    },
    badge: "badge-accent",
  },
  approved: {
    get label() {
      return t("earnings.statusApproved");
    },
    badge: "badge-warn",
  },
  rejected: {
    get label() {
      return t("earnings.statusRejected");
    },
    badge: "badge-danger",
  },
  paid: {
    get label() {
      return t("earnings.statusPaid");
    },
    badge: "badge-success",
  },
};

/** The full details as an admin needs them to send the money, one labelled value a line. */
export function methodDetailLines(d: PayoutMethodDetails): { label: string; value: string }[] {
  if (d.kind === "paypal") return [{ label: "PayPal", value: d.email }];
  const holder = { label: t("earnings.holder"), value: d.accountHolder };
  if ("iban" in d) return [holder, { label: "IBAN", value: d.iban.replace(/(.{4})(?=.)/g, "$1 ") }];
  return [
    holder,
    { label: t("earnings.routing"), value: d.routingNumber },
    { label: t("earnings.account"), value: d.accountNumber },
  ];
}
