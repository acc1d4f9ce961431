import { Hono } from "hono";
import type { PostsService } from "./service.ts";
import { entitlementViewer, requireEntitlementViewer } from "../../http/middleware/session.ts";
import { decodeCursor, pageQuery } from "../../lib/cursor.ts";
import type { AppEnv } from "../../http/types.ts";
import { idParam, validate } from "../../http/validate.ts";
import { commentBody, createPostBody, mineQuery, updatePostBody } from "./schemas.ts";

const who = requireEntitlementViewer;

export function postsRoutes({ posts }: { posts: PostsService }) {
  return new Hono<AppEnv>()
    .post("/", validate("json", createPostBody), async (c) =>
      c.json({ post: await posts.create(who(c), c.req.valid("json")) }, 201),
    )
    .get("/mine", validate("query", mineQuery), (c) => {
      const q = c.req.valid("query");
      return c.json(posts.mine(who(c), q.status, decodeCursor(q.cursor), q.limit));
    })
    .get("/:id", validate("param", idParam), (c) =>
      c.json({ post: posts.get(entitlementViewer(c), c.req.valid("param").id) }),
    )
    .patch("/:id", validate("param", idParam), validate("json", updatePostBody), async (c) =>
      c.json({ post: await posts.update(who(c), c.req.valid("param").id, c.req.valid("json")) }),
    )
    .delete("/:id", validate("param", idParam), async (c) => {
      await posts.remove(who(c), c.req.valid("param").id);
      return c.body(null, 204);
    })
    .post("/:id/likes", validate("param", idParam), async (c) =>
      c.json({ post: await posts.setLike(who(c), c.req.valid("param").id, true) }),
    )
    .delete("/:id/likes", validate("param", idParam), async (c) =>
      c.json({ post: await posts.setLike(who(c), c.req.valid("param").id, false) }),
    )
    .get("/:id/comments", validate("param", idParam), validate("query", pageQuery), (c) => {
      const q = c.req.valid("query");
      return c.json(
        posts.comments(entitlementViewer(c), c.req.valid("param").id, decodeCursor(q.cursor), q.limit),
      );
    })
    .post("/:id/comments", validate("param", idParam), validate("json", commentBody), async (c) =>
      c.json(
        { comment: await posts.comment(who(c), c.req.valid("param").id, c.req.valid("json").text) },
        201,
      ),
    );
}

export function feedRoutes({ posts }: { posts: PostsService }) {
  return new Hono<AppEnv>().get("/", validate("query", pageQuery), (c) => {
    const q = c.req.valid("query");
    return c.json(posts.feed(who(c), decodeCursor(q.cursor), q.limit));
  });
}
