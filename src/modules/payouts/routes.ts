import { Hono } from "hono";
import { z } from "zod";
import type { PayoutsService } from "./service.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import { decodeCursor, pageQuery } from "../../lib/cursor.ts";
import type { AppEnv } from "../../http/types.ts";
import { validate } from "../../http/validate.ts";

const payoutBody = z.object({ amountCents: z.number().int().min(1).max(100_000_000) });

// Only the shape here; which fields a kind needs and whether they are valid is the service's rule.
const methodBody = z.object({
  kind: z.enum(["paypal", "bank"]),
  email: z.string().max(320).optional(),
  accountHolder: z.string().max(200).optional(),
  iban: z.string().max(64).optional(),
  accountNumber: z.string().max(40).optional(),
  routingNumber: z.string().max(40).optional(),
});

export function payoutsRoutes({ payouts }: { payouts: PayoutsService }) {
  return new Hono<AppEnv>()
    .post("/", validate("json", payoutBody), async (c) =>
      c.json(
        { payout: await payouts.request(requireViewer(c).user.id, c.req.valid("json").amountCents) },
        201,
      ),
    )
    .get("/", validate("query", pageQuery), (c) => {
      const q = c.req.valid("query");
      return c.json(payouts.mine(requireViewer(c).user.id, decodeCursor(q.cursor), q.limit));
    })
    .get("/method", (c) => c.json({ method: payouts.method(requireViewer(c).user.id) }))
    .put("/method", validate("json", methodBody), async (c) =>
      c.json({ method: await payouts.setMethod(requireViewer(c).user.id, c.req.valid("json")) }),
    )
    .delete("/method", async (c) => {
      await payouts.removeMethod(requireViewer(c).user.id);
      return c.body(null, 204);
    });
}
