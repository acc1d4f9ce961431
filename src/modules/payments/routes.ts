import { Hono, type Context } from "hono";
import type { CreatorsService } from "../creators/service.ts";
import type { PostsService } from "../posts/service.ts";
import type { PayoutsService } from "../payouts/service.ts";
import type { TipsService } from "../tips/service.ts";
import type { PaymentsService } from "./service.ts";
import type { WebhooksService } from "./webhooks.ts";
import { Forbidden, NotFound } from "../../lib/errors.ts";
import { requireEntitlementViewer, requireViewer } from "../../http/middleware/session.ts";
import { decodeCursor, pageQuery } from "../../lib/cursor.ts";
import type { AppEnv } from "../../http/types.ts";
import { idParam, validate } from "../../http/validate.ts";
import type { Outcome } from "./service.ts";
import { tipBody, topupBody, unlockBody } from "./schemas.ts";

/** 201/200 with the resource when paid now, 202 with the checkout when the fan continues at the provider. */
export function respond<T>(c: Context, outcome: Outcome<T>, name: string, status: 200 | 201 = 201) {
  if ("checkout" in outcome) return c.json(outcome.checkout, 202);
  return c.json({ [name]: outcome.done }, status);
}

export function paymentsRoutes(deps: {
  payments: PaymentsService;
  webhooks: WebhooksService;
  creators: CreatorsService;
  posts: PostsService;
  tips: TipsService;
  payouts: PayoutsService;
}) {
  const pay = deps.payments;
  return new Hono<AppEnv>()
    .get("/wallet", validate("query", pageQuery), (c) => {
      const q = c.req.valid("query");
      return c.json(pay.wallet(requireViewer(c).user.id, decodeCursor(q.cursor), q.limit));
    })
    .post("/wallet/topups", validate("json", topupBody), async (c) =>
      respond(c, await pay.topup(requireViewer(c).user.id, c.req.valid("json").amountCents), "wallet"),
    )
    .post("/posts/:id/unlock", validate("param", idParam), validate("json", unlockBody), async (c) =>
      respond(
        c,
        await deps.posts.unlock(
          requireEntitlementViewer(c),
          c.req.valid("param").id,
          c.req.valid("json").payWith,
        ),
        "post",
        200,
      ),
    )
    .post("/tips", validate("json", tipBody), async (c) =>
      respond(c, await deps.tips.tip(requireViewer(c).user.id, c.req.valid("json")), "tip"),
    )
    .get("/earnings", (c) => c.json(pay.earnings(requireCreator(deps.creators, c))))
    .get("/earnings/statement.csv", (c) => {
      const csv = deps.payouts.statementCsv(requireCreator(deps.creators, c));
      c.header("Content-Disposition", 'attachment; filename="fanz-statement.csv"');
      return c.body(csv, 200, { "Content-Type": "text/csv; charset=utf-8" });
    })
    .get("/sandbox/checkouts/:id", validate("param", idParam), (c) =>
      c.json({ checkout: pay.checkout(c.req.valid("param").id) }),
    )
    .post("/webhooks/:provider", async (c) => {
      const provider = c.req.param("provider");
      if (provider !== pay.provider().name) throw new NotFound("Webhook endpoint");
      const result = await deps.webhooks.receive(await c.req.text(), c.req.header());
      return c.json(result);
    });
}

/** The caller's id if they are a creator; 403 otherwise. */
function requireCreator(creators: CreatorsService, c: Context<AppEnv>): string {
  const v = requireViewer(c);
  if (!creators.isCreator(v.user.id)) {
    throw new Forbidden("Only creators have earnings.", "not_a_creator");
  }
  return v.user.id;
}
