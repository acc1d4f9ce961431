// The admin console's API: payouts, refunds, site settings and the job queue. Every route needs an admin.
import { Hono } from "hono";
import { z } from "zod";
import { visibleText } from "../../lib/text.ts";
import type { AppContext } from "../../context.ts";
import { Forbidden } from "../../lib/errors.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import { decodeCursor, pageQuery } from "../../lib/cursor.ts";
import type { AppEnv } from "../../http/types.ts";
import { idParam, validate } from "../../http/validate.ts";
import { JOB_STATUSES } from "../../jobs/tables.ts";

const settingsBody = z
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

const payoutQuery = pageQuery.extend({
  status: z.enum(["requested", "approved", "rejected", "paid"]).optional(),
});
const jobsQuery = pageQuery.extend({ status: z.enum(JOB_STATUSES).optional() });
const rejectBody = z.object({ note: z.string().trim().max(500).optional() }).optional();
const markPaidBody = z.object({
  reference: z
    .string("The transfer's reference is required.")
    .trim()
    .min(1, "The transfer's reference is required.")
    .max(100, "At most 100 characters.")
    .regex(/^\P{Cc}*$/u, "One line, no control characters."),
});
/** Without an amount the whole payment is refunded; a top-up may be refunded in part. */
const refundBody = z.object({ amountCents: z.number().int().min(1).max(100_000_000).optional() }).optional();

export function adminRoutes(ctx: AppContext) {
  const s = ctx.services;
  return new Hono<AppEnv>()
    .use("*", async (c, next) => {
      if (requireViewer(c).user.role !== "admin")
        throw new Forbidden("Only site admins can do this.", "admin_only");
      await next();
    })
    .get("/settings", (c) => c.json({ settings: s.site.adminSettings() }))
    .put("/settings", validate("json", settingsBody), async (c) =>
      c.json({ settings: await s.site.updateSettings(c.req.valid("json")) }),
    )
    .get("/payouts", validate("query", payoutQuery), (c) => {
      const q = c.req.valid("query");
      return c.json(s.payouts.list(q.status ?? null, decodeCursor(q.cursor), q.limit));
    })
    .post("/payouts/:id/approve", validate("param", idParam), async (c) =>
      c.json({ payout: await s.payouts.approve(c.req.valid("param").id) }),
    )
    .post("/payouts/:id/reject", validate("param", idParam), validate("json", rejectBody), async (c) =>
      c.json({ payout: await s.payouts.reject(c.req.valid("param").id, c.req.valid("json")?.note) }),
    )
    .post("/payouts/:id/mark-paid", validate("param", idParam), validate("json", markPaidBody), async (c) =>
      c.json({ payout: await s.payouts.markPaid(c.req.valid("param").id, c.req.valid("json").reference) }),
    )
    .get("/jobs", validate("query", jobsQuery), (c) => {
      const q = c.req.valid("query");
      return c.json(s.jobs.list(q.status ?? null, decodeCursor(q.cursor), q.limit));
    })
    .get("/transactions", validate("query", pageQuery), (c) => {
      const q = c.req.valid("query");
      return c.json(s.payments.allTransactions(decodeCursor(q.cursor), q.limit));
    })
    .post("/transactions/:id/refund", validate("param", idParam), validate("json", refundBody), async (c) =>
      c.json({
        transaction: await s.payments.refund(c.req.valid("param").id, c.req.valid("json")?.amountCents),
      }),
    );
}
