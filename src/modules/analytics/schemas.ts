// Creator analytics: what GET /analytics accepts and answers.
import { z } from "zod";
import { cents, currencyCode, epochMs, idField } from "../../lib/fields.ts";

export const analyticsQuery = z.object({
  days: z.coerce
    .number()
    .int()
    .min(7)
    .max(365)
    .default(30)
    .meta({ description: "How many UTC days back, today included (7 to 365)." }),
});

const day = z.string().meta({ description: "A UTC day, `YYYY-MM-DD`." });
const kinds = {
  subscription: cents,
  renewal: cents,
  ppv: cents,
  message: cents,
  tip: cents,
  ticket: cents,
};
const byType = z.strictObject(kinds).meta({
  id: "EarningsByType",
  description: "Net earnings (after the site's fee, refunds and chargebacks).",
});

export const analyticsSchema = z
  .strictObject({
    days: z.number().int(),
    from: day.meta({ description: "The first UTC day of the range." }),
    to: day.meta({ description: "The last UTC day (today)." }),
    currency: currencyCode,
    subscribers: z.strictObject({
      active: z.number().int().meta({ description: "With access now." }),
      new: z.number().int().meta({ description: "First subscribed in the range." }),
      churned: z.number().int().meta({ description: "Whose access ended in the range." }),
      series: z.array(
        z.strictObject({
          day,
          active: z
            .number()
            .int()
            .meta({ description: "With access at the end of the day (now, for today)." }),
          new: z.number().int(),
          churned: z.number().int(),
        }),
      ),
    }),
    earnings: z.strictObject({
      totalCents: cents,
      byType,
      series: z.array(z.strictObject({ day, ...kinds, totalCents: cents }).meta({ id: "EarningsDay" })),
    }),
    topPosts: z.array(
      z
        .strictObject({
          id: idField,
          text: z.string().meta({ description: "The start of the post's text." }),
          visibility: z.enum(["public", "subscribers", "ppv"]),
          publishedAt: epochMs,
          earningsCents: cents.meta({ description: "Unlocks and tips on it in the range, net." }),
          likes: z.number().int().meta({ description: "Likes in the range." }),
          comments: z.number().int().meta({ description: "Comments in the range." }),
        })
        .meta({ id: "TopPost" }),
    ),
    messages: z.strictObject({
      ppvSent: z.number().int().meta({ description: "Pay-per-view messages sent (each mass copy counts)." }),
      ppvBought: z.number().int().meta({ description: "Pay-per-view messages bought." }),
    }),
  })
  .meta({
    id: "CreatorAnalytics",
    description:
      "A creator's numbers over the last `days` UTC days (days run from 00:00 UTC); earnings from the ledger.",
  });
