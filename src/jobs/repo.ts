import { and, asc, count, desc, eq, lt, lte } from "drizzle-orm";
import type { DrizzleDb } from "../db/client.ts";
import { firstRow, rowCount } from "../db/query.ts";
import { before } from "../db/keyset.ts";
import type { Cursor } from "../lib/cursor.ts";
import { jobs, type JobRow, type JobStatus } from "./tables.ts";

export const jobsRepo = {
  insert: async (db: DrizzleDb, row: JobRow): Promise<void> => {
    await db.insert(jobs).values(row);
  },
  byId: (db: DrizzleDb, id: string): Promise<JobRow | undefined> =>
    db.select().from(jobs).where(eq(jobs.id, id)).then(firstRow),
  update: async (db: DrizzleDb, id: string, patch: Partial<Omit<JobRow, "id">>): Promise<void> => {
    await db.update(jobs).set(patch).where(eq(jobs.id, id));
  },
  /** The oldest due queued job (index jobs_runnable_idx). */
  nextQueued: (db: DrizzleDb, now: number): Promise<JobRow | undefined> =>
    db
      .select()
      .from(jobs)
      .where(and(eq(jobs.status, "queued"), lte(jobs.runAt, now)))
      .orderBy(asc(jobs.runAt))
      .limit(1)
      .then(firstRow),
  /** A running job whose holder stopped renewing its lock (crashed or killed; index jobs_lock_idx). */
  nextAbandoned: (db: DrizzleDb, now: number): Promise<JobRow | undefined> =>
    db
      .select()
      .from(jobs)
      .where(and(eq(jobs.status, "running"), lt(jobs.lockedUntil, now)))
      .orderBy(asc(jobs.lockedUntil))
      .limit(1)
      .then(firstRow),
  /** Only while the caller still holds the job: a lapsed-and-retaken job is not touched. */
  renewLock: (
    db: DrizzleDb,
    id: string,
    attempts: number,
    lockedUntil: number,
    progress: number,
    now: number,
  ) =>
    db
      .update(jobs)
      .set({ lockedUntil, progress, updatedAt: now })
      .where(and(eq(jobs.id, id), eq(jobs.status, "running"), eq(jobs.attempts, attempts)))
      .then((r) => rowCount(r) === 1),
  stillHeld: (db: DrizzleDb, id: string, attempts: number): Promise<boolean> =>
    db
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.id, id), eq(jobs.status, "running"), eq(jobs.attempts, attempts)))
      .then((rows) => rows.length > 0),
  list: (db: DrizzleDb, status: JobStatus | null, cursor: Cursor | null, limit: number): Promise<JobRow[]> =>
    db
      .select()
      .from(jobs)
      .where(and(status ? eq(jobs.status, status) : undefined, before(jobs.createdAt, jobs.id, cursor)))
      .orderBy(desc(jobs.createdAt), desc(jobs.id))
      .limit(limit),
  countByStatus: (db: DrizzleDb) =>
    db.select({ status: jobs.status, n: count() }).from(jobs).groupBy(jobs.status),
};
