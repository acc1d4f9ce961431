import { sql } from "drizzle-orm";
import { sqliteTable, text, integer, index, primaryKey } from "drizzle-orm/sqlite-core";
import { users } from "../users/tables.ts";

export const VISIBILITIES = ["public", "subscribers", "ppv"] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export type PostStatus = "draft" | "scheduled" | "published";

export const posts = sqliteTable(
  "posts",
  {
    id: text("id").primaryKey(),
    creatorId: text("creator_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    visibility: text("visibility", { enum: VISIBILITIES }).notNull(),
    /** Only for ppv. */
    priceCents: integer("price_cents"),
    status: text("status", { enum: ["draft", "scheduled", "published"] }).notNull(),
    /** When a scheduled post goes live; the scheduler flips it to published. */
    publishAt: integer("publish_at"),
    /** Set when the post goes live, cleared when it is deleted; the sort key of every timeline. */
    publishedAt: integer("published_at"),
    likesCount: integer("likes_count").notNull().default(0),
    commentsCount: integer("comments_count").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    /** Soft delete: purchases and ledger entries keep pointing at a real row. */
    deletedAt: integer("deleted_at"),
  },
  (t) => [
    // Live posts only (deleting a post clears published_at): timelines sort keys read from this index
    // alone, without touching the table; likes_count rides along so the creator page's counts do too.
    index("posts_creator_timeline_idx")
      .on(t.creatorId, t.publishedAt, t.id, t.likesCount)
      .where(sql`${t.publishedAt} IS NOT NULL`),
    index("posts_creator_unpublished_idx").on(t.creatorId, t.status, t.createdAt, t.id),
    index("posts_due_idx").on(t.status, t.publishAt),
  ],
);

export const postLikes = sqliteTable(
  "post_likes",
  {
    postId: text("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.postId] }), index("post_likes_post_idx").on(t.postId)],
);

export const postComments = sqliteTable(
  "post_comments",
  {
    id: text("id").primaryKey(),
    postId: text("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("post_comments_post_idx").on(t.postId, t.createdAt, t.id)],
);

export type PostRow = typeof posts.$inferSelect;
export type CommentRow = typeof postComments.$inferSelect;

/**
 * A creator's pinned posts: one row per used slot (0..2), so the primary key itself caps a creator at
 * three pins even when parallel requests on several nodes pin at once.
 */
export const PIN_SLOTS = 3;
export const postPins = sqliteTable(
  "post_pins",
  {
    creatorId: text("creator_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    slot: integer("slot").notNull(),
    postId: text("post_id")
      .notNull()
      .unique()
      .references(() => posts.id, { onDelete: "cascade" }),
    pinnedAt: integer("pinned_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.creatorId, t.slot] })],
);

/**
 * Hashtags of a post (lowercased). published_at mirrors the post's (kept by postsRepo.update), so a tag
 * page is one walk of the partial index in timeline order.
 */
export const postTags = sqliteTable(
  "post_tags",
  {
    postId: text("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    tag: text("tag").notNull(),
    publishedAt: integer("published_at"),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.tag] }),
    index("post_tags_timeline_idx")
      .on(t.tag, t.publishedAt, t.postId)
      .where(sql`${t.publishedAt} IS NOT NULL`),
  ],
);

export const postBookmarks = sqliteTable(
  "post_bookmarks",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    postId: text("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.postId] }),
    index("post_bookmarks_user_idx").on(t.userId, t.createdAt, t.postId),
  ],
);
