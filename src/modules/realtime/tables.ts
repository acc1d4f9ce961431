import { sqliteTable, text, integer, index, primaryKey } from "drizzle-orm/sqlite-core";
import { users } from "../users/tables.ts";

/** Each person's last event number: taken under this row's lock, so one person's events commit in order. */
export const userStreams = sqliteTable("user_streams", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  lastSeq: integer("last_seq").notNull(),
});

/**
 * What each person was sent over /ws, by their own increasing seq: a reconnecting client asks for what
 * came after the last seq it saw, also across a restart. Kept for `[realtime] replay_hours`.
 */
export const userEvents = sqliteTable(
  "user_events",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    type: text("type").notNull(),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.seq] }), index("user_events_created_idx").on(t.createdAt)],
);

export type UserEventRow = typeof userEvents.$inferSelect;
