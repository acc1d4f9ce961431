// The Hono app: security headers, health, the setup gate, sessions, every module's routes, the API's
// OpenAPI document and reference, the SPA.
import { OpenAPIHono } from "@hono/zod-openapi";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { AppContext } from "../context.ts";
import type { Services } from "../services.ts";
import type { Asset } from "../lib/assets.ts";
import { accountRoutes } from "../modules/auth/account-routes.ts";
import { apiKeysRoutes } from "../modules/apikeys/routes.ts";
import { outgoingWebhooksRoutes } from "../modules/webhooks/routes.ts";
import { authRoutes } from "../modules/auth/routes.ts";
import { securityRoutes } from "../modules/auth/security-routes.ts";
import { creatorsRoutes } from "../modules/creators/routes.ts";
import { creatorLiveRoutes, liveAuthRoutes, liveDeliveryRoutes, liveRoutes } from "../modules/live/routes.ts";
import { feedRoutes, postsRoutes } from "../modules/posts/routes.ts";
import { bookmarksRoutes, postBookmarkRoutes, tagsRoutes } from "../modules/posts/reach-routes.ts";
import { searchRoutes } from "../modules/search/routes.ts";
import { setupRoutes } from "../modules/setup/routes.ts";
import { siteRoutes } from "../modules/site/routes.ts";
import { ssoAdminRoutes } from "../modules/sso/admin-routes.ts";
import { ssoRoutes } from "../modules/sso/routes.ts";
import { promotionsRoutes } from "../modules/promotions/routes.ts";
import { referralsRoutes } from "../modules/referrals/routes.ts";
import { subscriptionsRoutes } from "../modules/subscriptions/routes.ts";
import { usersRoutes } from "../modules/users/routes.ts";
import { privacyRoutes } from "../modules/privacy/routes.ts";
import { paymentsRoutes } from "../modules/payments/routes.ts";
import { sandboxRoutes } from "../modules/payments/providers/sandbox/routes.ts";
import { payoutsRoutes } from "../modules/payouts/routes.ts";
import { adminRoutes } from "../modules/admin/routes.ts";
import { analyticsRoutes } from "../modules/analytics/routes.ts";
import { fanListsRoutes, fansRoutes } from "../modules/fans/routes.ts";
import { auditRoutes } from "../modules/audit/routes.ts";
import { complianceAdminRoutes } from "../modules/compliance/admin-routes.ts";
import { dmcaRoutes } from "../modules/compliance/dmca-routes.ts";
import { kycRoutes, recordsRoutes, releasesRoutes } from "../modules/compliance/routes.ts";
import { adminPeopleRoutes } from "../modules/admin/people/routes.ts";
import { adminReportsRoutes, reportsRoutes } from "../modules/moderation/routes.ts";
import { conversationsRoutes, messagesRoutes } from "../modules/messages/routes.ts";
import {
  notificationSettingsRoutes,
  notificationsRoutes,
  pushRoutes,
} from "../modules/notifications/routes.ts";
import { mediaAuthRoutes, mediaDeliveryRoutes, mediaRoutes } from "../modules/media/routes.ts";
import { NotFound, Unavailable } from "../lib/errors.ts";
import { apiDocsRoutes } from "./api-docs.ts";
import { readiness } from "./readiness.ts";
import { bodyLimit } from "./middleware/body-limit.ts";
import { errorHandler } from "./middleware/errors.ts";
import { clientOrigin } from "./client-address.ts";
import { refuseNul } from "./middleware/refuse-nul.ts";
import { requestId } from "./middleware/request-id.ts";
import { securityHeaders } from "./middleware/security-headers.ts";
import { sessionMiddleware } from "./middleware/session.ts";
import { apiApp, serveOpenApiDocument } from "./openapi.ts";
import type { AppEnv } from "./types.ts";
import { webManifest } from "./manifest.ts";
import { serveWeb } from "./web.ts";
import { compressJson } from "./middleware/compress.ts";
import { httpMetrics, metricsRoutes } from "./metrics.ts";

/** Streaming uploads enforce their own (much larger) limit while they read. */
const UPLOAD_PATHS = new Set([
  "/api/v1/media",
  "/api/v1/creators/me/avatar",
  "/api/v1/creators/me/banner",
  "/api/v1/kyc",
  "/api/v1/releases",
]);
const isUpload = (method: string, path: string) =>
  method === "POST" && UPLOAD_PATHS.has(path.replace(/\/+$/, ""));

/** Routes that work before the setup wizard has run. */
const BEFORE_SETUP = new Set(["/api/v1/site", "/api/v1/setup"]);

