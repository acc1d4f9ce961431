import { sqliteTable, text, integer, index, primaryKey } from "drizzle-orm/sqlite-core";
import { users } from "../users/tables.ts";

export interface Bundle {
  months: 3 | 6 | 12;
  discountPercent: number;
}

export const DM_POLICIES = ["subscribers", "everyone"] as const;
export type DmPolicy = (typeof DM_POLICIES)[number];

export interface WelcomeMessage {
  text: string;
  mediaIds: string[];
  priceCents: number;
}

export const creatorProfiles = sqliteTable(
  "creator_profiles",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    bio: text("bio").notNull().default(""),
    priceCents: integer("price_cents").notNull(),
    currency: text("currency").notNull(),
    bundles: text("bundles", { mode: "json" }).$type<Bundle[]>().notNull(),
    trialDays: integer("trial_days").notNull().default(0),
    /** Uploaded profile images (media rows with purpose avatar / banner); null = the generated fallback. */
    avatarMediaId: text("avatar_media_id"),
    bannerMediaId: text("banner_media_id"),
    /** Who may start writing to the creator: live subscribers only, or everyone. */
    dmPolicy: text("dm_policy", { enum: DM_POLICIES }).notNull().default("subscribers"),
    /** Sent to every new subscriber as a direct message; null = none. */
    welcomeMessage: text("welcome_message", { mode: "json" }).$type<WelcomeMessage>(),
    /** When the site verified this creator (the badge on their page and cards); null = not verified. */
    verifiedAt: integer("verified_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("creator_profiles_created_idx").on(t.createdAt, t.userId)],
);

export type CreatorProfileRow = typeof creatorProfiles.$inferSelect;

/**
 * The countries (ISO 3166-1 alpha-2) a creator blocks: viewers there get 451 on the creator's page, posts,
 * media and streams, and do not find the creator in lists. A row per country, so lists can leave blocked
 * creators out with an indexed NOT EXISTS on both engines.
 */
export const creatorBlockedCountries = sqliteTable(
  "creator_blocked_countries",
  {
    creatorId: text("creator_id")
      .notNull()
      .references(() => creatorProfiles.userId, { onDelete: "cascade" }),
    country: text("country").notNull(),
  },
  (t) => [primaryKey({ columns: [t.creatorId, t.country] })],
);
