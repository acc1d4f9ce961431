// The sign-in providers: which exist (the config file's `[auth.oidc]`, then the ones the admin saved, the
// file winning on an id), and the one interface the flows use, `SignInProvider`: build the URL the
// browser goes to, then turn the callback into the identity the provider asserts. OpenID Connect is its
// one implementation (openid-client: discovery, PKCE, state, nonce, the ID token's signature checked
// against the issuer's JWKS); an OAuth-only provider (no ID token: its user-info call says who it is)
// would be a second implementation of the same interface and a second `kind`.
import * as oidc from "openid-client";
import type { AppContext } from "../../context.ts";
import { HOUR } from "../../lib/clock.ts";
import { Invalid, UpstreamFailed } from "../../lib/errors.ts";
import type { SsoProviderRow } from "./tables.ts";

/** A provider as the flows see it, wherever it is defined. */
export interface ProviderSettings {
  id: string;
  kind: "oidc";
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
  enabled: boolean;
  /** "config": `[auth.oidc]` in the config file (read-only in the console); "site": saved by an admin. */
  source: "config" | "site";
}

/** Who the provider says the person is. */
export interface AssertedIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  /** Only a literal `email_verified: true` counts. */
  emailVerified: boolean;
  name: string | null;
  preferredUsername: string | null;
}

/** The secrets of one sign-in in flight, kept by the caller between the two steps. */
export interface FlowChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface SignInProvider {
  readonly settings: ProviderSettings;
  /** Where the browser goes to sign in at the provider. */
  authorizationUrl(redirectUri: string, checks: FlowChecks): Promise<URL>;
  /** Checks the provider's answer (the callback URL) against the flow and says who signed in. */
  finish(callbackUrl: URL, checks: FlowChecks): Promise<AssertedIdentity>;
}

/** Why a callback was refused: the person declined at the provider, or the answer did not verify. */
export class ProviderAnswerRefused extends Error {
  constructor(
    readonly code: "sso_denied" | "sso_rejected",
    message: string,
  ) {
    super(message);
  }
}

/** Issuers must be https, except on this machine (a provider run beside the site, and the tests). */
export function checkIssuer(issuer: string): void {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new Invalid("The issuer is not a URL.", { fields: { issuer: "Not a URL." } });
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url.hostname)))
    throw new Invalid("The issuer must be an https:// URL.", { fields: { issuer: "Use https://." } });
}

const isLoopback = (host: string) =>
  host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);

export function settingsOfRow(row: SsoProviderRow, open: (sealed: string) => string): ProviderSettings {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecret: row.clientSecretSealed ? open(row.clientSecretSealed) : "",
    scopes: JSON.parse(row.scopes) as string[],
    enabled: row.enabled,
    source: "site",
  };
}

export function configuredProviders(ctx: AppContext): ProviderSettings[] {
  return ctx.config.auth.oidc.providers.map((p) => ({
    id: p.id,
    kind: "oidc",
    name: p.name,
    issuer: p.issuer,
    clientId: p.client_id,
    clientSecret: p.client_secret,
    scopes: p.scopes,
    enabled: true,
    source: "config",
  }));
}

/** Discovered metadata lives an hour; a changed issuer, client or secret is a different entry. */
const DISCOVERY_TTL_MS = HOUR;

export function createOidcProviders(ctx: AppContext) {
  /** By provider id: the discovery of its current issuer, client and secret. */
  const discovered = new Map<string, { key: string; at: number; config: Promise<oidc.Configuration> }>();

  function configurationOf(p: ProviderSettings): Promise<oidc.Configuration> {
    const key = JSON.stringify([p.issuer, p.clientId, p.clientSecret]);
    const hit = discovered.get(p.id);
    if (hit && hit.key === key && ctx.clock.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
    const issuer = new URL(p.issuer);
    const config = oidc
      .discovery(
        issuer,
        p.clientId,
        p.clientSecret ? { client_secret: p.clientSecret } : undefined,
        p.clientSecret ? oidc.ClientSecretPost(p.clientSecret) : oidc.None(),
        {
          timeout: 10,
          execute: [
            // The ID token's signature is checked against the issuer's JWKS, not only trusted for TLS.
            oidc.enableNonRepudiationChecks,
            ...(issuer.protocol === "http:" ? [oidc.allowInsecureRequests] : []),
          ],
        },
      )
      .catch((err: unknown) => {
        if (discovered.get(p.id)?.key === key) discovered.delete(p.id);
        ctx.logger.warn("sign-in provider discovery failed", { err: String(err), provider: p.id });
        throw new UpstreamFailed(
          `${p.name} cannot be reached right now. Try again later, or log in another way.`,
          "sso_unavailable",
        );
      });
    discovered.set(p.id, { key, at: ctx.clock.now(), config });
    return config;
  }

  return function oidcProvider(settings: ProviderSettings): SignInProvider {
    return {
      settings,
      async authorizationUrl(redirectUri, checks) {
        const config = await configurationOf(settings);
        return oidc.buildAuthorizationUrl(config, {
          redirect_uri: redirectUri,
          scope: [...new Set(["openid", ...settings.scopes])].join(" "),
          state: checks.state,
          nonce: checks.nonce,
          code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
          code_challenge_method: "S256",
        });
      },

      async finish(callbackUrl, checks) {
        const config = await configurationOf(settings);
        let tokens;
        try {
          tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
            pkceCodeVerifier: checks.codeVerifier,
            expectedState: checks.state,
            expectedNonce: checks.nonce,
            idTokenExpected: true,
          });
        } catch (err) {
          if (err instanceof oidc.AuthorizationResponseError)
            throw new ProviderAnswerRefused("sso_denied", `${settings.name} did not sign you in.`);
          ctx.logger.warn("sign-in provider answer refused", { err: String(err), provider: settings.id });
          throw new ProviderAnswerRefused(
            "sso_rejected",
            `${settings.name}'s answer could not be verified. Start again.`,
          );
        }
        const claims = tokens.claims();
        if (!claims) throw new ProviderAnswerRefused("sso_rejected", "The provider sent no ID token.");
        const seen: Record<string, unknown> = { ...claims };
        // Providers that keep the ID token small give the address through user info (same subject checked).
        if (seen.email === undefined && config.serverMetadata().userinfo_endpoint) {
          try {
            const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
            for (const [k, v] of Object.entries(info)) seen[k] ??= v;
          } catch (err) {
            ctx.logger.warn("sign-in provider user info failed", { err: String(err), provider: settings.id });
          }
        }
        const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
        return {
          issuer: claims.iss,
          subject: claims.sub,
          email: text(seen.email)?.toLowerCase() ?? null,
          emailVerified: seen.email_verified === true,
          name: text(seen.name),
          preferredUsername: text(seen.preferred_username),
        };
      },
    };
  };
}
