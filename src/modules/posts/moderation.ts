// What moderation asks of posts: whether a reporter can see the post or comment they report (and what it
// says, for the report's preview), and removing either inside the resolution's transaction.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import type { EntitlementViewer } from "../entitlement/service.ts";
import { postsRepo } from "./repo.ts";
import type { PostRow } from "./tables.ts";

export function createPostModeration(
  ctx: AppContext,
  deps: {
    /** The post if the viewer may address it at all (throws NotFound otherwise). */
    visibleRow: (viewer: EntitlementViewer | null, id: string) => Promise<PostRow>;
    /** The post if the viewer may see its content (throws otherwise). */
    entitledRow: (viewer: EntitlementViewer, id: string) => Promise<PostRow>;
    invalidate: (tx: DrizzleDb, creatorId: string, postId: string) => void;
  },
) {
  const now = () => ctx.clock.now();
  return {
    /** A post the reporter can see (a locked one too: its card is visible), or null. */
    async postForReport(viewer: EntitlementViewer, postId: string) {
      const row = await deps.visibleRow(viewer, postId).catch(() => null);
      return row && { id: row.id, authorId: row.creatorId, text: row.text };
    },

    /** A comment on a post whose comments the reporter can read, or null. */
    async commentForReport(viewer: EntitlementViewer, commentId: string) {
      const c = await postsRepo.commentById(ctx.db.read, commentId);
      if (!c) return null;
      const post = await deps.entitledRow(viewer, c.postId).catch(() => null);
      return post && { id: c.id, authorId: c.authorId, text: c.text, postId: c.postId };
    },

    /** Moderation: the post is deleted (as its creator would), inside the caller's write. False if gone. */
    async removePostTx(tx: DrizzleDb, postId: string): Promise<boolean> {
      const row = await postsRepo.byId(tx, postId);
      if (!row) return false;
      await postsRepo.update(tx, postId, { deletedAt: now(), publishedAt: null, updatedAt: now() });
      deps.invalidate(tx, row.creatorId, postId);
      return true;
    },

    /** Moderation: the comment goes, and its post's count with it. False if gone. */
    async removeCommentTx(tx: DrizzleDb, commentId: string): Promise<boolean> {
      const c = await postsRepo.commentById(tx, commentId);
      if (!c) return false;
      await postsRepo.deleteComment(tx, commentId);
      const post = await postsRepo.byId(tx, c.postId);
      if (post) {
        await postsRepo.addToCounter(tx, c.postId, "commentsCount", -1);
        deps.invalidate(tx, post.creatorId, post.id);
      }
      return true;
    },
  };
}
