// Provider webhooks: verify, check the event has the shape its handler relies on, record the event id (a
// replay is a no-op), and dispatch to the one handler for its type, all inside one transaction so that
// recording and effect happen together or not at all.
import { z } from "zod";
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { fieldErrors, Invalid } from "../../lib/errors.ts";
import { paymentsRepo } from "./repo.ts";
import { stripeHandlers } from "./stripe-handlers.ts";
import { MalformedEventError, WebhookSignatureError, type ProviderEvent } from "./providers/types.ts";

/** One event type's handler: the shape of `event.data` it relies on, and what it does with it. */
export interface WebhookHandler {
  data: z.ZodType;
  /** Called only with `data` as parsed by the schema above. */
  handle(tx: DrizzleDb, event: ProviderEvent, data: unknown): void;
}

/** A handler whose data is typed by its schema. */
export function onEvent<T>(
  data: z.ZodType<T>,
  handle: (tx: DrizzleDb, event: ProviderEvent, data: T) => void,
): WebhookHandler {
  return { data, handle: (tx, event, parsed) => handle(tx, event, parsed as T) };
}

const sandboxCheckoutCompleted = z.object({
  checkoutId: z.string().min(1).max(100),
  providerRef: z.string().min(1).max(200).nullish(),
});

export function createWebhooksService(ctx: AppContext) {
  const payments = () => ctx.services.payments;

  /** One idempotent handler per event type, per provider. */
  const handlers: Record<string, Record<string, WebhookHandler>> = {
    sandbox: {
      "checkout.completed": onEvent(sandboxCheckoutCompleted, (tx, _e, data) =>
        payments().completeCheckoutTx(tx, data.checkoutId, data.providerRef ?? null),
      ),
    },
    stripe: stripeHandlers(ctx),
  };

  return {
    async receive(rawBody: string, headers: Record<string, string | undefined>) {
      const provider = payments().provider();
      let event: ProviderEvent;
      try {
        event = await provider.parseWebhook(rawBody, headers);
      } catch (err) {
        if (err instanceof WebhookSignatureError) {
          throw new Invalid(`Webhook rejected: ${err.message}`, undefined, "bad_signature");
        }
        if (err instanceof MalformedEventError) {
          throw new Invalid(`Webhook event rejected: ${err.message}`, undefined, "invalid_event");
        }
        throw err;
      }
      const handler = handlers[provider.name]?.[event.type];
      // Checked before anything is recorded: a malformed event is refused whole, and stays unrecorded.
      const parsed = handler?.data.safeParse(event.data);
      if (parsed && !parsed.success) {
        throw new Invalid(
          `Webhook event ${event.id} (${event.type}) does not have the expected shape.`,
          { fields: fieldErrors(parsed.error) },
          "invalid_event",
        );
      }
      return ctx.db.write((tx) => {
        if (!paymentsRepo.recordEvent(tx, provider.name, event.id, event.type, ctx.clock.now())) {
          return { received: true, duplicate: true };
        }
        if (handler && parsed) handler.handle(tx, event, parsed.data);
        else ctx.logger.info("webhook event ignored", { provider: provider.name, type: event.type });
        return { received: true, duplicate: false };
      });
    },
  };
}
