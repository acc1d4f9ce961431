import { Hono } from "hono";
import type { AppContext } from "../../context.ts";
import type { SetupService } from "./service.ts";
import { setSessionCookie } from "../../http/middleware/session.ts";
import type { AppEnv } from "../../http/types.ts";
import { validate } from "../../http/validate.ts";
import { setupBody } from "./schemas.ts";

export function setupRoutes(ctx: AppContext, { setup }: { setup: SetupService }) {
  return new Hono<AppEnv>().post("/", validate("json", setupBody), async (c) => {
    const r = await setup.complete(c.req.valid("json"));
    setSessionCookie(ctx, c, r.token, r.expiresAt);
    return c.json({ user: r.user, token: r.token, site: r.site }, 201);
  });
}
