import { z } from "zod";
import { pageOf } from "../../lib/cursor.ts";
import { cents, currencyCode, epochMs, idField, intIn } from "../../lib/fields.ts";
import { payWith } from "../payments/schemas.ts";
import { publicUserSchema } from "../users/schemas.ts";

export const subscribeBody = z
  .object({
    creator: z.string().trim().min(1).max(30).meta({ description: "The creator's username." }),
    months: z
      .union([z.literal(1), z.literal(3), z.literal(6), z.literal(12)])
      .meta({ id: "SubscriptionMonths" })
      .optional(),
    payWith: payWith.default("wallet"),
    promotion: z
      .string()
      .trim()
      .min(4)
      .max(32)
      .optional()
      .meta({ description: "A promotion code: a discount on the first period, or a free trial." }),
  })
  .meta({ id: "SubscribeInput" });

// What the subscription routes answer (the OpenAPI contract; see src/http/openapi.ts).

export const subscriptionSchema = z
  .strictObject({
    id: idField,
    creator: publicUserSchema,
    status: z
      .enum(["active", "expired", "canceled"])
      .meta({ description: "`canceled`: still running until currentPeriodEnd, without renewal." }),
    currentPeriodEnd: epochMs,
    autoRenew: z.boolean(),
    months: intIn([1, 3, 6, 12]),
    priceCents: cents,
    currency: currencyCode,
    createdAt: epochMs,
  })
  .meta({ id: "Subscription" });

export const subscriptionEnvelope = z.strictObject({ subscription: subscriptionSchema });
export const subscriptionPageSchema = pageOf(subscriptionSchema, "SubscriptionPage");
