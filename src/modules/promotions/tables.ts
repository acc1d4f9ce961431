import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "../users/tables.ts";

export const PROMOTION_KINDS = ["discount", "trial"] as const;
export type PromotionKind = (typeof PROMOTION_KINDS)[number];
/** Who may redeem: never subscribed to the creator, had a subscription that ended, or anyone. */
export const PROMOTION_AUDIENCES = ["new", "expired", "all"] as const;
export type PromotionAudience = (typeof PROMOTION_AUDIENCES)[number];

/** A creator's discount or free-trial link. `uses` counts redemptions; it never passes `max_uses`. */
export const promotions = sqliteTable(
  "promotions",
  {
    id: text("id").primaryKey(),
    creatorId: text("creator_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The link's code, upper case (looked up case-insensitively by upper-casing the input). */
    code: text("code").notNull().unique(),
    kind: text("kind", { enum: PROMOTION_KINDS }).notNull(),
    /** Discounts: percent off the first period's price (1-99). */
    percentOff: integer("percent_off"),
    /** Trials: the length of the free period. */
    trialDays: integer("trial_days"),
    /** Null = unlimited. */
    maxUses: integer("max_uses"),
    uses: integer("uses").notNull().default(0),
    expiresAt: integer("expires_at"),
    audience: text("audience", { enum: PROMOTION_AUDIENCES }).notNull(),
    /** Shown on the creator page to every visitor (not only to those who have the link). */
    public: integer("public", { mode: "boolean" }).notNull(),
    /** Deleted promotions stay for their redemptions' sake but are never redeemable again. */
    deletedAt: integer("deleted_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("promotions_creator_idx").on(t.creatorId, t.createdAt, t.id)],
);

/**
 * One row per redemption. The unique (creator, fan, kind) index makes each kind of offer once per fan per
 * creator, whichever of the creator's promotions it came from, also against parallel requests.
 */
export const promotionRedemptions = sqliteTable(
  "promotion_redemptions",
  {
    id: text("id").primaryKey(),
    promotionId: text("promotion_id")
      .notNull()
      .references(() => promotions.id, { onDelete: "cascade" }),
    creatorId: text("creator_id").notNull(),
    fanId: text("fan_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: PROMOTION_KINDS }).notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("promotion_redemptions_once_idx").on(t.creatorId, t.fanId, t.kind),
    index("promotion_redemptions_promotion_idx").on(t.promotionId),
  ],
);

export type PromotionRow = typeof promotions.$inferSelect;
