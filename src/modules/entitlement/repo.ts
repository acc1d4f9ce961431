import { and, eq, inArray, sql } from "drizzle-orm";
import { inList, prepared } from "../../db/prepared.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { postUnlocks } from "./tables.ts";

export const unlocksRepo = {
  unlockedAmong(db: DrizzleDb, userId: string, postIds: string[]): Set<string> {
    if (postIds.length === 0) return new Set();
    const list = inList(postIds);
    const rows = prepared(db, `unlocks.among:${list.size}`, () =>
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
  insert: (db: DrizzleDb, userId: string, postId: string, now: number): boolean =>
    prepared(db, "unlocks.insert", () =>
      db
        .insert(postUnlocks)
        .values({
          userId: sql.placeholder("userId"),
          postId: sql.placeholder("postId"),
          createdAt: sql.placeholder("now"),
        })
        .onConflictDoNothing()
        .prepare(),
    ).run({ userId, postId, now }).changes === 1,
  remove: (db: DrizzleDb, userId: string, postId: string): void => {
    db.delete(postUnlocks)
      .where(and(eq(postUnlocks.userId, userId), eq(postUnlocks.postId, postId)))
      .run();
  },
};
