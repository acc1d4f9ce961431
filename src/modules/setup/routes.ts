import type { AppContext } from "../../context.ts";
import type { SetupService } from "./service.ts";
import { setSessionCookie } from "../../http/middleware/session.ts";
import { apiApp, apiRoute, json, jsonBody } from "../../http/openapi.ts";
import { setupBody, setupResultSchema } from "./schemas.ts";

const completeSetup = apiRoute(
  {
    method: "post",
    path: "/",
    tags: ["setup"],
    operationId: "completeSetup",
    summary: "Create the first admin and name the site",
    description: "Needs the one-time token the server printed at its first start.",
    request: { body: jsonBody(setupBody) },
    responses: { 201: json(setupResultSchema, "The site is set up; the admin is logged in.") },
  },
  {
    auth: "none",
    beforeSetup: true,
    errors: {
      403: "`bad_setup_token`: the token is not the one the server printed.",
      409: ["`setup_done`: setup is already complete.", "`email_taken`, `username_taken`."],
    },
  },
);

export function setupRoutes(ctx: AppContext, { setup }: { setup: SetupService }) {
  return apiApp().openapi(completeSetup, async (c) => {
    const r = await setup.complete(c.req.valid("json"), {
      ip: c.get("clientIp"),
      userAgent: c.req.header("user-agent") ?? null,
      country: c.get("country"),
    });
    setSessionCookie(ctx, c, r.token, r.expiresAt);
    return c.json({ user: r.user, token: r.token, site: r.site }, 201);
  });
}
