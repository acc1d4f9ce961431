// Requests made with an API key (`Authorization: Bearer fanz_…`): the key resolves to its owner, and the
// operation must be one the key's scopes open (the scope table, src/lib/scopes.ts, which the OpenAPI
// document declares too). Called by the session middleware; routes that a key must never reach (minting
// keys, webhooks) also ask requireSession.
import type { Context } from "hono";
import { Forbidden, Unauthorized } from "../../lib/errors.ts";
import { assertScope } from "../../lib/scopes.ts";
import type { ApiKeysService } from "../../modules/apikeys/service.ts";
import type { AppEnv } from "../types.ts";

export async function keyRequest(c: Context<AppEnv>, apiKeys: ApiKeysService, key: string): Promise<void> {
  const found = await apiKeys.validate(key, { ip: c.get("clientIp") ?? null });
  if (!found) throw new Unauthorized("The API key is invalid, revoked or expired.", "invalid_token");
  assertScope(c.req.method, c.req.path, found.scopes, found.viewer.user.role);
  c.set("viewer", found.viewer);
  c.set("authVia", "bearer");
  c.set("apiKey", { id: found.keyId, scopes: found.scopes });
}

/** The viewer, who must have signed in (a session token or cookie), not come with an API key. */
export function requireSession(c: Context<AppEnv>) {
  const v = c.get("viewer");
  if (!v) throw new Unauthorized();
  if (c.get("apiKey")) throw new Forbidden("Sign in to do this; API keys cannot.", "insufficient_scope");
  return v;
}
