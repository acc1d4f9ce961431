import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { users } from "../users/tables.ts";

/**
 * Who brought whom: one row per referred person (the primary key), so the first referrer wins. The
 * referrer earns a share of the platform fee on the referred person's sales for a year after the
 * referred person becomes a creator (payments posts it; see referrals/service.ts).
 */
export const referrals = sqliteTable(
  "referrals",
  {
    referredId: text("referred_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    referrerId: text("referrer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("referrals_referrer_idx").on(t.referrerId, t.createdAt)],
);

export type ReferralRow = typeof referrals.$inferSelect;
