import { sql } from "drizzle-orm";
import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "../users/tables.ts";

export const REPORT_TARGETS = ["post", "comment", "message", "user", "stream"] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];
export const REPORT_REASONS = [
  "spam",
  "harassment",
  "illegal",
  "underage",
  "copyright",
  "impersonation",
  "other",
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const REPORT_ACTIONS = ["dismiss", "remove_content", "ban_user"] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/**
 * A person's report of a post, comment, message, person or live stream. What the target said and who made
 * it are copied in when the report is made, so the moderator sees the evidence even after the content is
 * edited or removed. One open report per reporter and target (a partial unique index).
 */
export const reports = sqliteTable(
  "reports",
  {
    id: text("id").primaryKey(),
    reporterId: text("reporter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    targetType: text("target_type", { enum: REPORT_TARGETS }).notNull(),
    targetId: text("target_id").notNull(),
    /** Who made the reported thing (the person, for a `user` report). No foreign key: evidence outlives accounts. */
    targetAuthorId: text("target_author_id").notNull(),
    /** The target's text (or title, or name) when it was reported, cut to 1,000 characters. */
    preview: text("preview").notNull(),
    /** Where the moderator can open it (a web path), or null (a private message). */
    link: text("link"),
    reason: text("reason", { enum: REPORT_REASONS }).notNull(),
    details: text("details").notNull(),
    status: text("status", { enum: ["open", "resolved"] }).notNull(),
    action: text("action", { enum: REPORT_ACTIONS }),
    note: text("note"),
    resolvedBy: text("resolved_by"),
    resolvedAt: integer("resolved_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    // The queue: open ones oldest first, resolved ones newest first.
    index("reports_status_created_idx").on(t.status, t.createdAt, t.id),
    index("reports_author_idx").on(t.targetAuthorId, t.status),
    uniqueIndex("reports_open_once_idx")
      .on(t.reporterId, t.targetType, t.targetId)
      .where(sql`${t.status} = 'open'`),
  ],
);

export type ReportRow = typeof reports.$inferSelect;
