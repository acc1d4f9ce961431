import type { SiteService } from "./service.ts";
import { apiApp, apiRoute, json } from "../../http/openapi.ts";
import { siteSchema } from "./schemas.ts";
import { z } from "zod";

const getSite = apiRoute(
  {
    method: "get",
    path: "/",
    tags: ["site"],
    operationId: "getSite",
    summary: "The site's name, currency and whether setup is still needed",
    description: "Works before setup.",
    responses: { 200: json(z.strictObject({ site: siteSchema }), "The site.") },
  },
  { auth: "optional", beforeSetup: true },
);

export function siteRoutes({ site }: { site: SiteService }) {
  return apiApp().openapi(getSite, async (c) => c.json({ site: await site.present() }, 200));
}
