// Every query of the outgoing webhooks module.
import { and, desc, eq, lt, or } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { firstRow, rowCount } from "../../db/query.ts";
import type { Cursor } from "../../lib/cursor.ts";
import { webhookDeliveries, webhooks, type WebhookDeliveryRow, type WebhookRow } from "./tables.ts";

export const webhooksRepo = {
  insert: async (db: DrizzleDb, row: WebhookRow): Promise<void> => {
    await db.insert(webhooks).values(row);
  },
  byId: (db: DrizzleDb, id: string): Promise<WebhookRow | undefined> =>
    db.select().from(webhooks).where(eq(webhooks.id, id)).then(firstRow),
  /** The owner's webhooks, newest first (bounded by `[webhooks] max_per_owner`). */
  ofUser: (db: DrizzleDb, userId: string): Promise<WebhookRow[]> =>
    db
      .select()
      .from(webhooks)
      .where(eq(webhooks.userId, userId))
      .orderBy(desc(webhooks.createdAt), desc(webhooks.id))
      .limit(1000),
  /** Active webhooks that may receive an event of `ownerId` (theirs) or of the whole site. */
  activeFor: (db: DrizzleDb, ownerId: string | null): Promise<WebhookRow[]> =>
    db
      .select()
      .from(webhooks)
      .where(
        and(
          eq(webhooks.status, "active"),
          ownerId
            ? or(
                eq(webhooks.audience, "site"),
                and(eq(webhooks.userId, ownerId), eq(webhooks.audience, "creator")),
              )
            : eq(webhooks.audience, "site"),
        ),
      )
      .limit(1000),
  remove: async (db: DrizzleDb, userId: string, id: string): Promise<boolean> =>
    rowCount(await db.delete(webhooks).where(and(eq(webhooks.id, id), eq(webhooks.userId, userId)))) === 1,
  /** Every webhook of the person (their deliveries go with them: ON DELETE CASCADE). */
  removeAllOf: async (db: DrizzleDb, userId: string): Promise<void> => {
    await db.delete(webhooks).where(eq(webhooks.userId, userId));
  },
  update: async (db: DrizzleDb, id: string, patch: Partial<WebhookRow>): Promise<void> => {
    await db.update(webhooks).set(patch).where(eq(webhooks.id, id));
  },

  insertDelivery: async (db: DrizzleDb, row: WebhookDeliveryRow): Promise<void> => {
    await db.insert(webhookDeliveries).values(row);
  },
  delivery: (db: DrizzleDb, id: string): Promise<WebhookDeliveryRow | undefined> =>
    db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).then(firstRow),
  updateDelivery: async (db: DrizzleDb, id: string, patch: Partial<WebhookDeliveryRow>): Promise<void> => {
    await db.update(webhookDeliveries).set(patch).where(eq(webhookDeliveries.id, id));
  },
  /** A webhook's deliveries, newest first, after the cursor (index webhook_deliveries_webhook_idx). */
  deliveries: (
    db: DrizzleDb,
    webhookId: string,
    cursor: Cursor | null,
    limit: number,
  ): Promise<WebhookDeliveryRow[]> =>
    db
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.webhookId, webhookId),
          cursor
            ? or(
                lt(webhookDeliveries.createdAt, cursor.key),
                and(eq(webhookDeliveries.createdAt, cursor.key), lt(webhookDeliveries.id, cursor.id)),
              )
            : undefined,
        ),
      )
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(limit),
};
