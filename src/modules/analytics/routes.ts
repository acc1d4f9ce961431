// GET /analytics: a creator's subscribers, earnings, top posts and paid messages over a range of days.
import type { AnalyticsService } from "./service.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import { apiApp, apiRoute, json } from "../../http/openapi.ts";
import { analyticsQuery, analyticsSchema } from "./schemas.ts";

const overview = apiRoute(
  {
    method: "get",
    path: "/",
    tags: ["analytics"],
    operationId: "getAnalytics",
    summary: "The creator's analytics over the last `days` UTC days (7 to 365)",
    request: { query: analyticsQuery },
    responses: { 200: json(analyticsSchema, "Subscribers, earnings by type, top posts, messages.") },
  },
  { auth: "required", errors: { 403: "`not_a_creator`: only creators have analytics." } },
);

export function analyticsRoutes({ analytics }: { analytics: AnalyticsService }) {
  return apiApp().openapi(overview, async (c) =>
    c.json(await analytics.overview(requireViewer(c).user.id, c.req.valid("query").days), 200),
  );
}
