// Uploads, the vault and one medium (/api/v1/media); delivery (/media/...) and the nginx auth_request check.
import { Hono, type MiddlewareHandler } from "hono";
import type { CreatorsService } from "../creators/service.ts";
import type { MediaService } from "./service.ts";
import { AppError, NotFound } from "../../lib/errors.ts";
import { entitlementViewer, requireEntitlementViewer } from "../../http/middleware/session.ts";
import { decodeCursor, pageOf, pageQuery } from "../../lib/cursor.ts";
import { sendFile } from "../../http/send-file.ts";
import type { AppEnv } from "../../http/types.ts";
import { idParam } from "../../http/validate.ts";
import { apiApp, apiRoute, json } from "../../http/openapi.ts";
import { z } from "zod";
import { mediaSchema, ownMediaSchema, uploadBody } from "./schemas.ts";

const tags = ["media"];
const BAD_CURSOR = "`bad_cursor`: the cursor is not one this API gave out.";

const upload = apiRoute(
  {
    method: "post",
    path: "/",
    tags,
    operationId: "uploadMedia",
    summary: "Upload a photo or video to the vault",
    description: "Streamed to disk, then processed in the background: poll the medium until it is ready.",
    request: { body: uploadBody },
    responses: { 201: json(z.strictObject({ media: ownMediaSchema }), "Stored; processing has started.") },
  },
  {
    auth: "required",
    errors: {
      400: [
        "`not_multipart`, `bad_multipart`: the body is not a well-formed multipart/form-data.",
        "`no_file`, `too_many_files`: exactly one file in the field `file`.",
      ],
      403: "`not_a_creator`: set up a creator profile first.",
      413: "`payload_too_large`: the file is over the site's upload limit.",
      415: "`unsupported_media_type`: not a JPEG, PNG, WebP, GIF, HEIC image or MP4, MOV, WebM video.",
      429: "`rate_limited`: too many uploads this hour.",
    },
  },
);

const vault = apiRoute(
  {
    method: "get",
    path: "/",
    tags,
    operationId: "listVault",
    summary: "The creator's own uploads, newest first",
    request: { query: pageQuery },
    responses: { 200: json(pageOf(ownMediaSchema, "OwnMediaPage"), "A page of the vault.") },
  },
  { auth: "required", errors: { 400: BAD_CURSOR } },
);

const getMedia = apiRoute(
  {
    method: "get",
    path: "/{id}",
    tags,
    operationId: "getMedia",
    summary: "One medium: the owner's view, or a viewer's full or locked view",
    request: { params: idParam },
    responses: {
      200: json(z.strictObject({ media: z.union([ownMediaSchema, mediaSchema]) }), "The medium."),
    },
  },
  { auth: "optional", errors: { 404: "`not_found`: no such medium, or not one this viewer may see." } },
);

/** `/api/v1/media`: upload, the vault, one medium. */
export function mediaRoutes({ media, creators }: { media: MediaService; creators: CreatorsService }) {
  return apiApp()
    .openapi(upload, async (c) => {
      const viewer = requireEntitlementViewer(c);
      const view = await media.upload(
        { ...viewer, isCreator: await creators.isCreator(viewer.id) },
        {
          body: c.req.raw.body,
          contentType: c.req.header("content-type"),
          contentLength: c.req.header("content-length"),
        },
      );
      return c.json({ media: view }, 201);
    })
    .openapi(vault, async (c) => {
      const q = c.req.valid("query");
      return c.json(await media.vault(requireEntitlementViewer(c), decodeCursor(q.cursor), q.limit), 200);
    })
    .openapi(getMedia, async (c) =>
      c.json({ media: await media.get(entitlementViewer(c), c.req.valid("param").id) }, 200),
    );
}

const fileParams = z.object({
  id: z.string().regex(/^[a-z2-7]{26}$/),
  file: z.string().regex(/^[a-z0-9_]{1,32}\.[a-z0-9]{1,8}$/),
});

/** `/media/:id/:file`: the process serves media itself (no nginx), after the same entitlement check. */
export function mediaDeliveryRoutes(session: MiddlewareHandler<AppEnv>, { media }: { media: MediaService }) {
  return new Hono<AppEnv>().use("*", session).on(["GET", "HEAD"], "/:id/:file", async (c) => {
    const p = fileParams.safeParse(c.req.param());
    if (!p.success) throw new NotFound("Media");
    // Proxied, never a redirect to the bucket: see authorizeFile.
    const file = await media.authorizeFile(entitlementViewer(c), p.data.id, p.data.file, c.get("country"));
    return sendFile(c.req.raw, file.file, {
      cacheControl: cacheControlOf(file),
    });
  });
}

/** Public files (profile images) may sit in shared caches; everything else is per viewer. */
const cacheControlOf = (file: { public: boolean }) =>
  file.public ? "public, max-age=86400" : "private, max-age=3600";

/**
 * `/internal/media-auth`: nginx `auth_request` target. The original URI comes in `X-Original-URI`;
 * the answer is only 200, 401 or 403 (what auth_request understands), with no file I/O.
 */
export function mediaAuthRoutes(session: MiddlewareHandler<AppEnv>, { media }: { media: MediaService }) {
  return new Hono<AppEnv>().use("*", session).get("/media-auth", async (c) => {
    const viewer = entitlementViewer(c);
    const deny = () => c.body(null, viewer ? 403 : 401);
    const uri = c.req.header("x-original-uri") ?? "";
    const m = /^\/media\/([a-z2-7]{26})\/([a-z0-9_]{1,32}\.[a-z0-9]{1,8})(?:\?.*)?$/.exec(uri);
    if (!m) return deny();
    try {
      const file = await media.authorizeFile(viewer, m[1]!, m[2]!, c.get("country"));
      // nginx copies this into the file's Cache-Control (profile images are public, the rest private).
      c.header("X-Media-Cache", cacheControlOf(file));
      return c.body(null, 200);
    } catch (err) {
      // auth_request passes only 401 and 403 on: a geo block is a 403 that says why, and nginx hands the
      // request to the app (error_page), which answers 451 `geo_blocked` itself.
      if (err instanceof AppError && err.code === "geo_blocked") {
        c.header("X-Fanz-Denied", "geo_blocked");
        return c.body(null, 403);
      }
      if (err instanceof AppError) return deny();
      throw err;
    }
  });
}
