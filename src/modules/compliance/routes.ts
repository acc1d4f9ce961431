// The compliance API for people: their identity verification (/kyc), releases (/releases), the 2257
// records of their posts and the co-performer requests they answer (/records). Uploads are multipart,
// streamed and encrypted by the service; the router does not parse them.
import type { Context } from "hono";
import { z } from "zod";
import type { CreatorsService } from "../creators/service.ts";
import type { ComplianceService } from "./service.ts";
import { decodeCursor, pageQuery } from "../../lib/cursor.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import { apiApp, apiRoute, json } from "../../http/openapi.ts";
import type { AppEnv } from "../../http/types.ts";
import { idParam } from "../../http/validate.ts";
import {
  coPerformerRequestPage,
  heldPostsSchema,
  kycSchema,
  kycUploadBody,
  myKycSchema,
  postPerformersSchema,
  releasePage,
  releaseSchema,
  releaseUploadBody,
  statementSchema,
} from "./schemas.ts";

const UPLOAD_ERRORS = {
  413: "`payload_too_large`: a document is over the site's limit.",
  415: "`unsupported_document`: a file is not a JPEG, PNG or WebP photo or a PDF.",
  429: "`rate_limited`: too many submissions today.",
} as const;
const FORM_400 = [
  "`invalid_request`: a field is missing or invalid, or a document is missing (`details.fields`).",
  "`under_18`: the date of birth is under 18.",
  "`not_multipart`, `bad_multipart`, `empty_file`: the body is not a well-formed form.",
];
const BAD_CURSOR = "`bad_cursor`: the cursor is not one this API gave out.";

/** The viewer as the compliance service sees them: id, role and address. */
export const actorOf = (c: Context<AppEnv>) => {
  const v = requireViewer(c);
  return { id: v.user.id, role: v.user.role, ip: c.get("clientIp") ?? null };
};
const uploadOf = (c: Context<AppEnv>) => ({
  body: c.req.raw.body,
  contentType: c.req.header("content-type"),
  contentLength: c.req.header("content-length"),
});

const submitKyc = apiRoute(
  {
    method: "post",
    path: "/",
    tags: ["compliance"],
    operationId: "submitKyc",
    summary: "Send your identity verification: legal name, date of birth, country, ID document and a selfie",
    description:
      "The documents are stored encrypted outside the media tree and seen only by site admins. An admin approves or rejects it; you are told.",
    request: { body: kycUploadBody },
    responses: { 201: json(z.strictObject({ kyc: kycSchema }), "Received: under review.") },
  },
  {
    auth: "required",
    errors: {
      ...UPLOAD_ERRORS,
      400: FORM_400,
      403: "`admin_only`: site admins need no verification.",
      409: ["`kyc_pending`: a submission is under review.", "`already_verified`: you are verified."],
    },
  },
);

const getKyc = apiRoute(
  {
    method: "get",
    path: "/",
    tags: ["compliance"],
    operationId: "getMyKyc",
    summary: "Your newest verification (status, rejection reason) and whether the site requires one",
    responses: { 200: json(myKycSchema, "Your verification, or null.") },
  },
  { auth: "required" },
);

const addRelease = apiRoute(
  {
    method: "post",
    path: "/",
    tags: ["compliance"],
    operationId: "createRelease",
    summary:
      "Keep a performer's release: legal name, date of birth, other names, ID document, signed release",
    description: "Name it in a post's `releaseIds` as that post's 2257 record of the performer.",
    request: { body: releaseUploadBody },
    responses: { 201: json(z.strictObject({ release: releaseSchema }), "Stored.") },
  },
  {
    auth: "required",
    errors: { ...UPLOAD_ERRORS, 400: FORM_400, 403: "`not_a_creator`: set up a creator profile first." },
  },
);

const listReleases = apiRoute(
  {
    method: "get",
    path: "/",
    tags: ["compliance"],
    operationId: "listReleases",
    summary: "Your releases, newest first",
    request: { query: pageQuery },
    responses: { 200: json(releasePage, "A page of releases.") },
  },
  { auth: "required", errors: { 400: BAD_CURSOR } },
);

