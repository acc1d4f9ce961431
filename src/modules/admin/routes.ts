// The admin console's API: payouts, refunds, site settings, e-mail, the job queue and the system status.
// Every route needs an admin (people and reports: people/routes.ts and moderation/routes.ts).
import type { Context } from "hono";
import { z } from "zod";
import type { AppContext } from "../../context.ts";
import type { AdminService, AuditActor } from "./service.ts";
import type { AppEnv } from "../../http/types.ts";
import { readiness } from "../../http/readiness.ts";
import { decodeCursor } from "../../lib/cursor.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import { apiApp, apiRoute, json, jsonBody, type ErrorLines } from "../../http/openapi.ts";
import { idParam } from "../../http/validate.ts";
import { adminTxnPageSchema, transactionSchema } from "../payments/schemas.ts";
import { adminPayoutPageSchema, adminPayoutSchema } from "../payouts/schemas.ts";
import { emailEnvelope, emailSettingsBody, testMailBody, testMailResult } from "../notifications/schemas.ts";
import {
  adminSettingsSchema,
  jobPageSchema,
  jobsQuery,
  markPaidBody,
  payoutQuery,
  refundBody,
  rejectBody,
  settingsBody,
  transactionsQuery,
  statusSchema,
} from "./schemas.ts";

/** Who acts, for the audit entry: the signed-in admin and the request's address. */
export function actorOf(c: Context<AppEnv>): AuditActor {
  return { actorId: requireViewer(c).user.id, ip: c.get("clientIp") ?? null };
}

const tags = ["admin"];
const ADMIN = { 403: "`admin_only`: only site admins can do this." } satisfies ErrorLines;
const BAD_CURSOR = "`bad_cursor`: the cursor is not one this API gave out.";
const settingsEnvelope = z.strictObject({ settings: adminSettingsSchema });
const payoutEnvelope = z.strictObject({ payout: adminPayoutSchema });
const NO_PAYOUT = "`not_found`: no such payout.";
const BAD_STATE = "`bad_payout_state`: the payout is not in the state this step starts from.";
const HELD = [BAD_STATE, "`account_blocked`: the creator is banned or suspended; their payouts are held."];

const getSettings = apiRoute(
  {
    method: "get",
    path: "/settings",
    tags,
    operationId: "getAdminSettings",
    summary: "The site settings the admin edits",
    responses: { 200: json(settingsEnvelope, "The settings.") },
  },
  { auth: "required", errors: ADMIN },
);

const updateSettings = apiRoute(
  {
    method: "put",
    path: "/settings",
    tags,
    operationId: "updateAdminSettings",
    summary: "Change some of the site settings",
    request: { body: jsonBody(settingsBody) },
    responses: { 200: json(settingsEnvelope, "The settings as they now are.") },
  },
  { auth: "required", errors: ADMIN },
);

const listPayouts = apiRoute(
  {
    method: "get",
    path: "/payouts",
    tags,
    operationId: "listAdminPayouts",
    summary: "The payout queue, with each creator's payout method in full",
    request: { query: payoutQuery },
    responses: { 200: json(adminPayoutPageSchema, "A page of payouts.") },
  },
  { auth: "required", errors: { ...ADMIN, 400: BAD_CURSOR } },
);

const approvePayout = apiRoute(
  {
    method: "post",
    path: "/payouts/{id}/approve",
    tags,
    operationId: "approvePayout",
    summary: "Approve a requested payout",
    request: { params: idParam },
    responses: { 200: json(payoutEnvelope, "The payout, approved.") },
  },
  { auth: "required", errors: { ...ADMIN, 404: NO_PAYOUT, 409: HELD } },
);

const rejectPayout = apiRoute(
  {
    method: "post",
    path: "/payouts/{id}/reject",
    tags,
    operationId: "rejectPayout",
    summary: "Reject a requested payout; the money goes back to the creator's available earnings",
    request: { params: idParam, body: jsonBody(rejectBody, { required: false }) },
    responses: { 200: json(payoutEnvelope, "The payout, rejected.") },
  },
  { auth: "required", errors: { ...ADMIN, 404: NO_PAYOUT, 409: BAD_STATE } },
);

const markPayoutPaid = apiRoute(
  {
    method: "post",
    path: "/payouts/{id}/mark-paid",
    tags,
    operationId: "markPayoutPaid",
    summary: "Record that an approved payout was sent, with the transfer's reference",
    request: { params: idParam, body: jsonBody(markPaidBody) },
    responses: { 200: json(payoutEnvelope, "The payout, paid.") },
  },
  { auth: "required", errors: { ...ADMIN, 404: NO_PAYOUT, 409: HELD } },
);

const listJobs = apiRoute(
  {
    method: "get",
    path: "/jobs",
    tags,
    operationId: "listJobs",
    summary: "The job queue, newest first",
    request: { query: jobsQuery },
    responses: { 200: json(jobPageSchema, "A page of jobs.") },
  },
  { auth: "required", errors: { ...ADMIN, 400: BAD_CURSOR } },
);

