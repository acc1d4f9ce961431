// The signed-in person's account security: two-factor sign-in (set-up with a QR code, enable with a code,
// recovery codes, disable), passkeys (register, name, remove), sessions (list, end one, end the others)
// and a change of password.
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { z } from "zod";
import type { AppContext } from "../../context.ts";
import type { AuthService } from "./service.ts";
import { clearSessionCookie, requireViewer } from "../../http/middleware/session.ts";
import { apiApp, apiRoute, json, jsonBody } from "../../http/openapi.ts";
import {
  idParam,
  passkeyListSchema,
  passkeyOptionsSchema,
  passkeyRegisterBody,
  passkeyRenameBody,
  passkeySchema,
  passwordChangeBody,
  recoveryCodesSchema,
  sessionListSchema,
  twoFactorDisableBody,
  twoFactorEnableBody,
  twoFactorSetupSchema,
  twoFactorStatusSchema,
} from "./schemas.ts";

const tags = ["auth"];
const codeErrors = {
  400: "`invalid_code`: the code is wrong or was used already (`details.fields.code`).",
  429: "`rate_limited`: too many wrong codes (the log-in limits).",
};

const twoFactorStatus = apiRoute(
  {
    method: "get",
    path: "/2fa",
    tags,
    operationId: "getTwoFactor",
    summary: "Whether two-factor sign-in is on, and how many recovery codes are left",
    responses: { 200: json(twoFactorStatusSchema, "The state.") },
  },
  { auth: "required" },
);

const twoFactorSetup = apiRoute(
  {
    method: "post",
    path: "/2fa/setup",
    tags,
    operationId: "setupTwoFactor",
    summary: "A new authenticator secret (QR code and text); not on until confirmed with a code",
    responses: { 200: json(twoFactorSetupSchema, "Scan the QR code or type the secret into the app.") },
  },
  { auth: "required", errors: { 409: "`two_factor_enabled`: it is on already; turn it off first." } },
);

const twoFactorEnable = apiRoute(
  {
    method: "post",
    path: "/2fa/enable",
    tags,
    operationId: "enableTwoFactor",
    summary: "Turn two-factor sign-in on with a code of the app; answers the recovery codes (shown once)",
    request: { body: jsonBody(twoFactorEnableBody) },
    responses: { 200: json(recoveryCodesSchema, "On. Keep the recovery codes somewhere safe.") },
  },
  {
    auth: "required",
    errors: {
      ...codeErrors,
      409: ["`two_factor_enabled`: on already.", "`no_pending_setup`: start with `POST /auth/2fa/setup`."],
    },
  },
);

const twoFactorDisable = apiRoute(
  {
    method: "post",
    path: "/2fa/disable",
    tags,
    operationId: "disableTwoFactor",
    summary: "Turn two-factor sign-in off (the password and a code, or a recovery code)",
    request: { body: jsonBody(twoFactorDisableBody) },
    responses: { 204: { description: "Off; the recovery codes are gone and a notice is mailed." } },
  },
  {
    auth: "required",
    errors: {
      400: [codeErrors[400], "`invalid_password`: the password is not right."],
      409: "`two_factor_disabled`: it is not on.",
      429: codeErrors[429],
    },
  },
);

const recoveryCodes = apiRoute(
  {
    method: "post",
    path: "/2fa/recovery-codes",
    tags,
    operationId: "renewRecoveryCodes",
    summary: "New recovery codes (the old ones stop working); needs a code of the app",
    request: { body: jsonBody(twoFactorEnableBody) },
    responses: { 200: json(recoveryCodesSchema, "The new codes, shown once.") },
  },
  { auth: "required", errors: { ...codeErrors, 409: "`two_factor_disabled`: it is not on." } },
);

const listPasskeys = apiRoute(
  {
    method: "get",
    path: "/passkeys",
    tags,
    operationId: "listPasskeys",
    summary: "The signed-in person's passkeys",
    responses: { 200: json(passkeyListSchema, "Oldest first.") },
  },
  { auth: "required" },
);

const passkeyOptions = apiRoute(
  {
    method: "post",
    path: "/passkeys/options",
    tags,
    operationId: "passkeyRegistrationOptions",
    summary: "Start registering a passkey",
    responses: { 200: json(passkeyOptionsSchema, "Options for `startRegistration`, and the flow id.") },
  },
  { auth: "required", errors: { 409: "`too_many_passkeys`: remove one first." } },
);

const registerPasskey = apiRoute(
  {
    method: "post",
    path: "/passkeys",
    tags,
    operationId: "registerPasskey",
    summary: "Keep the passkey the browser made, under a name",
    request: { body: jsonBody(passkeyRegisterBody) },
    responses: { 201: json(z.strictObject({ passkey: passkeySchema }), "Registered.") },
  },
  {
    auth: "required",
    errors: {
      400: [
        "`invalid_challenge`: the flow is unknown, expired or was used.",
        "`passkey_rejected`: the answer does not verify.",
      ],
      409: "`passkey_exists`: this passkey is registered already.",
    },
  },
);

