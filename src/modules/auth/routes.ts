// Sign-up, log-in (with its two-factor second step or a passkey) and log-out: the session token comes
// back in the body and as the session cookie. The account's security settings are in security-routes.ts,
// the mailed links (reset, verification) in account-routes.ts.
import type { Context } from "hono";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import type { AppContext } from "../../context.ts";
import type { AppEnv } from "../../http/types.ts";
import type { AuthService, ClientInfo } from "./service.ts";
import { clearSessionCookie, requireViewer, setSessionCookie } from "../../http/middleware/session.ts";
import { apiApp, apiRoute, json, jsonBody } from "../../http/openapi.ts";
import {
  login2faBody,
  loginBody,
  loginResultSchema,
  passkeyLoginBody,
  passkeyOptionsSchema,
  sessionSchema,
  signupBody,
} from "./schemas.ts";

const tags = ["auth"];

/** Who is signing in, as the session list will show it. */
export const clientOf = (c: Context<AppEnv>): ClientInfo & { ip: string } => ({
  ip: c.get("clientIp"),
  userAgent: c.req.header("user-agent") ?? null,
  country: c.get("country"),
});

const signup = apiRoute(
  {
    method: "post",
    path: "/signup",
    tags,
    operationId: "signup",
    summary: "Create a fan account and log in (a link to confirm the address is mailed)",
    request: { body: jsonBody(signupBody) },
    responses: { 201: json(sessionSchema, "The new account, logged in.") },
  },
  {
    auth: "optional",
    errors: {
      409: ["`email_taken`, `username_taken`: `details.fields` names the field."],
      429: "`rate_limited`: too many sign-ups from this network.",
    },
  },
);

const login = apiRoute(
  {
    method: "post",
    path: "/login",
    tags,
    operationId: "login",
    summary: "Log in with email and password",
    description:
      "With two-factor sign-in on, a right password answers `{twoFactorRequired: true, challenge}` and no " +
      "session (no token, no cookie): send the challenge with a code to `POST /auth/login/2fa`.",
    request: { body: jsonBody(loginBody) },
    responses: { 200: json(loginResultSchema, "Logged in, or the second step is needed.") },
  },
  {
    auth: "optional",
    errors: {
      401: "`invalid_credentials`: the email or password is incorrect.",
      403: "`banned`, `suspended`, `account_deleted`: the account may not be used (the message says until when).",
      429: "`rate_limited`: too many failed attempts for this account or network.",
    },
  },
);

const login2fa = apiRoute(
  {
    method: "post",
    path: "/login/2fa",
    tags,
    operationId: "loginSecondFactor",
    summary: "The second step of a two-factor log-in: a code of the app, or a recovery code",
    request: { body: jsonBody(login2faBody) },
    responses: { 200: json(sessionSchema, "Logged in.") },
  },
  {
    auth: "optional",
    errors: {
      401: [
        "`invalid_challenge`: the challenge is unknown, expired or was used; log in again.",
        "`invalid_code`: the code is wrong, or was used already (each code works once).",
      ],
      403: "`banned`, `suspended`, `account_deleted`.",
      429: "`rate_limited`: too many wrong codes or passwords (the same limits as log-in).",
    },
  },
);

const passkeyLoginOptions = apiRoute(
  {
    method: "post",
    path: "/passkeys/login/options",
    tags,
    operationId: "passkeyLoginOptions",
    summary: "Start signing in with a passkey (no account named: the browser offers this site's passkeys)",
    responses: { 200: json(passkeyOptionsSchema, "Options for `startAuthentication`, and the flow id.") },
  },
  { auth: "optional", errors: { 429: "`rate_limited`: too many passkey sign-ins from this network." } },
);

const passkeyLogin = apiRoute(
  {
    method: "post",
    path: "/passkeys/login",
    tags,
    operationId: "passkeyLogin",
    summary: "Sign in with the browser's passkey answer",
    request: { body: jsonBody(passkeyLoginBody) },
    responses: { 200: json(sessionSchema, "Logged in.") },
  },
  {
    auth: "optional",
    errors: {
      401: [
        "`invalid_challenge`: the flow is unknown, expired or was used.",
        "`passkey_rejected`: unknown passkey, a bad signature, no user verification, or a counter that went back.",
      ],
      403: "`banned`, `suspended`, `account_deleted`.",
    },
  },
);

const logout = apiRoute(
  {
    method: "post",
    path: "/logout",
    tags,
    operationId: "logout",
    summary: "End this session",
    responses: { 204: { description: "Logged out; the cookie is cleared." } },
  },
  { auth: "required" },
);

const logoutAll = apiRoute(
  {
    method: "post",
    path: "/logout-all",
    tags,
    operationId: "logoutEverywhere",
    summary: "End every session of this account",
    responses: { 204: { description: "Every session ended; the cookie is cleared." } },
  },
  { auth: "required" },
);

export function authRoutes(ctx: AppContext, { auth }: { auth: AuthService }) {
  return apiApp()
    .openapi(signup, async (c) => {
      const { ageConfirmed: _age, ...input } = c.req.valid("json");
      const r = await auth.signup(input, clientOf(c));
      setSessionCookie(ctx, c, r.token, r.expiresAt);
      return c.json({ user: r.user, token: r.token }, 201);
    })
    .openapi(login, async (c) => {
      const { email, password } = c.req.valid("json");
      const r = await auth.login(email, password, clientOf(c));
      if (r.twoFactorRequired)
        return c.json({ twoFactorRequired: true as const, challenge: r.challenge }, 200);
      setSessionCookie(ctx, c, r.token, r.expiresAt);
      return c.json({ user: r.user, token: r.token }, 200);
    })
    .openapi(login2fa, async (c) => {
      const { challenge, code, recoveryCode } = c.req.valid("json");
      const factor = recoveryCode !== undefined ? { recoveryCode } : { code: code ?? "" };
      const r = await auth.loginSecondFactor(challenge, factor, clientOf(c));
      setSessionCookie(ctx, c, r.token, r.expiresAt);
      return c.json({ user: r.user, token: r.token }, 200);
    })
    .openapi(passkeyLoginOptions, async (c) => c.json(await auth.passkeyLoginOptions(clientOf(c)), 200))
    .openapi(passkeyLogin, async (c) => {
      const { flowId, response } = c.req.valid("json");
      const r = await auth.passkeyLogin(
        { flowId, response: response as unknown as AuthenticationResponseJSON },
        clientOf(c),
      );
      setSessionCookie(ctx, c, r.token, r.expiresAt);
      return c.json({ user: r.user, token: r.token }, 200);
    })
    .openapi(logout, async (c) => {
      const v = requireViewer(c);
      await auth.logout(v.session.id);
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .openapi(logoutAll, async (c) => {
      const v = requireViewer(c);
      await auth.logoutEverywhere(v.user.id);
      clearSessionCookie(c);
      return c.body(null, 204);
    });
}
