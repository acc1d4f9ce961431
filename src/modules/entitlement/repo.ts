import { and, eq, inArray } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { postUnlocks } from "./tables.ts";

export const unlocksRepo = {
  unlockedAmong: (db: DrizzleDb, userId: string, postIds: string[]): Set<string> =>
    new Set(
      postIds.length === 0
        ? []
        : db
            .select({ postId: postUnlocks.postId })
            .from(postUnlocks)
            .where(and(eq(postUnlocks.userId, userId), inArray(postUnlocks.postId, postIds)))
            .all()
            .map((r) => r.postId),
    ),
  insert: (db: DrizzleDb, userId: string, postId: string, now: number): boolean =>
    db.insert(postUnlocks).values({ userId, postId, createdAt: now }).onConflictDoNothing().run().changes ===
    1,
  remove: (db: DrizzleDb, userId: string, postId: string): void => {
    db.delete(postUnlocks)
      .where(and(eq(postUnlocks.userId, userId), eq(postUnlocks.postId, postId)))
      .run();
  },
};
