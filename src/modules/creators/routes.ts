import { Hono } from "hono";
import type { PostsService } from "../posts/service.ts";
import type { ProfilesService } from "../profiles/service.ts";
import { entitlementViewer, requireEntitlementViewer, requireViewer } from "../../http/middleware/session.ts";
import { decodeCursor } from "../../lib/cursor.ts";
import type { AppEnv } from "../../http/types.ts";
import { validate } from "../../http/validate.ts";
import {
  creatorBody,
  creatorListQuery,
  creatorPostsQuery,
  profileImageParam,
  profileImageQuery,
} from "./schemas.ts";

export function creatorsRoutes({
  profiles: creators,
  posts,
}: {
  profiles: ProfilesService;
  posts: PostsService;
}) {
  return new Hono<AppEnv>()
    .put("/me", validate("json", creatorBody), async (c) => {
      const creator = await creators.upsertMine(requireViewer(c).user.id, c.req.valid("json"));
      return c.json({ creator });
    })
    .post(
      "/me/:image",
      validate("param", profileImageParam),
      validate("query", profileImageQuery),
      async (c) => {
        const result = await creators.uploadImage(
          requireEntitlementViewer(c),
          {
            body: c.req.raw.body,
            contentType: c.req.header("content-type"),
            contentLength: c.req.header("content-length"),
          },
          { purpose: c.req.valid("param").image, crop: c.req.valid("query").crop ?? null },
        );
        return c.json(result, 202);
      },
    )
    .delete("/me/:image", validate("param", profileImageParam), async (c) => {
      const creator = await creators.removeImage(requireViewer(c).user.id, c.req.valid("param").image);
      return c.json({ creator });
    })
    .get("/", validate("query", creatorListQuery), (c) => {
      const q = c.req.valid("query");
      return c.json(creators.list(q.query || null, decodeCursor(q.cursor), q.limit));
    })
    .get("/:username", (c) => c.json(creators.get(c.req.param("username"), c.get("viewer")?.user.id ?? null)))
    .get("/:username/posts", validate("query", creatorPostsQuery), (c) => {
      const q = c.req.valid("query");
      return c.json(
        posts.byCreator(
          entitlementViewer(c),
          c.req.param("username"),
          decodeCursor(q.cursor),
          q.limit,
          q.only,
        ),
      );
    });
}
