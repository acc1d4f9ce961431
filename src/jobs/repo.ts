import { and, asc, count, desc, eq, lt, lte, sql } from "drizzle-orm";
import type { DrizzleDb } from "../db/client.ts";
import { firstRow, rowCount, rows, skipLocked } from "../db/query.ts";
import { before } from "../db/keyset.ts";
import type { Cursor } from "../lib/cursor.ts";
import { jobs, leases, type JobRow, type JobStatus } from "./tables.ts";

export const jobsRepo = {
  insert: async (db: DrizzleDb, row: JobRow): Promise<void> => {
    await db.insert(jobs).values(row);
  },
  byId: (db: DrizzleDb, id: string): Promise<JobRow | undefined> =>
    db.select().from(jobs).where(eq(jobs.id, id)).then(firstRow),
  update: async (db: DrizzleDb, id: string, patch: Partial<Omit<JobRow, "id">>): Promise<void> => {
    await db.update(jobs).set(patch).where(eq(jobs.id, id));
  },
  /**
   * Inside the claiming write: the id of the oldest due queued job, else of a running job whose holder
   * stopped renewing its lock (crashed or killed), locked for this transaction; jobs other nodes are
   * claiming right now are skipped, not waited for (indexes jobs_runnable_idx, jobs_lock_idx).
   */
  async claimableId(tx: DrizzleDb, now: number): Promise<string | undefined> {
    const [queued] = await rows<{ id: string }>(
      tx,
      sql`SELECT ${jobs.id} FROM ${jobs} WHERE ${jobs.status} = 'queued' AND ${jobs.runAt} <= ${now} ORDER BY ${jobs.runAt} LIMIT 1 ${skipLocked(tx)}`,
    );
    if (queued) return queued.id;
    const [abandoned] = await rows<{ id: string }>(
      tx,
      sql`SELECT ${jobs.id} FROM ${jobs} WHERE ${jobs.status} = 'running' AND ${jobs.lockedUntil} < ${now} ORDER BY ${jobs.lockedUntil} LIMIT 1 ${skipLocked(tx)}`,
    );
    return abandoned?.id;
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

export const leasesRepo = {
  /**
   * Takes or renews the lease `name` for `holder` until `expiresAt`, unless another holder's lease is
   * still running; returns the lease as it now stands (the epoch grows when the holder changes).
   */
  acquire: (db: DrizzleDb, name: string, holder: string, now: number, expiresAt: number) =>
    db
      .insert(leases)
      .values({ name, holder, epoch: 1, expiresAt })
      .onConflictDoUpdate({
        target: leases.name,
        set: {
          holder,
          expiresAt,
          epoch: sql`${leases.epoch} + CASE WHEN ${leases.holder} = ${holder} THEN 0 ELSE 1 END`,
        },
        setWhere: sql`${leases.holder} = ${holder} OR ${leases.expiresAt} < ${now}`,
      })
      .returning({ holder: leases.holder, epoch: leases.epoch })
      .then(firstRow),
  /** Gives the lease up (a clean shutdown), so another node need not wait for it to lapse. */
  release: async (db: DrizzleDb, name: string, holder: string): Promise<void> => {
    await db.delete(leases).where(and(eq(leases.name, name), eq(leases.holder, holder)));
  },
};
