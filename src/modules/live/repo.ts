// Every query of the live module.
import { and, asc, count, desc, eq, gt, inArray, isNull, lt, sql, sum } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { before } from "../../db/keyset.ts";
import { firstRow, rowCount } from "../../db/query.ts";
import type { Cursor } from "../../lib/cursor.ts";
import { liveChat, liveKeys, liveModeration, liveStreams, liveViewers } from "./tables.ts";

export type LiveStreamRow = typeof liveStreams.$inferSelect;
export type LiveChatRow = typeof liveChat.$inferSelect;

export const liveRepo = {
  keyOf: (db: DrizzleDb, creatorId: string) =>
    db.select().from(liveKeys).where(eq(liveKeys.creatorId, creatorId)).then(firstRow),
  keyByHash: (db: DrizzleDb, keyHash: string) =>
    db.select().from(liveKeys).where(eq(liveKeys.keyHash, keyHash)).then(firstRow),
  async putKey(db: DrizzleDb, row: typeof liveKeys.$inferInsert): Promise<void> {
    await db
      .insert(liveKeys)
      .values(row)
      .onConflictDoUpdate({
        target: liveKeys.creatorId,
        set: { keyHash: row.keyHash, keySealed: row.keySealed, createdAt: row.createdAt },
      });
  },

  stream: (db: DrizzleDb, id: string) =>
    db.select().from(liveStreams).where(eq(liveStreams.id, id)).then(firstRow),
  async insertStream(db: DrizzleDb, row: LiveStreamRow): Promise<void> {
    await db.insert(liveStreams).values(row);
  },
  async updateStream(db: DrizzleDb, id: string, patch: Partial<Omit<LiveStreamRow, "id">>): Promise<void> {
    await db.update(liveStreams).set(patch).where(eq(liveStreams.id, id));
  },
  /** Moves a stream from one status to another only if it still has the first (so two nodes never both do). */
  moveStatus: async (
    db: DrizzleDb,
    id: string,
    from: LiveStreamRow["status"],
    patch: Partial<Omit<LiveStreamRow, "id">>,
  ): Promise<boolean> =>
    (await db
      .update(liveStreams)
      .set(patch)
      .where(and(eq(liveStreams.id, id), eq(liveStreams.status, from)))
      .then(rowCount)) === 1,
  async deleteStream(db: DrizzleDb, id: string): Promise<void> {
    await db.delete(liveStreams).where(eq(liveStreams.id, id));
  },
  /** A creator's streams, newest first. */
  streamsOf: (db: DrizzleDb, creatorId: string, cursor: Cursor | null, limit: number) =>
    db
      .select()
      .from(liveStreams)
      .where(and(eq(liveStreams.creatorId, creatorId), before(liveStreams.createdAt, liveStreams.id, cursor)))
      .orderBy(desc(liveStreams.createdAt), desc(liveStreams.id))
      .limit(limit),
  liveOf: (db: DrizzleDb, creatorId: string) =>
    db
      .select()
      .from(liveStreams)
      .where(and(eq(liveStreams.creatorId, creatorId), eq(liveStreams.status, "live")))
      .then(firstRow),
  /** The creator's scheduled streams, the next first. */
  scheduledOf: (db: DrizzleDb, creatorId: string, limit: number) =>
    db
      .select()
      .from(liveStreams)
      .where(and(eq(liveStreams.creatorId, creatorId), eq(liveStreams.status, "scheduled")))
      .orderBy(asc(sql`coalesce(${liveStreams.scheduledAt}, ${liveStreams.createdAt})`), asc(liveStreams.id))
      .limit(limit),
  /** The stream that ended most recently, if it ended after `since` (a publisher's reconnect continues it). */
  endedSince: (db: DrizzleDb, creatorId: string, since: number) =>
    db
      .select()
      .from(liveStreams)
      .where(
        and(
          eq(liveStreams.creatorId, creatorId),
          eq(liveStreams.status, "ended"),
          gt(liveStreams.endedAt, since),
        ),
      )
      .orderBy(desc(liveStreams.endedAt))
      .limit(1)
      .then(firstRow),
  /** Streams live now, the most recently started first. */
  /** How many streams are live now, site-wide (the admin's status page). */
  liveCount: async (db: DrizzleDb): Promise<number> =>
    Number(
      (await db
        .select({ n: count() })
        .from(liveStreams)
        .where(eq(liveStreams.status, "live"))
        .then(firstRow))!.n,
    ),
  liveNow: (db: DrizzleDb, limit: number) =>
    db
      .select()
      .from(liveStreams)
      .where(eq(liveStreams.status, "live"))
      .orderBy(desc(liveStreams.startedAt), desc(liveStreams.id))
      .limit(limit),
  /** Live streams whose ingest stopped reporting (its node died). */
  staleLive: (db: DrizzleDb, heartbeatBefore: number) =>
    db
      .select()
      .from(liveStreams)
      .where(and(eq(liveStreams.status, "live"), lt(liveStreams.heartbeatAt, heartbeatBefore))),
  async heartbeat(db: DrizzleDb, ids: string[], at: number): Promise<void> {
    if (ids.length === 0) return;
    await db
      .update(liveStreams)
      .set({ heartbeatAt: at })
      .where(and(inArray(liveStreams.id, ids), eq(liveStreams.status, "live")));
  },

  async insertChat(db: DrizzleDb, row: LiveChatRow): Promise<boolean> {
    return (await db.insert(liveChat).values(row).onConflictDoNothing().then(rowCount)) === 1;
  },
  chatLine: (db: DrizzleDb, id: string) =>
    db.select().from(liveChat).where(eq(liveChat.id, id)).then(firstRow),
  chatPage: (db: DrizzleDb, streamId: string, cursor: Cursor | null, limit: number) =>
    db
      .select()
      .from(liveChat)
      .where(
        and(
          eq(liveChat.streamId, streamId),
          isNull(liveChat.hiddenAt),
          before(liveChat.createdAt, liveChat.id, cursor),
        ),
      )
      .orderBy(desc(liveChat.createdAt), desc(liveChat.id))
      .limit(limit),
  async hideChat(db: DrizzleDb, id: string, at: number): Promise<void> {
    await db.update(liveChat).set({ hiddenAt: at }).where(eq(liveChat.id, id));
  },

  moderationOf: (db: DrizzleDb, streamId: string, userId: string) =>
    db
      .select()
      .from(liveModeration)
      .where(and(eq(liveModeration.streamId, streamId), eq(liveModeration.userId, userId)))
      .then(firstRow),
  async putModeration(db: DrizzleDb, row: typeof liveModeration.$inferInsert): Promise<void> {
    await db
      .insert(liveModeration)
      .values(row)
      .onConflictDoUpdate({
        target: [liveModeration.streamId, liveModeration.userId],
        set: { action: row.action, byId: row.byId, createdAt: row.createdAt },
      });
  },
  async clearModeration(db: DrizzleDb, streamId: string, userId: string): Promise<void> {
    await db
      .delete(liveModeration)
      .where(and(eq(liveModeration.streamId, streamId), eq(liveModeration.userId, userId)));
  },

  /** This node's viewer counts: one row per stream it has viewers of; others removed. */
  async putViewers(db: DrizzleDb, nodeId: string, counts: Map<string, number>, at: number): Promise<void> {
    await db.delete(liveViewers).where(eq(liveViewers.nodeId, nodeId));
    if (counts.size === 0) return;
    await db
      .insert(liveViewers)
      .values([...counts].map(([streamId, viewers]) => ({ streamId, nodeId, viewers, updatedAt: at })));
    for (const [streamId, viewers] of counts)
      await db
        .update(liveStreams)
        .set({ peakViewers: viewers })
        .where(and(eq(liveStreams.id, streamId), lt(liveStreams.peakViewers, viewers)));
  },
  async clearViewers(db: DrizzleDb, streamId: string): Promise<void> {
    await db.delete(liveViewers).where(eq(liveViewers.streamId, streamId));
  },
  /** Viewers of each stream over every node that reported since `since`. */
  async viewers(db: DrizzleDb, streamIds: string[], since: number): Promise<Map<string, number>> {
    if (streamIds.length === 0) return new Map();
    const found = await db
      .select({ streamId: liveViewers.streamId, n: sum(liveViewers.viewers) })
      .from(liveViewers)
      .where(and(inArray(liveViewers.streamId, streamIds), gt(liveViewers.updatedAt, since)))
      .groupBy(liveViewers.streamId);
    return new Map(found.map((r) => [r.streamId, Number(r.n ?? 0)]));
  },

  /** GDPR export: the streams a person hosted, oldest first. */
  streamsHostedBy: (db: DrizzleDb, userId: string) =>
    db
      .select({
        id: liveStreams.id,
        title: liveStreams.title,
        access: liveStreams.access,
        priceCents: liveStreams.priceCents,
        currency: liveStreams.currency,
        status: liveStreams.status,
        scheduledAt: liveStreams.scheduledAt,
        startedAt: liveStreams.startedAt,
        endedAt: liveStreams.endedAt,
        createdAt: liveStreams.createdAt,
      })
      .from(liveStreams)
      .where(eq(liveStreams.creatorId, userId))
      .orderBy(asc(liveStreams.createdAt), asc(liveStreams.id)),
  /** GDPR export: the chat and tip lines a person wrote, in any stream, oldest first. */
  chatLinesBy: (db: DrizzleDb, userId: string) =>
    db
      .select({
        id: liveChat.id,
        streamId: liveChat.streamId,
        kind: liveChat.kind,
        text: liveChat.text,
        amountCents: liveChat.amountCents,
        currency: liveChat.currency,
        createdAt: liveChat.createdAt,
      })
      .from(liveChat)
      .where(eq(liveChat.userId, userId))
      .orderBy(asc(liveChat.createdAt), asc(liveChat.id)),
  /** GDPR erasure: titles emptied, scheduled streams ended, the key, chat lines and moderation rows gone. */
  async erase(tx: DrizzleDb, userId: string, now: number): Promise<void> {
    await tx.update(liveStreams).set({ title: "" }).where(eq(liveStreams.creatorId, userId));
    await tx
      .update(liveStreams)
      .set({ status: "ended", endedAt: now, endedBy: "creator" })
      .where(and(eq(liveStreams.creatorId, userId), eq(liveStreams.status, "scheduled")));
    await tx.delete(liveKeys).where(eq(liveKeys.creatorId, userId));
    await tx.delete(liveChat).where(eq(liveChat.userId, userId));
    await tx.delete(liveModeration).where(eq(liveModeration.userId, userId));
  },
};
