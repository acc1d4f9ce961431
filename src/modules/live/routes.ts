// Live routes: the stream key, streams (create, edit, end, list), a creator's live stream, what is live
// now, tickets, chat history and moderation (/api/v1/live, /api/v1/creators/:username/live); the HLS
// itself (/live-hls/...) after the entitlement check, in-process or for nginx (/internal/live-auth).
// Chat and tips reach viewers over /ws (src/http/ws.ts, rooms.ts).
import { Hono, type MiddlewareHandler } from "hono";
import { z } from "zod";
import type { AppContext } from "../../context.ts";
import type { AppEnv } from "../../http/types.ts";
import { entitlementViewer, requireEntitlementViewer, requireViewer } from "../../http/middleware/session.ts";
import { apiApp, apiRoute, GEO_BLOCKED, json, jsonBody, listRoute } from "../../http/openapi.ts";
import { sendFile } from "../../http/send-file.ts";
import { idParam } from "../../http/validate.ts";
import { decodeCursor } from "../../lib/cursor.ts";
import { AppError, NotFound } from "../../lib/errors.ts";
import { checkoutStarted, PURCHASE_ERRORS, respond } from "../payments/routes.ts";
import { unlockBody } from "../payments/schemas.ts";
import type { LiveDelivery } from "./hls.ts";
import { parseLivePath } from "./hls.ts";
import type { LiveService } from "./service.ts";
import {
  chatLineParams,
  chatPageSchema,
  creatorLiveSchema,
  liveNowQuery,
  liveNowSchema,
  liveStreamEnvelope,
  liveStreamPageSchema,
  moderationBody,
  newStreamBody,
  streamKeySchema,
  streamPatchBody,
} from "./schemas.ts";

const tags = ["live"];
const CREATORS_ONLY = "`not_a_creator`: only creators go live.";
const GO_LIVE = [
  CREATORS_ONLY,
  "`kyc_required`: this site requires an approved identity verification first.",
];
const NO_STREAM = "`not_found`: no such stream (or not one of yours).";

