// The sandbox provider's one event: its checkout page reports a paid checkout.
import { z } from "zod";
import type { AppContext } from "../../context.ts";
import { onEvent, type WebhookHandler } from "./webhook-handler.ts";

const sandboxCheckoutCompleted = z.object({
  checkoutId: z.string().min(1).max(100),
  providerRef: z.string().min(1).max(200).nullish(),
});

export function sandboxHandlers(ctx: AppContext): Record<string, WebhookHandler> {
  return {
    "checkout.completed": onEvent(sandboxCheckoutCompleted, (tx, _e, data) =>
      ctx.services.payments.completeCheckoutTx(tx, data.checkoutId, data.providerRef ?? null),
    ),
  };
}
