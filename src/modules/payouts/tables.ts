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
  },
  (t) => [
    index("payouts_creator_idx").on(t.creatorId, t.createdAt, t.id),
    index("payouts_status_idx").on(t.status, t.createdAt, t.id),
  ],
);

export type PayoutRow = typeof payouts.$inferSelect;
