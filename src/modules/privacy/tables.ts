import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { users } from "../users/tables.ts";

export const EXPORT_STATUSES = ["queued", "running", "ready", "failed", "expired"] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/**
 * A person's GDPR data export: built by a persistent job into a zip in storage (`exports/<id>/…`),
 * downloadable by its owner until `expiresAt`, then its file is removed by the scheduler (`expired`).
 */
export const dataExports = sqliteTable(
  "data_exports",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: EXPORT_STATUSES }).notNull(),
    jobId: text("job_id"),
    /** The zip's storage key once ready. */
    fileKey: text("file_key"),
    sizeBytes: integer("size_bytes"),
    error: text("error"),
    createdAt: integer("created_at").notNull(),
    readyAt: integer("ready_at"),
    expiresAt: integer("expires_at"),
  },
  (t) => [
    index("data_exports_user_idx").on(t.userId, t.createdAt),
    index("data_exports_expiry_idx").on(t.status, t.expiresAt),
  ],
);

export type DataExportRow = typeof dataExports.$inferSelect;
