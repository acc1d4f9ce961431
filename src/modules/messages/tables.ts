import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "../users/tables.ts";

/** A conversation between two people; `userA` < `userB` (by id), so a pair has one row. */
export const conversations = sqliteTable(
  "conversations",
  {
    id: text("id").primaryKey(),
    userA: text("user_a")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    userB: text("user_b")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lastMessageId: text("last_message_id"),
    /** The newest message's time: each new one is stamped later than it, so the order is the sending order. */
    lastMessageAt: integer("last_message_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("conversations_pair_idx").on(t.userA, t.userB)],
);

/**
 * Each side of a conversation: where it stands (the one last-read message, not a row per message per
 * reader), its unread count and its latest activity, which orders the person's conversation list.
 */
export const conversationMembers = sqliteTable(
  "conversation_members",
  {
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    otherId: text("other_id").notNull(),
    lastReadMessageId: text("last_read_message_id"),
    lastReadAt: integer("last_read_at"),
    unread: integer("unread").notNull().default(0),
    activityAt: integer("activity_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.userId] }),
    index("conversation_members_list_idx").on(t.userId, t.activityAt, t.conversationId),
  ],
);

export const messages = sqliteTable(
  "messages",
  {
    id: text("id").primaryKey(),
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    senderId: text("sender_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    /** 0 = free; above 0 the recipient sees it locked (text as the teaser, media as previews) until bought. */
    priceCents: integer("price_cents").notNull(),
    currency: text("currency").notNull(),
    /** The sender's retry key: a retry with the same one returns the message it made. */
    clientId: text("client_id"),
    /** A copy of a mass message (or null). */
    massMessageId: text("mass_message_id"),
    createdAt: integer("created_at").notNull(),
    /** Unsent by the sender: kept for the ledger's sake while hidden from both sides. */
    unsentAt: integer("unsent_at"),
  },
  (t) => [
    index("messages_conversation_idx").on(t.conversationId, t.createdAt, t.id),
    uniqueIndex("messages_client_idx").on(t.senderId, t.clientId),
  ],
);

export const MASS_AUDIENCES = ["subscribers", "expired", "all"] as const;
export type MassAudience = (typeof MASS_AUDIENCES)[number];
/** What a mass message stores: one of the audiences, or a fan list. */
export const MASS_STORED_AUDIENCES = [...MASS_AUDIENCES, "list"] as const;
export const MASS_STATUSES = ["scheduled", "sending", "done", "canceled"] as const;

/**
 * A creator's message to many fans, sent as one copy per recipient by a persistent job in batches;
 * `cursor` (the last fan id reached) and `sent` advance in the batch's own transaction, so a restart
 * continues where it stopped and nobody gets it twice.
 */
export const massMessages = sqliteTable(
  "mass_messages",
  {
    id: text("id").primaryKey(),
    creatorId: text("creator_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    mediaIds: text("media_ids", { mode: "json" }).$type<string[]>().notNull(),
    priceCents: integer("price_cents").notNull(),
    currency: text("currency").notNull(),
    /** `list`: the creator's fan list `audienceListId` (fans module). */
    audience: text("audience", { enum: MASS_STORED_AUDIENCES }).notNull(),
    audienceListId: text("audience_list_id"),
    status: text("status", { enum: MASS_STATUSES }).notNull(),
    total: integer("total").notNull(),
    sent: integer("sent").notNull(),
    cursor: text("cursor"),
    sendAt: integer("send_at").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("mass_messages_creator_idx").on(t.creatorId, t.createdAt, t.id),
    index("mass_messages_due_idx").on(t.status, t.sendAt),
  ],
);

export type ConversationRow = typeof conversations.$inferSelect;
export type MemberRow = typeof conversationMembers.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type MassMessageRow = typeof massMessages.$inferSelect;
