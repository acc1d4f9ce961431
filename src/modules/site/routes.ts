import { Hono } from "hono";
import type { SiteService } from "./service.ts";
import type { AppEnv } from "../../http/types.ts";

export function siteRoutes({ site }: { site: SiteService }) {
  return new Hono<AppEnv>().get("/", (c) => c.json({ site: site.present() }));
}
