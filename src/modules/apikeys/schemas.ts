import { z } from "zod";
import { epochMs, idField, orNull } from "../../lib/fields.ts";
import { API_SCOPE_NAMES, API_SCOPES } from "../../lib/scopes.ts";

export const apiScopeSchema = z.enum(API_SCOPE_NAMES).meta({
  id: "ApiScope",
  description: Object.entries(API_SCOPES)
    .map(([s, what]) => `- \`${s}\`: ${what}`)
    .join("\n"),
});

export const apiKeyBody = z.strictObject({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(apiScopeSchema).min(1).max(API_SCOPE_NAMES.length),
  expiresAt: orNull(epochMs).optional().meta({ description: "When the key stops working; none = never." }),
});

export const apiKeySchema = z
  .strictObject({
    id: idField,
    name: z.string(),
    scopes: z.array(z.string()),
    prefix: z.string().meta({ description: "The key's first characters, to tell keys apart." }),
    createdAt: epochMs,
    expiresAt: orNull(epochMs),
    lastUsedAt: orNull(epochMs),
    lastUsedIp: orNull(z.string()).meta({ description: "The address the key was last used from." }),
  })
  .meta({ id: "ApiKey" });

export const createdApiKeySchema = apiKeySchema
  .extend({ key: z.string().meta({ description: "The key itself: shown this once, never again." }) })
  .meta({ id: "CreatedApiKey" });

export const createdApiKeyEnvelope = z.strictObject({ apiKey: createdApiKeySchema });
export const apiKeysSchema = z.strictObject({ items: z.array(apiKeySchema) });
