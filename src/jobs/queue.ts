// The persistent job queue (table `jobs`): work that must survive a restart. A runner claims a due job
// inside a write transaction, locking its row (FOR UPDATE SKIP LOCKED on PostgreSQL, so nodes claiming at
// the same time take different jobs and never the same one), holds it with a lease it renews
// while the handler runs, and settles it: done, queued again with exponential backoff, or failed with
// its last error kept. A job whose process died keeps status "running" until its lease lapses; then any
// runner takes it over (counting the lost run as an attempt).
import type { AppContext } from "../context.ts";
import type { Tx } from "../db/tx.ts";
import { page, type Cursor } from "../lib/cursor.ts";
import { newId } from "../lib/ids.ts";
import { PermanentJobError, type JobRegistry } from "./registry.ts";
import { jobsRepo } from "./repo.ts";
import type { JobRow, JobStatus } from "./tables.ts";

export interface JobView {
  id: string;
  name: string;
  payload: unknown;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: number;
  lockedUntil: number | null;
  lastError: string | null;
  progress: number;
  result: unknown;
  createdAt: number;
  updatedAt: number;
}

const present = (r: JobRow): JobView => ({
  id: r.id,
  name: r.name,
  payload: r.payload,
  status: r.status,
  attempts: r.attempts,
  maxAttempts: r.maxAttempts,
  runAt: r.runAt,
  lockedUntil: r.lockedUntil,
  lastError: r.lastError,
  progress: r.progress,
  result: r.result ?? null,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 2000);

export function createJobQueue(ctx: AppContext) {
  const cfg = ctx.config.jobs;
  const now = () => ctx.clock.now();
  const lockMs = cfg.lock_seconds * 1000;
  let registry: JobRegistry | null = null;
  let capacity = 1;
  let timer: NodeJS.Timeout | null = null;
  let stopped = true;
  /** After stop's grace period: late results are dropped and their lease lapses (retried later). */
  let abandoned = false;
  let pumping = false;
  let again = false;
  const inFlight = new Set<Promise<void>>();

  /** Claims the next due job, failing abandoned ones that have used up their attempts. */
  async function claim(): Promise<JobRow | null> {
    // A cheap read first: an idle queue should not take the write lock every poll.
    const t0 = now();
    if (!(await jobsRepo.nextQueued(ctx.db.read, t0)) && !(await jobsRepo.nextAbandoned(ctx.db.read, t0)))
      return null;
    for (;;) {
      const outcome = await ctx.db.write(
        async (tx) => {
          const t = now();
          const id = await jobsRepo.claimableId(tx, t);
          const row = id ? await jobsRepo.byId(tx, id) : undefined;
          if (!row) return null;
          if (row.status === "running" && row.attempts >= row.maxAttempts) {
            await settleFailed(tx, row, row.lastError ?? "The process stopped while this job was running.");
            return "skipped" as const;
          }
          const claimed: JobRow = {
            ...row,
            status: "running",
            attempts: row.attempts + 1,
            lockedUntil: t + lockMs,
            progress: 0,
            updatedAt: t,
          };
          if (row.status === "running") claimed.lastError = "The process stopped while this job was running.";
          await jobsRepo.update(tx, row.id, claimed);
          return claimed;
        },
        // The row lock taken by the claim is what makes it exclusive across nodes.
        { isolation: "read committed" },
      );
      if (outcome !== "skipped") return outcome;
    }
  }

  async function settleFailed(tx: Tx, row: JobRow, reason: string): Promise<void> {
    await jobsRepo.update(tx, row.id, {
      status: "failed",
      lastError: reason,
      lockedUntil: null,
      updatedAt: now(),
    });
    await registry?.[row.name]?.onFailed?.(tx, row.payload, reason);
  }

  async function execute(row: JobRow): Promise<void> {
    const handler = registry?.[row.name];
    let progress = 0;
    const heartbeat = setInterval(
      () => {
        if (abandoned) return;
        ctx.db
          .write((tx) => jobsRepo.renewLock(tx, row.id, row.attempts, now() + lockMs, progress, now()))
          .catch((err: unknown) =>
            ctx.logger.warn("job lock renewal failed", { job: row.id, err: String(err) }),
          );
      },
      Math.max(250, Math.floor(lockMs / 3)),
    );
    heartbeat.unref();
    let ok = false;
    let result: unknown;
    let error: unknown;
    const started = performance.now();
    try {
      if (!handler) throw new PermanentJobError(`No handler for job "${row.name}".`);
      result = await handler.run(row.payload, {
        id: row.id,
        attempt: row.attempts,
        progress: (p) => (progress = Math.max(0, Math.min(100, Math.round(p)))),
      });
      ok = true;
    } catch (err) {
      error = err;
    } finally {
      clearInterval(heartbeat);
    }
    const final = error instanceof PermanentJobError || row.attempts >= row.maxAttempts;
    ctx.metrics.jobs.observe(
      row.name,
      ok ? "done" : final ? "failed" : "retry",
      (performance.now() - started) / 1000,
    );
    if (abandoned) return;
    await ctx.db.write(async (tx) => {
      // Someone else took the job over after our lease lapsed: their run decides.
      if (!(await jobsRepo.stillHeld(tx, row.id, row.attempts))) return;
      const t = now();
      if (ok) {
        await jobsRepo.update(tx, row.id, {
          status: "done",
          result: result ?? null,
          progress: 100,
          lockedUntil: null,
          updatedAt: t,
        });
        await handler?.onDone?.(tx, row.payload, result);
        return;
      }
      const reason = errorText(error);
      if (final) {
        await settleFailed(tx, row, reason);
        return;
      }
      const delay = cfg.backoff_seconds * 1000 * 2 ** (row.attempts - 1);
      await jobsRepo.update(tx, row.id, {
        status: "queued",
        runAt: t + delay,
        lastError: reason,
        lockedUntil: null,
        updatedAt: t,
      });
      ctx.logger.warn("job failed; will retry", {
        job: row.id,
        name: row.name,
        attempt: row.attempts,
        reason,
      });
    });
  }

  /** Starts due jobs until every slot is busy or nothing is due. */
  async function pump(): Promise<void> {
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    try {
      do {
        again = false;
        while (!stopped && inFlight.size < capacity) {
          const row = await claim();
          if (!row || stopped) break;
          const p: Promise<void> = execute(row)
            .catch((err: unknown) => ctx.logger.error("job runner error", { job: row.id, err: String(err) }))
            .finally(() => {
              inFlight.delete(p);
              if (!stopped) void wake();
            });
          inFlight.add(p);
        }
      } while (again && !stopped);
    } catch (err) {
      ctx.logger.error("job queue error", { err: String(err) });
    } finally {
      pumping = false;
    }
  }

  const wake = () => (stopped ? Promise.resolve() : pump());

  return {
    /** How many jobs are in each state (doctor, admin). */
    counts: async (): Promise<Record<string, number>> =>
      Object.fromEntries((await jobsRepo.countByStatus(ctx.db.read)).map((r) => [r.status, Number(r.n)])),

    /** A job's progress (0–100) as last reported by its handler; null for an unknown job. */
    progressOf: async (id: string): Promise<number | null> =>
      (await jobsRepo.byId(ctx.db.read, id))?.progress ?? null,

    /** Queues a job inside the caller's transaction; it starts once that commits. */
    async enqueue(
      tx: Tx,
      name: string,
      payload: unknown,
      opts: { runAt?: number; maxAttempts?: number } = {},
    ): Promise<string> {
      const t = now();
      const id = newId();
      await jobsRepo.insert(tx, {
        id,
        name,
        payload,
        status: "queued",
        attempts: 0,
        maxAttempts: opts.maxAttempts ?? cfg.max_attempts,
        runAt: opts.runAt ?? t,
        lockedUntil: null,
        lastError: null,
        progress: 0,
        result: null,
        createdAt: t,
        updatedAt: t,
      });
      // After the current transaction commits: the claim is a later write.
      if (!stopped) ctx.db.afterCommit(tx, () => void wake());
      return id;
    },

    /** Begins running jobs with `slots` at a time (the worker pool's size). */
    start(handlers: JobRegistry, slots: number): void {
      registry = handlers;
      capacity = Math.max(1, slots);
      stopped = false;
      abandoned = false;
      timer = setInterval(() => void wake(), cfg.poll_ms);
      timer.unref();
      void wake();
    },

    /** Stops taking jobs; waits up to graceMs for running ones, then leaves the rest to be retried. */
    async stop(graceMs: number): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all([...inFlight]),
        new Promise<void>((ok) => (grace = setTimeout(ok, graceMs))),
      ]);
      clearTimeout(grace);
      abandoned = true;
    },

    get: async (id: string): Promise<JobView | null> => {
      const r = await jobsRepo.byId(ctx.db.read, id);
      return r ? present(r) : null;
    },

    async list(status: JobStatus | null, cursor: Cursor | null, limit: number) {
      const p = page(await jobsRepo.list(ctx.db.read, status, cursor, limit + 1), limit, (r) => ({
        key: r.createdAt,
        id: r.id,
      }));
      return { items: p.items.map(present), nextCursor: p.nextCursor };
    },
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;
