import { Hono } from "hono";
import type { SubscriptionsService } from "./service.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import { decodeCursor, pageQuery } from "../../lib/cursor.ts";
import type { AppEnv } from "../../http/types.ts";
import { idParam, validate } from "../../http/validate.ts";
import { subscribeBody } from "./schemas.ts";
import { respond } from "../payments/routes.ts";

export function subscriptionsRoutes({ subscriptions: subs }: { subscriptions: SubscriptionsService }) {
  return new Hono<AppEnv>()
    .post("/", validate("json", subscribeBody), async (c) =>
      respond(c, await subs.subscribe(requireViewer(c).user.id, c.req.valid("json")), "subscription"),
    )
    .get("/", validate("query", pageQuery), (c) => {
      const q = c.req.valid("query");
      return c.json(subs.list(requireViewer(c).user.id, decodeCursor(q.cursor), q.limit));
    })
    .delete("/:id", validate("param", idParam), async (c) =>
      c.json({
        subscription: await subs.cancel(requireViewer(c).user.id, c.req.valid("param").id),
      }),
    );
}
