// The queries of pins, hashtags, bookmarks and post search (the posts module's reach features).
import { and, desc, eq, gte, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { before } from "../../db/keyset.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { rowCount, rows, textMatches, type TextIndex } from "../../db/query.ts";
import type { Cursor } from "../../lib/cursor.ts";
import { PIN_SLOTS, postBookmarks, postComments, postLikes, postPins, posts, postTags } from "./tables.ts";

const POST_TEXT: TextIndex = {
  fts5: { table: "posts_fts", key: "post_id", column: "body" },
  tsvector: { table: "posts", key: "id", doc: "search_doc" },
};

export type PinResult = "pinned" | "already" | "full";

export const pinsRepo = {
  /**
   * The pinned live posts of these creators (at most PIN_SLOTS each, by the primary key), newest pin
   * first; the timeline cache keeps them per creator.
   */
  ofCreators: (db: DrizzleDb, creatorIds: string[]) =>
    db
      .select({ creatorId: postPins.creatorId, postId: postPins.postId, pinnedAt: postPins.pinnedAt })
      .from(postPins)
      .innerJoin(posts, eq(posts.id, postPins.postId))
      .where(and(inArray(postPins.creatorId, creatorIds), isNotNull(posts.publishedAt)))
      .orderBy(desc(postPins.pinnedAt), desc(postPins.postId)),

  /**
   * Takes a free slot for the post. Each slot is a primary-key row, so parallel pins (several nodes on
   * PostgreSQL) cannot take more than PIN_SLOTS: a slot taken meanwhile conflicts and the next is tried.
   */
  async pin(tx: DrizzleDb, creatorId: string, postId: string, now: number): Promise<PinResult> {
    const pinned = async () =>
      (await tx.select({ p: postPins.postId }).from(postPins).where(eq(postPins.postId, postId))).length > 0;
    if (await pinned()) return "already";
    for (let slot = 0; slot < PIN_SLOTS; slot++) {
      const r = await tx
        .insert(postPins)
        .values({ creatorId, slot, postId, pinnedAt: now })
        .onConflictDoNothing();
      if (rowCount(r) === 1) return "pinned";
    }
    return (await pinned()) ? "already" : "full";
  },

  unpin: async (tx: DrizzleDb, postId: string): Promise<boolean> =>
    rowCount(await tx.delete(postPins).where(eq(postPins.postId, postId))) === 1,
};

export const tagsRepo = {
  /** Replaces the post's tags (published_at copied from the post, then kept by `follow`). */
  async set(tx: DrizzleDb, postId: string, tags: string[], publishedAt: number | null): Promise<void> {
    await tx.delete(postTags).where(eq(postTags.postId, postId));
    if (tags.length > 0) await tx.insert(postTags).values(tags.map((tag) => ({ postId, tag, publishedAt })));
  },

  /**
   * What follows a post's publication time: its tag rows carry it, and a post that is no longer live
   * (deleted, taken down, back to draft) leaves its pin slot.
   */
  async follow(tx: DrizzleDb, postId: string, publishedAt: number | null): Promise<void> {
    await tx.update(postTags).set({ publishedAt }).where(eq(postTags.postId, postId));
    if (publishedAt === null) await tx.delete(postPins).where(eq(postPins.postId, postId));
  },

  /** The same for every post of a creator (erasure). */
  async unpublishAllOf(tx: DrizzleDb, creatorId: string): Promise<void> {
    const ids = tx.select({ id: posts.id }).from(posts).where(eq(posts.creatorId, creatorId));
    await tx.update(postTags).set({ publishedAt: null }).where(inArray(postTags.postId, ids));
    await tx.delete(postPins).where(eq(postPins.creatorId, creatorId));
  },

  /** Keys of the live posts carrying the tag, newest first (the partial index, in order). */
  timeline: (db: DrizzleDb, tag: string, cursor: Cursor | null, limit: number) =>
    db
      .select({ postId: postTags.postId, publishedAt: postTags.publishedAt })
      .from(postTags)
      .where(
        and(
          eq(postTags.tag, tag),
          isNotNull(postTags.publishedAt),
          before(postTags.publishedAt, postTags.postId, cursor),
        ),
      )
      .orderBy(desc(postTags.publishedAt), desc(postTags.postId))
      .limit(limit),

  /** Tags starting with `prefix` on live posts, most used first. */
  byPrefix: (db: DrizzleDb, prefix: string, limit: number) =>
    db
      .select({ tag: postTags.tag, posts: sql<number>`count(*)`.mapWith(Number) })
      .from(postTags)
      .where(
        and(
          isNotNull(postTags.publishedAt),
          sql`${postTags.tag} LIKE ${`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`,
        ),
      )
      .groupBy(postTags.tag)
      .orderBy(desc(sql`count(*)`), postTags.tag)
      .limit(limit),
};

export const bookmarksRepo = {
  add: async (tx: DrizzleDb, userId: string, postId: string, now: number): Promise<void> => {
    await tx.insert(postBookmarks).values({ userId, postId, createdAt: now }).onConflictDoNothing();
  },
  remove: async (tx: DrizzleDb, userId: string, postId: string): Promise<void> => {
    await tx
      .delete(postBookmarks)
      .where(and(eq(postBookmarks.userId, userId), eq(postBookmarks.postId, postId)));
  },
  /** The user's bookmarks of live posts, newest bookmark first (index post_bookmarks_user_idx). */
  page: (db: DrizzleDb, userId: string, cursor: Cursor | null, limit: number) =>
    db
      .select({ postId: postBookmarks.postId, createdAt: postBookmarks.createdAt })
      .from(postBookmarks)
      .innerJoin(posts, eq(posts.id, postBookmarks.postId))
      .where(
        and(
          eq(postBookmarks.userId, userId),
          isNotNull(posts.publishedAt),
          before(postBookmarks.createdAt, postBookmarks.postId, cursor),
        ),
      )
      .orderBy(desc(postBookmarks.createdAt), desc(postBookmarks.postId))
      .limit(limit),
};

/**
 * Which posts a search may consider: everyone's public and pay-per-view posts (a caller checks each
 * PPV post against entitlement before showing it), subscribers-only posts of `subscribedTo`, and all
 * posts of `ownerId`; `everything` for admins.
 */
export interface SearchScope {
  everything: boolean;
  ownerId: string | null;
  subscribedTo: string[];
}

const idList = (ids: string[]): SQL =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

export const searchRepo = {
  /** Ids of live posts matching every term, best first. */
  async posts(db: DrizzleDb, terms: string[], scope: SearchScope, limit: number): Promise<string[]> {
    const creators = [...new Set([...(scope.ownerId ? [scope.ownerId] : []), ...scope.subscribedTo])];
    const visible = scope.everything
      ? sql`TRUE`
      : creators.length > 0
        ? sql`(p.visibility IN ('public', 'ppv') OR p.creator_id IN (${idList(creators)}))`
        : sql`p.visibility IN ('public', 'ppv')`;
    const found = await rows<{ id: string }>(
      db,
      sql`SELECT p.id AS id FROM ${textMatches(db, POST_TEXT, terms)} m
        JOIN posts p ON p.id = m.key
        WHERE p.published_at IS NOT NULL AND ${visible}
        ORDER BY m.score, p.published_at DESC, p.id DESC
        LIMIT ${limit}`,
    );
    return found.map((r) => r.id);
  },

  /** Likes and comments given since `since` on each creator's live posts. */
  async engagementSince(
    db: DrizzleDb,
    since: number,
  ): Promise<Map<string, { likes: number; comments: number }>> {
    const out = new Map<string, { likes: number; comments: number }>();
    const of = (id: string) => out.get(id) ?? out.set(id, { likes: 0, comments: 0 }).get(id)!;
    const count = sql<number>`count(*)`.mapWith(Number);
    for (const r of await db
      .select({ creatorId: posts.creatorId, n: count })
      .from(postLikes)
      .innerJoin(posts, eq(posts.id, postLikes.postId))
      .where(and(gte(postLikes.createdAt, since), isNotNull(posts.publishedAt)))
      .groupBy(posts.creatorId))
      of(r.creatorId).likes = r.n;
    for (const r of await db
      .select({ creatorId: posts.creatorId, n: count })
      .from(postComments)
      .innerJoin(posts, eq(posts.id, postComments.postId))
      .where(and(gte(postComments.createdAt, since), isNotNull(posts.publishedAt)))
      .groupBy(posts.creatorId))
      of(r.creatorId).comments = r.n;
    return out;
  },
};
