import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "../users/tables.ts";

/**
 * One row per (fan, creator), renewed in place. Access lasts while status is active and
 * current_period_end is in the future; auto_renew off means it simply runs out.
 */
export const subscriptions = sqliteTable(
  "subscriptions",
  {
    id: text("id").primaryKey(),
    fanId: text("fan_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    creatorId: text("creator_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["active", "expired", "revoked"] }).notNull(),
    priceCents: integer("price_cents").notNull(),
    currency: text("currency").notNull(),
    months: integer("months").notNull(),
    autoRenew: integer("auto_renew", { mode: "boolean" }).notNull(),
    currentPeriodStart: integer("current_period_start").notNull(),
    currentPeriodEnd: integer("current_period_end").notNull(),
    /** The provider's recurring subscription (card subscriptions renewed by the provider). */
    providerRef: text("provider_ref"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("subscriptions_fan_creator_idx").on(t.fanId, t.creatorId),
    // Covers "which creators may this fan see now" (feed, entitlement) without touching the table.
    index("subscriptions_fan_access_idx").on(t.fanId, t.status, t.currentPeriodEnd, t.creatorId),
    index("subscriptions_creator_idx").on(t.creatorId, t.status),
    // Mass messages walk a creator's fans in id order.
    index("subscriptions_creator_fan_idx").on(t.creatorId, t.fanId),
    index("subscriptions_fan_created_idx").on(t.fanId, t.createdAt, t.id),
    index("subscriptions_provider_ref_idx").on(t.providerRef),
    index("subscriptions_due_idx").on(t.status, t.currentPeriodEnd),
  ],
);

export type SubscriptionRow = typeof subscriptions.$inferSelect;
