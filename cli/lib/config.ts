// The effective config for CLI commands that also need to know which file it came from (backup, config).
import { ConfigError, loadConfig } from "../../src/config/load.ts";
import type { Config } from "../../src/config/schema.ts";
import { createStripeProvider } from "../../src/modules/payments/providers/stripe.ts";
import { CliError } from "../errors.ts";
import type { CommonOptions } from "../options.ts";

export function loadCliConfig(opts: CommonOptions): { config: Config; file: string | null } {
  try {
    const port = opts.port === undefined ? undefined : Number(opts.port);
    return loadConfig({ file: opts.config, overrides: { server: { port }, data: { dir: opts.dataDir } } });
  } catch (err) {
    if (err instanceof ConfigError) {
      throw new CliError(
        err.message,
        "Fix the keys above in your config file or FANZ_* environment variables.",
        78,
      );
    }
    throw err;
  }
}

/**
 * Problems `serve` finds only after loading: a payment provider it cannot start (e.g. Stripe without keys).
 * Builds the provider the way the payments service does; nothing is contacted.
 */
export function runtimeConfigProblems(config: Config): string[] {
  if (config.payments.provider !== "stripe") return [];
  try {
    createStripeProvider({
      secretKey: config.payments.stripe_secret_key,
      webhookSecret: config.payments.stripe_webhook_secret,
      apiBase: config.payments.stripe_api_base,
      now: Date.now,
    });
    return [];
  } catch (err) {
    return [`payments: ${(err as Error).message}`];
  }
}
