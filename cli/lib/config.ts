// The effective config for CLI commands that also need to know which file it came from (backup, config).
import { ConfigError, loadConfig, publicUrl } from "../../src/config/load.ts";
import type { Config } from "../../src/config/schema.ts";
import { paymentProviders } from "../../src/modules/payments/providers/index.ts";
import { CliError } from "../errors.ts";
import { configFileFor, type CommonOptions } from "../options.ts";

export function loadCliConfig(opts: CommonOptions): { config: Config; file: string | null } {
  try {
    const port = opts.port === undefined ? undefined : Number(opts.port);
    return loadConfig({
      file: configFileFor(opts.config),
      overrides: { server: { port }, data: { dir: opts.dataDir } },
    });
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
  try {
    paymentProviders[config.payments.provider].create(config, {
      now: Date.now,
      // Building a provider reads no generated secret; only its use (a webhook) does.
      generatedSecret: () => Promise.reject(new Error("a config check uses no provider secret")),
      publicUrl: () => publicUrl(config),
    });
    return [];
  } catch (err) {
    return [`payments: ${(err as Error).message}`];
  }
}

/** Keys whose values are never printed: anything named like a secret, and each provider's secret keys. */
export function isSecretKey(section: string, key: string): boolean {
  if (/secret|key|password|token/i.test(key)) return true;
  return (
    section === "payments" &&
    Object.values(paymentProviders).some((p) => (p.secretKeys as readonly string[]).includes(key))
  );
}
