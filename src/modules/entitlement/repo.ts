import { and, eq, inArray, sql } from "drizzle-orm";
import { inList, prepared } from "../../db/prepared.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { postUnlocks } from "./tables.ts";

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
