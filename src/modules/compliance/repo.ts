// Every query of the compliance module.
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { firstRow, rowCount } from "../../db/query.ts";
import { before } from "../../db/keyset.ts";
import type { Cursor } from "../../lib/cursor.ts";
import {
  complianceDocuments,
  dmcaNotices,
  dmcaStrikes,
  kycSubmissions,
  postPerformers,
  postRecords,
  releases,
  type DmcaNoticeRow,
  type DmcaStatus,
  type DmcaStrikeRow,
  type DocumentRow,
  type KycRow,
  type KycStatus,
  type PostPerformerRow,
  type PostRecordRow,
  type ReleaseRow,
} from "./tables.ts";

export const documentsRepo = {
  insert: async (db: DrizzleDb, rows: DocumentRow[]): Promise<void> => {
    if (rows.length) await db.insert(complianceDocuments).values(rows);
  },
  byId: (db: DrizzleDb, id: string) =>
    db.select().from(complianceDocuments).where(eq(complianceDocuments.id, id)).then(firstRow),
  byIds: async (db: DrizzleDb, ids: string[]) =>
    ids.length === 0
      ? []
      : await db.select().from(complianceDocuments).where(inArray(complianceDocuments.id, ids)),
  remove: async (db: DrizzleDb, ids: string[]): Promise<void> => {
    if (ids.length) await db.delete(complianceDocuments).where(inArray(complianceDocuments.id, ids));
  },
};

export const kycRepo = {
  insert: async (db: DrizzleDb, row: KycRow): Promise<void> => {
    await db.insert(kycSubmissions).values(row);
  },
  byId: (db: DrizzleDb, id: string) =>
    db.select().from(kycSubmissions).where(eq(kycSubmissions.id, id)).then(firstRow),
  update: async (db: DrizzleDb, id: string, patch: Partial<Omit<KycRow, "id">>): Promise<void> => {
    await db.update(kycSubmissions).set(patch).where(eq(kycSubmissions.id, id));
  },
  /** A person's newest submission. */
  latestOf: (db: DrizzleDb, userId: string) =>
    db
      .select()
      .from(kycSubmissions)
      .where(eq(kycSubmissions.userId, userId))
      .orderBy(desc(kycSubmissions.createdAt), desc(kycSubmissions.id))
      .limit(1)
      .then(firstRow),
  pendingOf: (db: DrizzleDb, userId: string) =>
    db
      .select({ id: kycSubmissions.id })
      .from(kycSubmissions)
      .where(and(eq(kycSubmissions.userId, userId), eq(kycSubmissions.status, "pending")))
      .then(firstRow),
  /** The newest approved submission of each of these people. */
  async approvedOf(db: DrizzleDb, userIds: string[]): Promise<Map<string, KycRow>> {
    if (userIds.length === 0) return new Map();
    const rows = await db
      .select()
      .from(kycSubmissions)
      .where(and(inArray(kycSubmissions.userId, userIds), eq(kycSubmissions.status, "approved")))
      .orderBy(asc(kycSubmissions.createdAt));
    return new Map(rows.map((r) => [r.userId, r]));
  },
  isApproved: (db: DrizzleDb, userId: string): Promise<boolean> =>
    db
      .select({ id: kycSubmissions.id })
      .from(kycSubmissions)
      .where(and(eq(kycSubmissions.userId, userId), eq(kycSubmissions.status, "approved")))
      .limit(1)
      .then((r) => r.length > 0),
  list: (db: DrizzleDb, status: KycStatus | null, cursor: Cursor | null, limit: number) =>
    db
      .select()
      .from(kycSubmissions)
      .where(
        and(
          status ? eq(kycSubmissions.status, status) : undefined,
          before(kycSubmissions.createdAt, kycSubmissions.id, cursor),
        ),
      )
      .orderBy(desc(kycSubmissions.createdAt), desc(kycSubmissions.id))
      .limit(limit),
  ofUser: (db: DrizzleDb, userId: string) =>
    db.select().from(kycSubmissions).where(eq(kycSubmissions.userId, userId)),
};

