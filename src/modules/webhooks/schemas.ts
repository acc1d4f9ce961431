import { z } from "zod";
import { epochMs, idField, orNull } from "../../lib/fields.ts";
import { pageOf, pageQuery } from "../../lib/cursor.ts";
import { WEBHOOK_EVENT_TYPES } from "./events.ts";

export const webhookEventSchema = z.enum(WEBHOOK_EVENT_TYPES).meta({ id: "WebhookEventType" });

export const webhookBody = z.strictObject({
  url: z.string().trim().min(1).max(2000),
  events: z.array(webhookEventSchema).min(1).max(WEBHOOK_EVENT_TYPES.length),
});

export const webhookSchema = z
  .strictObject({
    id: idField,
    url: z.string(),
    events: z.array(z.string()),
    audience: z
      .enum(["creator", "site"])
      .meta({ description: "`creator`: the owner's own events; `site`: every event of the site (admins)." }),
    status: z.enum(["active", "disabled"]),
    failuresInRow: z.number().int().meta({ description: "Failed attempts since the last delivered one." }),
    disabledAt: orNull(epochMs),
    createdAt: epochMs,
  })
  .meta({ id: "Webhook" });

export const createdWebhookEnvelope = z.strictObject({
  webhook: webhookSchema
    .extend({
      secret: z.string().meta({
        description: "The signing secret (`whsec_…`): shown this once. Verify `Fanz-Signature` with it.",
      }),
    })
    .meta({ id: "CreatedWebhook" }),
});
export const webhookEnvelope = z.strictObject({ webhook: webhookSchema });
export const webhooksSchema = z.strictObject({ items: z.array(webhookSchema) });

export const deliverySchema = z
  .strictObject({
    id: idField,
    eventId: z.string().meta({ description: "The `id` of the body sent; the same on every retry." }),
    type: z.string(),
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.number().int(),
    nextAttemptAt: orNull(epochMs),
    responseStatus: orNull(z.number().int()),
    responseBody: orNull(z.string()).meta({ description: "The first bytes of the receiver's answer." }),
    error: orNull(z.string()),
    durationMs: orNull(z.number().int()),
    createdAt: epochMs,
    updatedAt: epochMs,
  })
  .meta({ id: "WebhookDelivery" });

export const deliveryEnvelope = z.strictObject({ delivery: deliverySchema });
export const deliveryPageSchema = pageOf(deliverySchema, "WebhookDeliveryPage");
export const deliveriesQuery = pageQuery;
