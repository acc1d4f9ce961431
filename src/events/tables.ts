import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";

/**
 * The outbox: every domain event, written in the transaction that caused it. `seq` orders them; a
 * consumer remembers the last seq it handled, so a crash between COMMIT and delivery loses nothing and
 * other nodes (later: LISTEN/NOTIFY carries only the seq) and WebSocket clients replay from a seq.
 */
export const events = sqliteTable(
  "events",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("events_name_idx").on(t.name, t.seq), index("events_created_idx").on(t.createdAt)],
);

/** How far each durable consumer got. Advanced in the same transaction as the consumer's own writes. */
export const eventConsumers = sqliteTable("event_consumers", {
  name: text("name").primaryKey(),
  lastSeq: integer("last_seq").notNull(),
  /** Failed attempts at the event after lastSeq; after a few it is skipped (and logged). */
  failures: integer("failures").notNull().default(0),
  lastError: text("last_error"),
  updatedAt: integer("updated_at").notNull(),
});

export type EventRow = typeof events.$inferSelect;
