// Doctor: media directories no media row refers to (a crash between filing an upload and committing its
// row, or a deleted account). They hold files nothing serves; --fix removes them, as the site's own
// sweep does while it runs. Directories younger than the grace period may be uploads in flight.
import { ORPHAN_GRACE_MS } from "../../src/modules/media/orphans.ts";
import type { Check } from "./types.ts";

const dirs = (n: number) => (n === 1 ? "1 media directory" : `${n} media directories`);
const grace = `${ORPHAN_GRACE_MS / 60_000} minutes`;

export const mediaFilesCheck: Check = {
  title: "Media files",
  async run(ctx) {
    if (!ctx.dbHealthy || !ctx.schemaCurrent) {
      return { status: "warn", message: "skipped: the database is not healthy or not current (see above)" };
    }
    const media = (await ctx.app()).services.media;
    if (ctx.fix) {
      const removed = await media.removeOrphanDirs();
      if (removed.length > 0)
        return { status: "pass", message: `removed ${dirs(removed.length)} without a media row` };
    }
    const orphans = await media.orphanDirs();
    if (orphans.length === 0) {
      return { status: "pass", message: `every media directory older than ${grace} has its media row` };
    }
    return {
      status: "warn",
      message: `${dirs(orphans.length)} ${orphans.length === 1 ? "has" : "have"} no media row (e.g. ${orphans[0]}): left by an interrupted upload or a deleted account`,
      suggestion:
        "Run `fanzctl doctor --fix` to remove them (the running site also removes them on its own).",
    };
  },
};
