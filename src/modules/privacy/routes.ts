// GDPR: the signed-in person's data exports and the erasure of their account.
import { z } from "zod";
import { requireViewer } from "../../http/middleware/session.ts";
import { apiApp, apiRoute, json, jsonBody } from "../../http/openapi.ts";
import { sendFile } from "../../http/send-file.ts";
import type { PrivacyService } from "./service.ts";
import { eraseBody, exportEnvelope, exportSchema } from "./schemas.ts";

const tags = ["users"];
const idParam = z.object({ id: z.string() });
const NO_EXPORT = "`not_found`: no export of yours by that id.";

const requestExport = apiRoute(
  {
    method: "post",
    path: "/me/export",
    tags,
    operationId: "requestDataExport",
    summary: "Ask for a copy of your data (a zip, made in the background)",
    description:
      "Profile, posts, comments, likes, messages of your conversations, purchases, subscriptions, tips, ledger lines of your accounts, notifications, sessions and your own media originals, as JSON plus files.",
    responses: { 202: json(exportEnvelope, "Queued; follow it with GET /users/me/exports/{id}.") },
  },
  {
    auth: "required",
    errors: {
      409: "`export_running`: an export is already being made.",
      429: "`rate_limited`: too many exports today.",
    },
  },
);

const listExports = apiRoute(
  {
    method: "get",
    path: "/me/exports",
    tags,
    operationId: "listDataExports",
    summary: "Your recent data exports, newest first",
    responses: { 200: json(z.strictObject({ items: z.array(exportSchema) }), "Up to 10 exports.") },
  },
  { auth: "required" },
);

const getExport = apiRoute(
  {
    method: "get",
    path: "/me/exports/{id}",
    tags,
    operationId: "getDataExport",
    summary: "One of your data exports: its progress, and where to download it once ready",
    request: { params: idParam },
    responses: { 200: json(exportEnvelope, "The export.") },
  },
  { auth: "required", errors: { 404: NO_EXPORT } },
);

const download = apiRoute(
  {
    method: "get",
    path: "/me/exports/{id}/download",
    tags,
    operationId: "downloadDataExport",
    summary: "The zip of a ready export (yours only)",
    request: { params: idParam },
    responses: {
      200: {
        description: "The zip (attachment).",
        content: { "application/zip": { schema: z.string().meta({ format: "binary" }) } },
      },
    },
  },
  {
    auth: "required",
    errors: {
      404: [
        NO_EXPORT,
        "`export_not_ready`: still being made.",
        "`export_expired`: its download time is over.",
      ],
    },
  },
);

const erase = apiRoute(
  {
    method: "delete",
    path: "/me",
    tags,
    operationId: "deleteMyAccount",
    summary: "Delete your account and your content for good (GDPR erasure)",
    description:
      "Log-in is refused from then on and every session ends. Your profile, posts, comments, likes, the text and media of your messages and your vault go; e-mail and username are replaced, so you can sign up again. Money records stay (the books must balance), as do the records the law makes the site keep.",
    request: { body: jsonBody(eraseBody) },
    responses: { 204: { description: "Erased." } },
  },
  {
    auth: "required",
    errors: {
      403: "`wrong_password`: nothing was changed.",
      409: [
        "`balance_due`: a creator with earnings or payout requests not paid yet: request a payout first.",
        "`wallet_not_empty`: the wallet holds money; send `confirmForfeit: true` to give it up.",
      ],
    },
  },
);

export function privacyRoutes({ privacy }: { privacy: PrivacyService }) {
  return apiApp()
    .openapi(requestExport, async (c) =>
      c.json({ export: await privacy.requestExport(requireViewer(c).user.id, c.get("clientIp")) }, 202),
    )
    .openapi(listExports, async (c) =>
      c.json({ items: await privacy.listExports(requireViewer(c).user.id) }, 200),
    )
    .openapi(getExport, async (c) =>
      c.json({ export: await privacy.getExport(requireViewer(c).user.id, c.req.valid("param").id) }, 200),
    )
    .openapi(download, async (c) => {
      const { file, name } = await privacy.download(requireViewer(c).user.id, c.req.valid("param").id);
      const res = await sendFile(c.req.raw, file, { cacheControl: "private, no-store" });
      res.headers.set("content-disposition", `attachment; filename="${name}"`);
      return res as never;
    })
    .openapi(erase, async (c) => {
      await privacy.erase(requireViewer(c).user.id, c.req.valid("json"), c.get("clientIp"));
      return c.body(null, 204);
    });
}
