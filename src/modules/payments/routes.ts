// Money routes: the fan's wallet and top-ups, PPV unlocks, tips, the creator's earnings and statement,
// the sandbox checkout's view and the payment provider's webhooks.
import type { Context } from "hono";
import { z } from "zod";
import type { CreatorsService } from "../creators/service.ts";
import type { PostsService } from "../posts/service.ts";
import type { PayoutsService } from "../payouts/service.ts";
import type { TipsService } from "../tips/service.ts";
import type { PaymentsService } from "./service.ts";
import type { WebhooksService } from "./webhooks.ts";
import { Forbidden, NotFound } from "../../lib/errors.ts";
import { requireEntitlementViewer, requireViewer } from "../../http/middleware/session.ts";
import { decodeCursor, pageQuery } from "../../lib/cursor.ts";
import { apiApp, apiRoute, GEO_BLOCKED, json, jsonBody, type ErrorLines } from "../../http/openapi.ts";
import type { AppEnv } from "../../http/types.ts";
import { idParam } from "../../http/validate.ts";
import type { Outcome } from "./service.ts";
import { postEnvelope } from "../posts/schemas.ts";
import {
  checkoutStartSchema,
  earningsSchema,
  sandboxCheckoutSchema,
  tipBody,
  idempotencyHeader,
  topupBody,
  transactionSchema,
  unlockBody,
  walletSchema,
  webhookReceiptSchema,
} from "./schemas.ts";

/** 201/200 with the resource when paid now, 202 with the checkout when the fan continues at the provider. */
export function respond<T, N extends string, S extends 200 | 201>(
  c: Context,
  outcome: Outcome<T>,
  name: N,
  status: S,
) {
  if ("checkout" in outcome) return c.json(outcome.checkout, 202);
  return c.json({ [name]: outcome.done } as { [K in N]: T }, status);
}

/** The answer of a purchase that card payments continue elsewhere. */
export const checkoutStarted = json(checkoutStartSchema, "Paid by card: continue at `checkoutUrl`.");

/** What can stop a purchase, whatever is bought. */
export const PURCHASE_ERRORS = {
  400: "`self_payment`: you cannot pay yourself.",
  402: "`insufficient_funds`, `wallet_negative`: the wallet cannot pay (top up, or pay by card).",
  409: "`currency_mismatch`: priced in another currency than the wallet's (pay by card).",
  429: "`rate_limited`: too many purchases in a minute.",
  503: "`provider_error`: the payment provider could not start the checkout.",
} satisfies ErrorLines;

const tags = ["payments"];

const wallet = apiRoute(
  {
    method: "get",
    path: "/wallet",
    tags,
    operationId: "getWallet",
    summary: "The fan's wallet: balance and history, newest first",
    request: { query: pageQuery },
    responses: { 200: json(walletSchema, "The balance and a page of its history.") },
  },
  { auth: "required", errors: { 400: "`bad_cursor`: the cursor is not one this API gave out." } },
);

const topup = apiRoute(
  {
    method: "post",
    path: "/wallet/topups",
    tags,
    operationId: "topUpWallet",
    summary: "Add money to the wallet (always by card)",
    request: { body: jsonBody(topupBody) },
    responses: { 202: checkoutStarted },
  },
  { auth: "required", errors: { 429: PURCHASE_ERRORS[429], 503: PURCHASE_ERRORS[503] } },
);

const unlock = apiRoute(
  {
    method: "post",
    path: "/posts/{id}/unlock",
    tags,
    operationId: "unlockPost",
    summary: "Buy a pay-per-view post",
    request: { params: idParam, body: jsonBody(unlockBody) },
    responses: { 200: json(postEnvelope, "Paid from the wallet: the post, unlocked."), 202: checkoutStarted },
  },
  {
    auth: "required",
    errors: {
      ...PURCHASE_ERRORS,
      400: [PURCHASE_ERRORS[400], "`not_ppv`: only pay-per-view posts are unlocked."],
      404: "`not_found`: no such post.",
      409: [PURCHASE_ERRORS[409], "`already_owned`: already unlocked."],
      451: GEO_BLOCKED,
    },
  },
);

const tip = apiRoute(
  {
    method: "post",
    path: "/tips",
    tags,
    operationId: "tipCreator",
    summary: "Tip a creator, optionally for one of their posts",
    request: { headers: idempotencyHeader, body: jsonBody(tipBody) },
    responses: {
      201: json(z.strictObject({ tip: transactionSchema }), "Paid from the wallet: the tip."),
      202: checkoutStarted,
    },
  },
  {
    auth: "required",
    errors: {
      ...PURCHASE_ERRORS,
      400: [PURCHASE_ERRORS[400], "`invalid_request`: the post is not by this creator."],
      403: "`not_entitled`: a tip during a stream you may not watch.",
      404: "`not_found`: no such creator or post.",
      409: [
        PURCHASE_ERRORS[409],
        "`not_live`: the stream is not live.",
        "`idempotency_key_reused`: this Idempotency-Key was used for another payment.",
      ],
      451: GEO_BLOCKED,
    },
  },
);

const NOT_A_CREATOR = { 403: "`not_a_creator`: only creators have earnings." } satisfies ErrorLines;

