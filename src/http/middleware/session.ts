// Resolves the viewer from the `fanz_session` cookie or an `Authorization: Bearer` token, and
// enforces the Origin check on cookie-authenticated state-changing requests (CSRF).
import type { MiddlewareHandler } from "hono";
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import type { Context } from "hono";
import type { AppContext } from "../../context.ts";
import { publicUrl } from "../../config/load.ts";
import { Forbidden, Unauthorized } from "../../lib/errors.ts";
import type { AppEnv } from "../types.ts";
import type { AuthService, Viewer } from "../../modules/auth/service.ts";
import type { ApiKeysService } from "../../modules/apikeys/service.ts";
import { keyRequest } from "./api-key.ts";

export const SESSION_COOKIE = "fanz_session";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** What cookies and the Origin check read from the site's configuration. */
type SiteConfig = Pick<AppContext, "config" | "clock">;

/** Whether this site's cookies carry Secure (also the sign-in providers' flow cookie). */
export function cookieSecure(ctx: SiteConfig): boolean {
  const mode = ctx.config.auth.cookie_secure;
  return mode === "always" || (mode === "auto" && publicUrl(ctx.config).startsWith("https:"));
}

export function setSessionCookie(ctx: SiteConfig, c: Context, token: string, expiresAt: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: cookieSecure(ctx),
    path: "/",
    // Max-Age rather than Expires: relative to the server's clock, immune to the browser's.
    maxAge: Math.max(0, Math.floor((expiresAt - ctx.clock.now()) / 1000)),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}

/**
 * Whether a browser's Origin is this site's: the configured public URL, or the request's own host (the
 * scheme from X-Forwarded-Proto behind a trusted proxy). Shared by the API's CSRF check and /ws.
 */
export function originAllowed(
  ctx: SiteConfig,
  origin: string | undefined,
  req: { host: string | undefined; forwardedProto: string | undefined; protocol: string },
): boolean {
  if (!origin) return false;
  if (origin === new URL(publicUrl(ctx.config)).origin) return true;
  const proto = ctx.config.server.trust_proxy ? (req.forwardedProto ?? "http") : req.protocol;
  return req.host !== undefined && origin === `${proto}://${req.host}`;
}

export function sessionMiddleware(
  ctx: SiteConfig,
  auth: AuthService,
  apiKeys?: ApiKeysService,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization");
    const bearer = header?.startsWith("Bearer ") ? header.slice(7).trim() : null;
    // An API key: no cookie is involved, so no Origin check; its scopes decide (src/lib/scopes.ts).
    if (bearer && apiKeys?.isApiKey(bearer)) {
      await keyRequest(c, apiKeys, bearer);
      return next();
    }
    c.set("apiKey", null);
    const cookie = bearer ? null : (getCookie(c, SESSION_COOKIE) ?? null);
    const token = bearer ?? cookie;
    let viewer: Viewer | null = null;
    if (token)
      viewer = await auth.validate(token, {
        ip: c.get("clientIp") ?? null,
        country: c.get("country") ?? null,
      });
    if (bearer && !viewer) throw new Unauthorized("The access token is invalid or expired.", "invalid_token");
    if (cookie && !viewer) clearSessionCookie(c);
    c.set("viewer", viewer);
    c.set("authVia", viewer ? (bearer ? "bearer" : "cookie") : null);
    if (cookie && UNSAFE.has(c.req.method)) {
      const allowed = originAllowed(ctx, c.req.header("origin"), {
        host: c.req.header("host"),
        forwardedProto: c.req.header("x-forwarded-proto"),
        protocol: new URL(c.req.url).protocol.replace(":", ""),
      });
      if (!allowed) {
        throw new Forbidden(
          "Cross-site request refused: the Origin header is missing or not this site.",
          "bad_origin",
        );
      }
    }
    await next();
  };
}

/** The authenticated viewer, or 401. */
export function requireViewer(c: Context<AppEnv>): Viewer {
  const v = c.get("viewer");
  if (!v) throw new Unauthorized();
  return v;
}

/** The viewer as the entitlement function sees it (id + role), or null. */
export function entitlementViewer(c: Context<AppEnv>) {
  const v = c.get("viewer");
  return v ? { id: v.user.id, role: v.user.role } : null;
}

/** The same, for routes that need someone logged in (401 otherwise). */
export function requireEntitlementViewer(c: Context<AppEnv>) {
  const v = requireViewer(c);
  return { id: v.user.id, role: v.user.role };
}
