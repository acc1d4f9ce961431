// Sign-in with providers: the list the log-in page shows, the start (a URL for the browser and the flow
// cookie), the provider's callback (a redirect to a page of the site, signed in or with the reason why
// not), the sign-up that waits for the age confirmation, and the person's linked accounts.
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppContext } from "../../context.ts";
import type { AppEnv } from "../../http/types.ts";
import { cookieSecure, requireViewer, setSessionCookie } from "../../http/middleware/session.ts";
import { apiApp, apiRoute, json, jsonBody } from "../../http/openapi.ts";
import { clientOf } from "../auth/routes.ts";
import type { SsoService } from "./service.ts";
import {
  callbackQuery,
  completeSignupBody,
  completeSignupSchema,
  idParam,
  identityListSchema,
  pendingSignupSchema,
  providerListSchema,
  providerParam,
  startBody,
  startSchema,
} from "./schemas.ts";

const tags = ["auth"];
/** The browser's handle on its sign-in in flight; only sent to these routes. */
const FLOW_COOKIE = "fanz_sso";
const FLOW_PATH = "/api/v1/auth/sso";
const EXPIRED = "`sso_flow_expired`: no sign-up is waiting in this browser (or it expired); start again.";

const listProviders = apiRoute(
  {
    method: "get",
    path: "/providers",
    tags,
    operationId: "listSignInProviders",
    summary: "The sign-in providers offered on the log-in and sign-up pages",
    responses: { 200: json(providerListSchema, "In the order the site lists them.") },
  },
  { auth: "optional" },
);

const start = apiRoute(
  {
    method: "post",
    path: "/{provider}/start",
    tags,
    operationId: "startProviderSignIn",
    summary: "Start signing in (or linking) with a provider: where to send the browser",
    description:
      "Sets the `fanz_sso` cookie (the flow: state, nonce and PKCE verifier are kept on the server). " +
      "The provider sends the browser back to `GET /auth/sso/{provider}/callback`.",
    request: { params: providerParam, body: jsonBody(startBody, { required: false }) },
    responses: { 200: json(startSchema, "Open this URL in the browser.") },
  },
  {
    auth: "optional",
    errors: {
      401: "`unauthorized`: linking needs a signed-in person.",
      404: "`not_found`: no such provider, or it is turned off.",
      429: "`rate_limited`: too many sign-ins from this network.",
      502: "`sso_unavailable`: the provider's discovery document cannot be read.",
    },
  },
);

const callback = apiRoute(
  {
    method: "get",
    path: "/{provider}/callback",
    tags,
    operationId: "providerSignInCallback",
    summary: "Where the provider sends the browser back (the redirect URI to register at the provider)",
    description:
      "Always answers 303 to a page of the site: signed in (the session cookie set), `/signup/continue` " +
      "for a new person (age confirmation), `/login#sso_2fa=<challenge>` when two-factor sign-in is on, " +
      "or `…#sso_error=<code>`: `sso_flow_expired`, `sso_state_mismatch`, `sso_denied`, `sso_rejected` " +
      "(the ID token or nonce did not verify), `sso_email_unverified`, `identity_in_use`, " +
      "`provider_already_linked`, `sso_wrong_account`, `banned`, `suspended`, `account_deleted`, `sso_failed`.",
    request: { params: providerParam, query: callbackQuery },
    responses: { 303: { description: "To a page of the site." } },
  },
  { auth: "optional" },
);

const pendingSignup = apiRoute(
  {
    method: "get",
    path: "/signup",
    tags,
    operationId: "getProviderSignup",
    summary: "The sign-up waiting in this browser for the age confirmation",
    responses: { 200: json(pendingSignupSchema, "What the provider said; the form completes it.") },
  },
  { auth: "optional", errors: { 401: EXPIRED } },
);

