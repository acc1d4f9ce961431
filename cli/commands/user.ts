// fanzctl user create-admin: an admin account from the shell (also completes first-run setup).
import type { Command } from "commander";
import { z } from "zod";
import { buildApp } from "../../src/main.ts";
import { fieldErrors } from "../../src/http/validate.ts";
import { AppError } from "../../src/http/errors.ts";
import { email, password, username } from "../../src/modules/users/schemas.ts";
import { CliError } from "../errors.ts";
import { configFrom, withCommonOptions, type CommonOptions } from "../options.ts";

const adminInput = z.object({ email, username, password });

export function registerUser(program: Command): void {
  const user = program.command("user").description("manage user accounts");
  withCommonOptions(user.command("create-admin").description("create an admin account"))
    .requiredOption("--email <email>", "email address")
    .requiredOption("--username <username>", "username")
    .option("--password <password>", "password (default: read FANZ_ADMIN_PASSWORD)")
    .action(async (opts: CommonOptions & { email: string; username: string; password?: string }) => {
      const parsed = adminInput.safeParse({
        ...opts,
        password: opts.password ?? process.env.FANZ_ADMIN_PASSWORD,
      });
      if (!parsed.success) {
        const detail = Object.entries(fieldErrors(parsed.error))
          .map(([k, v]) => `${k}: ${v}`)
          .join("; ");
        throw new CliError(
          `Invalid admin details (${detail}).`,
          "Pass --email, --username and --password (8+ characters).",
        );
      }
      const { ctx } = buildApp(configFrom(opts), { web: null });
      try {
        const admin = await ctx.services.setup.createAdmin(parsed.data);
        console.log(`Created admin @${admin.username} <${admin.email}>.`);
      } catch (err) {
        if (err instanceof AppError) throw new CliError(err.message, "Choose another email or username.");
        throw err;
      } finally {
        ctx.db.close();
      }
    });
}