const renamePasskey = apiRoute(
  {
    method: "patch",
    path: "/passkeys/{id}",
    tags,
    operationId: "renamePasskey",
    summary: "Rename a passkey",
    request: { params: idParam, body: jsonBody(passkeyRenameBody) },
    responses: { 200: json(z.strictObject({ passkey: passkeySchema }), "Renamed.") },
  },
  { auth: "required", errors: { 404: "`not_found`: not one of your passkeys." } },
);

const removePasskey = apiRoute(
  {
    method: "delete",
    path: "/passkeys/{id}",
    tags,
    operationId: "removePasskey",
    summary: "Remove a passkey (it can no longer sign in)",
    request: { params: idParam },
    responses: { 204: { description: "Removed." } },
  },
  { auth: "required", errors: { 404: "`not_found`: not one of your passkeys." } },
);

const listSessions = apiRoute(
  {
    method: "get",
    path: "/sessions",
    tags,
    operationId: "listSessions",
    summary: "Where the account is signed in: device, coarse place, last seen, this one",
    responses: { 200: json(sessionListSchema, "The most recently used first.") },
  },
  { auth: "required" },
);

const removeSession = apiRoute(
  {
    method: "delete",
    path: "/sessions/{id}",
    tags,
    operationId: "removeSession",
    summary: "Sign out one of your sessions",
    request: { params: idParam },
    responses: { 204: { description: "Signed out (this one too: the cookie is cleared)." } },
  },
  { auth: "required", errors: { 404: "`not_found`: not one of your sessions." } },
);

const removeOtherSessions = apiRoute(
  {
    method: "post",
    path: "/sessions/revoke-others",
    tags,
    operationId: "removeOtherSessions",
    summary: "Sign out everywhere but here",
    responses: { 200: json(z.strictObject({ revoked: z.number().int() }), "How many were signed out.") },
  },
  { auth: "required" },
);

const changePassword = apiRoute(
  {
    method: "post",
    path: "/password",
    tags,
    operationId: "changePassword",
    summary: "Change the password (the other sessions end; a notice is mailed)",
    request: { body: jsonBody(passwordChangeBody) },
    responses: { 204: { description: "Changed." } },
  },
  {
    auth: "required",
    errors: {
      400: "`invalid_password`: the current password is not right.",
      429: "`rate_limited`: too many wrong passwords.",
    },
  },
);

export function securityRoutes(_ctx: AppContext, { auth }: { auth: AuthService }) {
  return apiApp()
    .openapi(twoFactorStatus, async (c) =>
      c.json({ twoFactor: await auth.twoFactor.status(requireViewer(c).user) }, 200),
    )
    .openapi(twoFactorSetup, async (c) => c.json(await auth.twoFactor.setup(requireViewer(c).user), 200))
    .openapi(twoFactorEnable, async (c) => {
      const v = requireViewer(c);
      return c.json(await auth.twoFactor.enable(v.user, c.req.valid("json").code, c.get("clientIp")), 200);
    })
    .openapi(twoFactorDisable, async (c) => {
      await auth.twoFactor.disable(requireViewer(c).user, c.req.valid("json"), c.get("clientIp"));
      return c.body(null, 204);
    })
    .openapi(recoveryCodes, async (c) => {
      const v = requireViewer(c);
      const { code } = c.req.valid("json");
      return c.json(await auth.twoFactor.regenerateRecoveryCodes(v.user, code, c.get("clientIp")), 200);
    })
    .openapi(listPasskeys, async (c) =>
      c.json({ items: await auth.passkeys.list(requireViewer(c).user.id) }, 200),
    )
    .openapi(passkeyOptions, async (c) => {
      const r = await auth.passkeys.registrationOptions(requireViewer(c).user);
      return c.json({ flowId: r.flowId, options: { ...r.options } }, 200);
    })
    .openapi(registerPasskey, async (c) => {
      const { flowId, name, response } = c.req.valid("json");
      const passkey = await auth.passkeys.register(
        requireViewer(c).user,
        { flowId, name, response: response as unknown as RegistrationResponseJSON },
        c.get("clientIp"),
      );
      return c.json({ passkey }, 201);
    })
    .openapi(renamePasskey, async (c) => {
      const v = requireViewer(c);
      const passkey = await auth.passkeys.rename(
        v.user.id,
        c.req.valid("param").id,
        c.req.valid("json").name,
      );
      return c.json({ passkey }, 200);
    })
    .openapi(removePasskey, async (c) => {
      await auth.passkeys.remove(requireViewer(c).user.id, c.req.valid("param").id, c.get("clientIp"));
      return c.body(null, 204);
    })
    .openapi(listSessions, async (c) => {
      const v = requireViewer(c);
      return c.json({ items: await auth.sessions.list(v.user.id, v.session.id) }, 200);
    })
    .openapi(removeSession, async (c) => {
      const v = requireViewer(c);
      const { id } = c.req.valid("param");
      await auth.sessions.revoke(v.user.id, id);
      if (id === v.session.id) clearSessionCookie(c);
      return c.body(null, 204);
    })
    .openapi(removeOtherSessions, async (c) => {
      const v = requireViewer(c);
      return c.json({ revoked: await auth.sessions.revokeOthers(v.user.id, v.session.id) }, 200);
    })
    .openapi(changePassword, async (c) => {
      const v = requireViewer(c);
      await auth.account.changePassword(v.user, v.session.id, c.req.valid("json"), c.get("clientIp"));
      return c.body(null, 204);
    });
}
