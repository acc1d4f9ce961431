// Options every command shares (--config, --data-dir) and how they become a Config.
import type { Command } from "commander";
import { ConfigError, loadConfig } from "../src/config/load.ts";
import type { Config } from "../src/config/schema.ts";
import { CliError } from "./errors.ts";

export interface CommonOptions {
  config?: string;
  dataDir?: string;
  port?: string;
}

export function withCommonOptions(cmd: Command): Command {
  return cmd
    .option("-c, --config <file>", "config file (TOML); default ./config.toml if present")
    .option("-d, --data-dir <dir>", "data directory (overrides data.dir)");
}

export function configFrom(opts: CommonOptions): Config {
  try {
    const port = opts.port === undefined ? undefined : Number(opts.port);
    return loadConfig({
      file: opts.config,
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
