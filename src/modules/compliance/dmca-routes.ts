// The DMCA API for the public (a notice) and for creators (the notices about their content, the
// counter-notice). The admin's side is in admin-routes.ts.
import type { ComplianceService } from "./service.ts";
import { decodeCursor, pageQuery } from "../../lib/cursor.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import { apiApp, apiRoute, json, jsonBody } from "../../http/openapi.ts";
import { idParam } from "../../http/validate.ts";
import { actorOf } from "./routes.ts";
import {
  counterNoticeBody,
  creatorDmcaEnvelope,
  creatorDmcaPage,
  dmcaNoticeBody,
  dmcaReceiptSchema,
} from "./schemas.ts";

const tags = ["compliance"];

const submit = apiRoute(
  {
    method: "post",
    path: "/",
    tags,
    operationId: "submitDmcaNotice",
    summary: "Send a DMCA notice about content on this site",
    description:
      "Every element of 17 U.S.C. § 512(c)(3) is required: who you are and how to reach you, the work, the URLs on this site, the good-faith and accuracy statements, and your typed signature.",
    request: { body: jsonBody(dmcaNoticeBody) },
    responses: { 201: json(dmcaReceiptSchema, "Received; an admin reviews it.") },
  },
  {
    auth: "optional",
    errors: {
      400: "`invalid_request`: an element of the notice is missing (`details.fields` names each).",
      429: "`rate_limited`: too many notices from this address.",
    },
  },
);

const mine = apiRoute(
  {
    method: "get",
    path: "/",
    tags,
    operationId: "listMyDmcaNotices",
    summary: "The DMCA notices that took down your content, newest first",
    request: { query: pageQuery },
    responses: { 200: json(creatorDmcaPage, "A page of notices.") },
  },
  { auth: "required", errors: { 400: "`bad_cursor`: the cursor is not one this API gave out." } },
);

const one = apiRoute(
  {
    method: "get",
    path: "/{id}",
    tags,
    operationId: "getMyDmcaNotice",
    summary: "A notice about your content: the claim, what was removed, your counter-notice",
    request: { params: idParam },
    responses: { 200: json(creatorDmcaEnvelope, "The notice.") },
  },
  { auth: "required", errors: { 404: "`not_found`: no notice about your content with this id." } },
);

const counter = apiRoute(
  {
    method: "post",
    path: "/{id}/counter",
    tags,
    operationId: "sendCounterNotice",
    summary: "Send a counter-notice (17 U.S.C. § 512(g)(3)) for content removed by mistake",
    description:
      "The admin may restore the content once the site's waiting period after it has passed (10 business days by default).",
    request: { params: idParam, body: jsonBody(counterNoticeBody) },
    responses: { 200: json(creatorDmcaEnvelope, "The notice with your counter-notice.") },
  },
  {
    auth: "required",
    errors: {
      400: "`invalid_request`: an element of the counter-notice is missing (`details.fields`).",
      404: "`not_found`: no notice about your content with this id.",
      409: "`already_countered`, `already_restored`.",
    },
  },
);

export function dmcaRoutes({ compliance }: { compliance: ComplianceService }) {
  return apiApp()
    .openapi(submit, async (c) => {
      const input = c.req.valid("json");
      const claimant = { ...input.claimant, phone: input.claimant.phone || null };
      const notice = await compliance.dmca.submit({ ...input, claimant }, c.get("clientIp"));
      return c.json({ notice }, 201);
    })
    .openapi(mine, async (c) => {
      const q = c.req.valid("query");
      return c.json(
        await compliance.dmca.mine(requireViewer(c).user.id, decodeCursor(q.cursor), q.limit),
        200,
      );
    })
    .openapi(one, async (c) =>
      c.json(
        { notice: await compliance.dmca.forCreator(requireViewer(c).user.id, c.req.valid("param").id) },
        200,
      ),
    )
    .openapi(counter, async (c) =>
      c.json(
        { notice: await compliance.dmca.counter(actorOf(c), c.req.valid("param").id, c.req.valid("json")) },
        200,
      ),
    );
}
