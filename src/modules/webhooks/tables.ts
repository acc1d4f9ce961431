import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { users } from "../users/tables.ts";

/**
 * Outgoing webhooks: a URL that receives the events it subscribed to, signed with its secret (sealed with
 * the site's key: it must be read back to sign). `audience` is whose events it gets: `creator`, the owner's
 * own; `site`, every event of the site (admins only). Disabled by hand never; by persistent failures, yes.
 */
export const webhooks = sqliteTable(
  "webhooks",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    events: text("events", { mode: "json" }).$type<string[]>().notNull(),
    audience: text("audience", { enum: ["creator", "site"] }).notNull(),
    secretSealed: text("secret_sealed").notNull(),
    status: text("status", { enum: ["active", "disabled"] }).notNull(),
    /** Failed attempts since the last success; at `[webhooks] disable_after_failures` it is disabled. */
    failuresInRow: integer("failures_in_row").notNull(),
    disabledAt: integer("disabled_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("webhooks_user_idx").on(t.userId, t.createdAt), index("webhooks_status_idx").on(t.status)],
);

export type WebhookRow = typeof webhooks.$inferSelect;

/**
 * The outbox of deliveries: one row per event and webhook, written in the event consumer's transaction,
 * carried by a `webhooks.deliver` job per attempt. `body` is the exact JSON sent (signed per attempt).
 */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    webhookId: text("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: ["pending", "delivered", "failed"] }).notNull(),
    attempts: integer("attempts").notNull(),
    nextAttemptAt: integer("next_attempt_at"),
    /** The receiver's last HTTP status, its answer's first bytes, or why no answer came. */
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    error: text("error"),
    durationMs: integer("duration_ms"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("webhook_deliveries_webhook_idx").on(t.webhookId, t.createdAt, t.id)],
);

export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