const getKey = apiRoute(
  {
    method: "get",
    path: "/key",
    tags,
    operationId: "getStreamKey",
    summary: "Your RTMP URL and stream key (made on first use)",
    responses: { 200: json(streamKeySchema, "Enter both in OBS.") },
  },
  { auth: "required", errors: { 403: GO_LIVE } },
);
const rotateKey = apiRoute(
  {
    method: "post",
    path: "/key/rotate",
    tags,
    operationId: "rotateStreamKey",
    summary: "A new stream key; the old one is refused at once (and a stream using it is cut)",
    responses: { 200: json(streamKeySchema, "The new key.") },
  },
  { auth: "required", errors: { 403: GO_LIVE } },
);
const create = apiRoute(
  {
    method: "post",
    path: "/streams",
    tags,
    operationId: "createLiveStream",
    summary: "Plan the next stream (it goes live when you publish with your key)",
    request: { body: jsonBody(newStreamBody) },
    responses: { 201: json(liveStreamEnvelope, "The scheduled stream.") },
  },
  { auth: "required", errors: { 400: "`invalid_request`: a ticket needs a price.", 403: GO_LIVE } },
);
const mine = listRoute(
  {
    path: "/streams",
    tags,
    operationId: "listMyLiveStreams",
    summary: "Your streams, newest first",
    page: liveStreamPageSchema,
    what: "streams",
  },
  { auth: "required", errors: { 403: CREATORS_ONLY } },
);
const one = apiRoute(
  {
    method: "get",
    path: "/streams/{id}",
    tags,
    operationId: "getLiveStream",
    summary: "A stream as you may see it (playlistUrl only when you may watch)",
    request: { params: idParam },
    responses: { 200: json(liveStreamEnvelope, "The stream.") },
  },
  { auth: "optional", errors: { 404: "`not_found`: no such stream.", 451: GEO_BLOCKED } },
);
const patch = apiRoute(
  {
    method: "patch",
    path: "/streams/{id}",
    tags,
    operationId: "updateLiveStream",
    summary: "Change a stream that has not ended",
    request: { params: idParam, body: jsonBody(streamPatchBody) },
    responses: { 200: json(liveStreamEnvelope, "The stream.") },
  },
  {
    auth: "required",
    errors: { 400: "`invalid_request`", 404: NO_STREAM, 409: "`stream_ended`: it has ended." },
  },
);
const remove = apiRoute(
  {
    method: "delete",
    path: "/streams/{id}",
    tags,
    operationId: "deleteLiveStream",
    summary: "Delete a stream that has not started",
    request: { params: idParam },
    responses: { 204: { description: "Deleted." } },
  },
  {
    auth: "required",
    errors: {
      404: NO_STREAM,
      409: ["`stream_started`: it went live already.", "`tickets_sold`: fans hold tickets to it."],
    },
  },
);
const end = apiRoute(
  {
    method: "post",
    path: "/streams/{id}/end",
    tags,
    operationId: "endLiveStream",
    summary: "End your live stream now (the publisher is disconnected)",
    request: { params: idParam },
    responses: { 200: json(liveStreamEnvelope, "The ended stream.") },
  },
  { auth: "required", errors: { 404: NO_STREAM, 409: "`not_live`: it is not live." } },
);
const ticket = apiRoute(
  {
    method: "post",
    path: "/streams/{id}/tickets",
    tags,
    operationId: "buyLiveTicket",
    summary: "Buy a ticket to a ticketed stream",
    request: { params: idParam, body: jsonBody(unlockBody) },
    responses: {
      200: json(liveStreamEnvelope, "Paid from the wallet: the stream, unlocked."),
      202: checkoutStarted,
    },
  },
  {
    auth: "required",
    errors: {
      ...PURCHASE_ERRORS,
      400: [PURCHASE_ERRORS[400], "`no_tickets`: this stream is not ticketed."],
      404: "`not_found`: no such stream.",
      409: [PURCHASE_ERRORS[409], "`already_owned`: you have a ticket.", "`stream_ended`: it has ended."],
      451: GEO_BLOCKED,
    },
  },
);
const now = apiRoute(
  {
    method: "get",
    path: "/now",
    tags,
    operationId: "listLiveNow",
    summary: "Streams live now, the latest started first",
    request: { query: liveNowQuery },
    responses: { 200: json(liveNowSchema, "Live streams.") },
  },
  { auth: "optional" },
);
const chat = listRoute(
  {
    path: "/streams/{id}/chat",
    tags,
    operationId: "getLiveChat",
    summary: "The stream's chat and tips, newest first",
    params: idParam,
    page: chatPageSchema,
    what: "chat lines",
  },
  {
    auth: "optional",
    errors: { 403: "`not_entitled`: subscribe or buy a ticket.", 404: "`not_found`", 451: GEO_BLOCKED },
  },
);
const moderate = apiRoute(
  {
    method: "post",
    path: "/streams/{id}/moderation",
    tags,
    operationId: "moderateLiveChat",
    summary: "Mute, unmute or remove a person from your stream's chat",
    request: { params: idParam, body: jsonBody(moderationBody) },
    responses: { 204: { description: "Done; their open sockets are told." } },
  },
  {
    auth: "required",
    errors: { 400: "`self_moderation`", 404: [NO_STREAM, "`not_found`: no such user."] },
  },
);
const hide = apiRoute(
  {
    method: "delete",
    path: "/streams/{id}/chat/{messageId}",
    tags,
    operationId: "hideLiveChatLine",
    summary: "Hide one line of your stream's chat",
    request: { params: chatLineParams },
    responses: { 204: { description: "Hidden for everyone." } },
  },
  { auth: "required", errors: { 404: [NO_STREAM, "`not_found`: no such chat line."] } },
);
const creatorLive = apiRoute(
  {
    method: "get",
    path: "/{username}/live",
    tags,
    operationId: "getCreatorLive",
    summary: "A creator's live stream (or null) and upcoming ones",
    request: { params: z.object({ username: z.string().min(1).max(30) }) },
    responses: { 200: json(creatorLiveSchema, "Live and scheduled streams.") },
  },
  { auth: "optional", errors: { 404: "`not_found`: no such creator.", 451: GEO_BLOCKED } },
);

