// A creator's payout method (sealed, shown masked) and payout requests of their available earnings.
import { z } from "zod";
import type { PayoutsService } from "./service.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import { decodeCursor, pageQuery } from "../../lib/cursor.ts";
import { orNull } from "../../lib/fields.ts";
import { apiApp, apiRoute, json, jsonBody } from "../../http/openapi.ts";
import { methodBody, payoutBody, payoutMethodSchema, payoutPageSchema, payoutSchema } from "./schemas.ts";

const tags = ["payouts"];
const NOT_A_CREATOR = "`not_a_creator`: only creators have earnings to pay out.";

const requestPayout = apiRoute(
  {
    method: "post",
    path: "/",
    tags,
    operationId: "requestPayout",
    summary: "Ask for available earnings to be paid out",
    request: { body: jsonBody(payoutBody) },
    responses: { 201: json(z.strictObject({ payout: payoutSchema }), "The payout request.") },
  },
  {
    auth: "required",
    errors: {
      400: "`below_minimum`, `insufficient_earnings`: under the site's minimum, or over what is available.",
      403: [
        NOT_A_CREATOR,
        "`kyc_required`: this site requires an approved identity verification first.",
        "`email_unverified`: confirm the account's e-mail address first.",
        "`account_blocked`: the account is banned or suspended; payouts are held.",
      ],
      409: "`payout_method_required`: add a payout method first.",
    },
  },
);

const myPayouts = apiRoute(
  {
    method: "get",
    path: "/",
    tags,
    operationId: "listMyPayouts",
    summary: "The creator's payouts, newest first",
    request: { query: pageQuery },
    responses: { 200: json(payoutPageSchema, "A page of payouts.") },
  },
  { auth: "required", errors: { 400: "`bad_cursor`: the cursor is not one this API gave out." } },
);

const getMethod = apiRoute(
  {
    method: "get",
    path: "/method",
    tags,
    operationId: "getPayoutMethod",
    summary: "The creator's payout method, masked",
    responses: {
      200: json(z.strictObject({ method: orNull(payoutMethodSchema) }), "The method, or null if none."),
    },
  },
  { auth: "required", errors: { 403: NOT_A_CREATOR } },
);

const setMethod = apiRoute(
  {
    method: "put",
    path: "/method",
    tags,
    operationId: "setPayoutMethod",
    summary: "Set (replace) the payout method: PayPal, an IBAN, or a US account",
    request: { body: jsonBody(methodBody) },
    responses: { 200: json(z.strictObject({ method: payoutMethodSchema }), "The method, masked.") },
  },
  {
    auth: "required",
    errors: {
      400: "`invalid_request`: the details a kind needs are missing or invalid (`details.fields`).",
      403: NOT_A_CREATOR,
    },
  },
);

const removeMethod = apiRoute(
  {
    method: "delete",
    path: "/method",
    tags,
    operationId: "removePayoutMethod",
    summary: "Forget the payout method",
    responses: { 204: { description: "Removed." } },
  },
  {
    auth: "required",
    errors: { 403: NOT_A_CREATOR, 409: "`payout_in_progress`: a payout still has to be sent to it." },
  },
);

export function payoutsRoutes({ payouts }: { payouts: PayoutsService }) {
  return apiApp()
    .openapi(requestPayout, async (c) =>
      c.json(
        { payout: await payouts.request(requireViewer(c).user.id, c.req.valid("json").amountCents) },
        201,
      ),
    )
    .openapi(myPayouts, async (c) => {
      const q = c.req.valid("query");
      return c.json(await payouts.mine(requireViewer(c).user.id, decodeCursor(q.cursor), q.limit), 200);
    })
    .openapi(getMethod, async (c) => c.json({ method: await payouts.method(requireViewer(c).user.id) }, 200))
    .openapi(setMethod, async (c) =>
      c.json({ method: await payouts.setMethod(requireViewer(c).user.id, c.req.valid("json")) }, 200),
    )
    .openapi(removeMethod, async (c) => {
      await payouts.removeMethod(requireViewer(c).user.id);
      return c.body(null, 204);
    });
}
