import { sqliteTable, text, integer, primaryKey } from "drizzle-orm/sqlite-core";
import { users } from "../users/tables.ts";
import { posts } from "../posts/tables.ts";
import { messages } from "../messages/tables.ts";
import { liveStreams } from "../live/tables.ts";

/** A fan's permanent right to a pay-per-view post, granted by a paid unlock. */
export const postUnlocks = sqliteTable(
  "post_unlocks",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    postId: text("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.postId] })],
);

/** A fan's permanent right to a pay-per-view message, granted by a paid unlock. */
export const messageUnlocks = sqliteTable(
  "message_unlocks",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    messageId: text("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.messageId] })],
);

/** A fan's ticket to a ticketed live stream, granted by a paid purchase. */
export const liveTickets = sqliteTable(
  "live_tickets",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    streamId: text("stream_id")
      .notNull()
      .references(() => liveStreams.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.streamId] })],
);
