import { sql } from "drizzle-orm";
import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "../users/tables.ts";

/**
 * A creator's stream key: sealed (the creator is shown it again) and hashed (publishing looks it up by
 * its hash). Rotating replaces the row, so the old key stops working at once.
 */
export const liveKeys = sqliteTable(
  "live_keys",
  {
    creatorId: text("creator_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    keyHash: text("key_hash").notNull(),
    keySealed: text("key_sealed").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("live_keys_hash_idx").on(t.keyHash)],
);

export const LIVE_ACCESS = ["subscribers", "public", "ticket"] as const;
export type LiveAccess = (typeof LIVE_ACCESS)[number];
export const LIVE_STATUS = ["scheduled", "live", "ended"] as const;
export type LiveStatus = (typeof LIVE_STATUS)[number];
export const RECORDING_STATES = ["none", "pending", "done", "failed"] as const;

/**
 * A live stream: "scheduled" (waiting for the publisher), "live", "ended". One live stream per creator
 * (a partial unique index). `heartbeatAt` is moved by the ingest node while it receives the stream; a
 * stream whose heartbeat stops (the node died) is ended by whichever node runs the scheduler.
 */
export const liveStreams = sqliteTable(
  "live_streams",
  {
    id: text("id").primaryKey(),
    creatorId: text("creator_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    access: text("access", { enum: LIVE_ACCESS }).notNull(),
    /** The ticket's price (access "ticket"), in the creator's currency; 0 otherwise. */
    priceCents: integer("price_cents").notNull().default(0),
    currency: text("currency").notNull(),
    record: integer("record", { mode: "boolean" }).notNull(),
    status: text("status", { enum: LIVE_STATUS }).notNull(),
    scheduledAt: integer("scheduled_at"),
    startedAt: integer("started_at"),
    endedAt: integer("ended_at"),
    heartbeatAt: integer("heartbeat_at"),
    /** The latest publish (or reconnect) that made it live: a publisher's leaving ends only its own. */
    publishedAt: integer("published_at"),
    /** Why it ended: a publisher that left (or a node that died) may come back and continue it; a creator's end is final. */
    endedBy: text("ended_by", { enum: ["publisher", "node", "creator"] }),
    /** The node that takes the stream's RTMP while it is live. */
    ingestNode: text("ingest_node"),
    peakViewers: integer("peak_viewers").notNull().default(0),
    recording: text("recording", { enum: RECORDING_STATES }).notNull().default("none"),
    recordingPostId: text("recording_post_id"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("live_streams_creator_idx").on(t.creatorId, t.createdAt, t.id),
    uniqueIndex("live_streams_one_live_idx")
      .on(t.creatorId)
      .where(sql`status = 'live'`),
    index("live_streams_status_idx").on(t.status, t.heartbeatAt),
  ],
);

/** Chat lines and tips of a stream, kept as long as the stream. */
export const liveChat = sqliteTable(
  "live_chat",
  {
    id: text("id").primaryKey(),
    streamId: text("stream_id")
      .notNull()
      .references(() => liveStreams.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["chat", "tip"] }).notNull(),
    text: text("text").notNull(),
    amountCents: integer("amount_cents"),
    currency: text("currency"),
    /** A tip's transaction: one line per tip, also when its event is delivered twice. */
    txnId: text("txn_id"),
    hiddenAt: integer("hidden_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("live_chat_stream_idx").on(t.streamId, t.createdAt, t.id),
    uniqueIndex("live_chat_txn_idx").on(t.txnId),
  ],
);

/** People the creator (or an admin) muted in, or removed from, a stream. */
export const liveModeration = sqliteTable(
  "live_moderation",
  {
    streamId: text("stream_id")
      .notNull()
      .references(() => liveStreams.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    action: text("action", { enum: ["mute", "remove"] }).notNull(),
    byId: text("by_id").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.streamId, t.userId] })],
);

/** How many people watch a stream through each node (summed for the count everyone sees). */
export const liveViewers = sqliteTable(
  "live_viewers",
  {
    streamId: text("stream_id")
      .notNull()
      .references(() => liveStreams.id, { onDelete: "cascade" }),
    nodeId: text("node_id").notNull(),
    viewers: integer("viewers").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.streamId, t.nodeId] })],
);
