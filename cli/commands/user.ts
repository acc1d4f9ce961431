// fanzctl user create-admin | reset-password | list: accounts from the shell (create-admin also completes
// first-run setup; reset-password is the way back in for an admin who lost theirs).
import type { Command } from "commander";
import { z } from "zod";
import { buildApp } from "../../src/main.ts";
import { AppError, fieldErrors } from "../../src/lib/errors.ts";
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
      const { ctx, services } = await buildApp(configFrom(opts), { web: null });
      try {
        const admin = await services.setup.createAdmin(parsed.data);
        console.log(`Created admin @${admin.username} <${admin.email}>.`);
      } catch (err) {
        if (err instanceof AppError) throw new CliError(err.message, "Choose another email or username.");
        throw err;
      } finally {
        await ctx.db.close();
      }
    });

  withCommonOptions(
    user.command("reset-password").description("set a new password and sign the user out everywhere"),
  )
    .requiredOption("--email <email>", "email address of the account")
    .option("--password <password>", "new password (default: read FANZ_NEW_PASSWORD)")
    .action(async (opts: CommonOptions & { email: string; password?: string }) => {
      const parsed = z
        .object({ email, password })
        .safeParse({ email: opts.email, password: opts.password ?? process.env.FANZ_NEW_PASSWORD });
      if (!parsed.success) {
        const detail = Object.entries(fieldErrors(parsed.error))
          .map(([k, v]) => `${k}: ${v}`)
          .join("; ");
        throw new CliError(
          `Invalid input (${detail}).`,
          "Pass --email and --password (8+ characters), or set FANZ_NEW_PASSWORD instead of --password.",
        );
      }
      const { ctx, services } = await buildApp(configFrom(opts), { web: null });
      try {
        const s = services;
        const found = await s.users.byEmail(parsed.data.email);
        if (!found)
          throw new CliError(`No account has the email ${parsed.data.email}.`, "Run `fanzctl user list`.");
        const passwordHash = await s.auth.hashPassword(parsed.data.password);
        await ctx.db.write((tx) => s.users.update(tx, found.id, { passwordHash }));
        await s.auth.logoutEverywhere(found.id);
        console.log(
          `New password set for @${found.username} <${found.email}>; all their sessions were signed out.`,
        );
      } finally {
        await ctx.db.close();
        await ctx.workers.destroy();
      }
    });

  withCommonOptions(user.command("list").description("list accounts"))
    .option("--role <role>", "only fan, creator or admin")
    .action(async (opts: CommonOptions & { role?: string }) => {
      const role =
        opts.role === undefined ? undefined : z.enum(["fan", "creator", "admin"]).safeParse(opts.role);
      if (role && !role.success)
        throw new CliError(`Unknown role "${opts.role}".`, "Use --role fan, creator or admin.");
      const { ctx, services } = await buildApp(configFrom(opts), { web: null });
      try {
        // A fan with a creator profile is shown (and filtered) as a creator, as the site presents them.
        const all = [];
        for (const r of await services.users.list(role?.data === "admin" ? "admin" : undefined))
          all.push({
            ...r,
            role:
              r.role === "fan" && (await services.creators.isCreator(r.id)) ? ("creator" as const) : r.role,
          });
        const rows = all.filter((r) => !role?.data || r.role === role.data);
        if (rows.length === 0) {
          console.log("No accounts.");
          return;
        }
        for (const r of rows) {
          console.log(
            `${r.role.padEnd(8)} @${r.username.padEnd(20)} ${r.email.padEnd(32)} ${new Date(r.createdAt).toISOString()}`,
          );
        }
        console.log(`${rows.length} account(s).`);
      } finally {
        await ctx.db.close();
        await ctx.workers.destroy();
      }
    });
}
