import { and, asc, count, desc, eq, exists, inArray, isNotNull, isNull, lte, sql, sum } from "drizzle-orm";
import { after, before } from "../../db/keyset.ts";
import { inList, prepared } from "../../db/prepared.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { firstRow, rowCount, rows } from "../../db/query.ts";
import type { Cursor } from "../../lib/cursor.ts";
import { postMedia } from "../media/tables.ts";
import { tagsRepo } from "./reach-repo.ts";
import { postBookmarks, postComments, postLikes, posts, type CommentRow, type PostRow } from "./tables.ts";

/** Published and not deleted: deletion clears published_at, so this one term matches the partial index. */
const live = isNotNull(posts.publishedAt);

export const postsRepo = {
  /** Every post not deleted, in id order after `afterId` (the 2257 export walks them all). */
  allAfter: (db: DrizzleDb, afterId: string, limit: number) =>
    db
      .select({
        id: posts.id,
        creatorId: posts.creatorId,
        status: posts.status,
        publishedAt: posts.publishedAt,
        createdAt: posts.createdAt,
      })
      .from(posts)
      .where(and(sql`${posts.id} > ${afterId}`, isNull(posts.deletedAt)))
      .orderBy(asc(posts.id))
      .limit(limit),
  byId: (db: DrizzleDb, id: string): Promise<PostRow | undefined> =>
    prepared(db, "posts.byId", () =>
      db
        .select()
        .from(posts)
        .where(and(eq(posts.id, sql.placeholder("id")), isNull(posts.deletedAt)))
        .prepare(),
    ).get({ id }),
  insert: async (db: DrizzleDb, row: PostRow): Promise<void> => {
    await db.insert(posts).values(row);
  },
  /** Every change of a post goes through here, so its tags and pin follow its publication. */
  update: async (db: DrizzleDb, id: string, patch: Partial<Omit<PostRow, "id">>): Promise<void> => {
    await db.update(posts).set(patch).where(eq(posts.id, id));
    if (patch.publishedAt !== undefined) await tagsRepo.follow(db, id, patch.publishedAt);
  },
  addToCounter: async (
    db: DrizzleDb,
    id: string,
    column: "likesCount" | "commentsCount",
    delta: number,
  ): Promise<void> => {
    await db
      .update(posts)
      .set({ [column]: sql`${posts[column]} + ${delta}` })
      .where(eq(posts.id, id));
  },

  /**
   * Published posts of the given creators, newest first. Two steps: the page's keys come from the partial
   * timeline index alone (no table reads while sorting), then only those rows are loaded.
   */
  async timeline(
    db: DrizzleDb,
    creatorIds: string[],
    cursor: Cursor | null,
    limit: number,
  ): Promise<PostRow[]> {
    if (creatorIds.length === 0) return [];
    const creators = inList(creatorIds, "c");
    const keys = await prepared(db, `posts.timeline:${creators.size}:${cursor ? 1 : 0}`, () =>
      db
        .select({ id: posts.id })
        .from(posts)
        .where(
          and(
            inArray(posts.creatorId, creators.placeholders),
            live,
            cursor
              ? before(posts.publishedAt, posts.id, { key: sql.placeholder("k"), id: sql.placeholder("i") })
              : undefined,
          ),
        )
        .orderBy(desc(posts.publishedAt), desc(posts.id))
        .limit(sql.placeholder("limit"))
        .prepare(),
    ).all({ ...creators.params, k: cursor?.key, i: cursor?.id, limit });
    const rows = await postsRepo.byIds(
      db,
      keys.map((k) => k.id),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return keys.map((k) => byId.get(k.id)!);
  },

  /** Keys of one creator's newest live posts, newest first (read in order from the timeline index). */
  newestKeys: (db: DrizzleDb, creatorId: string, limit: number) =>
    prepared(db, "posts.newestKeys", () =>
      db
        .select({ publishedAt: posts.publishedAt, id: posts.id })
        .from(posts)
        .where(and(eq(posts.creatorId, sql.placeholder("creator")), live))
        .orderBy(desc(posts.publishedAt), desc(posts.id))
        .limit(sql.placeholder("limit"))
        .prepare(),
    ).all({ creator: creatorId, limit }),

  async byIds(db: DrizzleDb, ids: string[]): Promise<PostRow[]> {
    if (ids.length === 0) return [];
    const list = inList(ids);
    return prepared(db, `posts.byIds:${list.size}`, () =>
      db.select().from(posts).where(inArray(posts.id, list.placeholders)).prepare(),
    ).all(list.params);
  },

  /** The owner's drafts or scheduled posts, newest first (index posts_creator_unpublished_idx). */
  unpublished: (
    db: DrizzleDb,
    creatorId: string,
    status: "draft" | "scheduled",
    cursor: Cursor | null,
    limit: number,
  ): Promise<PostRow[]> =>
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
      .limit(limit),

  /** Live posts, the likes on them and the media attached to them, per creator (the creator page's counts). */
  async profileCounts(
    db: DrizzleDb,
    creatorIds: string[],
  ): Promise<Map<string, { posts: number; likes: number; media: number }>> {
    const out = new Map(creatorIds.map((id) => [id, { posts: 0, likes: 0, media: 0 }]));
    if (creatorIds.length === 0) return out;
    const where = and(inArray(posts.creatorId, creatorIds), live);
    for (const r of await db
      .select({ creatorId: posts.creatorId, n: count(), likes: sum(posts.likesCount).mapWith(Number) })
      .from(posts)
      .where(where)
      .groupBy(posts.creatorId)) {
      const c = out.get(r.creatorId)!;
      c.posts = r.n;
      c.likes = r.likes;
    }
    // post_media belongs to the media module; counting through the timeline index needs the join here.
    for (const r of await db
      .select({ creatorId: posts.creatorId, n: count() })
      .from(posts)
      .innerJoin(postMedia, eq(postMedia.postId, posts.id))
      .where(where)
      .groupBy(posts.creatorId))
      out.get(r.creatorId)!.media = r.n;
    return out;
  },

  /** One creator's live posts that carry media, newest first (the creator page's Media tab). */
  withMedia: (db: DrizzleDb, creatorId: string, cursor: Cursor | null, limit: number): Promise<PostRow[]> =>
    db
      .select()
      .from(posts)
      .where(
        and(
          eq(posts.creatorId, creatorId),
          live,
          before(posts.publishedAt, posts.id, cursor),
          exists(
            db
              .select({ one: sql`1` })
              .from(postMedia)
              .where(eq(postMedia.postId, posts.id)),
          ),
        ),
      )
      .orderBy(desc(posts.publishedAt), desc(posts.id))
      .limit(limit),

  /** Scheduled posts whose time has come (index posts_due_idx). */
  due: (db: DrizzleDb, now: number, limit: number): Promise<PostRow[]> =>
    db
      .select()
      .from(posts)
      .where(and(eq(posts.status, "scheduled"), lte(posts.publishAt, now), isNull(posts.deletedAt)))
      .limit(limit),
  /** Which of these posts the user liked and which they bookmarked: one statement for both marks. */
  async marksAmong(
    db: DrizzleDb,
    userId: string,
    postIds: string[],
  ): Promise<{ liked: Set<string>; bookmarked: Set<string> }> {
    const marks = { liked: new Set<string>(), bookmarked: new Set<string>() };
    if (postIds.length === 0) return marks;
    const list = inList(postIds);
    const rows = await prepared(db, `posts.marksAmong:${list.size}`, () =>
      db
        .select({ postId: postLikes.postId, bookmark: sql<number>`0` })
        .from(postLikes)
        .where(
          and(eq(postLikes.userId, sql.placeholder("user")), inArray(postLikes.postId, list.placeholders)),
        )
        .unionAll(
          db
            .select({ postId: postBookmarks.postId, bookmark: sql<number>`1` })
            .from(postBookmarks)
            .where(
              and(
                eq(postBookmarks.userId, sql.placeholder("user")),
                inArray(postBookmarks.postId, list.placeholders),
              ),
            ),
        )
        .prepare(),
    ).all({ ...list.params, user: userId });
    for (const r of rows) (Number(r.bookmark) === 1 ? marks.bookmarked : marks.liked).add(r.postId);
    return marks;
  },
  like: (db: DrizzleDb, postId: string, userId: string, now: number): Promise<boolean> =>
    db
      .insert(postLikes)
      .values({ postId, userId, createdAt: now })
      .onConflictDoNothing()
      .then((r) => rowCount(r) === 1),
  unlike: (db: DrizzleDb, postId: string, userId: string): Promise<boolean> =>
    db
      .delete(postLikes)
      .where(and(eq(postLikes.postId, postId), eq(postLikes.userId, userId)))
      .then((r) => rowCount(r) === 1),

  insertComment: async (db: DrizzleDb, row: CommentRow): Promise<void> => {
    await db.insert(postComments).values(row);
  },
  commentById: (db: DrizzleDb, id: string): Promise<CommentRow | undefined> =>
    db.select().from(postComments).where(eq(postComments.id, id)).then(firstRow),
  deleteComment: async (db: DrizzleDb, id: string): Promise<void> => {
    await db.delete(postComments).where(eq(postComments.id, id));
  },
  /** Comments oldest first, keyset over (created_at, id). */
  comments: (db: DrizzleDb, postId: string, cursor: Cursor | null, limit: number): Promise<CommentRow[]> =>
    db
      .select()
      .from(postComments)
      .where(and(eq(postComments.postId, postId), after(postComments.createdAt, postComments.id, cursor)))
      .orderBy(asc(postComments.createdAt), asc(postComments.id))
      .limit(limit),
};

/** What GDPR export and erasure read and change of a person's posts, comments and likes. */
export const postsPrivacyRepo = {
  postsOf: (db: DrizzleDb, creatorId: string) =>
    db
      .select()
      .from(posts)
      .where(and(eq(posts.creatorId, creatorId), isNull(posts.deletedAt)))
      .orderBy(asc(posts.createdAt), asc(posts.id)),
  commentsBy: (db: DrizzleDb, authorId: string) =>
    db
      .select()
      .from(postComments)
      .where(eq(postComments.authorId, authorId))
      .orderBy(asc(postComments.createdAt), asc(postComments.id)),
  likesBy: (db: DrizzleDb, userId: string) =>
    db
      .select({ postId: postLikes.postId, createdAt: postLikes.createdAt })
      .from(postLikes)
      .where(eq(postLikes.userId, userId))
      .orderBy(asc(postLikes.createdAt)),
  /** Every post of the creator (deleted ones too): erasure empties them all. */
  allPostsOf: (db: DrizzleDb, creatorId: string) =>
    db.select({ id: posts.id }).from(posts).where(eq(posts.creatorId, creatorId)),
  /** The text goes and the post is deleted (the row stays: ledger lines of its sales name it). */
  emptyPostsOf: async (db: DrizzleDb, creatorId: string, now: number): Promise<void> => {
    await db
      .update(posts)
      .set({
        text: "",
        deletedAt: sql`coalesce(${posts.deletedAt}, ${now})`,
        publishedAt: null,
        publishAt: null,
        updatedAt: now,
      })
      .where(eq(posts.creatorId, creatorId));
    await tagsRepo.unpublishAllOf(db, creatorId);
  },
  /** Removes the person's comments and likes, keeping the counters of the posts they were on right. */
  async removeCommentsAndLikesOf(db: DrizzleDb, userId: string): Promise<string[]> {
    const commented = await db
      .select({ postId: postComments.postId, n: count() })
      .from(postComments)
      .where(eq(postComments.authorId, userId))
      .groupBy(postComments.postId);
    for (const c of commented)
      await db
        .update(posts)
        .set({ commentsCount: sql`${posts.commentsCount} - ${c.n}` })
        .where(eq(posts.id, c.postId));
    await db.delete(postComments).where(eq(postComments.authorId, userId));
    const liked = await db
      .select({ postId: postLikes.postId })
      .from(postLikes)
      .where(eq(postLikes.userId, userId));
    if (liked.length > 0)
      await db
        .update(posts)
        .set({ likesCount: sql`${posts.likesCount} - 1` })
        .where(
          inArray(
            posts.id,
            liked.map((l) => l.postId),
          ),
        );
    await db.delete(postLikes).where(eq(postLikes.userId, userId));
    return [...new Set([...commented.map((c) => c.postId), ...liked.map((l) => l.postId)])];
  },
  creatorsOf: (db: DrizzleDb, postIds: string[]) =>
    postIds.length === 0
      ? Promise.resolve([])
      : db.select({ id: posts.id, creatorId: posts.creatorId }).from(posts).where(inArray(posts.id, postIds)),
};

/** Analytics: a creator's live posts with the likes and comments they got since a time. */
export const postsEngagementRepo = {
  /** The most engaging posts since `since`, or (with `ids`) those posts whatever their engagement. */
  engagement: (db: DrizzleDb, creatorId: string, since: number, ids: string[] | null, limit: number) =>
    rows<{
      postId: string;
      text: string;
      visibility: string;
      publishedAt: number | string;
      likes: number | string;
      comments: number | string;
    }>(
      db,
      sql`SELECT id AS "postId", text, visibility, published_at AS "publishedAt", likes, comments FROM (
          SELECT p.id, p.text, p.visibility, p.published_at,
            (SELECT COUNT(*) FROM post_likes l WHERE l.post_id = p.id AND l.created_at >= ${since}) AS likes,
            (SELECT COUNT(*) FROM post_comments c WHERE c.post_id = p.id AND c.created_at >= ${since}) AS comments
          FROM posts p
          WHERE p.creator_id = ${creatorId} AND p.published_at IS NOT NULL
            ${
              ids === null
                ? sql``
                : ids.length === 0
                  ? sql`AND 1 = 0`
                  : sql`AND p.id IN (${sql.join(
                      ids.map((i) => sql`${i}`),
                      sql`, `,
                    )})`
            }
        ) x
        ORDER BY likes + comments DESC, published_at DESC, id LIMIT ${limit}`,
    ),
};
