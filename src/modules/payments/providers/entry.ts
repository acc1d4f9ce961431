// What one payment provider is to the app: how it is built from the config, the webhook events it
// handles, and which of its [payments] keys are secrets. Each provider's folder exports one.
import type { Config } from "../../../config/schema.ts";
import type { PaymentProvider } from "./types.ts";
import type { WebhookDeps, WebhookHandler } from "./webhook-handler.ts";

/** What a provider may take from the running app besides its config. */
export interface ProviderDeps {
  now: () => number;
  /** A secret the site generates and keeps (site settings), under `name`. */
  generatedSecret: (name: string) => Promise<string>;
  /** The site's public URL (config/load.ts's publicUrl, passed in: config/ imports this table). */
  publicUrl: () => string;
}

export interface ProviderEntry {
  /** Builds the provider; throws (Unavailable, provider_misconfigured) when its config is incomplete. */
  create(config: Config, deps: ProviderDeps): PaymentProvider;
  /** Its webhook handlers, by event type. */
  webhookHandlers?: (deps: WebhookDeps) => Record<string, WebhookHandler>;
  /** Its [payments] keys whose values are secrets (never printed by `fanzctl config show`). */
  secretKeys: readonly (keyof Config["payments"])[];
}