export const releasesRepo = {
  insert: async (db: DrizzleDb, row: ReleaseRow): Promise<void> => {
    await db.insert(releases).values(row);
  },
  byIds: async (db: DrizzleDb, ids: string[]) =>
    ids.length === 0 ? [] : await db.select().from(releases).where(inArray(releases.id, ids)),
  ofCreator: (db: DrizzleDb, creatorId: string, cursor: Cursor | null, limit: number) =>
    db
      .select()
      .from(releases)
      .where(and(eq(releases.creatorId, creatorId), before(releases.createdAt, releases.id, cursor)))
      .orderBy(desc(releases.createdAt), desc(releases.id))
      .limit(limit),
  allOfCreator: (db: DrizzleDb, creatorId: string) =>
    db.select().from(releases).where(eq(releases.creatorId, creatorId)),
};

export const recordsRepo = {
  record: (db: DrizzleDb, postId: string) =>
    db.select().from(postRecords).where(eq(postRecords.postId, postId)).then(firstRow),
  upsertRecord: async (db: DrizzleDb, row: PostRecordRow): Promise<void> => {
    await db
      .insert(postRecords)
      .values(row)
      .onConflictDoUpdate({
        target: postRecords.postId,
        set: { pendingPublish: row.pendingPublish, updatedAt: row.updatedAt },
      });
  },
  setPending: async (db: DrizzleDb, postId: string, pending: PostRecordRow["pendingPublish"], t: number) => {
    await db
      .update(postRecords)
      .set({ pendingPublish: pending, updatedAt: t })
      .where(eq(postRecords.postId, postId));
  },
  /** A creator's posts that wait for co-performers to confirm. */
  heldOf: (db: DrizzleDb, creatorId: string) =>
    db
      .select()
      .from(postRecords)
      .where(and(eq(postRecords.creatorId, creatorId), isNotNull(postRecords.pendingPublish))),
  performersOf: async (db: DrizzleDb, postIds: string[]): Promise<PostPerformerRow[]> =>
    postIds.length === 0
      ? []
      : await db
          .select()
          .from(postPerformers)
          .where(inArray(postPerformers.postId, postIds))
          .orderBy(asc(postPerformers.createdAt), asc(postPerformers.id)),
  performerById: (db: DrizzleDb, id: string) =>
    db.select().from(postPerformers).where(eq(postPerformers.id, id)).then(firstRow),
  insertPerformers: async (db: DrizzleDb, rows: PostPerformerRow[]): Promise<void> => {
    if (rows.length) await db.insert(postPerformers).values(rows);
  },
  removePerformers: async (db: DrizzleDb, ids: string[]): Promise<void> => {
    if (ids.length) await db.delete(postPerformers).where(inArray(postPerformers.id, ids));
  },
  decide: async (db: DrizzleDb, id: string, status: "confirmed" | "declined", t: number): Promise<void> => {
    await db.update(postPerformers).set({ status, decidedAt: t }).where(eq(postPerformers.id, id));
  },
  /** What a person was asked to confirm, newest first. */
  requestsOf: (db: DrizzleDb, userId: string, cursor: Cursor | null, limit: number) =>
    db
      .select()
      .from(postPerformers)
      .where(
        and(
          eq(postPerformers.performerId, userId),
          before(postPerformers.createdAt, postPerformers.id, cursor),
        ),
      )
      .orderBy(desc(postPerformers.createdAt), desc(postPerformers.id))
      .limit(limit),
  /** Every post id with a record, in id order (the export walks them with the posts). */
  recordPostIdsAfter: (db: DrizzleDb, afterId: string, limit: number) =>
    db
      .select({ postId: postRecords.postId })
      .from(postRecords)
      .where(sql`${postRecords.postId} > ${afterId}`)
      .orderBy(asc(postRecords.postId))
      .limit(limit),
};