const heldPosts = apiRoute(
  {
    method: "get",
    path: "/held",
    tags: ["compliance"],
    operationId: "listHeldPosts",
    summary: "Your posts that wait for co-performers to confirm before they are published",
    responses: { 200: json(heldPostsSchema, "The held posts and whom they wait for.") },
  },
  { auth: "required" },
);

const postPerformers = apiRoute(
  {
    method: "get",
    path: "/posts/{id}",
    tags: ["compliance"],
    operationId: "getPostPerformers",
    summary: "The co-performers and releases a post names (its creator or an admin)",
    request: { params: idParam },
    responses: { 200: json(z.strictObject({ performers: postPerformersSchema }), "The post's performers.") },
  },
  { auth: "required", errors: { 404: "`not_found`: no record of yours for this post." } },
);

const requests = apiRoute(
  {
    method: "get",
    path: "/requests",
    tags: ["compliance"],
    operationId: "listCoPerformerRequests",
    summary: "Posts that name you as a co-performer, newest first",
    request: { query: pageQuery },
    responses: { 200: json(coPerformerRequestPage, "A page of requests.") },
  },
  { auth: "required", errors: { 400: BAD_CURSOR } },
);

const decide = (decision: "confirm" | "decline") =>
  apiRoute(
    {
      method: "post",
      path: `/requests/{id}/${decision}`,
      tags: ["compliance"],
      operationId: decision === "confirm" ? "confirmCoPerformer" : "declineCoPerformer",
      summary:
        decision === "confirm"
          ? "Confirm you perform in the post (the last confirmation publishes a held post)"
          : "Decline being named in the post (it stays unpublished)",
      request: { params: idParam },
      responses: { 204: { description: "Done." } },
    },
    {
      auth: "required",
      errors: { 404: "`not_found`: no such request of yours.", 409: "`already_decided`." },
    },
  );
const confirm = decide("confirm");
const decline = decide("decline");

const statement = apiRoute(
  {
    method: "get",
    path: "/2257",
    tags: ["compliance"],
    operationId: "getRecordsStatement",
    summary: "The site's 18 U.S.C. 2257 custodian-of-records statement (public)",
    responses: { 200: json(z.strictObject({ statement: statementSchema }), "The statement.") },
  },
  { auth: "optional" },
);

export function kycRoutes({ compliance }: { compliance: ComplianceService }) {
  return apiApp()
    .openapi(submitKyc, async (c) =>
      c.json({ kyc: await compliance.kyc.submit(actorOf(c), uploadOf(c)) }, 201),
    )
    .openapi(getKyc, async (c) => c.json(await compliance.kyc.mine(requireViewer(c).user.id), 200));
}

export function releasesRoutes({
  compliance,
  creators,
}: {
  compliance: ComplianceService;
  creators: CreatorsService;
}) {
  return apiApp()
    .openapi(addRelease, async (c) => {
      const actor = actorOf(c);
      const release = await compliance.records.addRelease(
        actor,
        await creators.isCreator(actor.id),
        uploadOf(c),
      );
      return c.json({ release }, 201);
    })
    .openapi(listReleases, async (c) => {
      const q = c.req.valid("query");
      return c.json(
        await compliance.records.releases(requireViewer(c).user.id, decodeCursor(q.cursor), q.limit),
        200,
      );
    });
}

export function recordsRoutes({ compliance }: { compliance: ComplianceService }) {
  return apiApp()
    .openapi(statement, async (c) => c.json({ statement: await compliance.statement() }, 200))
    .openapi(heldPosts, async (c) =>
      c.json({ items: await compliance.records.held(requireViewer(c).user.id) }, 200),
    )
    .openapi(postPerformers, async (c) =>
      c.json({ performers: await compliance.records.ofPost(actorOf(c), c.req.valid("param").id) }, 200),
    )
    .openapi(requests, async (c) => {
      const q = c.req.valid("query");
      return c.json(
        await compliance.records.requests(requireViewer(c).user.id, decodeCursor(q.cursor), q.limit),
        200,
      );
    })
    .openapi(confirm, async (c) => {
      await compliance.records.decide(actorOf(c), c.req.valid("param").id, "confirmed");
      return c.body(null, 204);
    })
    .openapi(decline, async (c) => {
      await compliance.records.decide(actorOf(c), c.req.valid("param").id, "declined");
      return c.body(null, 204);
    });
}
