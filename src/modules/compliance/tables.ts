// The compliance module's tables: identity documents (their bytes live encrypted under
// <data_dir>/private/, never here), KYC submissions, performers' releases, the 2257 records of posts, and
// DMCA notices with the strikes they caused. Identity fields (legal name, date of birth, country, other
// names) are sealed with the documents key, so the database alone reveals nobody's identity.
// Records outlive the account they describe (the law asks for it): user references have no cascade.
import { sql } from "drizzle-orm";
import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "../users/tables.ts";

export const DOCUMENT_KINDS = ["id_document", "selfie", "release"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const KYC_STATUSES = ["pending", "approved", "rejected"] as const;
export type KycStatus = (typeof KYC_STATUSES)[number];
export const PERFORMER_STATUSES = ["pending", "confirmed", "declined"] as const;
export type PerformerStatus = (typeof PERFORMER_STATUSES)[number];
export const DMCA_STATUSES = ["open", "taken_down", "rejected", "countered", "restored"] as const;
export type DmcaStatus = (typeof DMCA_STATUSES)[number];

/** One stored document: `<data_dir>/private/documents/<id>`, AES-256-GCM in chunks (documents.ts). */
export const complianceDocuments = sqliteTable(
  "compliance_documents",
  {
    id: text("id").primaryKey(),
    /** Who uploaded it. */
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: DOCUMENT_KINDS }).notNull(),
    /** Sniffed from the content: image/jpeg, image/png, image/webp or application/pdf. */
    mime: text("mime").notNull(),
    /** The plaintext's size in bytes. */
    sizeBytes: integer("size_bytes").notNull(),
    /** The client's file name, sanitised. */
    fileName: text("file_name").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("compliance_documents_owner_idx").on(t.ownerId)],
);

/** A creator's identity verification: legal identity (sealed), an ID document and a selfie holding it. */
export const kycSubmissions = sqliteTable(
  "kyc_submissions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    status: text("status", { enum: KYC_STATUSES }).notNull(),
    /** Sealed JSON: { legalName, dateOfBirth (YYYY-MM-DD), country (ISO 3166-1 alpha-2) }. */
    identity: text("identity").notNull(),
    idDocumentId: text("id_document_id")
      .notNull()
      .references(() => complianceDocuments.id),
    selfieId: text("selfie_id")
      .notNull()
      .references(() => complianceDocuments.id),
    rejectionReason: text("rejection_reason"),
    reviewerId: text("reviewer_id").references(() => users.id),
    reviewedAt: integer("reviewed_at"),
    createdAt: integer("created_at").notNull(),
    /** Set when the account is deleted: the record (and its documents) is purged after this time. */
    retainUntil: integer("retain_until"),
  },
  (t) => [
    index("kyc_user_idx").on(t.userId, t.createdAt, t.id),
    index("kyc_status_idx").on(t.status, t.createdAt, t.id),
    // One submission under review per person.
    uniqueIndex("kyc_one_pending_idx")
      .on(t.userId)
      .where(sql`${t.status} = 'pending'`),
    index("kyc_retain_idx")
      .on(t.retainUntil)
      .where(sql`${t.retainUntil} IS NOT NULL`),
  ],
);

/** A performer's model release kept by a creator: legal identity (sealed), ID document, signed release. */
export const releases = sqliteTable(
  "releases",
  {
    id: text("id").primaryKey(),
    creatorId: text("creator_id")
      .notNull()
      .references(() => users.id),
    /** Sealed JSON: { legalName, dateOfBirth (YYYY-MM-DD), otherNames: string[] }. */
    identity: text("identity").notNull(),
    idDocumentId: text("id_document_id")
      .notNull()
      .references(() => complianceDocuments.id),
    releaseDocumentId: text("release_document_id")
      .notNull()
      .references(() => complianceDocuments.id),
    createdAt: integer("created_at").notNull(),
    retainUntil: integer("retain_until"),
  },
  (t) => [
    index("releases_creator_idx").on(t.creatorId, t.createdAt, t.id),
    index("releases_retain_idx")
      .on(t.retainUntil)
      .where(sql`${t.retainUntil} IS NOT NULL`),
  ],
);

