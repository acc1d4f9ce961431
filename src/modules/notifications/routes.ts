// In-app notifications: the list (with the unread count) and marking them read.
import type { NotificationsService } from "./service.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import { decodeCursor, pageQuery } from "../../lib/cursor.ts";
import { apiApp, apiRoute, json } from "../../http/openapi.ts";
import { notificationPageSchema } from "./schemas.ts";

const tags = ["notifications"];

const list = apiRoute(
  {
    method: "get",
    path: "/",
    tags,
    operationId: "listNotifications",
    summary: "The person's notifications, newest first, and how many are unread",
    request: { query: pageQuery },
    responses: { 200: json(notificationPageSchema, "A page of notifications.") },
  },
  { auth: "required", errors: { 400: "`bad_cursor`: the cursor is not one this API gave out." } },
);

const markRead = apiRoute(
  {
    method: "post",
    path: "/read",
    tags,
    operationId: "markNotificationsRead",
    summary: "Mark every notification read",
    responses: { 204: { description: "Done." } },
  },
  { auth: "required" },
);

export function notificationsRoutes({ notifications }: { notifications: NotificationsService }) {
  return apiApp()
    .openapi(list, async (c) => {
      const q = c.req.valid("query");
      return c.json(await notifications.list(requireViewer(c).user.id, decodeCursor(q.cursor), q.limit), 200);
    })
    .openapi(markRead, async (c) => {
      await notifications.markAllRead(requireViewer(c).user.id);
      return c.body(null, 204);
    });
}
