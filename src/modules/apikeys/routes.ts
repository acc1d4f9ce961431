// API keys: mint (shown once), list, revoke. Only a signed-in person manages keys; a key cannot.
import type { ApiKeysService } from "./service.ts";
import { requireSession } from "../../http/middleware/api-key.ts";
import { apiApp, apiRoute, json, jsonBody } from "../../http/openapi.ts";
import { idParam } from "../../http/validate.ts";
import { apiKeyBody, apiKeysSchema, createdApiKeyEnvelope } from "./schemas.ts";

const tags = ["api-keys"];

const create = apiRoute(
  {
    method: "post",
    path: "/",
    tags,
    operationId: "createApiKey",
    summary: "Create an API key with scopes (the key is in this answer only)",
    request: { body: jsonBody(apiKeyBody) },
    responses: { 201: json(createdApiKeyEnvelope, "The key, shown once.") },
  },
  {
    auth: "required",
    errors: {
      403: ["`admin_scope_forbidden`: only admins can grant the `admin` scope."],
      409: "`too_many_api_keys`: the person holds the most keys allowed.",
    },
  },
);

const list = apiRoute(
  {
    method: "get",
    path: "/",
    tags,
    operationId: "listApiKeys",
    summary: "The caller's API keys (no secrets), with when and from where each was last used",
    responses: { 200: json(apiKeysSchema, "Newest first.") },
  },
  { auth: "required", errors: {} },
);

const revoke = apiRoute(
  {
    method: "delete",
    path: "/{id}",
    tags,
    operationId: "revokeApiKey",
    summary: "Revoke an API key (it stops working at once)",
    request: { params: idParam },
    responses: { 204: { description: "Revoked." } },
  },
  { auth: "required", errors: { 404: "No such key of yours." } },
);

export function apiKeysRoutes({ apiKeys }: { apiKeys: ApiKeysService }) {
  return apiApp()
    .openapi(create, async (c) => {
      const v = requireSession(c);
      return c.json({ apiKey: await apiKeys.create(v.user.id, c.req.valid("json")) }, 201);
    })
    .openapi(list, async (c) => c.json({ items: await apiKeys.list(requireSession(c).user.id) }, 200))
    .openapi(revoke, async (c) => {
      await apiKeys.revoke(requireSession(c).user.id, c.req.valid("param").id);
      return c.body(null, 204);
    });
}
