// The admin's compliance console: the KYC queue and decisions, the documents (decrypted, never cached),
// the 2257 export and the DMCA queue with takedown, reject and restore. Every route needs a site admin.
import { Readable } from "node:stream";
import type { Context } from "hono";
import { z } from "zod";
import type { ComplianceService } from "./service.ts";
import { decodeCursor } from "../../lib/cursor.ts";
import { Forbidden } from "../../lib/errors.ts";
import { apiApp, apiRoute, json, jsonBody, type ErrorLines } from "../../http/openapi.ts";
import type { AppEnv } from "../../http/types.ts";
import { idParam } from "../../http/validate.ts";
import { actorOf } from "./routes.ts";
import {
  adminDmcaEnvelope,
  adminDmcaPage,
  adminKycEnvelope,
  adminKycPage,
  dmcaQuery,
  kycQuery,
  reasonBody,
} from "./schemas.ts";

const tags = ["admin"];
const ADMIN = { 403: "`admin_only`: only site admins can do this." } satisfies ErrorLines;
const BAD_CURSOR = "`bad_cursor`: the cursor is not one this API gave out.";
const NO_KYC = "`not_found`: no such verification.";
const NO_NOTICE = "`not_found`: no such notice.";

const adminOf = (c: Context<AppEnv>) => {
  const a = actorOf(c);
  if (a.role !== "admin") throw new Forbidden("Only site admins can do this.", "admin_only");
  return a;
};

const listKyc = apiRoute(
  {
    method: "get",
    path: "/kyc",
    tags,
    operationId: "listAdminKyc",
    summary: "The identity verification queue, newest first",
    request: { query: kycQuery },
    responses: { 200: json(adminKycPage, "A page of verifications.") },
  },
  { auth: "required", errors: { ...ADMIN, 400: BAD_CURSOR } },
);
const getKyc = apiRoute(
  {
    method: "get",
    path: "/kyc/{id}",
    tags,
    operationId: "getAdminKyc",
    summary: "One verification with its documents",
    request: { params: idParam },
    responses: { 200: json(adminKycEnvelope, "The verification.") },
  },
  { auth: "required", errors: { ...ADMIN, 404: NO_KYC } },
);
const approveKyc = apiRoute(
  {
    method: "post",
    path: "/kyc/{id}/approve",
    tags,
    operationId: "approveKyc",
    summary: "Approve a verification (the creator is told)",
    request: { params: idParam },
    responses: { 200: json(adminKycEnvelope, "Approved.") },
  },
  { auth: "required", errors: { ...ADMIN, 404: NO_KYC, 409: "`kyc_not_pending`: already decided." } },
);
const rejectKyc = apiRoute(
  {
    method: "post",
    path: "/kyc/{id}/reject",
    tags,
    operationId: "rejectKyc",
    summary: "Reject a verification with a reason (the creator is told, and may send a new one)",
    request: { params: idParam, body: jsonBody(reasonBody) },
    responses: { 200: json(adminKycEnvelope, "Rejected.") },
  },
  { auth: "required", errors: { ...ADMIN, 404: NO_KYC, 409: "`kyc_not_pending`: already decided." } },
);
const getDocument = apiRoute(
  {
    method: "get",
    path: "/documents/{id}",
    tags,
    operationId: "getComplianceDocument",
    summary: "A KYC or release document, decrypted (never cached; every view is in the audit log)",
    request: { params: idParam },
    responses: {
      200: {
        description: "The document: a JPEG, PNG or WebP photo or a PDF.",
        content: {
          "image/jpeg": { schema: z.string() },
          "image/png": { schema: z.string() },
          "image/webp": { schema: z.string() },
          "application/pdf": { schema: z.string() },
        },
      },
    },
  },
  { auth: "required", errors: { ...ADMIN, 404: "`not_found`: no such document." } },
);
const export2257 = apiRoute(
  {
    method: "get",
    path: "/records/2257",
    tags,
    operationId: "export2257Records",
    summary: "Every 2257 record as a zip: records.csv, performers.csv and the decrypted documents",
    responses: {
      200: {
        description: "A zip file (attachment).",
        content: { "application/zip": { schema: z.string() } },
      },
    },
  },
  { auth: "required", errors: ADMIN },
);
const listDmca = apiRoute(
  {
    method: "get",
    path: "/dmca",
    tags,
    operationId: "listAdminDmca",
    summary: "DMCA notices, newest first",
    request: { query: dmcaQuery },
    responses: { 200: json(adminDmcaPage, "A page of notices.") },
  },
  { auth: "required", errors: { ...ADMIN, 400: BAD_CURSOR } },
);
const getDmca = apiRoute(
  {
    method: "get",
    path: "/dmca/{id}",
    tags,
    operationId: "getAdminDmca",
    summary: "One notice, with what its URLs name on this site",
    request: { params: idParam },
    responses: { 200: json(adminDmcaEnvelope, "The notice.") },
  },
  { auth: "required", errors: { ...ADMIN, 404: NO_NOTICE } },
);
const takedown = apiRoute(
  {
    method: "post",
    path: "/dmca/{id}/takedown",
    tags,
    operationId: "dmcaTakedown",
    summary: "Take the named content down: a strike on each creator, told by notification and mail",
    description: "A creator reaching the site's strike limit is suspended as a repeat infringer.",
    request: { params: idParam },
    responses: { 200: json(adminDmcaEnvelope, "Taken down.") },
  },
  {
    auth: "required",
    errors: {
      ...ADMIN,
      404: NO_NOTICE,
      409: ["`dmca_not_open`: already decided.", "`nothing_to_take_down`: no URL names content here."],
    },
  },
);
const rejectDmca = apiRoute(
  {
    method: "post",
    path: "/dmca/{id}/reject",
    tags,
    operationId: "dmcaReject",
    summary: "Reject a notice (incomplete, or not about content on this site)",
    request: { params: idParam, body: jsonBody(reasonBody) },
    responses: { 200: json(adminDmcaEnvelope, "Rejected.") },
  },
  { auth: "required", errors: { ...ADMIN, 404: NO_NOTICE, 409: "`dmca_not_open`: already decided." } },
);
const restoreDmca = apiRoute(
  {
    method: "post",
    path: "/dmca/{id}/restore",
    tags,
    operationId: "dmcaRestore",
    summary:
      "Restore content after a counter-notice, once the waiting period is over (the strike is withdrawn)",
    request: { params: idParam },
    responses: { 200: json(adminDmcaEnvelope, "Restored.") },
  },
  {
    auth: "required",
    errors: {
      ...ADMIN,
      404: NO_NOTICE,
      409: [
        "`no_counter_notice`: nothing to restore without a counter-notice.",
        "`waiting_period`: too early (`details.restorableAt`).",
      ],
    },
  },
);

