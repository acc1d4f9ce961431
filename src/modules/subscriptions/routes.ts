// A fan's subscriptions: subscribe (wallet, card, free or trial), the list, cancel (no renewal).
import type { SubscriptionsService } from "./service.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import { decodeCursor, pageQuery } from "../../lib/cursor.ts";
import { apiApp, apiRoute, GEO_BLOCKED, json, jsonBody } from "../../http/openapi.ts";
import { idParam } from "../../http/validate.ts";
import { checkoutStarted, PURCHASE_ERRORS, respond } from "../payments/routes.ts";
import { subscribeBody, subscriptionEnvelope, subscriptionPageSchema } from "./schemas.ts";

const tags = ["subscriptions"];

const subscribe = apiRoute(
  {
    method: "post",
    path: "/",
    tags,
    operationId: "subscribe",
    summary: "Subscribe to a creator for 1 month or a bundle",
    description: "Free creators and free trials subscribe at once; otherwise the wallet or a card pays.",
    request: { body: jsonBody(subscribeBody) },
    responses: {
      201: json(subscriptionEnvelope, "Subscribed now (wallet, free creator or free trial)."),
      202: checkoutStarted,
    },
  },
  {
    auth: "required",
    errors: {
      ...PURCHASE_ERRORS,
      400: [PURCHASE_ERRORS[400], "`invalid_request`: the creator offers no bundle of that length."],
      404: "`not_found`: no such creator.",
      409: [
        PURCHASE_ERRORS[409],
        "`already_subscribed`: a live subscription exists.",
        "`promotion_unavailable`: the promotion is used up, expired, deleted, another creator's, not for this fan, or already used; nothing was charged.",
      ],
      451: GEO_BLOCKED,
    },
  },
);

const list = apiRoute(
  {
    method: "get",
    path: "/",
    tags,
    operationId: "listSubscriptions",
    summary: "The fan's subscriptions",
    request: { query: pageQuery },
    responses: { 200: json(subscriptionPageSchema, "A page of subscriptions.") },
  },
  { auth: "required", errors: { 400: "`bad_cursor`: the cursor is not one this API gave out." } },
);

const cancel = apiRoute(
  {
    method: "delete",
    path: "/{id}",
    tags,
    operationId: "cancelSubscription",
    summary: "Stop renewing; access lasts until the period ends",
    request: { params: idParam },
    responses: { 200: json(subscriptionEnvelope, "The subscription, no longer renewing.") },
  },
  {
    auth: "required",
    errors: {
      404: "`not_found`: no such subscription of this fan.",
      503: "`provider_error`: the payment provider did not cancel the card subscription.",
    },
  },
);

export function subscriptionsRoutes({ subscriptions: subs }: { subscriptions: SubscriptionsService }) {
  return apiApp()
    .openapi(subscribe, async (c) =>
      respond(
        c,
        await subs.subscribe(requireViewer(c).user.id, c.req.valid("json"), c.get("country")),
        "subscription",
        201,
      ),
    )
    .openapi(list, async (c) => {
      const q = c.req.valid("query");
      return c.json(await subs.list(requireViewer(c).user.id, decodeCursor(q.cursor), q.limit), 200);
    })
    .openapi(cancel, async (c) =>
      c.json(
        {
          subscription: await subs.cancel(requireViewer(c).user.id, c.req.valid("param").id),
        },
        200,
      ),
    );
}
