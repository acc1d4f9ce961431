// fanzctl: the one command that runs and operates a Fanz site. One file per command in commands/.
import { Command } from "commander";
import { CliError } from "./errors.ts";
import { registerMigrate } from "./commands/migrate.ts";
import { registerSeed } from "./commands/seed.ts";
import { registerServe } from "./commands/serve.ts";
import { registerUser } from "./commands/user.ts";
import { registerBackup } from "./commands/backup.ts";
import { registerRestore } from "./commands/restore.ts";
import { registerDoctor } from "./commands/doctor.ts";
import { registerConfig } from "./commands/config.ts";
import { registerInstall } from "./commands/install.ts";
import { registerUpgrade } from "./commands/upgrade.ts";
import { registerStorage } from "./commands/storage.ts";
import { registerStatus } from "./commands/status.ts";
import pkg from "../package.json" with { type: "json" };

const program = new Command("fanzctl")
  .description("Run and operate a Fanz site")
  .version(pkg.version)
  .showHelpAfterError();
registerServe(program);
registerMigrate(program);
registerUser(program);
registerSeed(program);
registerBackup(program);
registerRestore(program);
registerDoctor(program);
registerConfig(program);
registerInstall(program);
registerUpgrade(program);
registerStorage(program);
registerStatus(program);

// `fanzctl … | head` closes our stdout early: that is the reader's choice, not an error.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

async function main(): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`Error: ${err.message}\n`);
      if (err.suggestion) process.stderr.write(`Try: ${err.suggestion}\n`);
      process.exit(err.exitCode);
    }
    throw err;
  }
}

// Not a top-level await: the single executable runs this file bundled as CommonJS.
void main();