export function liveRoutes({ live }: { live: LiveService }) {
  return apiApp()
    .openapi(getKey, async (c) => c.json(await live.key(requireEntitlementViewer(c)), 200))
    .openapi(rotateKey, async (c) => c.json(await live.rotateKey(requireEntitlementViewer(c)), 200))
    .openapi(create, async (c) =>
      c.json({ stream: await live.create(requireEntitlementViewer(c), c.req.valid("json")) }, 201),
    )
    .openapi(mine, async (c) => {
      const q = c.req.valid("query");
      return c.json(await live.mine(requireEntitlementViewer(c), decodeCursor(q.cursor), q.limit), 200);
    })
    .openapi(now, async (c) =>
      c.json(await live.liveNow(entitlementViewer(c), c.req.valid("query").limit, c.get("country")), 200),
    )
    .openapi(one, async (c) =>
      c.json(
        { stream: await live.get(entitlementViewer(c), c.req.valid("param").id, c.get("country")) },
        200,
      ),
    )
    .openapi(patch, async (c) =>
      c.json(
        {
          stream: await live.update(
            requireEntitlementViewer(c),
            c.req.valid("param").id,
            c.req.valid("json"),
          ),
        },
        200,
      ),
    )
    .openapi(remove, async (c) => {
      await live.remove(requireEntitlementViewer(c), c.req.valid("param").id);
      return c.body(null, 204);
    })
    .openapi(end, async (c) =>
      c.json({ stream: await live.end(requireEntitlementViewer(c), c.req.valid("param").id) }, 200),
    )
    .openapi(ticket, async (c) =>
      respond(
        c,
        await live.buyTicket(
          requireViewer(c).user,
          c.req.valid("param").id,
          c.req.valid("json").payWith,
          c.get("country"),
        ),
        "stream",
        200,
      ),
    )
    .openapi(chat, async (c) => {
      const q = c.req.valid("query");
      return c.json(
        await live.chatHistory(
          entitlementViewer(c),
          c.req.valid("param").id,
          decodeCursor(q.cursor),
          q.limit,
          c.get("country"),
        ),
        200,
      );
    })
    .openapi(moderate, async (c) => {
      const b = c.req.valid("json");
      await live.moderate(requireEntitlementViewer(c), c.req.valid("param").id, b.username, b.action);
      return c.body(null, 204);
    })
    .openapi(hide, async (c) => {
      const p = c.req.valid("param");
      await live.hideChat(requireEntitlementViewer(c), p.id, p.messageId);
      return c.body(null, 204);
    });
}

export function creatorLiveRoutes({ live }: { live: LiveService }) {
  return apiApp().openapi(creatorLive, async (c) =>
    c.json(await live.ofCreator(entitlementViewer(c), c.req.valid("param").username, c.get("country")), 200),
  );
}

const NO_CACHE = "private, no-cache";
/** What a live file's answer from the ingest node keeps (fetch has already undone any Content-Encoding). */
const PASSED_ON = [
  "content-type",
  "content-length",
  "content-range",
  "accept-ranges",
  "cache-control",
  "etag",
  "last-modified",
];

/** `/live-hls/<stream>/<file>`: the process serves live HLS itself (no nginx), after the check. */
export function liveDeliveryRoutes(
  ctx: AppContext,
  session: MiddlewareHandler<AppEnv>,
  { liveDelivery }: { liveDelivery: LiveDelivery },
) {
  const origin = ctx.config.live.ingest ? "" : ctx.config.live.ingest_url.replace(/\/$/, "");
  return new Hono<AppEnv>().use("*", session).on(["GET", "HEAD"], "/*", async (c) => {
    const path = c.req.path.replace(/^\/live-hls\//, "");
    const p = parseLivePath(path);
    if (!p) throw new NotFound("Live stream");
    if (origin) {
      // Another node takes the RTMP and has the files: it checks again with the viewer's own credentials.
      await liveDelivery.authorize(entitlementViewer(c), p, c.get("country"));
      const headers: Record<string, string> = {};
      for (const h of ["cookie", "authorization", "range", "if-none-match"]) {
        const v = c.req.header(h);
        if (v) headers[h] = v;
      }
      const res = await fetch(`${origin}/live-hls/${path}`, { headers });
      const out = new Headers();
      for (const h of PASSED_ON) {
        const v = res.headers.get(h);
        if (v) out.set(h, v);
      }
      return new Response(res.body, { status: res.status, headers: out });
    }
    const got = await liveDelivery.fetch(entitlementViewer(c), p, c.get("country"));
    if ("text" in got) return c.body(got.text, 200, { "content-type": got.type, "cache-control": NO_CACHE });
    return sendFile(c.req.raw, got.file, {
      cacheControl: p.file.startsWith("poster") ? NO_CACHE : "private, max-age=60",
    });
  });
}

/** `/internal/live-auth`: nginx `auth_request` for live segments and stills (200 / 401 / 403). */
export function liveAuthRoutes(
  session: MiddlewareHandler<AppEnv>,
  { liveDelivery }: { liveDelivery: LiveDelivery },
) {
  return new Hono<AppEnv>().use("*", session).get("/live-auth", async (c) => {
    const viewer = entitlementViewer(c);
    const deny = () => c.body(null, viewer ? 403 : 401);
    const uri = (c.req.header("x-original-uri") ?? "").split("?")[0]!;
    const p = uri.startsWith("/live-hls/") ? parseLivePath(uri.slice("/live-hls/".length)) : null;
    if (!p) return deny();
    try {
      await liveDelivery.authorize(viewer, p, c.get("country"));
      return c.body(null, 200);
    } catch (err) {
      // As /internal/media-auth: a geo block is a 403 saying why; nginx lets the app answer the 451.
      if (err instanceof AppError && err.code === "geo_blocked") {
        c.header("X-Fanz-Denied", "geo_blocked");
        return c.body(null, 403);
      }
      if (err instanceof AppError) return deny();
      throw err;
    }
  });
}
