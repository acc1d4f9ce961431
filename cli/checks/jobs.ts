// Doctor: the persistent job queue (media processing): how much waits, and whether jobs failed for good.
import type { Check } from "./types.ts";

export const jobsCheck: Check = {
  title: "Background jobs",
  async run(ctx) {
    if (!ctx.dbHealthy || !ctx.schemaCurrent) {
      return { status: "warn", message: "skipped: the database is not healthy or not current (see above)" };
    }
    const counts = new Map(Object.entries(await (await ctx.app()).services.jobs.counts()));
    const queued = counts.get("queued") ?? 0;
    const running = counts.get("running") ?? 0;
    const failed = counts.get("failed") ?? 0;
    const message = `${queued} queued, ${running} running, ${failed} failed, ${counts.get("done") ?? 0} done`;
    if (failed > 0) {
      return {
        status: "warn",
        message,
        suggestion:
          "See the failed jobs and their errors in the admin area (Jobs); check ffmpeg and disk space.",
      };
    }
    return { status: "pass", message };
  },
};
