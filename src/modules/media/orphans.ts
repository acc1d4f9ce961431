// Media directories no row refers to. The original is filed under media/<id>/ just before its row
// commits, so a crash in between leaves such a directory; so does an account deleted with its media
// rows. Nothing serves them, so the scheduler (and `fanzctl doctor --fix`) removes them.
import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { AppContext } from "../../context.ts";
import { MINUTE } from "../../lib/clock.ts";
import { isId } from "../../lib/ids.ts";
import { mediaRepo } from "./repo.ts";

/** Younger than this, a directory without a row may be an upload still being filed: left alone. */
export const ORPHAN_GRACE_MS = 15 * MINUTE;
/** Ids asked of the database per query. */
const BATCH = 512;

export function mediaOrphans(ctx: AppContext) {
  /** Directories under media/ that no media row refers to and nothing touched for ORPHAN_GRACE_MS. */
  async function find(): Promise<string[]> {
    const entries = await readdir(ctx.paths.media, { withFileTypes: true }).catch(() => []);
    const ids = entries.filter((e) => e.isDirectory() && isId(e.name)).map((e) => e.name);
    const orphans: string[] = [];
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      const known = new Set(await mediaRepo.existingIds(ctx.db.read, batch));
      for (const id of batch) {
        if (known.has(id)) continue;
        const st = await stat(join(ctx.paths.media, id)).catch(() => null);
        if (st && Date.now() - st.mtimeMs > ORPHAN_GRACE_MS) orphans.push(id);
      }
    }
    return orphans;
  }

  /** Removes what find() reports; returns the removed ids. */
  async function remove(): Promise<string[]> {
    const orphans = await find();
    for (const id of orphans) await rm(join(ctx.paths.media, id), { recursive: true, force: true });
    if (orphans.length > 0)
      ctx.logger.warn("removed media directories without a media row", { count: orphans.length });
    return orphans;
  }

  return { find, remove };
}
