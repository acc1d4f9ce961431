import type { PayoutStatus } from "../api/types";

/** How each payout status reads, and its badge colour. */
export const PAYOUT_STATUS: Record<PayoutStatus, { label: string; badge: string }> = {
  requested: { label: "Requested", badge: "badge-accent" },
  approved: { label: "Approved", badge: "badge-warn" },
  rejected: { label: "Rejected", badge: "badge-danger" },
  paid: { label: "Paid", badge: "badge-success" },
};
