// The shape of a provider's webhook handlers, apart from webhooks.ts so that providers can declare theirs
// in the provider table (providers/index.ts) without importing the dispatcher.
import type { z } from "zod";
import type { DrizzleDb } from "../../../db/client.ts";
import { Unavailable } from "../../../lib/errors.ts";
import type { Logger } from "../../../lib/logger.ts";
import type { PaymentsService } from "../service.ts";
import type { ProviderEvent } from "./types.ts";

/** What a provider's webhook handlers may use: the payments service's idempotent *Tx steps. */
export interface WebhookDeps {
  logger: Logger;
  payments: Pick<
    PaymentsService,
    | "completeCheckoutTx"
    | "providerRenewalTx"
    | "providerRenewalFailedTx"
    | "providerSubscriptionEndedTx"
    | "reverseByProviderRefTx"
    | "restoreChargebacksByProviderRefTx"
  >;
}

/** One event type's handler: the shape of `event.data` it relies on, and what it does with it. */
export interface WebhookHandler {
  data: z.ZodType;
  /** Called only with `data` as parsed by the schema above. */
  handle(tx: DrizzleDb, event: ProviderEvent, data: unknown): Promise<void>;
}

/** A handler whose data is typed by its schema. */
export function onEvent<T>(
  data: z.ZodType<T>,
  handle: (tx: DrizzleDb, event: ProviderEvent, data: T) => Promise<void>,
): WebhookHandler {
  return { data, handle: (tx, event, parsed) => handle(tx, event, parsed as T) };
}

/** The event refers to something not recorded yet: 503, so that the provider delivers it again later. */
export class RetryLater extends Unavailable {
  constructor(message: string) {
    super(message, "retry_later");
  }
}
