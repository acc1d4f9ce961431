// fanzctl serve: run the appliance in the foreground until SIGTERM/SIGINT.
import type { Command } from "commander";
import { startServer } from "../../src/main.ts";
import { configFrom, withCommonOptions, type CommonOptions } from "../options.ts";
import { ConfigError } from "../../src/config/load.ts";
import { CliError } from "../errors.ts";
import { DatabaseUnavailable } from "../../src/db/client.ts";

export function registerServe(program: Command): void {
  withCommonOptions(program.command("serve").description("run the Fanz server"))
    .option("-p, --port <port>", "HTTP port (overrides server.port; 0 picks a free one)")
    .action(async (opts: CommonOptions) => {
      const config = configFrom(opts);
      const server = await startServer(config).catch((err: unknown) => {
        if (err instanceof ConfigError)
          throw new CliError(err.message, "Fix the payment settings in your config file.", 78);
        if (err instanceof DatabaseUnavailable)
          throw new CliError(
            err.message,
            "Check [db] url, and that PostgreSQL runs and lets this user in.",
            69,
          );
        throw err;
      });
      // A crash still ends the process as Node does; first it goes into the JSON log (flushed at exit).
      process.on("uncaughtExceptionMonitor", (err, origin) =>
        server.ctx.logger.error("crashed", { origin, err: String(err), stack: err.stack }),
      );
      const out = (line: string) => process.stdout.write(line + "\n");
      out(`Fanz is running at ${server.url}  (data: ${server.ctx.paths.root})`);
      if (server.setupToken) {
        out(`Finish setting up your site: ${server.url}/setup?token=${server.setupToken}`);
        out(`(The one-time token is also in ${server.ctx.paths.setupToken}.)`);
      }
      const stop = (signal: string) => {
        out(`${signal} received, finishing in-flight requests...`);
        server.close().then(
          () => process.exit(0),
          (err: unknown) => {
            process.stderr.write(`shutdown failed: ${String(err)}\n`);
            process.exit(1);
          },
        );
      };
      process.once("SIGTERM", () => stop("SIGTERM"));
      process.once("SIGINT", () => stop("SIGINT"));
    });
}
