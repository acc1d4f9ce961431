import { Hono } from "hono";
import type { AppContext } from "../../context.ts";
import type { AppEnv } from "../../http/types.ts";

export function siteRoutes(ctx: AppContext) {
  return new Hono<AppEnv>().get("/", (c) => c.json({ site: ctx.services.site.present() }));
}
