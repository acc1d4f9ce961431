// Media files no row refers to. The original is filed under <id>/ just before its row commits, so a crash
// in between leaves such files (a directory under data_dir/media, or objects under media/<id>/ in the
// bucket); so does an account deleted with its media rows. Nothing serves them, so the scheduler (and
// `fanzctl doctor --fix`) removes them.
import type { AppContext } from "../../context.ts";
import { MINUTE } from "../../lib/clock.ts";
import { isId } from "../../lib/ids.ts";
import { mediaRepo } from "./repo.ts";

/** Younger than this, files without a row may be an upload still being filed: left alone. */
export const ORPHAN_GRACE_MS = 15 * MINUTE;
/** Ids asked of the database per query. */
const BATCH = 512;

export function mediaOrphans(ctx: AppContext) {
  /** Media ids with files but no media row, whose files nothing touched for ORPHAN_GRACE_MS. */
  async function find(): Promise<string[]> {
    const orphans: string[] = [];
    for await (const listed of ctx.storage.listPrefixes()) {
      const ids = listed.filter((name) => isId(name));
      for (let i = 0; i < ids.length; i += BATCH) {
        const batch = ids.slice(i, i + BATCH);
        const known = new Set(await mediaRepo.existingIds(ctx.db.read, batch));
        for (const id of batch) {
          if (known.has(id)) continue;
          const modified = await ctx.storage.lastModified(`${id}/`);
          if (modified !== null && Date.now() - modified > ORPHAN_GRACE_MS) orphans.push(id);
        }
      }
    }
    return orphans;
  }

  /** Removes what find() reports; returns the removed ids. */
  async function remove(): Promise<string[]> {
    const orphans = await find();
    for (const id of orphans) await ctx.storage.deletePrefix(`${id}/`);
    if (orphans.length > 0)
      ctx.logger.warn("removed media files without a media row", {
        count: orphans.length,
        ids: orphans.slice(0, 5),
      });
    return orphans;
  }

  return { find, remove };
}
