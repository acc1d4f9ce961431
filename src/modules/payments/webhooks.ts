// Provider webhooks: verify, record the event id (a replay is a no-op), and dispatch to the one handler
// for its type, all inside one transaction so that recording and effect happen together or not at all.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { Invalid } from "../../http/errors.ts";
import { paymentsRepo } from "./repo.ts";
import { stripeHandlers } from "./stripe-handlers.ts";
import { WebhookSignatureError, type ProviderEvent } from "./providers/types.ts";

export type WebhookHandler = (tx: DrizzleDb, event: ProviderEvent) => void;

export function createWebhooksService(ctx: AppContext) {
  const payments = () => ctx.services.payments;

  /** One idempotent handler per event type, per provider. */
  const handlers: Record<string, Record<string, WebhookHandler>> = {
    sandbox: {
      "checkout.completed": (tx, e) =>
        payments().completeCheckoutTx(
          tx,
          String(e.data.checkoutId),
          e.data.providerRef ? String(e.data.providerRef) : null,
        ),
    },
    stripe: stripeHandlers(ctx),
  };

  return {
    /** Registers the handler table of a provider (the Stripe module adds its own). */
    register(provider: string, table: Record<string, WebhookHandler>): void {
      handlers[provider] = { ...handlers[provider], ...table };
    },

    async receive(rawBody: string, headers: Record<string, string | undefined>) {
      const provider = payments().provider();
      let event: ProviderEvent;
      try {
        event = await provider.parseWebhook(rawBody, headers);
      } catch (err) {
        if (err instanceof WebhookSignatureError) {
          throw new Invalid(`Webhook rejected: ${err.message}`, undefined, "bad_signature");
        }
        throw err;
      }
      const handler = handlers[provider.name]?.[event.type];
      return ctx.db.write((tx) => {
        if (!paymentsRepo.recordEvent(tx, provider.name, event.id, event.type, ctx.clock.now())) {
          return { received: true, duplicate: true };
        }
        if (handler) handler(tx, event);
        else ctx.logger.info("webhook event ignored", { provider: provider.name, type: event.type });
        return { received: true, duplicate: false };
      });
    },
  };
}