const earnings = apiRoute(
  {
    method: "get",
    path: "/earnings",
    tags,
    operationId: "getEarnings",
    summary: "The creator's earnings: pending, available, lifetime, by type and by month",
    responses: { 200: json(earningsSchema, "The creator's earnings.") },
  },
  { auth: "required", errors: NOT_A_CREATOR },
);

const statement = apiRoute(
  {
    method: "get",
    path: "/earnings/statement.csv",
    tags,
    operationId: "downloadStatement",
    summary: "The creator's statement of every earning, reversal and payout, as CSV",
    responses: {
      200: {
        description: "A CSV file (attachment), one line per ledger movement.",
        content: { "text/csv": { schema: z.string() } },
      },
    },
  },
  { auth: "required", errors: NOT_A_CREATOR },
);

const sandboxCheckout = apiRoute(
  {
    method: "get",
    path: "/sandbox/checkouts/{id}",
    tags,
    operationId: "getSandboxCheckout",
    summary: "A sandbox checkout, for its hosted payment page",
    description: "The unguessable id is the capability, as on a real provider's page.",
    request: { params: idParam },
    responses: { 200: json(z.strictObject({ checkout: sandboxCheckoutSchema }), "The checkout.") },
  },
  { auth: "none", errors: { 404: "`not_found`: no such sandbox checkout." } },
);

const webhook = apiRoute(
  {
    method: "post",
    path: "/webhooks/{provider}",
    tags,
    operationId: "receiveWebhook",
    summary: "The payment provider's events",
    description:
      "Verified against the raw body's bytes (Stripe, sandbox) or the sender's address (CCBill); an event " +
      "id seen before changes nothing.",
    request: {
      params: z.object({ provider: z.string().meta({ description: "The configured provider's name." }) }),
      query: z.object({
        eventType: z
          .string()
          .max(100)
          .optional()
          .meta({ description: "CCBill: the event's type (its webhook URL names it)." }),
      }),
      body: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              additionalProperties: true,
              description: "The provider's event, exactly as it sent it.",
            },
          },
          "application/x-www-form-urlencoded": {
            schema: {
              type: "object",
              additionalProperties: true,
              description: "CCBill's URL-encoded format.",
            },
          },
        },
      },
    },
    responses: { 200: json(webhookReceiptSchema, "Recorded (or seen before).") },
  },
  {
    auth: "none",
    errors: {
      400: "`bad_signature`, `invalid_event`: the signature does not verify, or the event's shape is wrong.",
      403: "`forbidden_sender`: not from the provider's addresses (CCBill: `payments.ccbill_webhook_ips`).",
      404: "`not_found`: not the configured provider.",
      503: "`retry_later`: the event refers to a payment not recorded yet; deliver it again later.",
    },
  },
);

export function paymentsRoutes(deps: {
  payments: PaymentsService;
  webhooks: WebhooksService;
  creators: CreatorsService;
  posts: PostsService;
  tips: TipsService;
  payouts: PayoutsService;
}) {
  const pay = deps.payments;
  return apiApp()
    .openapi(wallet, async (c) => {
      const q = c.req.valid("query");
      return c.json(await pay.wallet(requireViewer(c).user.id, decodeCursor(q.cursor), q.limit), 200);
    })
    .openapi(topup, async (c) => {
      const outcome = await pay.topup(requireViewer(c).user.id, c.req.valid("json").amountCents);
      if (!("checkout" in outcome)) throw new Error("A top-up is always paid by card.");
      return c.json(outcome.checkout, 202);
    })
    .openapi(unlock, async (c) =>
      respond(
        c,
        await deps.posts.unlock(
          requireEntitlementViewer(c),
          c.req.valid("param").id,
          c.req.valid("json").payWith,
          c.get("country"),
        ),
        "post",
        200,
      ),
    )
    .openapi(tip, async (c) =>
      respond(
        c,
        await deps.tips.tip(
          requireViewer(c).user.id,
          c.req.valid("json"),
          c.req.valid("header")["idempotency-key"],
          c.get("country"),
        ),
        "tip",
        201,
      ),
    )
    .openapi(earnings, async (c) => c.json(await pay.earnings(await requireCreator(deps.creators, c)), 200))
    .openapi(statement, async (c) => {
      const csv = await deps.payouts.statementCsv(await requireCreator(deps.creators, c));
      c.header("Content-Disposition", 'attachment; filename="fanz-statement.csv"');
      return c.body(csv, 200, { "Content-Type": "text/csv; charset=utf-8" });
    })
    .openapi(sandboxCheckout, async (c) =>
      c.json({ checkout: await pay.checkout(c.req.valid("param").id) }, 200),
    )
    .openapi(webhook, async (c) => {
      if (c.req.valid("param").provider !== pay.provider().name) throw new NotFound("Webhook endpoint");
      const result = await deps.webhooks.receive(await c.req.text(), c.req.header(), {
        clientIp: c.get("clientIp") ?? "unknown",
        query: c.req.query(),
      });
      return c.json(result, 200);
    });
}

/** The caller's id if they are a creator; 403 otherwise. */
async function requireCreator(creators: CreatorsService, c: Context<AppEnv>): Promise<string> {
  const v = requireViewer(c);
  if (!(await creators.isCreator(v.user.id))) {
    throw new Forbidden("Only creators have earnings.", "not_a_creator");
  }
  return v.user.id;
}
