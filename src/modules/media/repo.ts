import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { before } from "../../db/keyset.ts";
import { inList, prepared } from "../../db/prepared.ts";
import type { Cursor } from "../../lib/cursor.ts";
import { media, messageMedia, postMedia, type MediaRow } from "./tables.ts";

export const mediaRepo = {
  insert: async (db: DrizzleDb, row: MediaRow): Promise<void> => {
    await db.insert(media).values(row);
  },
  byId: (db: DrizzleDb, id: string): Promise<MediaRow | undefined> =>
    prepared(db, "media.byId", () =>
      db
        .select()
        .from(media)
        .where(eq(media.id, sql.placeholder("id")))
        .prepare(),
    ).get({ id }),
  async byIds(db: DrizzleDb, ids: string[]): Promise<MediaRow[]> {
    if (ids.length === 0) return [];
    const list = inList(ids);
    return prepared(db, `media.byIds:${list.size}`, () =>
      db.select().from(media).where(inArray(media.id, list.placeholders)).prepare(),
    ).all(list.params);
  },
  /** Which of these ids have a media row (primary key). */
  async existingIds(db: DrizzleDb, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const list = inList(ids);
    const rows = await prepared(db, `media.existingIds:${list.size}`, () =>
      db.select({ id: media.id }).from(media).where(inArray(media.id, list.placeholders)).prepare(),
    ).all(list.params);
    return rows.map((r) => r.id);
  },
  update: async (db: DrizzleDb, id: string, patch: Partial<Omit<MediaRow, "id">>): Promise<void> => {
    await db.update(media).set(patch).where(eq(media.id, id));
  },
  /** The owner's vault (post media only), newest first (index media_owner_created_idx). */
  byOwner: (db: DrizzleDb, ownerId: string, cursor: Cursor | null, limit: number): Promise<MediaRow[]> =>
    db
      .select()
      .from(media)
      .where(
        and(eq(media.ownerId, ownerId), eq(media.purpose, "post"), before(media.createdAt, media.id, cursor)),
      )
      .orderBy(desc(media.createdAt), desc(media.id))
      .limit(limit),

  /** The owner's avatars or banners (the current one, and any still processing or failed), newest first. */
  profileMediaOf: (db: DrizzleDb, ownerId: string, purpose: "avatar" | "banner"): Promise<MediaRow[]> =>
    db
      .select()
      .from(media)
      .where(and(eq(media.ownerId, ownerId), eq(media.purpose, purpose)))
      .orderBy(desc(media.createdAt), desc(media.id)),
  async deleteMany(db: DrizzleDb, ids: string[]): Promise<void> {
    if (ids.length > 0) await db.delete(media).where(inArray(media.id, ids));
  },

  /** Posts carrying this medium (index post_media_media_idx). */
  postIdsOf: async (db: DrizzleDb, mediaId: string): Promise<string[]> =>
    (
      await prepared(db, "media.postIdsOf", () =>
        db
          .select({ postId: postMedia.postId })
          .from(postMedia)
          .where(eq(postMedia.mediaId, sql.placeholder("id")))
          .prepare(),
      ).all({ id: mediaId })
    ).map((r) => r.postId),
  /** Attachments of the given posts in display order (primary key post_id, media_id). */
  async attachmentsOf(db: DrizzleDb, postIds: string[]): Promise<{ postId: string; mediaId: string }[]> {
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
  async setAttachments(db: DrizzleDb, postId: string, mediaIds: string[]): Promise<void> {
    await db.delete(postMedia).where(eq(postMedia.postId, postId));
    if (mediaIds.length > 0)
      await db.insert(postMedia).values(mediaIds.map((mediaId, position) => ({ postId, mediaId, position })));
  },
  messageIdsOf: async (db: DrizzleDb, mediaId: string): Promise<string[]> =>
    (
      await db
        .select({ messageId: messageMedia.messageId })
        .from(messageMedia)
        .where(eq(messageMedia.mediaId, mediaId))
    ).map((r) => r.messageId),
  /** Attachments of the given messages in display order. */
  messageAttachmentsOf: (
    db: DrizzleDb,
    messageIds: string[],
  ): Promise<{ ownerId: string; mediaId: string }[]> =>
    messageIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ ownerId: messageMedia.messageId, mediaId: messageMedia.mediaId })
          .from(messageMedia)
          .where(inArray(messageMedia.messageId, messageIds))
          .orderBy(asc(messageMedia.messageId), asc(messageMedia.position)),
  /** The same media, in order, on each of these messages. */
  async attachToMessages(db: DrizzleDb, messageIds: string[], mediaIds: string[]): Promise<void> {
    const links = messageIds.flatMap((messageId) =>
      mediaIds.map((mediaId, position) => ({ messageId, mediaId, position })),
    );
    for (let i = 0; i < links.length; i += 1000)
      await db.insert(messageMedia).values(links.slice(i, i + 1000));
  },
};

/** What GDPR export and erasure read of a person's media. */
export const mediaPrivacyRepo = {
  ownedBy: (db: DrizzleDb, ownerId: string) =>
    db.select().from(media).where(eq(media.ownerId, ownerId)).orderBy(asc(media.createdAt), asc(media.id)),
  /** Posts carrying any of these media (their cached links are forgotten when the media go). */
  postsCarrying: (db: DrizzleDb, mediaIds: string[]) =>
    mediaIds.length === 0
      ? Promise.resolve([])
      : db
          .selectDistinct({ postId: postMedia.postId })
          .from(postMedia)
          .where(inArray(postMedia.mediaId, mediaIds)),
};