const completeSignup = apiRoute(
  {
    method: "post",
    path: "/signup",
    tags,
    operationId: "completeProviderSignup",
    summary: "Create the account of the waiting sign-up (age confirmed) and log in",
    request: { body: jsonBody(completeSignupBody) },
    responses: { 201: json(completeSignupSchema, "Signed in; the cookie is set.") },
  },
  {
    auth: "optional",
    errors: {
      401: EXPIRED,
      409: [
        "`email_taken`, `username_taken`: `details.fields` names the field.",
        "`identity_in_use`: the provider account was linked meanwhile.",
      ],
      429: "`rate_limited`: too many sign-ups from this network.",
    },
  },
);

const listIdentities = apiRoute(
  {
    method: "get",
    path: "/identities",
    tags,
    operationId: "listLinkedIdentities",
    summary: "The provider accounts linked to the signed-in person",
    responses: { 200: json(identityListSchema, "Oldest first.") },
  },
  { auth: "required" },
);

const unlink = apiRoute(
  {
    method: "delete",
    path: "/identities/{id}",
    tags,
    operationId: "unlinkIdentity",
    summary: "Unlink a provider account (not the last way to sign in)",
    request: { params: idParam },
    responses: { 204: { description: "Unlinked." } },
  },
  {
    auth: "required",
    errors: {
      404: "`not_found`: not one of your linked accounts.",
      409: "`last_sign_in_method`: no password, passkey or other linked account would be left.",
    },
  },
);

function setFlowCookie(ctx: AppContext, c: Context<AppEnv>, token: string, maxAgeSeconds: number) {
  setCookie(c, FLOW_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: cookieSecure(ctx),
    path: FLOW_PATH,
    maxAge: maxAgeSeconds,
  });
}
const clearFlowCookie = (c: Context<AppEnv>) => deleteCookie(c, FLOW_COOKIE, { path: FLOW_PATH });
const flowCookie = (c: Context<AppEnv>) => getCookie(c, FLOW_COOKIE) ?? null;

export function ssoRoutes(ctx: AppContext, { sso }: { sso: SsoService }) {
  return apiApp()
    .openapi(listProviders, async (c) => c.json({ items: await sso.providers() }, 200))
    .openapi(start, async (c) => {
      const body = c.req.valid("json") ?? { intent: "login" as const };
      const r = await sso.start(
        c.req.valid("param").provider,
        body.intent,
        c.get("viewer")?.user ?? null,
        body.returnTo,
        c.get("clientIp"),
      );
      setFlowCookie(ctx, c, r.flowToken, r.maxAgeSeconds);
      return c.json({ url: r.url }, 200);
    })
    .openapi(callback, async (c) => {
      const query = new URL(c.req.url).searchParams;
      const r = await sso.callback(
        c.req.valid("param").provider,
        flowCookie(c),
        query,
        c.get("viewer")?.user ?? null,
        clientOf(c),
      );
      if (r.session) setSessionCookie(ctx, c, r.session.token, r.session.expiresAt);
      if (r.pendingFlow) setFlowCookie(ctx, c, r.pendingFlow.token, r.pendingFlow.maxAgeSeconds);
      else clearFlowCookie(c);
      return c.redirect(r.to, 303);
    })
    .openapi(pendingSignup, async (c) => c.json({ signup: await sso.pendingSignup(flowCookie(c)) }, 200))
    .openapi(completeSignup, async (c) => {
      const { ageConfirmed: _age, ...input } = c.req.valid("json");
      const r = await sso.completeSignup(flowCookie(c), input, clientOf(c));
      clearFlowCookie(c);
      setSessionCookie(ctx, c, r.token, r.expiresAt);
      return c.json({ token: r.token, returnTo: r.returnTo }, 201);
    })
    .openapi(listIdentities, async (c) => c.json(await sso.identities(requireViewer(c).user), 200))
    .openapi(unlink, async (c) => {
      await sso.unlink(requireViewer(c).user, c.req.valid("param").id, c.get("clientIp"));
      return c.body(null, 204);
    });
}
