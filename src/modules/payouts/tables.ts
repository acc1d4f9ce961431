import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { users } from "../users/tables.ts";

/** A creator's request to be paid; the admin approves (or rejects) it and marks it paid once sent. */
export const payouts = sqliteTable(
  "payouts",
  {
    id: text("id").primaryKey(),
    creatorId: text("creator_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    status: text("status", { enum: ["requested", "approved", "rejected", "paid"] }).notNull(),
    note: text("note"),
    createdAt: integer("created_at").notNull(),
    decidedAt: integer("decided_at"),
    paidAt: integer("paid_at"),
    /** Where the money goes, as the creator's payout method read at request time (masked). */
    destination: text("destination"),
    /** The admin's transfer id (bank or PayPal reference) recorded when marking the payout paid. */
    reference: text("reference"),
  },
  (t) => [
    index("payouts_creator_idx").on(t.creatorId, t.createdAt, t.id),
    index("payouts_status_idx").on(t.status, t.createdAt, t.id),
  ],
);

export type PayoutRow = typeof payouts.$inferSelect;

/** A creator's payout method: the details encrypted at rest (AES-256-GCM), a masked summary for display. */
export const payoutMethods = sqliteTable("payout_methods", {
  creatorId: text("creator_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  kind: text("kind", { enum: ["paypal", "bank"] }).notNull(),
  /** base64 of iv | tag | ciphertext of the JSON details. */
  detailsEnc: text("details_enc").notNull(),
  /** e.g. "PayPal j***@example.com" or "Bank •••• 1234 (A. Holder)". */
  masked: text("masked").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export type PayoutMethodRow = typeof payoutMethods.$inferSelect;
