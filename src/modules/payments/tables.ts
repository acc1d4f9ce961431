import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "../users/tables.ts";

export const ACCOUNT_KINDS = [
  /** A fan's prepaid balance. */
  "wallet",
  /** A creator's earnings inside the hold period. */
  "creator_pending",
  /** A creator's earnings that can be paid out (may go negative after a refund). */
  "creator_available",
  /** Requested payouts not yet sent. */
  "payouts_payable",
  /** The site's fee income. */
  "platform_revenue",
  /** Money moving through a payment provider: negative = received from outside. */
  "provider_clearing",
] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const TXN_KINDS = [
  "topup",
  "subscription",
  "renewal",
  "ppv",
  "message",
  "tip",
  "ticket",
  "release",
  "payout_request",
  "payout_reject",
  "payout_paid",
  "refund",
  "chargeback",
  /** A dispute the site won: what its chargeback took goes back where it came from. */
  "chargeback_reversal",
  /** A referrer's share of the platform fee on a referred creator's sale (related to the sale). */
  "referral",
  /** A referral share taken back because its sale was refunded or charged back. */
  "referral_reversal",
  /** A wallet balance the owner gave up when erasing their account (it goes to the site). */
  "forfeit",
] as const;
export type TxnKind = (typeof TXN_KINDS)[number];

/** One balance holder per (kind, owner, currency). `balanceCents` caches the sum of its entries. */
export const ledgerAccounts = sqliteTable(
  "ledger_accounts",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ACCOUNT_KINDS }).notNull(),
    /** The user it belongs to; "" for site accounts (platform revenue, provider clearing). */
    ownerId: text("owner_id").notNull(),
    currency: text("currency").notNull(),
    balanceCents: integer("balance_cents").notNull().default(0),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("ledger_accounts_owner_idx").on(t.ownerId, t.kind, t.currency)],
);

/** A money movement: its entries sum to zero. `idempotencyKey` makes a retried operation a no-op. */
export const ledgerTransactions = sqliteTable(
  "ledger_transactions",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: TXN_KINDS }).notNull(),
    currency: text("currency").notNull(),
    /** What the payer paid (sales, top-ups, refunds) or what moved (releases, payouts). */
    amountCents: integer("amount_cents").notNull(),
    /** The paying fan, the creator for payouts and releases. */
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    /** The creator earning from a sale. */
    creatorId: text("creator_id").references(() => users.id, { onDelete: "set null" }),
    postId: text("post_id"),
    /** The pay-per-view message a `message` sale unlocked. */
    messageId: text("message_id"),
    /** The live stream a `ticket` sale admits to, or a tip was given during. */
    liveStreamId: text("live_stream_id"),
    subscriptionId: text("subscription_id"),
    payoutId: text("payout_id"),
    /** The transaction this one reverses (refunds, chargebacks), restores (chargeback reversals) or releases. */
    relatedTxnId: text("related_txn_id"),
    /** "wallet" or "card" for sales; null otherwise. */
    source: text("source", { enum: ["wallet", "card"] }),
    providerRef: text("provider_ref"),
    memo: text("memo"),
    /** Set on a sale once it has been refunded or charged back. */
    reversedAt: integer("reversed_at"),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("ledger_txn_user_idx").on(t.userId, t.createdAt, t.id),
    index("ledger_txn_creator_idx").on(t.creatorId, t.createdAt, t.id),
    index("ledger_txn_provider_ref_idx").on(t.providerRef),
    index("ledger_txn_created_idx").on(t.createdAt, t.id),
    /** A payment's reversals (refunds may come in parts: a top-up refunded in part, then charged back). */
    index("ledger_txn_related_idx").on(t.relatedTxnId),
  ],
);

export const ledgerEntries = sqliteTable(
  "ledger_entries",
  {
    id: text("id").primaryKey(),
    txnId: text("txn_id")
      .notNull()
      .references(() => ledgerTransactions.id),
    accountId: text("account_id")
      .notNull()
      .references(() => ledgerAccounts.id),
    /** Signed: positive raises the account's balance. */
    amountCents: integer("amount_cents").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("ledger_entries_txn_idx").on(t.txnId),
    index("ledger_entries_account_idx").on(t.accountId, t.createdAt),
  ],
);

/** A creator's share of one sale, pending until `releaseAt`, then moved to available by the scheduler. */
export const earningHolds = sqliteTable(
  "earning_holds",
  {
    txnId: text("txn_id")
      .primaryKey()
      .references(() => ledgerTransactions.id),
    creatorId: text("creator_id").notNull(),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    releaseAt: integer("release_at").notNull(),
    /** "held" until released or cancelled by a refund. */
    status: text("status", { enum: ["held", "released", "reversed"] }).notNull(),
  },
  (t) => [index("earning_holds_due_idx").on(t.status, t.releaseAt)],
);

export const PURPOSES = ["topup", "subscription", "ppv", "message", "tip", "ticket"] as const;
export type Purpose = (typeof PURPOSES)[number];

/** A card payment in progress at a provider; completing it (once) performs the purchase. */
export const checkouts = sqliteTable(
  "checkouts",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    purpose: text("purpose", { enum: PURPOSES }).notNull(),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    /** What is being bought: creatorId, months, postId or messageId, message. */
    details: text("details", { mode: "json" }).$type<CheckoutDetails>().notNull(),
    status: text("status", { enum: ["open", "paid", "failed", "expired"] }).notNull(),
    providerRef: text("provider_ref"),
    url: text("url"),
    failureReason: text("failure_reason"),
    createdAt: integer("created_at").notNull(),
    completedAt: integer("completed_at"),
  },
  (t) => [
    index("checkouts_user_idx").on(t.userId, t.createdAt),
    index("checkouts_provider_ref_idx").on(t.providerRef),
  ],
);

export interface CheckoutDetails {
  creatorId?: string;
  months?: number;
  postId?: string;
  /** The pay-per-view message bought (purpose `message`). */
  messageId?: string;
  /** The live stream a ticket admits to, or a tip was given during. */
  liveStreamId?: string;
  message?: string;
  /** A subscription bought with a discount promotion: it, and the normal price that renewals charge. */
  promotionId?: string;
  listPriceCents?: number;
}

/** Provider webhook events already handled, so a replay changes nothing. */
export const webhookEvents = sqliteTable(
  "webhook_events",
  {
    provider: text("provider").notNull(),
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    receivedAt: integer("received_at").notNull(),
  },
  (t) => [uniqueIndex("webhook_events_id_idx").on(t.provider, t.eventId)],
);

export type AccountRow = typeof ledgerAccounts.$inferSelect;
export type TxnRow = typeof ledgerTransactions.$inferSelect;
export type CheckoutRow = typeof checkouts.$inferSelect;