/**
 * The 2257 record of a post that names performers besides its creator. `pendingPublish`: the post is held
 * (kept a draft by the posts module) until every co-performer confirmed, then published at `publishAt`
 * (null: at once). No foreign key to posts: the record stays when a post goes.
 */
export const postRecords = sqliteTable(
  "post_records",
  {
    postId: text("post_id").primaryKey(),
    creatorId: text("creator_id")
      .notNull()
      .references(() => users.id),
    pendingPublish: text("pending_publish", { mode: "json" }).$type<{ publishAt: number | null }>(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("post_records_creator_idx").on(t.creatorId, t.createdAt)],
);

/** Who performs in a post besides its creator: a verified creator (who confirms) or a release. */
export const postPerformers = sqliteTable(
  "post_performers",
  {
    id: text("id").primaryKey(),
    postId: text("post_id").notNull(),
    kind: text("kind", { enum: ["co_performer", "release"] }).notNull(),
    performerId: text("performer_id").references(() => users.id),
    releaseId: text("release_id").references(() => releases.id),
    status: text("status", { enum: PERFORMER_STATUSES }).notNull(),
    createdAt: integer("created_at").notNull(),
    decidedAt: integer("decided_at"),
  },
  (t) => [
    uniqueIndex("post_performers_user_idx").on(t.postId, t.performerId),
    uniqueIndex("post_performers_release_idx").on(t.postId, t.releaseId),
    index("post_performers_requests_idx").on(t.performerId, t.createdAt, t.id),
    index("post_performers_by_release_idx").on(t.releaseId),
  ],
);

export interface DmcaClaimant {
  name: string;
  email: string;
  address: string;
  phone: string | null;
}
/** What a takedown removed: posts on this site, with what restoring them needs. */
export interface DmcaTarget {
  type: "post";
  id: string;
  creatorId: string;
  publishedAt: number | null;
  /** The URL of the notice that named it. */
  url: string;
}
export interface CounterNotice {
  name: string;
  address: string;
  phone: string | null;
  email: string;
  /** The removed material as it was identified (the notice's URLs unless the creator says otherwise). */
  material: string;
  mistakeStatement: true;
  jurisdictionConsent: true;
  signature: string;
}

/** A DMCA notice sent through the public form. */
export const dmcaNotices = sqliteTable(
  "dmca_notices",
  {
    id: text("id").primaryKey(),
    status: text("status", { enum: DMCA_STATUSES }).notNull(),
    claimant: text("claimant", { mode: "json" }).$type<DmcaClaimant>().notNull(),
    /** The copyrighted work, as the claimant describes it. */
    work: text("work").notNull(),
    urls: text("urls", { mode: "json" }).$type<string[]>().notNull(),
    signature: text("signature").notNull(),
    /** The address it was sent from (rate limits; evidence of the sender). */
    ip: text("ip"),
    targets: text("targets", { mode: "json" }).$type<DmcaTarget[]>(),
    deciderId: text("decider_id").references(() => users.id),
    decidedAt: integer("decided_at"),
    rejectReason: text("reject_reason"),
    restoredAt: integer("restored_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("dmca_status_idx").on(t.status, t.createdAt, t.id)],
);

/**
 * A strike: one creator's content taken down by one notice; also how a creator finds the notices about
 * them, and where their counter-notice goes. A restored strike is withdrawn and no longer counts.
 */
export const dmcaStrikes = sqliteTable(
  "dmca_strikes",
  {
    id: text("id").primaryKey(),
    noticeId: text("notice_id")
      .notNull()
      .references(() => dmcaNotices.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    counter: text("counter", { mode: "json" }).$type<CounterNotice>(),
    counteredAt: integer("countered_at"),
    withdrawnAt: integer("withdrawn_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("dmca_strikes_notice_user_idx").on(t.noticeId, t.userId),
    index("dmca_strikes_user_idx").on(t.userId, t.createdAt, t.id),
  ],
);

export type DocumentRow = typeof complianceDocuments.$inferSelect;
export type KycRow = typeof kycSubmissions.$inferSelect;
export type ReleaseRow = typeof releases.$inferSelect;
export type PostRecordRow = typeof postRecords.$inferSelect;
export type PostPerformerRow = typeof postPerformers.$inferSelect;
export type DmcaNoticeRow = typeof dmcaNotices.$inferSelect;
export type DmcaStrikeRow = typeof dmcaStrikes.$inferSelect;
