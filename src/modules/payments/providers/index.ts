// The payment providers, in one table: how each is built from the config, the webhook events it sends,
// and which of its [payments] keys are secrets. The config's `payments.provider` choices and the
// provider name type come from this table, so a new provider is its files plus one entry here.
import type { AppContext } from "../../../context.ts";
import type { Config } from "../../../config/schema.ts";
import { sandboxHandlers } from "../sandbox-handlers.ts";
import { stripeHandlers } from "../stripe-handlers.ts";
import type { WebhookHandler } from "../webhook-handler.ts";
import { createSandboxProvider } from "./sandbox.ts";
import { createStripeProvider } from "./stripe.ts";
import type { PaymentProvider } from "./types.ts";

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
  webhookHandlers?: (ctx: AppContext) => Record<string, WebhookHandler>;
  /** Its [payments] keys whose values are secrets (never printed by `fanzctl config show`). */
  secretKeys: readonly (keyof Config["payments"])[];
}

// Each entry is typed on its own: the config's type comes from this table's keys, so the table's own type
// must not depend on the config's.
const sandbox: ProviderEntry = {
  create: (config, deps) =>
    createSandboxProvider({
      secret: () => deps.generatedSecret("sandbox_webhook"),
      // Without a configured public URL the link is relative, so it stays on whatever origin the fan uses.
      baseUrl: () => (config.server.public_url ? deps.publicUrl() : ""),
      now: deps.now,
    }),
  webhookHandlers: sandboxHandlers,
  secretKeys: [],
};

const stripe: ProviderEntry = {
  create: (config, deps) =>
    createStripeProvider({
      secretKey: config.payments.stripe_secret_key,
      webhookSecret: config.payments.stripe_webhook_secret,
      apiBase: config.payments.stripe_api_base,
      now: deps.now,
    }),
  webhookHandlers: stripeHandlers,
  secretKeys: ["stripe_secret_key", "stripe_webhook_secret"],
};

export const paymentProviders = { sandbox, stripe };

export type ProviderName = keyof typeof paymentProviders;

/** The table's names, for the config schema's enum. */
export const providerNames = Object.keys(paymentProviders) as [ProviderName, ...ProviderName[]];
