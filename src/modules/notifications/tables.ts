import { sql } from "drizzle-orm";
import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "../users/tables.ts";

/** In-app notifications. Those of one thing (likes of a post, messages of a conversation) group while unread. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** Human-readable text, already rendered (re-rendered when a grouped row takes another event). */
    text: text("text").notNull(),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    /** The web path of what it is about (`/posts/<id>`, `/earnings`…), or null. */
    link: text("link"),
    /** Notifications with the same key (e.g. `like:<postId>`) are one row while it is unread. */
    groupKey: text("group_key"),
    /** The people who did it, latest first (the last few), and how many there were in all. */
    actorIds: text("actor_ids", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    actorCount: integer("actor_count").notNull().default(0),
    /** Events folded into this row (3 messages, 5 likes). */
    count: integer("count").notNull().default(1),
    readAt: integer("read_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.createdAt, t.id),
    // At most one unread row per group: the consumer folds the next event into it.
    uniqueIndex("notifications_unread_group_idx")
      .on(t.userId, t.groupKey)
      .where(sql`${t.readAt} IS NULL AND ${t.groupKey} IS NOT NULL`),
  ],
);

export type NotificationRow = typeof notifications.$inferSelect;

/** A person's choice per preference kind and channel; kinds without a row use the defaults (kinds.ts). */
export const notificationSettings = sqliteTable(
  "notification_settings",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    inApp: integer("in_app", { mode: "boolean" }).notNull(),
    email: integer("email", { mode: "boolean" }).notNull(),
    push: integer("push", { mode: "boolean" }).notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

export const OUTBOX_CHANNELS = ["email", "push"] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];
export const OUTBOX_STATUSES = ["queued", "sending", "sent", "failed", "dropped"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * What the e-mail and push channels still have to send, written in the transaction of the notification
 * it tells of and sent after COMMIT (never inside a write). `sending` rows hold a lock until
 * `locked_until`; a node that dies mid-send leaves them to be taken over once it lapses.
 */
export const notificationOutbox = sqliteTable(
  "notification_outbox",
  {
    id: text("id").primaryKey(),
    channel: text("channel", { enum: OUTBOX_CHANNELS }).notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** The notification's group (`message:<conversationId>`): mails of one conversation are rationed. */
    groupKey: text("group_key"),
    /** Everything the channel needs to send, rendered (outbox.ts: MailPayload, PushPayload). */
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    /** Not before this time: the first send (a message mail waits to see if it is read) or a retry. */
    runAt: integer("run_at").notNull(),
    lockedUntil: integer("locked_until"),
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    sentAt: integer("sent_at"),
  },
  (t) => [
    index("notification_outbox_due_idx").on(t.status, t.runAt),
    index("notification_outbox_lock_idx").on(t.status, t.lockedUntil),
    index("notification_outbox_group_idx").on(t.userId, t.channel, t.groupKey, t.createdAt),
    index("notification_outbox_settled_idx").on(t.status, t.updatedAt),
  ],
);

export type OutboxRow = typeof notificationOutbox.$inferSelect;

/** Browsers' push subscriptions (one per endpoint: a browser profile on a device). */
export const pushSubscriptions = sqliteTable(
  "push_subscriptions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    endpoint: text("endpoint").notNull(),
    /** The browser's P-256 public key and auth secret (base64url), to encrypt what is pushed to it. */
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("push_subscriptions_endpoint_idx").on(t.endpoint),
    index("push_subscriptions_user_idx").on(t.userId),
  ],
);

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;