export function complianceAdminRoutes({ compliance }: { compliance: ComplianceService }) {
  return apiApp()
    .openapi(listKyc, async (c) => {
      adminOf(c);
      const q = c.req.valid("query");
      return c.json(await compliance.kyc.list(q.status ?? null, decodeCursor(q.cursor), q.limit), 200);
    })
    .openapi(getKyc, async (c) => {
      adminOf(c);
      return c.json({ kyc: await compliance.kyc.get(c.req.valid("param").id) }, 200);
    })
    .openapi(approveKyc, async (c) =>
      c.json({ kyc: await compliance.kyc.approve(adminOf(c), c.req.valid("param").id) }, 200),
    )
    .openapi(rejectKyc, async (c) =>
      c.json(
        { kyc: await compliance.kyc.reject(adminOf(c), c.req.valid("param").id, c.req.valid("json").reason) },
        200,
      ),
    )
    .openapi(getDocument, async (c) => {
      const { doc, stream } = await compliance.document(adminOf(c), c.req.valid("param").id);
      return c.body(Readable.toWeb(stream) as ReadableStream, 200, {
        "Content-Type": doc.mime,
        "Content-Length": String(doc.sizeBytes),
        "Content-Disposition": `inline; filename="${doc.kind}-${doc.id}.${doc.mime.split("/")[1]!.replace("jpeg", "jpg")}"`,
        "Cache-Control": "no-store",
      });
    })
    .openapi(export2257, async (c) => {
      const { stream, fileName } = await compliance.export2257(adminOf(c));
      return c.body(Readable.toWeb(stream) as ReadableStream, 200, {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      });
    })
    .openapi(listDmca, async (c) => {
      adminOf(c);
      const q = c.req.valid("query");
      return c.json(await compliance.dmca.list(q.status ?? null, decodeCursor(q.cursor), q.limit), 200);
    })
    .openapi(getDmca, async (c) => {
      adminOf(c);
      return c.json({ notice: await compliance.dmca.get(c.req.valid("param").id) }, 200);
    })
    .openapi(takedown, async (c) =>
      c.json({ notice: await compliance.dmca.takedown(adminOf(c), c.req.valid("param").id) }, 200),
    )
    .openapi(rejectDmca, async (c) =>
      c.json(
        {
          notice: await compliance.dmca.reject(
            adminOf(c),
            c.req.valid("param").id,
            c.req.valid("json").reason,
          ),
        },
        200,
      ),
    )
    .openapi(restoreDmca, async (c) =>
      c.json({ notice: await compliance.dmca.restore(adminOf(c), c.req.valid("param").id) }, 200),
    );
}
