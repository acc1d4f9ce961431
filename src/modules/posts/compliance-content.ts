// What the compliance module asks of posts, through its port (connected in src/services.ts): publishing
// a post that waited for its co-performers, resolving a DMCA notice's URLs to posts, taking posts down and
// restoring them, and walking every post for the 2257 export.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import type { ComplianceContent } from "../compliance/service.ts";
import type { MediaService } from "../media/service.ts";
import { postsRepo } from "./repo.ts";
import type { PostStatus } from "./tables.ts";

export function createComplianceContent(
  ctx: AppContext,
  deps: {
    media: Pick<MediaService, "postIdsOf">;
    lifecycle: (
      draft: boolean,
      publishAt: number | null,
      publishedAt: number | null,
    ) => { status: PostStatus; publishAt: number | null; publishedAt: number | null };
    invalidate: (tx: DrizzleDb, creatorId: string, postId: string) => void;
    published: (tx: DrizzleDb, p: { id: string; creatorId: string }) => Promise<unknown>;
  },
): ComplianceContent {
  const { media, lifecycle, invalidate, published } = deps;
  const now = () => ctx.clock.now();
  return {
    async releaseHeldTx(tx, postId, publishAt) {
      const row = await postsRepo.byId(tx, postId);
      if (!row || row.status !== "draft") return;
      const next = lifecycle(false, publishAt, null);
      await postsRepo.update(tx, postId, { ...next, updatedAt: now() });
      invalidate(tx, row.creatorId, postId);
      if (next.status === "published") await published(tx, row);
    },
    async resolveUrl(url) {
      let path: string;
      try {
        path = new URL(url).pathname;
      } catch {
        return [];
      }
      const post = /^(?:\/api\/v1)?\/posts\/([a-z2-7]{26})\/?$/.exec(path);
      const medium = /^\/media\/([a-z2-7]{26})\//.exec(path);
      const ids = post ? [post[1]!] : medium ? await media.postIdsOf(medium[1]!) : [];
      return (await postsRepo.byIds(ctx.db.read, ids))
        .filter((r) => r.deletedAt === null && r.publishedAt !== null)
        .map((r) => ({ id: r.id, creatorId: r.creatorId, publishedAt: r.publishedAt }));
    },
    async takeDownTx(tx, postIds) {
      for (const r of await postsRepo.byIds(tx, postIds)) {
        if (r.deletedAt !== null) continue;
        // As a deletion: gone from every timeline, page, media check and search; the record keeps the rest.
        await postsRepo.update(tx, r.id, { deletedAt: now(), publishedAt: null, updatedAt: now() });
        invalidate(tx, r.creatorId, r.id);
      }
    },
    async restoreTx(tx, list) {
      const rows = new Map(
        (
          await postsRepo.byIds(
            tx,
            list.map((p) => p.id),
          )
        ).map((r) => [r.id, r]),
      );
      for (const p of list) {
        const r = rows.get(p.id);
        if (!r || r.deletedAt === null) continue;
        await postsRepo.update(tx, r.id, { deletedAt: null, publishedAt: p.publishedAt, updatedAt: now() });
        invalidate(tx, r.creatorId, r.id);
      }
    },
    postsAfter: (afterId, limit) => postsRepo.allAfter(ctx.db.read, afterId, limit),
  };
}