const listTransactions = apiRoute(
  {
    method: "get",
    path: "/transactions",
    tags,
    operationId: "listAdminTransactions",
    summary: "Every ledger transaction, newest first, with what a refund may still take back",
    request: { query: transactionsQuery },
    responses: { 200: json(adminTxnPageSchema, "A page of transactions.") },
  },
  { auth: "required", errors: { ...ADMIN, 400: BAD_CURSOR } },
);

const refund = apiRoute(
  {
    method: "post",
    path: "/transactions/{id}/refund",
    tags,
    operationId: "refundTransaction",
    summary: "Refund a payment: a sale in full, a top-up in full or in part",
    request: { params: idParam, body: jsonBody(refundBody, { required: false }) },
    responses: { 200: json(z.strictObject({ transaction: transactionSchema }), "The refund.") },
  },
  {
    auth: "required",
    errors: {
      ...ADMIN,
      400: "`invalid_request`: not refundable, or more than a refund may take back.",
      404: "`not_found`: no such transaction.",
      409: "`already_refunded`, or the top-up's money was spent meanwhile.",
      503: "`provider_error`: the payment provider did not refund.",
    },
  },
);

const getEmail = apiRoute(
  {
    method: "get",
    path: "/email",
    tags,
    operationId: "getEmailSettings",
    summary: "Where the site's mail goes (SMTP or .eml files) and the saved SMTP settings",
    responses: { 200: json(emailEnvelope, "The e-mail settings; never the password.") },
  },
  { auth: "required", errors: ADMIN },
);

const putEmail = apiRoute(
  {
    method: "put",
    path: "/email",
    tags,
    operationId: "updateEmailSettings",
    summary: "Save (or remove) the SMTP settings",
    description:
      'The password is stored encrypted with the site\'s key. When the config file sets `[email] transport = "smtp"`, it wins over what is saved here.',
    request: { body: jsonBody(emailSettingsBody) },
    responses: { 200: json(emailEnvelope, "The e-mail settings as they now are.") },
  },
  { auth: "required", errors: ADMIN },
);

const testMail = apiRoute(
  {
    method: "post",
    path: "/email/test",
    tags,
    operationId: "sendTestMail",
    summary: "Send a test mail now, through the transport in use",
    request: { body: jsonBody(testMailBody) },
    responses: { 202: json(testMailResult, "Handed to the SMTP server (or written as a file).") },
  },
  {
    auth: "required",
    errors: { ...ADMIN, 502: "`mail_failed`: the SMTP server refused; the message says why." },
  },
);

const getStatus = apiRoute(
  {
    method: "get",
    path: "/status",
    tags,
    operationId: "getSystemStatus",
    summary:
      "How the site is: readiness, versions, database, disk, jobs, workers, ffmpeg, live, sockets, mail, backups",
    responses: { 200: json(z.strictObject({ status: statusSchema }), "The figures, from this node.") },
  },
  { auth: "required", errors: ADMIN },
);

export function adminRoutes(ctx: AppContext, { admin }: { admin: AdminService }) {
  const app = apiApp();
  app.use("*", async (c, next) => {
    admin.authorize(requireViewer(c));
    await next();
  });
  return app
    .openapi(getStatus, async (c) => c.json({ status: await admin.status(await readiness(ctx)) }, 200))
    .openapi(getSettings, async (c) => c.json({ settings: await admin.settings() }, 200))
    .openapi(updateSettings, async (c) =>
      c.json({ settings: await admin.updateSettings(actorOf(c), c.req.valid("json")) }, 200),
    )
    .openapi(listPayouts, async (c) => {
      const q = c.req.valid("query");
      return c.json(await admin.payouts(q.status ?? null, decodeCursor(q.cursor), q.limit), 200);
    })
    .openapi(approvePayout, async (c) =>
      c.json({ payout: await admin.approvePayout(actorOf(c), c.req.valid("param").id) }, 200),
    )
    .openapi(rejectPayout, async (c) =>
      c.json(
        { payout: await admin.rejectPayout(actorOf(c), c.req.valid("param").id, c.req.valid("json")?.note) },
        200,
      ),
    )
    .openapi(markPayoutPaid, async (c) =>
      c.json(
        {
          payout: await admin.markPayoutPaid(
            actorOf(c),
            c.req.valid("param").id,
            c.req.valid("json").reference,
          ),
        },
        200,
      ),
    )
    .openapi(getEmail, async (c) => c.json({ email: await admin.email() }, 200))
    .openapi(putEmail, async (c) =>
      c.json({ email: await admin.saveEmail(actorOf(c), c.req.valid("json").smtp) }, 200),
    )
    .openapi(testMail, async (c) => {
      const { to } = c.req.valid("json");
      await admin.sendTestMail(actorOf(c), to);
      return c.json({ testMail: { to } }, 202);
    })
    .openapi(listJobs, async (c) => {
      const q = c.req.valid("query");
      return c.json(await admin.jobs(q.status ?? null, decodeCursor(q.cursor), q.limit), 200);
    })
    .openapi(listTransactions, async (c) => {
      const q = c.req.valid("query");
      return c.json(await admin.transactions(decodeCursor(q.cursor), q.limit), 200);
    })
    .openapi(refund, async (c) =>
      c.json(
        {
          transaction: await admin.refund(
            actorOf(c),
            c.req.valid("param").id,
            c.req.valid("json")?.amountCents,
          ),
        },
        200,
      ),
    );
}
