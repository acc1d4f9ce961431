// What the admin console's routes accept.
import { z } from "zod";
import { pageQuery } from "../../lib/cursor.ts";
import { visibleText } from "../../lib/text.ts";
import { JOB_STATUSES } from "../../jobs/tables.ts";

export const settingsBody = z
  .object({
    name: visibleText({ max: 80 }).optional(),
    platformFeePercent: z
      .number()
      .min(0)
      .max(100)
      .refine(
        (n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-9,
        "At most two decimals.",
      )
      .optional(),
    payoutMinimumCents: z.number().int().min(100).max(10_000_000).optional(),
    watermark: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, "Nothing to change.");
export type SettingsPatch = z.infer<typeof settingsBody>;

export const payoutQuery = pageQuery.extend({
  status: z.enum(["requested", "approved", "rejected", "paid"]).optional(),
});
export const jobsQuery = pageQuery.extend({ status: z.enum(JOB_STATUSES).optional() });
export const transactionsQuery = pageQuery;

export const rejectBody = z.object({ note: z.string().trim().max(500).optional() }).optional();
export const markPaidBody = z.object({
  reference: z
    .string("The transfer's reference is required.")
    .trim()
    .min(1, "The transfer's reference is required.")
    .max(100, "At most 100 characters.")
    .regex(/^\P{Cc}*$/u, "One line, no control characters."),
});
/** Without an amount the whole payment is refunded; a top-up may be refunded in part. */
export const refundBody = z
  .object({ amountCents: z.number().int().min(1).max(100_000_000).optional() })
  .optional();
