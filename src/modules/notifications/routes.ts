import { Hono } from "hono";
import type { AppContext } from "../../context.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import { decodeCursor, pageQuery } from "../../lib/cursor.ts";
import type { AppEnv } from "../../http/types.ts";
import { validate } from "../../http/validate.ts";

export function notificationsRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get("/", validate("query", pageQuery), (c) => {
      const q = c.req.valid("query");
      return c.json(
        ctx.services.notifications.list(requireViewer(c).user.id, decodeCursor(q.cursor), q.limit),
      );
    })
    .post("/read", async (c) => {
      await ctx.services.notifications.markAllRead(requireViewer(c).user.id);
      return c.body(null, 204);
    });
}
