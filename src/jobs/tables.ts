import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";

export const JOB_STATUSES = ["queued", "running", "done", "failed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** The persistent job queue: work that must survive a restart (media processing). */
export const jobs = sqliteTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    /** Registry key of the handler, e.g. "media.process". */
    name: text("name").notNull(),
    payload: text("payload", { mode: "json" }).notNull().$type<unknown>(),
    status: text("status", { enum: JOB_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull(),
    /** Not before this time (first run, or the next retry after backoff). */
    runAt: integer("run_at").notNull(),
    /** While running: the holder's lease; once it lapses another worker (or a restart) takes the job over. */
    lockedUntil: integer("locked_until"),
    lastError: text("last_error"),
    /** 0..100, reported by long handlers (video). */
    progress: integer("progress").notNull().default(0),
    result: text("result", { mode: "json" }).$type<unknown>(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    // "Next runnable job": queued ones by run_at; abandoned running ones by their lapsed lock.
    index("jobs_runnable_idx").on(t.status, t.runAt),
    index("jobs_lock_idx").on(t.status, t.lockedUntil),
    // Admin listing, newest first, with and without a status filter.
    index("jobs_status_created_idx").on(t.status, t.createdAt, t.id),
    index("jobs_created_idx").on(t.createdAt, t.id),
  ],
);

export type JobRow = typeof jobs.$inferSelect;

/**
 * Leases on work that one node at a time should do (the scheduler's tick): the holder renews it while it
 * runs; once it lapses another node takes it over, and the epoch counts the changes of holder.
 */
export const leases = sqliteTable("leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  epoch: integer("epoch").notNull(),
  expiresAt: integer("expires_at").notNull(),
});
