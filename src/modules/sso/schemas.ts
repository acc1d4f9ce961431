import { z } from "zod";
import { oidcProviderId } from "../../config/schema.ts";
import { epochMs, idField } from "../../lib/fields.ts";
import { displayName, email, username } from "../users/schemas.ts";

export const providerParam = z.object({ provider: oidcProviderId });
export const idParam = z.object({ id: z.string().min(1).max(64) });

export const providerListSchema = z
  .strictObject({
    items: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string().meta({ description: 'The button says "Continue with <name>".' }),
      }),
    ),
  })
  .meta({ id: "SignInProviderList" });

export const startBody = z
  .object({
    intent: z.enum(["login", "link"]).default("login").meta({
      description: "`login`: log in or sign up. `link`: add the provider to the signed-in account.",
    }),
    returnTo: z.string().max(512).optional().meta({ description: "A path of this site to end on." }),
  })
  .meta({ id: "SsoStartInput" });

export const startSchema = z
  .strictObject({
    url: z.string().meta({ description: "Send the browser here (the provider's sign-in page)." }),
  })
  .meta({ id: "SsoStart" });

export const callbackQuery = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(512).optional(),
  iss: z.string().max(512).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(1024).optional(),
  session_state: z.string().max(512).optional(),
});

export const pendingSignupSchema = z
  .strictObject({
    signup: z.strictObject({
      provider: z.strictObject({ id: z.string(), name: z.string() }),
      email: z.string().nullable().meta({ description: "From the provider; null: the form asks for it." }),
      emailVerified: z.boolean(),
      suggestedUsername: z.string(),
      displayName: z.string().nullable(),
    }),
  })
  .meta({ id: "SsoPendingSignup" });

export const completeSignupBody = z
  .object({
    username,
    displayName: displayName.optional(),
    email: email.optional().meta({ description: "Only when the provider gave no address." }),
    ageConfirmed: z.literal(true, { error: "You must confirm that you are 18 or older." }),
    ref: z.string().trim().max(64).optional(),
  })
  .meta({ id: "SsoSignupInput" });

export const completeSignupSchema = z
  .strictObject({
    token: z.string().meta({ description: "The session (also set as the `fanz_session` cookie)." }),
    returnTo: z.string(),
  })
  .meta({ id: "SsoSignupResult" });

export const identityListSchema = z
  .strictObject({
    items: z.array(
      z.strictObject({
        id: idField,
        providerId: z.string(),
        providerName: z.string(),
        email: z.string().nullable(),
        createdAt: epochMs,
        lastUsedAt: epochMs.nullable(),
      }),
    ),
    hasPassword: z
      .boolean()
      .meta({ description: "False for accounts made through a provider until a password is set." }),
  })
  .meta({ id: "LinkedIdentityList" });

const scope = z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]{1,64}$/, "A scope has no spaces or quotes.");

export const providerAdminSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    issuer: z.string(),
    clientId: z.string(),
    clientSecretSet: z.boolean(),
    scopes: z.array(z.string()),
    enabled: z.boolean(),
    source: z
      .enum(["config", "site"])
      .meta({ description: "`config`: set in the config file, read-only here." }),
  })
  .meta({ id: "SignInProviderSettings" });

export const providerAdminListSchema = z
  .strictObject({
    items: z.array(providerAdminSchema),
    redirectUriBase: z.string().meta({
      description: "A provider's redirect URI is this followed by `<id>/callback` (from server.public_url).",
    }),
  })
  .meta({ id: "SignInProviderSettingsList" });

export const providerAdminBody = z
  .object({
    name: z.string().trim().min(1, "Give the provider a name.").max(40),
    issuer: z.url("Enter the issuer's URL.").max(512),
    clientId: z.string().trim().min(1, "Enter the client id.").max(512),
    clientSecret: z
      .string()
      .max(2048)
      .optional()
      .meta({ description: 'Left out: the saved one stays; "" removes it.' }),
    scopes: z.array(scope).max(20).default(["openid", "email", "profile"]),
    enabled: z.boolean().default(true),
  })
  .meta({ id: "SignInProviderInput" });
