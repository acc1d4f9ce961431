// Outgoing webhooks: register, list, delete, turn back on, the delivery log, and a test event. A
// signed-in person only: a key cannot create webhooks (they carry the site's events to any URL).
import type { OutgoingWebhooksService } from "./service.ts";
import { requireSession } from "../../http/middleware/api-key.ts";
import { apiApp, apiRoute, json, jsonBody } from "../../http/openapi.ts";
import { idParam } from "../../http/validate.ts";
import { decodeCursor } from "../../lib/cursor.ts";
import {
  createdWebhookEnvelope,
  deliveriesQuery,
  deliveryEnvelope,
  deliveryPageSchema,
  webhookBody,
  webhookEnvelope,
  webhooksSchema,
} from "./schemas.ts";

const tags = ["outgoing-webhooks"];
const NOT_FOUND = "No such webhook of yours.";

const create = apiRoute(
  {
    method: "post",
    path: "/",
    tags,
    operationId: "createWebhook",
    summary: "Register a URL for events (creators: their own; admins: the site's); the secret is shown once",
    request: { body: jsonBody(webhookBody) },
    responses: { 201: json(createdWebhookEnvelope, "The webhook and its signing secret.") },
  },
  {
    auth: "required",
    errors: {
      400: [
        "`address_not_allowed`: the host is or resolves to a private, loopback, link-local or other non-public address.",
        "`unresolvable_host`: the host does not resolve.",
      ],
      403: ["`not_a_creator`: only creators and admins have webhooks."],
      409: "`too_many_webhooks`: the person has the most webhooks allowed (`[webhooks] max_per_owner`).",
    },
  },
);

const list = apiRoute(
  {
    method: "get",
    path: "/",
    tags,
    operationId: "listWebhooks",
    summary: "The caller's webhooks (no secrets)",
    responses: { 200: json(webhooksSchema, "Newest first.") },
  },
  { auth: "required", errors: {} },
);

const remove = apiRoute(
  {
    method: "delete",
    path: "/{id}",
    tags,
    operationId: "deleteWebhook",
    summary: "Delete a webhook and its delivery log",
    request: { params: idParam },
    responses: { 204: { description: "Deleted." } },
  },
  { auth: "required", errors: { 404: NOT_FOUND } },
);

const enable = apiRoute(
  {
    method: "post",
    path: "/{id}/enable",
    tags,
    operationId: "enableWebhook",
    summary: "Turn a webhook that was disabled after failures back on",
    request: { params: idParam },
    responses: { 200: json(webhookEnvelope, "The webhook, active.") },
  },
  { auth: "required", errors: { 404: NOT_FOUND } },
);

const sendTest = apiRoute(
  {
    method: "post",
    path: "/{id}/test",
    tags,
    operationId: "sendWebhookTest",
    summary: "Send a `webhook.test` event to this webhook now",
    request: { params: idParam },
    responses: { 202: json(deliveryEnvelope, "Queued; its outcome appears in the delivery log.") },
  },
  {
    auth: "required",
    errors: { 404: NOT_FOUND, 409: "`webhook_disabled`: turn the webhook on again first." },
  },
);

const deliveries = apiRoute(
  {
    method: "get",
    path: "/{id}/deliveries",
    tags,
    operationId: "listWebhookDeliveries",
    summary: "The webhook's delivery log: each event, its attempts and the receiver's last answer",
    request: { params: idParam, query: deliveriesQuery },
    responses: { 200: json(deliveryPageSchema, "Newest first.") },
  },
  {
    auth: "required",
    errors: { 400: "`bad_cursor`: the cursor is not one this API gave out.", 404: NOT_FOUND },
  },
);

export function outgoingWebhooksRoutes({
  outgoingWebhooks: hooks,
}: {
  outgoingWebhooks: OutgoingWebhooksService;
}) {
  return apiApp()
    .openapi(create, async (c) =>
      c.json({ webhook: await hooks.create(requireSession(c).user.id, c.req.valid("json")) }, 201),
    )
    .openapi(list, async (c) => c.json({ items: await hooks.list(requireSession(c).user.id) }, 200))
    .openapi(remove, async (c) => {
      await hooks.remove(requireSession(c).user.id, c.req.valid("param").id);
      return c.body(null, 204);
    })
    .openapi(enable, async (c) =>
      c.json({ webhook: await hooks.enable(requireSession(c).user.id, c.req.valid("param").id) }, 200),
    )
    .openapi(sendTest, async (c) =>
      c.json({ delivery: await hooks.sendTest(requireSession(c).user.id, c.req.valid("param").id) }, 202),
    )
    .openapi(deliveries, async (c) => {
      const q = c.req.valid("query");
      const id = c.req.valid("param").id;
      return c.json(
        await hooks.deliveries(requireSession(c).user.id, id, decodeCursor(q.cursor), q.limit),
        200,
      );
    });
}
