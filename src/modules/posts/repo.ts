import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { after, before } from "../../db/keyset.ts";
import type { DrizzleDb } from "../../db/client.ts";
import type { Cursor } from "../../http/pagination.ts";
import { postComments, postLikes, posts, type CommentRow, type PostRow } from "./tables.ts";

const live = and(isNotNull(posts.publishedAt), isNull(posts.deletedAt));

export const postsRepo = {
  byId: (db: DrizzleDb, id: string): PostRow | undefined =>
    db
      .select()
      .from(posts)
      .where(and(eq(posts.id, id), isNull(posts.deletedAt)))
      .get(),
  insert: (db: DrizzleDb, row: PostRow): void => {
    db.insert(posts).values(row).run();
  },
  update: (db: DrizzleDb, id: string, patch: Partial<Omit<PostRow, "id">>): void => {
    db.update(posts).set(patch).where(eq(posts.id, id)).run();
  },
  addToCounter: (db: DrizzleDb, id: string, column: "likesCount" | "commentsCount", delta: number): void => {
    db.update(posts)
      .set({ [column]: sql`${posts[column]} + ${delta}` })
      .where(eq(posts.id, id))
      .run();
  },

  /** Published posts of the given creators, newest first (index posts_creator_timeline_idx). */
  timeline: (db: DrizzleDb, creatorIds: string[], cursor: Cursor | null, limit: number): PostRow[] =>
    creatorIds.length === 0
      ? []
      : db
          .select()
          .from(posts)
          .where(
            and(
              creatorIds.length === 1
                ? eq(posts.creatorId, creatorIds[0]!)
                : inArray(posts.creatorId, creatorIds),
              live,
              before(posts.publishedAt, posts.id, cursor),
            ),
          )
          .orderBy(desc(posts.publishedAt), desc(posts.id))
          .limit(limit)
          .all(),

  /** The owner's drafts or scheduled posts, newest first (index posts_creator_unpublished_idx). */
  unpublished: (
    db: DrizzleDb,
    creatorId: string,
    status: "draft" | "scheduled",
    cursor: Cursor | null,
    limit: number,
  ): PostRow[] =>
    db
      .select()
      .from(posts)
      .where(
        and(
          eq(posts.creatorId, creatorId),
          eq(posts.status, status),
          isNull(posts.deletedAt),
          before(posts.createdAt, posts.id, cursor),
        ),
      )
      .orderBy(desc(posts.createdAt), desc(posts.id))
      .limit(limit)
      .all(),

  publishedCounts: (db: DrizzleDb, creatorIds: string[]): Map<string, number> =>
    new Map(
      creatorIds.length === 0
        ? []
        : db
            .select({ creatorId: posts.creatorId, n: count() })
            .from(posts)
            .where(and(inArray(posts.creatorId, creatorIds), live))
            .groupBy(posts.creatorId)
            .all()
            .map((r) => [r.creatorId, r.n]),
    ),

  /** Scheduled posts whose time has come (index posts_due_idx). */
  due: (db: DrizzleDb, now: number, limit: number): PostRow[] =>
    db
      .select()
      .from(posts)
      .where(and(eq(posts.status, "scheduled"), lte(posts.publishAt, now), isNull(posts.deletedAt)))
      .limit(limit)
      .all(),
  nextDueAt: (db: DrizzleDb): number | null =>
    db
      .select({ at: posts.publishAt })
      .from(posts)
      .where(and(eq(posts.status, "scheduled"), isNull(posts.deletedAt)))
      .orderBy(asc(posts.publishAt))
      .limit(1)
      .get()?.at ?? null,

  likedAmong: (db: DrizzleDb, userId: string, postIds: string[]): Set<string> =>
    new Set(
      postIds.length === 0
        ? []
        : db
            .select({ postId: postLikes.postId })
            .from(postLikes)
            .where(and(eq(postLikes.userId, userId), inArray(postLikes.postId, postIds)))
            .all()
            .map((r) => r.postId),
    ),
  like: (db: DrizzleDb, postId: string, userId: string, now: number): boolean =>
    db.insert(postLikes).values({ postId, userId, createdAt: now }).onConflictDoNothing().run().changes === 1,
  unlike: (db: DrizzleDb, postId: string, userId: string): boolean =>
    db
      .delete(postLikes)
      .where(and(eq(postLikes.postId, postId), eq(postLikes.userId, userId)))
      .run().changes === 1,

  insertComment: (db: DrizzleDb, row: CommentRow): void => {
    db.insert(postComments).values(row).run();
  },
  /** Comments oldest first, keyset over (created_at, id). */
  comments: (db: DrizzleDb, postId: string, cursor: Cursor | null, limit: number): CommentRow[] =>
    db
      .select()
      .from(postComments)
      .where(and(eq(postComments.postId, postId), after(postComments.createdAt, postComments.id, cursor)))
      .orderBy(asc(postComments.createdAt), asc(postComments.id))
      .limit(limit)
      .all(),
};
