// A person's media for a GDPR export (the rows and their originals, read from storage: local disk or the
// bucket), and their erasure: every medium they own goes (vault, post and message attachments, avatar and
// banner), links with it, and its files once the removal has committed.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import type { Cache } from "../../lib/cache.ts";
import type { StoredFile } from "../../lib/storage/index.ts";
import { mediaPrivacyRepo, mediaRepo } from "./repo.ts";
import type { MediaRow } from "./tables.ts";

/** A stored original as an export names it: `<id>-<the uploaded file's name>`. */
const exportName = (r: MediaRow) => `${r.id}-${r.originalName.replace(/[^\w.-]+/g, "_").slice(0, 100)}`;

export function createMediaPrivacy(
  ctx: AppContext,
  caches: { rowsById: Cache<string, MediaRow>; linksOfPost: Cache<string, string[]> },
) {
  return {
    async personalData(userId: string) {
      const rows = await mediaPrivacyRepo.ownedBy(ctx.db.read, userId);
      return {
        media: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          purpose: r.purpose,
          status: r.status,
          mime: r.mime,
          sizeBytes: r.sizeBytes,
          originalName: r.originalName,
          width: r.width,
          height: r.height,
          durationMs: r.durationMs,
          createdAt: r.createdAt,
          file: `media/${exportName(r)}`,
        })),
      };
    },

    /** The originals of the person's media, to be copied into their export (`media/<name>`). */
    async originalsOf(userId: string): Promise<{ name: string; file: StoredFile }[]> {
      const rows = await mediaPrivacyRepo.ownedBy(ctx.db.read, userId);
      return rows.map((r) => ({ name: exportName(r), file: ctx.storage.file(`${r.id}/original`) }));
    },

    /** GDPR erasure inside the erasing write. */
    async eraseTx(tx: DrizzleDb, userId: string): Promise<void> {
      const ids = (await mediaPrivacyRepo.ownedBy(tx, userId)).map((r) => r.id);
      if (ids.length === 0) return;
      const posts = await mediaPrivacyRepo.postsCarrying(tx, ids);
      await mediaRepo.deleteMany(tx, ids);
      ctx.db.onTxEnd(tx, () => {
        for (const p of posts) caches.linksOfPost.delete(p.postId);
        for (const id of ids) caches.rowsById.delete(id);
        // The hook also runs after a rollback: only media whose rows are gone lose their files.
        void (async () => {
          for (const id of ids) {
            if (await mediaRepo.byId(ctx.db.read, id)) continue;
            await ctx.storage.deletePrefix(`${id}/`);
          }
        })().catch((err: unknown) =>
          ctx.logger.warn("could not remove an erased person's media files (the orphan sweep will)", {
            err: String(err),
          }),
        );
      });
    },
  };
}
