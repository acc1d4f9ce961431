import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { users } from "../users/tables.ts";

/** In-app notifications (e-mail delivery comes with the messaging work). */
export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** Human-readable text, already rendered. */
    text: text("text").notNull(),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    readAt: integer("read_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt, t.id)],
);
