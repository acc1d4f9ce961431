// The admin console's API: payouts, refunds, site settings and the job queue. Every route needs an admin.
import { Hono } from "hono";
import type { AdminService } from "./service.ts";
import { decodeCursor } from "../../lib/cursor.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import type { AppEnv } from "../../http/types.ts";
import { idParam, validate } from "../../http/validate.ts";
import {
  jobsQuery,
  markPaidBody,
  payoutQuery,
  refundBody,
  rejectBody,
  settingsBody,
  transactionsQuery,
} from "./schemas.ts";

export function adminRoutes({ admin }: { admin: AdminService }) {
  return new Hono<AppEnv>()
    .use("*", async (c, next) => {
      admin.authorize(requireViewer(c));
      await next();
    })
    .get("/settings", (c) => c.json({ settings: admin.settings() }))
    .put("/settings", validate("json", settingsBody), async (c) =>
      c.json({ settings: await admin.updateSettings(c.req.valid("json")) }),
    )
    .get("/payouts", validate("query", payoutQuery), (c) => {
      const q = c.req.valid("query");
      return c.json(admin.payouts(q.status ?? null, decodeCursor(q.cursor), q.limit));
    })
    .post("/payouts/:id/approve", validate("param", idParam), async (c) =>
      c.json({ payout: await admin.approvePayout(c.req.valid("param").id) }),
    )
    .post("/payouts/:id/reject", validate("param", idParam), validate("json", rejectBody), async (c) =>
      c.json({ payout: await admin.rejectPayout(c.req.valid("param").id, c.req.valid("json")?.note) }),
    )
    .post("/payouts/:id/mark-paid", validate("param", idParam), validate("json", markPaidBody), async (c) =>
      c.json({ payout: await admin.markPayoutPaid(c.req.valid("param").id, c.req.valid("json").reference) }),
    )
    .get("/jobs", validate("query", jobsQuery), (c) => {
      const q = c.req.valid("query");
      return c.json(admin.jobs(q.status ?? null, decodeCursor(q.cursor), q.limit));
    })
    .get("/transactions", validate("query", transactionsQuery), (c) => {
      const q = c.req.valid("query");
      return c.json(admin.transactions(decodeCursor(q.cursor), q.limit));
    })
    .post("/transactions/:id/refund", validate("param", idParam), validate("json", refundBody), async (c) =>
      c.json({ transaction: await admin.refund(c.req.valid("param").id, c.req.valid("json")?.amountCents) }),
    );
}
