// A person's posts, comments and likes for a GDPR export, and their erasure (the posts' rows stay,
// emptied and deleted, because ledger lines of their sales name them; comments and likes go).
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { postsPrivacyRepo } from "./repo.ts";

export function createPostsPrivacy(
  ctx: AppContext,
  invalidate: (tx: DrizzleDb, creatorId: string, postId: string) => void,
  forgetMarks: (tx: DrizzleDb, viewerId: string) => void,
) {
  return {
    /** GDPR export: the person's live and draft posts, their comments (with the post's id) and likes. */
    async personalData(userId: string) {
      const db = ctx.db.read;
      const [posts, comments, likes] = await Promise.all([
        postsPrivacyRepo.postsOf(db, userId),
        postsPrivacyRepo.commentsBy(db, userId),
        postsPrivacyRepo.likesBy(db, userId),
      ]);
      return {
        posts: posts.map((p) => ({
          id: p.id,
          text: p.text,
          visibility: p.visibility,
          priceCents: p.priceCents,
          status: p.status,
          publishAt: p.publishAt,
          publishedAt: p.publishedAt,
          likesCount: p.likesCount,
          commentsCount: p.commentsCount,
          createdAt: p.createdAt,
          updatedAt: p.updatedAt,
        })),
        comments: comments.map((c) => ({ id: c.id, postId: c.postId, text: c.text, createdAt: c.createdAt })),
        likes,
      };
    },

    /** GDPR erasure inside the erasing write: posts emptied and deleted; comments and likes removed. */
    async eraseTx(tx: DrizzleDb, userId: string): Promise<void> {
      for (const p of await postsPrivacyRepo.allPostsOf(tx, userId)) invalidate(tx, userId, p.id);
      await postsPrivacyRepo.emptyPostsOf(tx, userId, ctx.clock.now());
      const touched = await postsPrivacyRepo.removeCommentsAndLikesOf(tx, userId);
      for (const p of await postsPrivacyRepo.creatorsOf(tx, touched)) invalidate(tx, p.creatorId, p.id);
      forgetMarks(tx, userId);
    },
  };
}
