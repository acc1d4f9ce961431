// Sign-up, log-in and log-out: the session token comes back in the body and as the session cookie.
import type { AppContext } from "../../context.ts";
import type { AuthService } from "./service.ts";
import { clearSessionCookie, requireViewer, setSessionCookie } from "../../http/middleware/session.ts";
import { apiApp, apiRoute, json, jsonBody } from "../../http/openapi.ts";
import { loginBody, sessionSchema, signupBody } from "./schemas.ts";

const tags = ["auth"];

const signup = apiRoute(
  {
    method: "post",
    path: "/signup",
    tags,
    operationId: "signup",
    summary: "Create a fan account and log in",
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
    request: { body: jsonBody(loginBody) },
    responses: { 200: json(sessionSchema, "Logged in.") },
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
      const r = await auth.signup(input, c.get("clientIp"));
      setSessionCookie(ctx, c, r.token, r.expiresAt);
      return c.json({ user: r.user, token: r.token }, 201);
    })
    .openapi(login, async (c) => {
      const { email, password } = c.req.valid("json");
      const r = await auth.login(email, password, c.get("clientIp"));
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