export const dmcaRepo = {
  insert: async (db: DrizzleDb, row: DmcaNoticeRow): Promise<void> => {
    await db.insert(dmcaNotices).values(row);
  },
  byId: (db: DrizzleDb, id: string) =>
    db.select().from(dmcaNotices).where(eq(dmcaNotices.id, id)).then(firstRow),
  byIds: async (db: DrizzleDb, ids: string[]) =>
    ids.length === 0 ? [] : await db.select().from(dmcaNotices).where(inArray(dmcaNotices.id, ids)),
  /** Moves a notice from one status to the next; false when it was no longer in `from`. */
  move: async (
    db: DrizzleDb,
    id: string,
    from: DmcaStatus[],
    patch: Partial<Omit<DmcaNoticeRow, "id">>,
  ): Promise<boolean> =>
    rowCount(
      await db
        .update(dmcaNotices)
        .set(patch)
        .where(and(eq(dmcaNotices.id, id), inArray(dmcaNotices.status, from))),
    ) > 0,
  list: (db: DrizzleDb, status: DmcaStatus | null, cursor: Cursor | null, limit: number) =>
    db
      .select()
      .from(dmcaNotices)
      .where(
        and(
          status ? eq(dmcaNotices.status, status) : undefined,
          before(dmcaNotices.createdAt, dmcaNotices.id, cursor),
        ),
      )
      .orderBy(desc(dmcaNotices.createdAt), desc(dmcaNotices.id))
      .limit(limit),

  insertStrikes: async (db: DrizzleDb, rows: DmcaStrikeRow[]): Promise<void> => {
    if (rows.length) await db.insert(dmcaStrikes).values(rows);
  },
  strikesOfNotice: (db: DrizzleDb, noticeId: string) =>
    db.select().from(dmcaStrikes).where(eq(dmcaStrikes.noticeId, noticeId)),
  strike: (db: DrizzleDb, noticeId: string, userId: string) =>
    db
      .select()
      .from(dmcaStrikes)
      .where(and(eq(dmcaStrikes.noticeId, noticeId), eq(dmcaStrikes.userId, userId)))
      .then(firstRow),
  updateStrike: async (
    db: DrizzleDb,
    id: string,
    patch: Partial<Omit<DmcaStrikeRow, "id">>,
  ): Promise<void> => {
    await db.update(dmcaStrikes).set(patch).where(eq(dmcaStrikes.id, id));
  },
  /** Strikes that still count (not withdrawn by a restore). */
  activeStrikes: (db: DrizzleDb, userId: string): Promise<number> =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(dmcaStrikes)
      .where(and(eq(dmcaStrikes.userId, userId), isNull(dmcaStrikes.withdrawnAt)))
      .then((r) => Number(r[0]?.n ?? 0)),
  /** The strikes of one creator, newest first (their notices). */
  strikesOf: (db: DrizzleDb, userId: string, cursor: Cursor | null, limit: number) =>
    db
      .select()
      .from(dmcaStrikes)
      .where(and(eq(dmcaStrikes.userId, userId), before(dmcaStrikes.createdAt, dmcaStrikes.id, cursor)))
      .orderBy(desc(dmcaStrikes.createdAt), desc(dmcaStrikes.id))
      .limit(limit),
};

export const retentionRepo = {
  /** Marks a person's records to be kept until `until` (their account is gone). */
  async retain(db: DrizzleDb, userId: string, until: number): Promise<{ kyc: number; releases: number }> {
    const k = rowCount(
      await db
        .update(kycSubmissions)
        .set({ retainUntil: until })
        .where(and(eq(kycSubmissions.userId, userId), isNull(kycSubmissions.retainUntil))),
    );
    const r = rowCount(
      await db
        .update(releases)
        .set({ retainUntil: until })
        .where(and(eq(releases.creatorId, userId), isNull(releases.retainUntil))),
    );
    return { kyc: k, releases: r };
  },
  expiredKyc: (db: DrizzleDb, now: number, limit: number) =>
    db
      .select()
      .from(kycSubmissions)
      .where(and(isNotNull(kycSubmissions.retainUntil), lt(kycSubmissions.retainUntil, now)))
      .limit(limit),
  expiredReleases: (db: DrizzleDb, now: number, limit: number) =>
    db
      .select()
      .from(releases)
      .where(and(isNotNull(releases.retainUntil), lt(releases.retainUntil, now)))
      .limit(limit),
  async removeKyc(db: DrizzleDb, ids: string[]): Promise<void> {
    if (ids.length) await db.delete(kycSubmissions).where(inArray(kycSubmissions.id, ids));
  },
  async removeReleases(db: DrizzleDb, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await db.delete(postPerformers).where(inArray(postPerformers.releaseId, ids));
    await db.delete(releases).where(inArray(releases.id, ids));
  },
};
