// Promotions: a creator's own discount and trial links (create, list, delete), and the public offer behind
// a link or on a creator page.
import { z } from "zod";
import type { PromotionsService } from "./service.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import { decodeCursor, pageQuery } from "../../lib/cursor.ts";
import { apiApp, apiRoute, json, jsonBody } from "../../http/openapi.ts";
import { idParam } from "../../http/validate.ts";
import {
  codeParam,
  offerEnvelope,
  promotionBody,
  promotionEnvelope,
  promotionPageSchema,
} from "./schemas.ts";

const tags = ["promotions"];

const create = apiRoute(
  {
    method: "post",
    path: "/",
    tags,
    operationId: "createPromotion",
    summary: "Make a discount or free-trial link",
    request: { body: jsonBody(promotionBody) },
    responses: { 201: json(promotionEnvelope, "The promotion and its link.") },
  },
  {
    auth: "required",
    errors: {
      400: "`invalid_request`: a discount without percentOff, a trial without trialDays, an expiry in the past.",
      403: "`not_a_creator`: only creators make promotions.",
    },
  },
);

const list = apiRoute(
  {
    method: "get",
    path: "/",
    tags,
    operationId: "listPromotions",
    summary: "The caller's promotions, newest first, with their uses",
    request: { query: pageQuery },
    responses: { 200: json(promotionPageSchema, "A page of promotions.") },
  },
  { auth: "required", errors: { 400: "`bad_cursor`: the cursor is not one this API gave out." } },
);

const getOne = apiRoute(
  {
    method: "get",
    path: "/{id}",
    tags,
    operationId: "getPromotion",
    summary: "One of the caller's promotions",
    request: { params: idParam },
    responses: { 200: json(promotionEnvelope, "The promotion.") },
  },
  { auth: "required", errors: { 404: "`not_found`: no such promotion of the caller." } },
);

const remove = apiRoute(
  {
    method: "delete",
    path: "/{id}",
    tags,
    operationId: "deletePromotion",
    summary: "Delete a promotion: its link stops working; past redemptions stay",
    request: { params: idParam },
    responses: { 204: { description: "Deleted." } },
  },
  { auth: "required", errors: { 404: "`not_found`: no such promotion of the caller." } },
);

const byCode = apiRoute(
  {
    method: "get",
    path: "/code/{code}",
    tags,
    operationId: "getPromotionOffer",
    summary: "The offer behind a promotion link (public)",
    request: { params: codeParam },
    responses: { 200: json(promotionEnvelope, "The offer; `available` is false when used up or expired.") },
  },
  { auth: "optional", errors: { 404: "`not_found`: no such promotion (or it was deleted)." } },
);

const publicOffer = apiRoute(
  {
    method: "get",
    path: "/creator/{username}",
    tags,
    operationId: "getCreatorOffer",
    summary: "The offer a creator shows on their page (public)",
    request: { params: z.object({ username: z.string().max(30) }) },
    responses: { 200: json(offerEnvelope, "The newest public promotion still redeemable, or null.") },
  },
  { auth: "optional", errors: { 404: "`not_found`: no such creator." } },
);

export function promotionsRoutes({ promotions }: { promotions: PromotionsService }) {
  return apiApp()
    .openapi(create, async (c) =>
      c.json({ promotion: await promotions.create(requireViewer(c).user.id, c.req.valid("json")) }, 201),
    )
    .openapi(list, async (c) => {
      const q = c.req.valid("query");
      return c.json(await promotions.list(requireViewer(c).user.id, decodeCursor(q.cursor), q.limit), 200);
    })
    .openapi(byCode, async (c) =>
      c.json({ promotion: await promotions.offer(c.req.valid("param").code) }, 200),
    )
    .openapi(publicOffer, async (c) =>
      c.json({ promotion: await promotions.publicOffer(c.req.valid("param").username) }, 200),
    )
    .openapi(getOne, async (c) =>
      c.json({ promotion: await promotions.get(requireViewer(c).user.id, c.req.valid("param").id) }, 200),
    )
    .openapi(remove, async (c) => {
      await promotions.remove(requireViewer(c).user.id, c.req.valid("param").id);
      return c.body(null, 204);
    });
}
