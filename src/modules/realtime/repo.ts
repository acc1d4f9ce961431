import { and, asc, eq, gt, inArray, lt, min, sql } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { all, firstRow, rowCount } from "../../db/query.ts";
import { userEvents, userStreams, type UserEventRow } from "./tables.ts";

export const realtimeRepo = {
  /**
   * Takes `count` new seqs for each person (one statement, people in id order so that concurrent
   * writers lock their rows in the same order); returns each person's new last seq.
   */
  async takeSeqs(db: DrizzleDb, counts: Map<string, number>): Promise<Map<string, number>> {
    const values = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const out = new Map<string, number>();
    // Bounded statements: SQLite allows 32,766 parameters, and smaller ones keep PostgreSQL's plans cheap.
    for (let i = 0; i < values.length; i += 500) {
      const rows = await db
        .insert(userStreams)
        .values(values.slice(i, i + 500).map(([userId, n]) => ({ userId, lastSeq: n })))
        .onConflictDoUpdate({
          target: userStreams.userId,
          set: { lastSeq: sql`${userStreams.lastSeq} + excluded.last_seq` },
        })
        .returning({ userId: userStreams.userId, lastSeq: userStreams.lastSeq });
      for (const r of rows) out.set(r.userId, r.lastSeq);
    }
    return out;
  },
  insertEvents: async (db: DrizzleDb, rows: UserEventRow[]): Promise<void> => {
    for (let i = 0; i < rows.length; i += 500) await db.insert(userEvents).values(rows.slice(i, i + 500));
  },
  lastSeq: async (db: DrizzleDb, userId: string): Promise<number> =>
    (
      await db
        .select({ lastSeq: userStreams.lastSeq })
        .from(userStreams)
        .where(eq(userStreams.userId, userId))
        .then(firstRow)
    )?.lastSeq ?? 0,
  lastSeqs: async (db: DrizzleDb, userIds: string[]): Promise<Map<string, number>> =>
    new Map(
      (
        await db
          .select({ userId: userStreams.userId, lastSeq: userStreams.lastSeq })
          .from(userStreams)
          .where(inArray(userStreams.userId, userIds))
      ).map((r) => [r.userId, r.lastSeq]),
    ),
  after: (db: DrizzleDb, userId: string, seq: number, limit: number): Promise<UserEventRow[]> =>
    all(
      db
        .select()
        .from(userEvents)
        .where(and(eq(userEvents.userId, userId), gt(userEvents.seq, seq)))
        .orderBy(asc(userEvents.seq))
        .limit(limit),
    ),
  oldestSeq: async (db: DrizzleDb, userId: string): Promise<number | null> =>
    (
      await db
        .select({ seq: min(userEvents.seq) })
        .from(userEvents)
        .where(eq(userEvents.userId, userId))
        .then(firstRow)
    )?.seq ?? null,
  prune: async (db: DrizzleDb, before: number): Promise<number> =>
    db.delete(userEvents).where(lt(userEvents.createdAt, before)).then(rowCount),
};
