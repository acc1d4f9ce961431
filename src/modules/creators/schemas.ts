import { z } from "zod";
import { CURRENCIES } from "../../lib/money.ts";
import { displayName } from "../users/schemas.ts";
import { visibleText } from "../../lib/text.ts";
import { pageQuery } from "../../http/pagination.ts";

export const creatorBody = z.object({
  displayName: displayName.optional(),
  bio: visibleText({ max: 1000, min: 0, multiline: true }).optional(),
  priceCents: z.number().int().min(0).max(100_000),
  currency: z.enum(CURRENCIES).optional(),
  bundles: z
    .array(
      z.object({
        months: z.union([z.literal(3), z.literal(6), z.literal(12)]),
        discountPercent: z.number().int().min(0).max(90),
      }),
    )
    .max(3)
    .refine((b) => new Set(b.map((x) => x.months)).size === b.length, "Each bundle length may appear once.")
    .optional(),
  trialDays: z.number().int().min(0).max(90).optional(),
});

/** A creator's posts; `only=media` keeps those that carry photos or videos (the Media tab). */
export const creatorPostsQuery = pageQuery.extend({ only: z.enum(["media"]).optional() });

export const creatorListQuery = pageQuery.extend({ query: z.string().trim().max(100).optional() });