export function createApp(ctx: AppContext, s: Services, web: Map<string, Asset> | null) {
  const app = new OpenAPIHono<AppEnv>();
  app.onError(errorHandler(ctx.logger));
  app.use(
    "*",
    requestId({
      trustProxy: ctx.config.server.trust_proxy,
      logger: ctx.logger,
      track: ctx.config.metrics.enabled ? httpMetrics(ctx.metrics) : null,
    }),
  );
  app.use("*", securityHeaders());
  app.use("*", compressJson());
  // The client's address and country, once, for every route (the API, media and live delivery, nginx's
  // auth_request targets: nginx passes the original request's headers and X-Forwarded-For).
  app.use("*", async (c, next) => {
    const { ip, country } = clientOrigin(
      ctx,
      (name) => c.req.header(name),
      () => {
        try {
          return getConnInfo(c).remote.address;
        } catch {
          return undefined; // app.request() in tests has no socket
        }
      },
    );
    c.set("clientIp", ip);
    c.set("country", country);
    await next();
  });

  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) => {
    const r = await readiness(ctx);
    // Video needs ffmpeg but the site runs without it, so it is reported, not required.
    const ff = s.media.ffmpeg();
    return c.json(
      {
        status: r.ok ? "ready" : "not_ready",
        checks: r.checks,
        database: ctx.db.engine(),
        ffmpeg: ff.found ?? { missing: true, problems: ff.problems },
        // Live streaming is reported too: the site runs without it (e.g. the RTMP port taken).
        live: s.live.state(),
      },
      r.ok ? 200 : 503,
    );
  });

  if (ctx.config.metrics.enabled) metricsRoutes(app, ctx, s);
  else
    // A scraper pointed at a site with metrics off is told so, not answered with the web UI's page.
    app.get("/metrics", () => {
      throw new NotFound("Metrics ([metrics] enabled = false on this site)");
    });

  // Before the API's middleware: the document needs no setup and no session (it describes the API).
  serveOpenApiDocument(app, "/api/v1/openapi.json");
  apiDocsRoutes(app);

  const api = apiApp();
  api.use("*", async (c, next) => {
    if (!BEFORE_SETUP.has(c.req.path.replace(/\/+$/, "")) && !(await s.site.isSetupComplete())) {
      throw new Unavailable(
        "This site has not been set up yet. Open the setup link printed at start.",
        "setup_required",
      );
    }
    await next();
  });
  // JSON bodies are small; uploads (their own routes) stream instead of going through this limit.
  // Only requests that may carry a body pay for it: the check materialises the full Request object.
  const jsonBodyLimit = bodyLimit(1024 * 1024);
  api.use("*", (c, next) =>
    c.req.method === "GET" || c.req.method === "HEAD" || isUpload(c.req.method, c.req.path)
      ? next()
      : jsonBodyLimit(c, next),
  );
  api.use("*", refuseNul(isUpload));
  const session = sessionMiddleware(ctx, s.auth, s.apiKeys);
  api.use("*", session);
  api.route("/site", siteRoutes(s));
  api.route("/setup", setupRoutes(ctx, s));
  api.route("/auth", authRoutes(ctx, s));
  api.route("/auth", securityRoutes(ctx, s));
  api.route("/auth", accountRoutes(s));
  api.route("/api-keys", apiKeysRoutes(s));
  // Before payments' incoming provider webhooks (POST /webhooks/{provider}): no path of these collides.
  api.route("/webhooks", outgoingWebhooksRoutes(s));
  api.route("/auth/sso", ssoRoutes(ctx, s));
  api.route("/users/me/notification-settings", notificationSettingsRoutes(s));
  api.route("/users", privacyRoutes(s));
  api.route("/users", usersRoutes(s));
  api.route("/creators", creatorsRoutes(s));
  api.route("/creators", creatorLiveRoutes(s));
  api.route("/live", liveRoutes(s));
  api.route("/posts", postsRoutes(s));
  api.route("/posts", postBookmarkRoutes(s));
  api.route("/bookmarks", bookmarksRoutes(s));
  api.route("/tags", tagsRoutes(s));
  api.route("/search", searchRoutes(s));
  api.route("/feed", feedRoutes(s));
  api.route("/subscriptions", subscriptionsRoutes(s));
  api.route("/promotions", promotionsRoutes(s));
  api.route("/referrals", referralsRoutes(s));
  api.route("/payouts", payoutsRoutes(s));
  api.route("/analytics", analyticsRoutes(s));
  api.route("/fans", fansRoutes(s));
  api.route("/lists", fanListsRoutes(s));
  api.route("/admin", adminRoutes(ctx, s));
  api.route("/admin", adminPeopleRoutes(s));
  api.route("/admin", adminReportsRoutes(s));
  api.route("/reports", reportsRoutes(s));
  api.route("/admin", auditRoutes(s));
  api.route("/admin", complianceAdminRoutes(s));
  api.route("/admin", ssoAdminRoutes(s));
  api.route("/kyc", kycRoutes(s));
  api.route("/releases", releasesRoutes(s));
  api.route("/records", recordsRoutes(s));
  api.route("/dmca", dmcaRoutes(s));
  api.route("/notifications", notificationsRoutes(s));
  api.route("/conversations", conversationsRoutes(s));
  api.route("/messages", messagesRoutes(s));
  api.route("/push", pushRoutes(s));
  api.route("/media", mediaRoutes(s));
  api.route("/", paymentsRoutes(s));
  api.all("*", () => {
    throw new NotFound("API route");
  });
  app.route("/api/v1", api);
  app.route(
    "/sandbox",
    sandboxRoutes(ctx, s, (req) => app.fetch(req)),
  );
  app.route("/media", mediaDeliveryRoutes(session, s));
  app.route("/internal", mediaAuthRoutes(session, s));
  app.route("/live-hls", liveDeliveryRoutes(ctx, session, s));
  app.route("/internal", liveAuthRoutes(session, s));
  app.all("/api/*", () => {
    throw new NotFound("API route");
  });

  app.get("/manifest.webmanifest", webManifest(s.site));
  app.all("*", serveWeb(web));
  return app;
}
