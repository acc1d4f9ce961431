// fanzctl config check | show: validate the effective configuration (file + FANZ_* env + flags) and list
// every problem as `serve` would; or print it as TOML with secrets masked, for pasting into a support request.
import type { Command } from "commander";
import { stringify } from "smol-toml";
import { ConfigError, loadConfig } from "../../src/config/load.ts";
import { CliError } from "../errors.ts";
import { isSecretKey, runtimeConfigProblems } from "../lib/config.ts";
import { configFileFor, withCommonOptions, type CommonOptions } from "../options.ts";

function load(opts: CommonOptions) {
  try {
    return loadConfig({ file: configFileFor(opts.config), overrides: { data: { dir: opts.dataDir } } });
  } catch (err) {
    if (err instanceof ConfigError) {
      throw new CliError(
        `${err.message}`,
        "Fix the keys above in your config file or FANZ_* environment variables.",
        78,
      );
    }
    throw err;
  }
}

export function registerConfig(program: Command): void {
  const config = program.command("config").description("check or show the configuration");
  withCommonOptions(
    config.command("check").description("validate the configuration and list every problem"),
  ).action((opts: CommonOptions) => {
    const { file, config: effective } = load(opts);
    const problems = runtimeConfigProblems(effective);
    if (problems.length > 0) {
      throw new CliError(
        `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
        "Fix the keys above in your config file or FANZ_* environment variables.",
        78,
      );
    }
    console.log(`Configuration is valid (${file ?? "no config file; defaults and FANZ_* environment"}).`);
  });
  withCommonOptions(
    config.command("show").description("print the effective configuration, secrets masked"),
  ).action((opts: CommonOptions) => {
    const { config: effective, file } = load(opts);
    const masked: Record<string, Record<string, unknown>> = {};
    for (const [section, values] of Object.entries(effective)) {
      masked[section] = Object.fromEntries(
        Object.entries(values as Record<string, unknown>).map(([k, v]) => [
          k,
          isSecretKey(section, k) && v !== ""
            ? "********"
            : // A database or SMTP URL stays readable (host, database) without its password.
              ((section === "db" && k === "url") || (section === "email" && k === "smtp_url")) &&
                typeof v === "string"
              ? v.replace(/^(\w+:\/\/[^:/@]*:)[^@]*@/, "$1********@")
              : v,
        ]),
      );
    }
    process.stdout.write(`# Effective configuration (${file ?? "no config file"}); secrets masked.\n`);
    process.stdout.write(stringify(masked) + "\n");
  });
}
