// The admin console's sign-in providers: those of the config file (read-only) and the saved ones (add,
// change, turn off, remove). Secrets are write-only. Every route needs a site admin.
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../http/types.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import { apiApp, apiRoute, json, jsonBody, type ErrorLines } from "../../http/openapi.ts";
import { Forbidden } from "../../lib/errors.ts";
import type { AuditActor } from "../audit/service.ts";
import type { SsoService } from "./service.ts";
import { providerAdminBody, providerAdminListSchema, providerAdminSchema, providerParam } from "./schemas.ts";

const tags = ["admin"];
const ADMIN = { 403: "`admin_only`: only site admins can do this." } satisfies ErrorLines;
const IN_CONFIG = "`provider_in_config`: set in the config file; change it there.";

const adminOf = (c: Context<AppEnv>): AuditActor => {
  const v = requireViewer(c);
  if (v.user.role !== "admin") throw new Forbidden("Only site admins can do this.", "admin_only");
  return { actorId: v.user.id, ip: c.get("clientIp") ?? null };
};

const list = apiRoute(
  {
    method: "get",
    path: "/sso/providers",
    tags,
    operationId: "listAdminSignInProviders",
    summary: "Sign-in providers: the config file's and the saved ones (never a secret)",
    responses: { 200: json(providerAdminListSchema, "Config file first, then saved ones.") },
  },
  { auth: "required", errors: ADMIN },
);

const save = apiRoute(
  {
    method: "put",
    path: "/sso/providers/{provider}",
    tags,
    operationId: "saveAdminSignInProvider",
    summary: "Add or change a saved sign-in provider (OpenID Connect)",
    description:
      "The client secret is stored sealed with the site's key; leave it out to keep the saved one. " +
      "Register `<public_url>/api/v1/auth/sso/<id>/callback` as the redirect URI at the provider.",
    request: { params: providerParam, body: jsonBody(providerAdminBody) },
    responses: { 200: json(z.strictObject({ provider: providerAdminSchema }), "Saved.") },
  },
  {
    auth: "required",
    errors: {
      ...ADMIN,
      400: "`invalid_request`: e.g. an issuer that is not https (http only on this machine).",
      409: IN_CONFIG,
    },
  },
);

const remove = apiRoute(
  {
    method: "delete",
    path: "/sso/providers/{provider}",
    tags,
    operationId: "removeAdminSignInProvider",
    summary: "Remove a saved sign-in provider (linked accounts stay, unusable until it is back)",
    request: { params: providerParam },
    responses: { 204: { description: "Removed." } },
  },
  { auth: "required", errors: { ...ADMIN, 404: "`not_found`: no such saved provider.", 409: IN_CONFIG } },
);

export function ssoAdminRoutes({ sso }: { sso: SsoService }) {
  return apiApp()
    .openapi(list, async (c) => {
      adminOf(c);
      return c.json({ items: await sso.admin.list(), redirectUriBase: sso.admin.redirectUriBase() }, 200);
    })
    .openapi(save, async (c) =>
      c.json(
        { provider: await sso.admin.save(adminOf(c), c.req.valid("param").provider, c.req.valid("json")) },
        200,
      ),
    )
    .openapi(remove, async (c) => {
      await sso.admin.remove(adminOf(c), c.req.valid("param").provider);
      return c.body(null, 204);
    });
}
