// Bookmarks and hashtag pages (the posts module's reach routes; pins go through PATCH /posts/:id).
import type { PostsService } from "./service.ts";
import { entitlementViewer, requireEntitlementViewer } from "../../http/middleware/session.ts";
import { decodeCursor, pageQuery } from "../../lib/cursor.ts";
import { apiApp, apiRoute, GEO_BLOCKED, json } from "../../http/openapi.ts";
import { idParam } from "../../http/validate.ts";
import { bookmarkStateSchema, postPageSchema, tagParam } from "./schemas.ts";

const who = requireEntitlementViewer;
const BAD_CURSOR = "`bad_cursor`: the cursor is not one this API gave out.";
const NO_POST = "`not_found`: no such post, or an unpublished one of someone else.";

const bookmarkRoute = (method: "post" | "delete", operationId: string, summary: string) =>
  apiRoute(
    {
      method,
      path: "/{id}/bookmark",
      tags: ["posts"],
      operationId,
      summary,
      description: "Idempotent: bookmarking twice keeps one bookmark; removing a missing one is fine.",
      request: { params: idParam },
      responses: { 200: json(bookmarkStateSchema, "Whether the post is now bookmarked.") },
    },
    { auth: "required", errors: { 404: NO_POST, 451: GEO_BLOCKED } },
  );
const addBookmark = bookmarkRoute("post", "bookmarkPost", "Bookmark a post");
const removeBookmark = bookmarkRoute("delete", "unbookmarkPost", "Remove a bookmark");

export function postBookmarkRoutes({ posts }: { posts: PostsService }) {
  return apiApp()
    .openapi(addBookmark, async (c) =>
      c.json(
        { bookmarked: await posts.setBookmark(who(c), c.req.valid("param").id, true, c.get("country")) },
        200,
      ),
    )
    .openapi(removeBookmark, async (c) =>
      c.json(
        { bookmarked: await posts.setBookmark(who(c), c.req.valid("param").id, false, c.get("country")) },
        200,
      ),
    );
}

const listBookmarks = apiRoute(
  {
    method: "get",
    path: "/",
    tags: ["posts"],
    operationId: "listBookmarks",
    summary: "The viewer's bookmarked posts, newest bookmark first",
    request: { query: pageQuery },
    responses: { 200: json(postPageSchema, "A page of posts (locked where the viewer may not see them).") },
  },
  { auth: "required", errors: { 400: BAD_CURSOR } },
);

export function bookmarksRoutes({ posts }: { posts: PostsService }) {
  return apiApp().openapi(listBookmarks, async (c) => {
    const q = c.req.valid("query");
    return c.json(await posts.bookmarks(who(c), decodeCursor(q.cursor), q.limit, c.get("country")), 200);
  });
}

const tagPosts = apiRoute(
  {
    method: "get",
    path: "/{tag}/posts",
    tags: ["posts"],
    operationId: "listTagPosts",
    summary: "Published posts with a hashtag, newest first",
    description:
      "Locked cards for posts the viewer is not entitled to; creators blocking the viewer's country are left out.",
    request: { params: tagParam, query: pageQuery },
    responses: { 200: json(postPageSchema, "A page of posts.") },
  },
  { auth: "optional", errors: { 400: [BAD_CURSOR, "`bad_tag`: not a hashtag (letters, digits, _)."] } },
);

export function tagsRoutes({ posts }: { posts: PostsService }) {
  return apiApp().openapi(tagPosts, async (c) => {
    const q = c.req.valid("query");
    return c.json(
      await posts.tagged(
        entitlementViewer(c),
        c.req.valid("param").tag,
        decodeCursor(q.cursor),
        q.limit,
        c.get("country"),
      ),
      200,
    );
  });
}
