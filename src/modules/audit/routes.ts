// The audit log for admins: read only. No route changes or deletes an entry.
import type { AuditService } from "./service.ts";
import { decodeCursor } from "../../lib/cursor.ts";
import { Forbidden } from "../../lib/errors.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import { apiApp, apiRoute, json } from "../../http/openapi.ts";
import { auditPageSchema, auditQuery } from "./schemas.ts";

const listAudit = apiRoute(
  {
    method: "get",
    path: "/audit",
    tags: ["admin"],
    operationId: "listAudit",
    summary: "The audit log, newest first",
    request: { query: auditQuery },
    responses: { 200: json(auditPageSchema, "A page of audit entries.") },
  },
  {
    auth: "required",
    errors: {
      403: "`admin_only`: only site admins can do this.",
      400: "`bad_cursor`: the cursor is not one this API gave out.",
    },
  },
);

export function auditRoutes({ audit }: { audit: AuditService }) {
  return apiApp().openapi(listAudit, async (c) => {
    const v = requireViewer(c);
    if (v.user.role !== "admin") throw new Forbidden("Only site admins can do this.", "admin_only");
    const q = c.req.valid("query");
    return c.json(
      await audit.list(
        { actor: q.actor, action: q.action, targetId: q.target },
        decodeCursor(q.cursor),
        q.limit,
      ),
      200,
    );
  });
}
