// The sandbox provider's one event: its checkout page reports a paid checkout.
import { z } from "zod";
import { onEvent, type WebhookDeps, type WebhookHandler } from "../webhook-handler.ts";

const sandboxCheckoutCompleted = z.object({
  checkoutId: z.string().min(1).max(100),
  providerRef: z.string().min(1).max(200).nullish(),
});

export function sandboxHandlers({ payments }: WebhookDeps): Record<string, WebhookHandler> {
  return {
    "checkout.completed": onEvent(sandboxCheckoutCompleted, (tx, _e, data) =>
      payments.completeCheckoutTx(tx, data.checkoutId, data.providerRef ?? null),
    ),
  };
}
