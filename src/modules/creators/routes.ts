// Creator profiles: the caller's own (price, bundles, trial, avatar, banner), the directory, one creator
// and their posts.
import { z } from "zod";
import type { PostsService } from "../posts/service.ts";
import type { ProfilesService } from "../profiles/service.ts";
import { entitlementViewer, requireEntitlementViewer, requireViewer } from "../../http/middleware/session.ts";
import { decodeCursor, pageOf } from "../../lib/cursor.ts";
import { apiApp, apiRoute, GEO_BLOCKED, json, jsonBody } from "../../http/openapi.ts";
import { ownMediaSchema, uploadBody } from "../media/schemas.ts";
import { postPageSchema } from "../posts/schemas.ts";
import {
  creatorBody,
  creatorEnvelope,
  creatorListQuery,
  creatorPostsQuery,
  creatorSchema,
  creatorViewerSchema,
  profileImageParam,
  profileImageQuery,
} from "./schemas.ts";

const tags = ["creators"];
const BAD_CURSOR = "`bad_cursor`: the cursor is not one this API gave out.";
const usernameParam = z.object({ username: z.string() });

const upsertMine = apiRoute(
  {
    method: "put",
    path: "/me",
    tags,
    operationId: "upsertMyCreatorProfile",
    summary: "Create or change the caller's creator profile (a fan becomes a creator)",
    request: { body: jsonBody(creatorBody) },
    responses: { 200: json(creatorEnvelope, "The profile as it now is.") },
  },
  {
    auth: "required",
    errors: {
      400: [
        "`ppv_needs_media`: a paid welcome message without media.",
        "`invalid_request`: no price for a new creator profile, or welcome media not the caller's.",
      ],
      403: "`kyc_required`: this site requires an approved identity verification before a priced welcome message.",
      409: "`currency_locked`: earnings or paid subscribers in the current currency.",
    },
  },
);

const getMine = apiRoute(
  {
    method: "get",
    path: "/me",
    tags,
    operationId: "getMyCreatorProfile",
    summary: "The caller's own creator profile, with its welcome message",
    responses: { 200: json(creatorEnvelope, "The profile.") },
  },
  { auth: "required", errors: { 403: "`not_a_creator`: the caller has no creator profile." } },
);

const uploadImage = apiRoute(
  {
    method: "post",
    path: "/me/{image}",
    tags,
    operationId: "uploadProfileImage",
    summary: "Upload the avatar or banner, cut to `crop`",
    description:
      "The profile shows the new image once it is processed (until then the previous one, or the fallback).",
    request: { params: profileImageParam, query: profileImageQuery, body: uploadBody },
    responses: {
      202: json(
        z.strictObject({ creator: creatorSchema, media: ownMediaSchema }),
        "Stored; `media` is the processing medium (progress, failure reason).",
      ),
    },
  },
  {
    auth: "required",
    errors: {
      400: "`not_multipart`, `bad_multipart`, `no_file`, `too_many_files`: one file in the field `file`.",
      403: "`not_a_creator`: set up a creator profile first.",
      413: "`payload_too_large`: the image is over the profile image limit.",
      415: "`unsupported_media_type`: not a JPEG, PNG, WebP, GIF or HEIC image.",
      429: "`rate_limited`: too many uploads this hour.",
    },
  },
);

const removeImage = apiRoute(
  {
    method: "delete",
    path: "/me/{image}",
    tags,
    operationId: "removeProfileImage",
    summary: "Back to the generated avatar or banner",
    request: { params: profileImageParam },
    responses: { 200: json(creatorEnvelope, "The profile as it now is.") },
  },
  { auth: "required", errors: { 403: "`not_a_creator`: set up a creator profile first." } },
);

const listCreators = apiRoute(
  {
    method: "get",
    path: "/",
    tags,
    operationId: "listCreators",
    summary: "The creator directory: newest, trending or popular first; `query` searches names",
    description:
      "Discover and suggestions. Creators who block the viewer's country are left out (search applies the same filter: entitlement's `geoHidden`).",
    request: { query: creatorListQuery },
    responses: { 200: json(pageOf(creatorSchema, "CreatorPage"), "A page of creators.") },
  },
  { auth: "optional", errors: { 400: BAD_CURSOR } },
);

const getCreator = apiRoute(
  {
    method: "get",
    path: "/{username}",
    tags,
    operationId: "getCreator",
    summary: "One creator and what the viewer is to them",
    request: { params: usernameParam },
    responses: {
      200: json(z.strictObject({ creator: creatorSchema, viewer: creatorViewerSchema }), "The creator."),
    },
  },
  { auth: "optional", errors: { 404: "`not_found`: no creator by that name.", 451: GEO_BLOCKED } },
);

const creatorPosts = apiRoute(
  {
    method: "get",
    path: "/{username}/posts",
    tags,
    operationId: "listCreatorPosts",
    summary: "A creator's posts, newest first; `only=media` keeps those with photos or videos",
    request: { params: usernameParam, query: creatorPostsQuery },
    responses: { 200: json(postPageSchema, "A page of posts (locked where the viewer may not see them).") },
  },
  {
    auth: "optional",
    errors: { 400: BAD_CURSOR, 404: "`not_found`: no creator by that name.", 451: GEO_BLOCKED },
  },
);

export function creatorsRoutes({
  profiles: creators,
  posts,
}: {
  profiles: ProfilesService;
  posts: PostsService;
}) {
  return apiApp()
    .openapi(getMine, async (c) => c.json({ creator: await creators.mine(requireViewer(c).user.id) }, 200))
    .openapi(upsertMine, async (c) => {
      const creator = await creators.upsertMine(requireViewer(c).user.id, c.req.valid("json"));
      return c.json({ creator }, 200);
    })
    .openapi(uploadImage, async (c) => {
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
    })
    .openapi(removeImage, async (c) => {
      const creator = await creators.removeImage(requireViewer(c).user.id, c.req.valid("param").image);
      return c.json({ creator }, 200);
    })
    .openapi(listCreators, async (c) => {
      const q = c.req.valid("query");
      return c.json(
        await creators.list(
          q.query || null,
          decodeCursor(q.cursor),
          q.limit,
          entitlementViewer(c),
          c.get("country"),
          q.sort,
        ),
        200,
      );
    })
    .openapi(getCreator, async (c) =>
      c.json(await creators.get(c.req.valid("param").username, entitlementViewer(c), c.get("country")), 200),
    )
    .openapi(creatorPosts, async (c) => {
      const q = c.req.valid("query");
      return c.json(
        await posts.byCreator(
          entitlementViewer(c),
          c.req.valid("param").username,
          decodeCursor(q.cursor),
          q.limit,
          q.only,
          c.get("country"),
        ),
        200,
      );
    });
}
