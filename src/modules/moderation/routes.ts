// Reports: anyone signed in reports a post, comment, message, person or live stream; admins work the
// queue and resolve (dismiss, remove the content, ban its author: the admin console does the ban).
import { z } from "zod";
import type { AdminService } from "../admin/service.ts";
import type { ModerationService } from "./service.ts";
import { decodeCursor } from "../../lib/cursor.ts";
import { requireEntitlementViewer, requireViewer } from "../../http/middleware/session.ts";
import { apiApp, apiRoute, json, jsonBody } from "../../http/openapi.ts";
import { idParam } from "../../http/validate.ts";
import { actorOf } from "../admin/routes.ts";
import { reportBody, reportPageSchema, reportSchema, reportsQuery, resolveBody } from "./schemas.ts";

const ADMIN = "`admin_only`: only site admins can do this.";
const envelope = z.strictObject({ report: reportSchema });

const createReport = apiRoute(
  {
    method: "post",
    path: "/",
    tags: ["reports"],
    operationId: "createReport",
    summary: "Report a post, comment, message, person or live stream to the moderators",
    request: { body: jsonBody(reportBody) },
    responses: { 201: json(envelope, "The report, open.") },
  },
  {
    auth: "required",
    errors: {
      400: "`self_report`: your own content.",
      404: "`not_found`: no such thing, or not one you can see.",
      409: "`already_reported`: you have an open report of it.",
      429: "`rate_limited`: too many reports in an hour.",
    },
  },
);

const listReports = apiRoute(
  {
    method: "get",
    path: "/reports",
    tags: ["admin"],
    operationId: "listReports",
    summary: "The report queue (open: oldest first) or what was resolved (newest first)",
    request: { query: reportsQuery },
    responses: { 200: json(reportPageSchema, "A page of reports, each with its target's preview.") },
  },
  { auth: "required", errors: { 403: ADMIN, 400: "`bad_cursor`: the cursor is not one this API gave out." } },
);

const resolveReport = apiRoute(
  {
    method: "post",
    path: "/reports/{id}/resolve",
    tags: ["admin"],
    operationId: "resolveReport",
    summary: "Resolve a report: dismiss it, remove the content, or ban its author",
    request: { params: idParam, body: jsonBody(resolveBody) },
    responses: {
      200: json(
        z.strictObject({
          report: reportSchema,
          removed: z.boolean().meta({ description: "Whether content was removed (or a stream ended) now." }),
        }),
        "The report, resolved.",
      ),
    },
  },
  {
    auth: "required",
    errors: {
      400: "`not_removable`: a profile cannot be removed (ban instead).",
      403: [ADMIN, "`self_action`, `last_admin`: a ban the rules refuse."],
      404: "`not_found`: no such report.",
      409: "`already_resolved`: someone resolved it first.",
    },
  },
);

export function reportsRoutes({ moderation }: { moderation: ModerationService }) {
  return apiApp().openapi(createReport, async (c) =>
    c.json({ report: await moderation.report(requireEntitlementViewer(c), c.req.valid("json")) }, 201),
  );
}

export function adminReportsRoutes({
  moderation,
  admin,
}: {
  moderation: ModerationService;
  admin: AdminService;
}) {
  const app = apiApp();
  app.use("/reports/*", async (c, next) => {
    admin.authorize(requireViewer(c));
    await next();
  });
  app.use("/reports", async (c, next) => {
    admin.authorize(requireViewer(c));
    await next();
  });
  return app
    .openapi(listReports, async (c) => {
      const q = c.req.valid("query");
      return c.json(await moderation.list(q.status, decodeCursor(q.cursor), q.limit), 200);
    })
    .openapi(resolveReport, async (c) => {
      const b = c.req.valid("json");
      const r = await admin.resolveReport(actorOf(c), c.req.valid("param").id, b.action, b.note || null);
      const { removed, ...report } = r;
      return c.json({ report, removed }, 200);
    });
}
