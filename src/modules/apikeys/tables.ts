import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "../users/tables.ts";

/**
 * A person's API keys. The key itself (`fanz_` + 32 random bytes) is shown once; only its SHA-256 is
 * stored (the key has the entropy a slow hash is for), and the prefix lets the owner tell keys apart.
 */
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The scopes granted, in the order of the scope table (src/lib/scopes.ts). */
    scopes: text("scopes", { mode: "json" }).$type<string[]>().notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at"),
    /** Moved at most once a minute by the requests that use the key, with their address. */
    lastUsedAt: integer("last_used_at"),
    lastUsedIp: text("last_used_ip"),
  },
  (t) => [
    uniqueIndex("api_keys_hash_idx").on(t.keyHash),
    index("api_keys_user_idx").on(t.userId, t.createdAt),
  ],
);

export type ApiKeyRow = typeof apiKeys.$inferSelect;
