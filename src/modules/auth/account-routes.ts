// The links that go through the person's mailbox: password reset (request, confirm) and the proof of the
// address (request another link, confirm).
import { requireViewer } from "../../http/middleware/session.ts";
import { apiApp, apiRoute, json, jsonBody } from "../../http/openapi.ts";
import type { AuthService } from "./service.ts";
import {
  emailVerifyBody,
  passwordResetAcceptedSchema,
  passwordResetBody,
  passwordResetConfirmBody,
} from "./schemas.ts";

const tags = ["auth"];

/** The one answer of a reset request, whether or not an account has the address. */
export const RESET_ACCEPTED =
  "If an account uses this address, a link to choose a new password is on its way. It works for one hour.";

const requestReset = apiRoute(
  {
    method: "post",
    path: "/password-reset",
    tags,
    operationId: "requestPasswordReset",
    summary: "Mail a link to choose a new password",
    description: "Answers the same (body and timing) whether or not an account has the address.",
    request: { body: jsonBody(passwordResetBody) },
    responses: { 202: json(passwordResetAcceptedSchema, "Accepted.") },
  },
  {
    auth: "optional",
    errors: { 429: "`rate_limited`: too many requests from this network or for this address." },
  },
);

const confirmReset = apiRoute(
  {
    method: "post",
    path: "/password-reset/confirm",
    tags,
    operationId: "confirmPasswordReset",
    summary: "Set a new password with the mailed link's token; every session ends",
    request: { body: jsonBody(passwordResetConfirmBody) },
    responses: { 204: { description: "Changed; log in with the new password." } },
  },
  { auth: "optional", errors: { 400: "`invalid_token`: unknown, expired (1 h) or used already." } },
);

const verifyRequest = apiRoute(
  {
    method: "post",
    path: "/email/verify-request",
    tags,
    operationId: "requestEmailVerification",
    summary: "Mail another link to confirm the account's address",
    responses: { 204: { description: "Mailed." } },
  },
  {
    auth: "required",
    errors: { 409: "`already_verified`: the address is confirmed.", 429: "`rate_limited`: a few per hour." },
  },
);

const verify = apiRoute(
  {
    method: "post",
    path: "/email/verify",
    tags,
    operationId: "verifyEmail",
    summary: "Confirm the address with the mailed link's token",
    request: { body: jsonBody(emailVerifyBody) },
    responses: { 204: { description: "Confirmed." } },
  },
  {
    auth: "optional",
    errors: { 400: "`invalid_token`: unknown, expired, used, or the address changed since." },
  },
);

export function accountRoutes({ auth }: { auth: AuthService }) {
  return apiApp()
    .openapi(requestReset, async (c) => {
      await auth.account.requestReset(c.req.valid("json").email, c.get("clientIp"));
      return c.json({ message: RESET_ACCEPTED }, 202);
    })
    .openapi(confirmReset, async (c) => {
      const { token, password } = c.req.valid("json");
      await auth.account.confirmReset(token, password, c.get("clientIp"));
      return c.body(null, 204);
    })
    .openapi(verifyRequest, async (c) => {
      await auth.account.requestVerification(requireViewer(c).user.id);
      return c.body(null, 204);
    })
    .openapi(verify, async (c) => {
      await auth.account.verifyEmail(c.req.valid("json").token, c.get("clientIp"));
      return c.body(null, 204);
    });
}
