// Provider webhooks: verify, check the event has the shape its handler relies on, record the event id (a
// replay is a no-op), and dispatch to the one handler for its type, all inside one transaction so that
// recording and effect happen together or not at all.
import type { AppContext } from "../../context.ts";
import { fieldErrors, Forbidden, Invalid } from "../../lib/errors.ts";
import { ROW_LOCKED } from "../../db/tx.ts";
import { paymentsRepo } from "./repo.ts";
import { paymentProviders } from "./providers/index.ts";
import {
  MalformedEventError,
  WebhookSenderError,
  WebhookSignatureError,
  type ProviderEvent,
  type WebhookRequest,
} from "./providers/types.ts";
import type { WebhookDeps, WebhookHandler } from "./providers/webhook-handler.ts";
import type { PaymentsService } from "./service.ts";

export function createWebhooksService(
  ctx: AppContext,
  deps: { payments: WebhookDeps["payments"] & Pick<PaymentsService, "provider"> },
) {
  const { payments } = deps;

  /** One idempotent handler per event type, per provider (the provider table declares them). */
  const handlers: Record<string, Record<string, WebhookHandler>> = Object.fromEntries(
    Object.entries(paymentProviders).map(([name, p]) => [
      name,
      p.webhookHandlers?.({ logger: ctx.logger, payments }) ?? {},
    ]),
  );

  return {
    async receive(rawBody: string, headers: Record<string, string | undefined>, request: WebhookRequest) {
      const provider = payments.provider();
      let event: ProviderEvent;
      try {
        event = await provider.parseWebhook(rawBody, headers, request);
      } catch (err) {
        if (err instanceof WebhookSenderError) {
          ctx.logger.warn("webhook refused: not from the provider", {
            provider: provider.name,
            clientIp: request.clientIp,
          });
          throw new Forbidden(`Webhook rejected: ${err.message}`, "forbidden_sender");
        }
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
      // Row-locked: each handler locks the person whose money it moves (db/tx.ts ROW_LOCKED).
      return ctx.db.write(async (tx) => {
        if (!(await paymentsRepo.recordEvent(tx, provider.name, event.id, event.type, ctx.clock.now()))) {
          return { received: true, duplicate: true };
        }
        if (handler && parsed) await handler.handle(tx, event, parsed.data);
        else ctx.logger.info("webhook event ignored", { provider: provider.name, type: event.type });
        return { received: true, duplicate: false };
      }, ROW_LOCKED);
    },
  };
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;
