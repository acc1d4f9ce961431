import { sqliteTable, text, integer, index, primaryKey } from "drizzle-orm/sqlite-core";

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    /** Lower-cased; unique. */
    email: text("email").notNull().unique(),
    /** Lower-cased [a-z0-9_]; unique; the public handle. */
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ["fan", "creator", "admin"] })
      .notNull()
      .default("fan"),
    ageConfirmedAt: integer("age_confirmed_at").notNull(),
    /** `suspended` until `suspendedUntil`; `banned` for good; `deleted` (GDPR erasure: pseudonymised). */
    status: text("status", { enum: ["active", "suspended", "banned", "deleted"] })
      .notNull()
      .default("active"),
    statusReason: text("status_reason"),
    suspendedUntil: integer("suspended_until"),
    /** When the person proved the address is theirs (a link mailed to it); null until then. */
    emailVerifiedAt: integer("email_verified_at"),
    /** When two-factor sign-in (an authenticator app) was turned on; null: off. Auth keeps the secret. */
    twoFactorEnabledAt: integer("two_factor_enabled_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("users_role_idx").on(t.role),
    // The admin console lists people newest first.
    index("users_created_idx").on(t.createdAt, t.id),
  ],
);

export type UserRow = typeof users.$inferSelect;
export type Role = UserRow["role"];
export type UserStatus = UserRow["status"];

/** `blockerId` blocked `blockedId`: neither can write to the other while it stands. */
export const userBlocks = sqliteTable(
  "user_blocks",
  {
    blockerId: text("blocker_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    blockedId: text("blocked_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.blockerId, t.blockedId] }),
    index("user_blocks_blocked_idx").on(t.blockedId),
  ],
);
