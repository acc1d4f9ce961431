import { Hono } from "hono";
import { z } from "zod";
import type { AppContext } from "../../context.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import { decodeCursor, pageQuery } from "../../http/pagination.ts";
import type { AppEnv } from "../../http/types.ts";
import { validate } from "../../http/validate.ts";

const payoutBody = z.object({ amountCents: z.number().int().min(1).max(100_000_000) });

export function payoutsRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .post("/", validate("json", payoutBody), async (c) =>
      c.json(
        {
          payout: await ctx.services.payouts.request(
            requireViewer(c).user.id,
            c.req.valid("json").amountCents,
          ),
        },
        201,
      ),
    )
    .get("/", validate("query", pageQuery), (c) => {
      const q = c.req.valid("query");
      return c.json(ctx.services.payouts.mine(requireViewer(c).user.id, decodeCursor(q.cursor), q.limit));
    });
}
