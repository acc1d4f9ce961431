// The sandbox's hosted checkout: POST /sandbox/checkout/:id/pay with a test card. Like a real
// provider's page it knows the checkout by its unguessable id, not by the fan's session. A paid checkout
// is delivered as a signed event to /api/v1/webhooks/sandbox, the path real providers use.
import { Hono } from "hono";
import type { AppContext } from "../../../../context.ts";
import type { SiteService } from "../../../site/service.ts";
import type { PaymentsService } from "../../service.ts";
import { Forbidden, Invalid, PaymentRequired, Unavailable } from "../../../../lib/errors.ts";
import type { AppEnv } from "../../../../http/types.ts";
import { idParam, validate } from "../../../../http/validate.ts";
import { SANDBOX_SIGNATURE_HEADER, sign, TEST_CARDS } from "./provider.ts";
import { sandboxPayBody } from "../../schemas.ts";

export function sandboxRoutes(
  ctx: AppContext,
  { payments: pay, site }: { payments: PaymentsService; site: SiteService },
  deliver: (req: Request) => Response | Promise<Response>,
) {
  return new Hono<AppEnv>().post(
    "/checkout/:id/pay",
    validate("param", idParam),
    validate("json", sandboxPayBody),
    async (c) => {
      if (ctx.config.payments.provider !== "sandbox") {
        throw new Forbidden("The sandbox is off: this site takes real payments.", "sandbox_disabled");
      }
      const id = c.req.valid("param").id;
      const checkout = await pay.checkout(id);
      const card = c.req.valid("json").cardNumber.replace(/[\s-]/g, "");
      // Paying a paid checkout again changes nothing, so it delivers (and stores) nothing either.
      if (checkout.status === "paid") return c.json({ checkout });
      if (card === TEST_CARDS.declined) {
        await pay.recordCheckoutFailure(id, "card_declined");
        throw new PaymentRequired("Your card was declined. Try another card.", "card_declined");
      }
      if (card !== TEST_CARDS.success) {
        throw new Invalid(
          "Use a sandbox test card: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined.",
          {
            fields: { cardNumber: "Not a test card" },
          },
          "invalid_card",
        );
      }
      // One event id per checkout: pays racing each other, or a retry after a failed delivery, record
      // one event between them.
      const body = JSON.stringify({
        id: `evt_sbx_${id}`,
        type: "checkout.completed",
        data: { checkoutId: id, providerRef: `sbx_${id}` },
      });
      const secret = await site.generatedSecret("sandbox_webhook");
      const res = await deliver(
        new Request("http://sandbox.internal/api/v1/webhooks/sandbox", {
          method: "POST",
          headers: {
            "content-type": "application/json",
            [SANDBOX_SIGNATURE_HEADER]: sign(secret, body, ctx.clock.now()),
          },
          body,
        }),
      );
      if (!res.ok) {
        ctx.logger.error("sandbox webhook delivery failed", { status: res.status, body: await res.text() });
        throw new Unavailable(
          "The payment went through but could not be recorded. Try again.",
          "webhook_failed",
        );
      }
      return c.json({ checkout: await pay.checkout(id) });
    },
  );
}
