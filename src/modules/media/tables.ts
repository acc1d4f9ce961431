import { sqliteTable, text, integer, index, primaryKey } from "drizzle-orm/sqlite-core";
import { users } from "../users/tables.ts";
import { posts } from "../posts/tables.ts";
import { messages } from "../messages/tables.ts";

export const MEDIA_KINDS = ["image", "video"] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];
export const MEDIA_STATUSES = ["processing", "ready", "failed"] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];
/** What a medium is for: post media live in the vault; profile images are public and not listed there. */
export const MEDIA_PURPOSES = ["post", "avatar", "banner"] as const;
export type MediaPurpose = (typeof MEDIA_PURPOSES)[number];

/** Files the processing step produced, by variant name -> file name under media/<id>/. */
export type MediaFiles = Record<string, string>;

/** One uploaded file in a creator's vault; its bytes live under data_dir/media/<id>/. */
export const media = sqliteTable(
  "media",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: MEDIA_KINDS }).notNull(),
    /** The sniffed content type of the original. */
    mime: text("mime").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    /** The client's file name, sanitised; for display only, never a path. */
    originalName: text("original_name").notNull(),
    status: text("status", { enum: MEDIA_STATUSES }).notNull(),
    purpose: text("purpose", { enum: MEDIA_PURPOSES }).notNull().default("post"),
    failureReason: text("failure_reason"),
    width: integer("width"),
    height: integer("height"),
    durationMs: integer("duration_ms"),
    files: text("files", { mode: "json" }).$type<MediaFiles>(),
    /** The processing job, for its progress while the medium is processing. */
    jobId: text("job_id"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("media_owner_created_idx").on(t.ownerId, t.createdAt, t.id)],
);

/** Which media a post shows, in order. Owned by media: delivery asks "which posts carry this file?". */
export const postMedia = sqliteTable(
  "post_media",
  {
    postId: text("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    mediaId: text("media_id")
      .notNull()
      .references(() => media.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.mediaId] }), index("post_media_media_idx").on(t.mediaId)],
);

export type MediaRow = typeof media.$inferSelect;

/** A direct message's media, in order (the sender's vault media). */
export const messageMedia = sqliteTable(
  "message_media",
  {
    messageId: text("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    mediaId: text("media_id")
      .notNull()
      .references(() => media.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.mediaId] }), index("message_media_media_idx").on(t.mediaId)],
);
