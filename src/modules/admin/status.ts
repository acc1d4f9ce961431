// The admin console's system status: one answer from this process to "is the site well?", built on what
// /readyz already checks (the route passes its readiness in) plus the figures an operator watches: the
// database's size, free disk, the job queue, the worker pool, ffmpeg, live streams, sockets, the mail
// outbox and the age of the last backup.
import { readdir, stat, statfs } from "node:fs/promises";
import { join, resolve } from "node:path";
import { sql } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import { rows } from "../../db/query.ts";
import type { JobQueue } from "../../jobs/queue.ts";
import type { LiveService } from "../live/service.ts";
import type { MediaService } from "../media/service.ts";
import type { NotificationsService } from "../notifications/service.ts";
import type { RealtimeService } from "../realtime/service.ts";
import pkg from "../../../package.json" with { type: "json" };

/** The names `fanzctl backup` gives its archives (cli/lib/backup-archive.ts). */
const BACKUP_NAME = /^fanz-\d{8}T\d{6}Z(-\d+)?\.tar\.gz$/;

export interface StatusDeps {
  jobs: Pick<JobQueue, "counts">;
  notifications: Pick<NotificationsService, "outboxDepth">;
  live: Pick<LiveService, "liveCount" | "state">;
  media: Pick<MediaService, "ffmpeg">;
  realtime: Pick<RealtimeService, "connections">;
}

/** What /readyz found (src/http/app.ts `readiness`). */
export interface Readiness {
  ok: boolean;
  checks: Record<string, string>;
}

export function createStatus(ctx: AppContext, deps: StatusDeps) {
  /** Bytes the database takes: the SQLite file and its WAL, or PostgreSQL's own count. */
  async function databaseBytes(): Promise<number | null> {
    try {
      if (ctx.db.engine().name === "postgres") {
        const [r] = await rows<{ n: string | number }>(
          ctx.db.read,
          sql`SELECT pg_database_size(current_database()) AS n`,
        );
        return r ? Number(r.n) : null;
      }
      let total = 0;
      for (const suffix of ["", "-wal", "-shm"])
        total += await stat(ctx.paths.database + suffix).then(
          (s) => s.size,
          () => 0,
        );
      return total;
    } catch {
      return null;
    }
  }

  async function diskFree(): Promise<{ freeBytes: number; totalBytes: number } | null> {
    try {
      const s = await statfs(ctx.paths.root);
      return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
    } catch {
      return null;
    }
  }

  /** The newest archive in the backups directory (`[backup] dir`, else <data_dir>/backups). */
  async function lastBackup(): Promise<{ at: number; ageSeconds: number; name: string } | null> {
    const dir = ctx.config.backup.dir ? resolve(ctx.config.backup.dir) : join(ctx.paths.root, "backups");
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => BACKUP_NAME.test(n));
    } catch {
      return null;
    }
    let newest: { at: number; name: string } | null = null;
    for (const name of names) {
      const s = await stat(join(dir, name)).catch(() => null);
      if (s && (!newest || s.mtimeMs > newest.at)) newest = { at: Math.round(s.mtimeMs), name };
    }
    return newest && { ...newest, ageSeconds: Math.max(0, Math.round((Date.now() - newest.at) / 1000)) };
  }

  return {
    async status(ready: Readiness) {
      const ff = deps.media.ffmpeg();
      const [dbBytes, disk, jobs, outbox, liveNow, backup] = await Promise.all([
        databaseBytes(),
        diskFree(),
        deps.jobs.counts(),
        deps.notifications.outboxDepth(),
        deps.live.liveCount(),
        lastBackup(),
      ]);
      const engine = ctx.db.engine();
      return {
        ok: ready.ok,
        checks: ready.checks,
        version: pkg.version,
        node: process.version,
        uptimeSeconds: Math.round(process.uptime()),
        database: { engine: engine.name, version: engine.version, sizeBytes: dbBytes },
        disk: disk && { path: ctx.paths.root, ...disk },
        jobs: {
          queued: jobs.queued ?? 0,
          running: jobs.running ?? 0,
          done: jobs.done ?? 0,
          failed: jobs.failed ?? 0,
        },
        workers: ctx.workers.stats(),
        ffmpeg: ff.found
          ? { found: true, path: ff.found.path, version: ff.found.version, source: ff.found.source }
          : { found: false, path: null, version: null, source: null },
        live: { streamsNow: liveNow, ingest: deps.live.state() },
        websockets: { connections: deps.realtime.connections() },
        mailOutbox: outbox,
        lastBackup: backup,
      };
    },
  };
}
