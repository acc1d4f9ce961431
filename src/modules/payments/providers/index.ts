// The configured payment provider, built on first use (so a sandbox secret is only generated when needed).
import type { AppContext } from "../../../context.ts";
import { publicUrl } from "../../../config/load.ts";
import { createSandboxProvider } from "./sandbox.ts";
import { createStripeProvider } from "./stripe.ts";
import type { PaymentProvider } from "./types.ts";

export function activeProviderOf(ctx: AppContext): () => PaymentProvider {
  const now = () => ctx.clock.now();
  let provider: PaymentProvider | null = null;
  return function activeProvider(): PaymentProvider {
    if (provider) return provider;
    switch (ctx.config.payments.provider) {
      case "sandbox":
        provider = createSandboxProvider({
          secret: () => ctx.services.site.generatedSecret("sandbox_webhook"),
          // Without a configured public URL the link is relative, so it stays on whatever origin the fan uses.
          baseUrl: () => (ctx.config.server.public_url ? publicUrl(ctx.config) : ""),
          now,
        });
        break;
      case "stripe":
        provider = createStripeProvider({
          secretKey: ctx.config.payments.stripe_secret_key,
          webhookSecret: ctx.config.payments.stripe_webhook_secret,
          apiBase: ctx.config.payments.stripe_api_base,
          now,
        });
        break;
    }
    return provider;
  };
}
