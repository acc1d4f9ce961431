import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { before } from "../../db/keyset.ts";
import { inList, prepared } from "../../db/prepared.ts";
import type { Cursor } from "../../lib/cursor.ts";
import { media, postMedia, type MediaRow } from "./tables.ts";

export const mediaRepo = {
  insert: (db: DrizzleDb, row: MediaRow): void => {
    db.insert(media).values(row).run();
  },
  byId: (db: DrizzleDb, id: string): MediaRow | undefined =>
    prepared(db, "media.byId", () =>
      db
        .select()
        .from(media)
        .where(eq(media.id, sql.placeholder("id")))
        .prepare(),
    ).get({ id }),
  byIds(db: DrizzleDb, ids: string[]): MediaRow[] {
    if (ids.length === 0) return [];
    const list = inList(ids);
    return prepared(db, `media.byIds:${list.size}`, () =>
      db.select().from(media).where(inArray(media.id, list.placeholders)).prepare(),
    ).all(list.params);
  },
  /** Which of these ids have a media row (primary key). */
  existingIds(db: DrizzleDb, ids: string[]): string[] {
    if (ids.length === 0) return [];
    const list = inList(ids);
    return prepared(db, `media.existingIds:${list.size}`, () =>
      db.select({ id: media.id }).from(media).where(inArray(media.id, list.placeholders)).prepare(),
    )
      .all(list.params)
      .map((r) => r.id);
  },
  update: (db: DrizzleDb, id: string, patch: Partial<Omit<MediaRow, "id">>): void => {
    db.update(media).set(patch).where(eq(media.id, id)).run();
  },
  /** The owner's vault (post media only), newest first (index media_owner_created_idx). */
  byOwner: (db: DrizzleDb, ownerId: string, cursor: Cursor | null, limit: number): MediaRow[] =>
    db
      .select()
      .from(media)
      .where(
        and(eq(media.ownerId, ownerId), eq(media.purpose, "post"), before(media.createdAt, media.id, cursor)),
      )
      .orderBy(desc(media.createdAt), desc(media.id))
      .limit(limit)
      .all(),

  /** The owner's avatars or banners (the current one, and any still processing or failed), newest first. */
  profileMediaOf: (db: DrizzleDb, ownerId: string, purpose: "avatar" | "banner"): MediaRow[] =>
    db
      .select()
      .from(media)
      .where(and(eq(media.ownerId, ownerId), eq(media.purpose, purpose)))
      .orderBy(desc(media.createdAt), desc(media.id))
      .all(),
  deleteMany(db: DrizzleDb, ids: string[]): void {
    if (ids.length > 0) db.delete(media).where(inArray(media.id, ids)).run();
  },

  /** Posts carrying this medium (index post_media_media_idx). */
  postIdsOf: (db: DrizzleDb, mediaId: string): string[] =>
    prepared(db, "media.postIdsOf", () =>
      db
        .select({ postId: postMedia.postId })
        .from(postMedia)
        .where(eq(postMedia.mediaId, sql.placeholder("id")))
        .prepare(),
    )
      .all({ id: mediaId })
      .map((r) => r.postId),
  /** Attachments of the given posts in display order (primary key post_id, media_id). */
  attachmentsOf(db: DrizzleDb, postIds: string[]): { postId: string; mediaId: string }[] {
    if (postIds.length === 0) return [];
    const list = inList(postIds);
    return prepared(db, `media.attachmentsOf:${list.size}`, () =>
      db
        .select({ postId: postMedia.postId, mediaId: postMedia.mediaId })
        .from(postMedia)
        .where(inArray(postMedia.postId, list.placeholders))
        .orderBy(asc(postMedia.postId), asc(postMedia.position))
        .prepare(),
    ).all(list.params);
  },
  setAttachments(db: DrizzleDb, postId: string, mediaIds: string[]): void {
    db.delete(postMedia).where(eq(postMedia.postId, postId)).run();
    if (mediaIds.length > 0)
      db.insert(postMedia)
        .values(mediaIds.map((mediaId, position) => ({ postId, mediaId, position })))
        .run();
  },
};
