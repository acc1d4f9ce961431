import { and, eq, inArray, sql } from "drizzle-orm";
import { inList, prepared } from "../../db/prepared.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { liveTickets, messageUnlocks, postUnlocks } from "./tables.ts";

export const unlocksRepo = {
  async unlockedAmong(db: DrizzleDb, userId: string, postIds: string[]): Promise<Set<string>> {
    if (postIds.length === 0) return new Set();
    const list = inList(postIds);
    const rows = await prepared(db, `unlocks.among:${list.size}`, () =>
      db
        .select({ postId: postUnlocks.postId })
        .from(postUnlocks)
        .where(
          and(
            eq(postUnlocks.userId, sql.placeholder("user")),
            inArray(postUnlocks.postId, list.placeholders),
          ),
        )
        .prepare(),
    ).all({ ...list.params, user: userId });
    return new Set(rows.map((r) => r.postId));
  },
  insert: async (db: DrizzleDb, userId: string, postId: string, now: number): Promise<boolean> =>
    (await prepared(db, "unlocks.insert", () =>
      db
        .insert(postUnlocks)
        .values({
          userId: sql.placeholder("userId"),
          postId: sql.placeholder("postId"),
          createdAt: sql.placeholder("now"),
        })
        .onConflictDoNothing()
        .prepare(),
    ).run({ userId, postId, now })) === 1,
  remove: async (db: DrizzleDb, userId: string, postId: string): Promise<void> => {
    await db.delete(postUnlocks).where(and(eq(postUnlocks.userId, userId), eq(postUnlocks.postId, postId)));
  },
};

/** Bought pay-per-view messages (not hot: a conversation page at a time). */
export const messageUnlocksRepo = {
  async among(db: DrizzleDb, userId: string, messageIds: string[]): Promise<Set<string>> {
    if (messageIds.length === 0) return new Set();
    const rows = await db
      .select({ id: messageUnlocks.messageId })
      .from(messageUnlocks)
      .where(and(eq(messageUnlocks.userId, userId), inArray(messageUnlocks.messageId, messageIds)));
    return new Set(rows.map((r) => r.id));
  },
  /** Which of these messages anyone bought (the sender's view, unsend). */
  async bought(db: DrizzleDb, messageIds: string[]): Promise<Set<string>> {
    if (messageIds.length === 0) return new Set();
    const rows = await db
      .selectDistinct({ id: messageUnlocks.messageId })
      .from(messageUnlocks)
      .where(inArray(messageUnlocks.messageId, messageIds));
    return new Set(rows.map((r) => r.id));
  },
  insert: async (db: DrizzleDb, userId: string, messageId: string, now: number): Promise<void> => {
    await db.insert(messageUnlocks).values({ userId, messageId, createdAt: now }).onConflictDoNothing();
  },
  remove: async (db: DrizzleDb, userId: string, messageId: string): Promise<void> => {
    await db
      .delete(messageUnlocks)
      .where(and(eq(messageUnlocks.userId, userId), eq(messageUnlocks.messageId, messageId)));
  },
};

/** Tickets to ticketed live streams. */
export const ticketsRepo = {
  async among(db: DrizzleDb, userId: string, streamIds: string[]): Promise<Set<string>> {
    if (streamIds.length === 0) return new Set();
    const rows = await db
      .select({ id: liveTickets.streamId })
      .from(liveTickets)
      .where(and(eq(liveTickets.userId, userId), inArray(liveTickets.streamId, streamIds)));
    return new Set(rows.map((r) => r.id));
  },
  async anySold(db: DrizzleDb, streamId: string): Promise<boolean> {
    const rows = await db
      .select({ id: liveTickets.userId })
      .from(liveTickets)
      .where(eq(liveTickets.streamId, streamId))
      .limit(1);
    return rows.length > 0;
  },
  insert: async (db: DrizzleDb, userId: string, streamId: string, now: number): Promise<void> => {
    await db.insert(liveTickets).values({ userId, streamId, createdAt: now }).onConflictDoNothing();
  },
  remove: async (db: DrizzleDb, userId: string, streamId: string): Promise<void> => {
    await db
      .delete(liveTickets)
      .where(and(eq(liveTickets.userId, userId), eq(liveTickets.streamId, streamId)));
  },
};
