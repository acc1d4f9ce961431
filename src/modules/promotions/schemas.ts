import { z } from "zod";
import { pageOf } from "../../lib/cursor.ts";
import { epochMs, idField, orNull } from "../../lib/fields.ts";
import { publicUserSchema } from "../users/schemas.ts";
import { PROMOTION_AUDIENCES, PROMOTION_KINDS } from "./tables.ts";

export const promotionBody = z
  .object({
    kind: z.enum(PROMOTION_KINDS),
    percentOff: z
      .number()
      .int()
      .min(1)
      .max(99)
      .optional()
      .meta({ description: "Discounts: percent off the first period." }),
    trialDays: z.number().int().min(1).max(90).optional().meta({ description: "Trials: days free." }),
    maxUses: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .optional()
      .meta({ description: "Unlimited when left out." }),
    expiresAt: epochMs.optional(),
    audience: z.enum(PROMOTION_AUDIENCES).default("all").meta({
      description: "`new`: never subscribed to the creator; `expired`: had a subscription that ended.",
    }),
    public: z
      .boolean()
      .default(false)
      .meta({ description: "Also shown on the creator page to every visitor." }),
  })
  .meta({ id: "PromotionInput" });

export const promotionSchema = z
  .strictObject({
    id: idField,
    code: z.string(),
    url: z.string().meta({ description: "The link that opens the creator page with the offer." }),
    kind: z.enum(PROMOTION_KINDS),
    percentOff: orNull(z.number().int()),
    trialDays: orNull(z.number().int()),
    uses: z.number().int(),
    maxUses: orNull(z.number().int()),
    expiresAt: orNull(epochMs),
    audience: z.enum(PROMOTION_AUDIENCES),
    public: z.boolean(),
    available: z.boolean().meta({ description: "Not expired and not used up." }),
    createdAt: epochMs,
    creator: publicUserSchema,
  })
  .meta({ id: "Promotion" });

export const promotionEnvelope = z.strictObject({ promotion: promotionSchema });
export const offerEnvelope = z.strictObject({ promotion: orNull(promotionSchema) });
export const promotionPageSchema = pageOf(promotionSchema, "PromotionPage");
export const codeParam = z.object({ code: z.string().trim().min(4).max(32) });
