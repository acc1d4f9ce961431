// What each kind of ledger transaction is called, and which kinds are sales (a fan paying a creator).
import type { TxnKind } from "./tables.ts";

export const SALE_KINDS: TxnKind[] = ["subscription", "renewal", "ppv", "message", "tip", "ticket"];

/** Sales and top-ups can be refunded or charged back. */
export const isReversible = (kind: TxnKind): boolean => SALE_KINDS.includes(kind) || kind === "topup";

export const TXN_LABELS: Record<TxnKind, string> = {
  topup: "Wallet top-up",
  subscription: "Subscription",
  renewal: "Subscription renewal",
  ppv: "Pay-per-view unlock",
  message: "Pay-per-view message",
  tip: "Tip",
  ticket: "Live stream ticket",
  release: "Earnings released",
  payout_request: "Payout requested",
  payout_reject: "Payout rejected",
  payout_paid: "Payout sent",
  refund: "Refund",
  chargeback: "Chargeback",
  chargeback_reversal: "Chargeback reversed (dispute won)",
  forfeit: "Forfeited on account deletion",
  referral: "Referral share",
  referral_reversal: "Referral share reversed",
};

/** What takes a payment back, and what gives a chargeback back (its amount counts against them). */
export const REVERSAL_KINDS: TxnKind[] = ["refund", "chargeback", "chargeback_reversal"];
