import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";

/** Fixed-window counters, shared by every node that uses the same database. */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});
