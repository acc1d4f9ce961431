// Posts (create, edit, delete, likes, comments, drafts) and the fan's feed.
import { z } from "zod";
import type { PostsService } from "./service.ts";
import { entitlementViewer, requireEntitlementViewer } from "../../http/middleware/session.ts";
import { decodeCursor, pageQuery } from "../../lib/cursor.ts";
import { apiApp, apiRoute, GEO_BLOCKED, json, jsonBody, sendJsonText } from "../../http/openapi.ts";
import { idParam } from "../../http/validate.ts";
import {
  commentBody,
  commentPageSchema,
  commentSchema,
  createPostBody,
  mineQuery,
  postEnvelope,
  postPageSchema,
  updatePostBody,
} from "./schemas.ts";

const who = requireEntitlementViewer;
const tags = ["posts"];
const BAD_CURSOR = "`bad_cursor`: the cursor is not one this API gave out.";
const NO_POST = "`not_found`: no such post, or an unpublished one of someone else.";
const NOT_ENTITLED = "`not_entitled`: subscribe to the creator (or unlock the post) first.";

const createPost = apiRoute(
  {
    method: "post",
    path: "/",
    tags,
    operationId: "createPost",
    summary: "Publish, schedule or draft a post",
    request: { body: jsonBody(createPostBody) },
    responses: { 201: json(postEnvelope, "The new post.") },
  },
  {
    auth: "required",
    errors: {
      400: [
        "`invalid_request`: a price on pay-per-view posts only; media from the creator's vault, not failed.",
        "`co_performer_not_verified`: co-performers must be creators with an approved verification.",
      ],
      403: [
        "`not_a_creator`: set up a creator profile first.",
        "`kyc_required`: paid posts need an approved identity verification on this site.",
      ],
    },
  },
);

const myPosts = apiRoute(
  {
    method: "get",
    path: "/mine",
    tags,
    operationId: "listMyPosts",
    summary: "The creator's drafts or scheduled posts",
    request: { query: mineQuery },
    responses: { 200: json(postPageSchema, "A page of posts.") },
  },
  { auth: "required", errors: { 400: BAD_CURSOR } },
);

const getPost = apiRoute(
  {
    method: "get",
    path: "/{id}",
    tags,
    operationId: "getPost",
    summary: "One post (locked when the viewer may not see it)",
    request: { params: idParam },
    responses: { 200: json(postEnvelope, "The post.") },
  },
  { auth: "optional", errors: { 404: NO_POST, 451: GEO_BLOCKED } },
);

const updatePost = apiRoute(
  {
    method: "patch",
    path: "/{id}",
    tags,
    operationId: "updatePost",
    summary: "Change a post (its creator only)",
    request: { params: idParam, body: jsonBody(updatePostBody) },
    responses: { 200: json(postEnvelope, "The post as it now is.") },
  },
  {
    auth: "required",
    errors: {
      400: "`invalid_request`: a published post cannot be scheduled; price and media as on creation.",
      403: [
        "`forbidden`: only the post's creator can change it.",
        "`kyc_required`: paid posts need an approved identity verification on this site.",
      ],
      404: NO_POST,
      409: "`performers_locked`: a published post's co-performers are fixed; releases can only be added.",
    },
  },
);

const deletePost = apiRoute(
  {
    method: "delete",
    path: "/{id}",
    tags,
    operationId: "deletePost",
    summary: "Delete a post (its creator, or an admin)",
    request: { params: idParam },
    responses: { 204: { description: "Deleted." } },
  },
  { auth: "required", errors: { 403: "`forbidden`: not the post's creator.", 404: NO_POST } },
);

const likeRoute = (method: "post" | "delete", operationId: string, summary: string) =>
  apiRoute(
    {
      method,
      path: "/{id}/likes",
      tags,
      operationId,
      summary,
      request: { params: idParam },
      responses: { 200: json(postEnvelope, "The post with its new like count.") },
    },
    { auth: "required", errors: { 403: NOT_ENTITLED, 404: NO_POST, 451: GEO_BLOCKED } },
  );
const like = likeRoute("post", "likePost", "Like a post");
const unlike = likeRoute("delete", "unlikePost", "Take a like back");

const listComments = apiRoute(
  {
    method: "get",
    path: "/{id}/comments",
    tags,
    operationId: "listComments",
    summary: "A post's comments, oldest first",
    request: { params: idParam, query: pageQuery },
    responses: { 200: json(commentPageSchema, "A page of comments.") },
  },
  { auth: "optional", errors: { 400: BAD_CURSOR, 403: NOT_ENTITLED, 404: NO_POST, 451: GEO_BLOCKED } },
);

const addComment = apiRoute(
  {
    method: "post",
    path: "/{id}/comments",
    tags,
    operationId: "addComment",
    summary: "Comment on a post",
    request: { params: idParam, body: jsonBody(commentBody) },
    responses: { 201: json(z.strictObject({ comment: commentSchema }), "The new comment.") },
  },
  {
    auth: "required",
    errors: {
      400: "`not_published`: the post is not published yet.",
      403: NOT_ENTITLED,
      404: NO_POST,
      451: GEO_BLOCKED,
    },
  },
);

export function postsRoutes({ posts }: { posts: PostsService }) {
  return apiApp()
    .openapi(createPost, async (c) => c.json({ post: await posts.create(who(c), c.req.valid("json")) }, 201))
    .openapi(myPosts, async (c) => {
      const q = c.req.valid("query");
      return c.json(await posts.mine(who(c), q.status, decodeCursor(q.cursor), q.limit), 200);
    })
    .openapi(getPost, async (c) =>
      c.json({ post: await posts.get(entitlementViewer(c), c.req.valid("param").id, c.get("country")) }, 200),
    )
    .openapi(updatePost, async (c) =>
      c.json({ post: await posts.update(who(c), c.req.valid("param").id, c.req.valid("json")) }, 200),
    )
    .openapi(deletePost, async (c) => {
      await posts.remove(who(c), c.req.valid("param").id);
      return c.body(null, 204);
    })
    .openapi(like, async (c) =>
      c.json({ post: await posts.setLike(who(c), c.req.valid("param").id, true, c.get("country")) }, 200),
    )
    .openapi(unlike, async (c) =>
      c.json({ post: await posts.setLike(who(c), c.req.valid("param").id, false, c.get("country")) }, 200),
    )
    .openapi(listComments, async (c) => {
      const q = c.req.valid("query");
      return c.json(
        await posts.comments(
          entitlementViewer(c),
          c.req.valid("param").id,
          decodeCursor(q.cursor),
          q.limit,
          c.get("country"),
        ),
        200,
      );
    })
    .openapi(addComment, async (c) =>
      c.json(
        {
          comment: await posts.comment(
            who(c),
            c.req.valid("param").id,
            c.req.valid("json").text,
            c.get("country"),
          ),
        },
        201,
      ),
    );
}

const feed = apiRoute(
  {
    method: "get",
    path: "/",
    tags,
    operationId: "getFeed",
    summary: "Posts of the creators the fan subscribes to, and their own, newest first",
    request: { query: pageQuery },
    responses: { 200: json(postPageSchema, "A page of the feed.") },
  },
  { auth: "required", errors: { 400: BAD_CURSOR } },
);

export function feedRoutes({ posts }: { posts: PostsService }) {
  return apiApp().openapi(feed, async (c) => {
    const q = c.req.valid("query");
    return sendJsonText(c, await posts.feed(who(c), decodeCursor(q.cursor), q.limit, c.get("country")), 200);
  });
}
