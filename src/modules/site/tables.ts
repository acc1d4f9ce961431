import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";

/** Site-wide settings the owner edits at run time (name, fee, ...), one JSON value per key. */
export const siteSettings = sqliteTable("site_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: integer("updated_at").notNull(),
});
