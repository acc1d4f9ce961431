// The Stripe provider's entry in the provider table.
import type { ProviderEntry } from "../entry.ts";
import { stripeHandlers } from "./handlers.ts";
import { createStripeProvider } from "./provider.ts";

export const stripe: ProviderEntry = {
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
