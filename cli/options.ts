// Options every command shares (--config, --data-dir) and how they become a Config.
import type { Command } from "commander";
import { existsSync } from "node:fs";
import { ConfigError, loadConfig } from "../src/config/load.ts";
import type { Config } from "../src/config/schema.ts";
import { CliError } from "./errors.ts";

export interface CommonOptions {
  config?: string;
  dataDir?: string;
  port?: string;
}

/** Where `fanzctl install` writes the config of an installed server. */
export const INSTALLED_CONFIG = "/etc/fanz/config.toml";

/**
 * The config file a command reads: --config; else what loadConfig finds itself (FANZ_CONFIG, ./config.toml);
 * else, on an installed server, /etc/fanz/config.toml — so `fanzctl doctor` run by the operator from any
 * directory checks the site the service runs, not the defaults.
 */
export function configFileFor(explicit: string | undefined): string | undefined {
  if (explicit) return explicit;
  if (process.env.FANZ_CONFIG || existsSync("config.toml")) return undefined;
  return existsSync(INSTALLED_CONFIG) ? INSTALLED_CONFIG : undefined;
}

export function withCommonOptions(cmd: Command): Command {
  return cmd
    .option(
      "-c, --config <file>",
      `config file (TOML); default ./config.toml if present, else ${INSTALLED_CONFIG}`,
    )
    .option("-d, --data-dir <dir>", "data directory (overrides data.dir)");
}

export function configFrom(opts: CommonOptions): Config {
  try {
    const port = opts.port === undefined ? undefined : Number(opts.port);
    return loadConfig({
      file: configFileFor(opts.config),
      overrides: { server: { port }, data: { dir: opts.dataDir } },
    }).config;
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
