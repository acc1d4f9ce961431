import { Hono } from "hono";
import type { NotificationsService } from "./service.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import { decodeCursor, pageQuery } from "../../lib/cursor.ts";
import type { AppEnv } from "../../http/types.ts";
import { validate } from "../../http/validate.ts";

export function notificationsRoutes({ notifications }: { notifications: NotificationsService }) {
  return new Hono<AppEnv>()
    .get("/", validate("query", pageQuery), (c) => {
      const q = c.req.valid("query");
      return c.json(notifications.list(requireViewer(c).user.id, decodeCursor(q.cursor), q.limit));
    })
    .post("/read", async (c) => {
      await notifications.markAllRead(requireViewer(c).user.id);
      return c.body(null, 204);
    });
}
