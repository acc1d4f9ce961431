// fanzctl doctor: runs every check in cli/checks/ and prints pass / warn / fail with what to do;
// exits 1 when any check fails. Read-only on the live site, except `--fix`, which only removes what
// nothing refers to (media directories without a media row); it never migrates.
import type { Command } from "commander";
import { ConfigError, loadConfig } from "../../src/config/load.ts";
import { dataPaths } from "../../src/lib/paths.ts";
import { buildApp } from "../../src/main.ts";
import { databaseCheck } from "../checks/database.ts";
import { dataDirCheck } from "../checks/data-dir.ts";
import { diskSpaceCheck } from "../checks/disk-space.ts";
import { ffmpegCheck } from "../checks/ffmpeg.ts";
import { jobsCheck } from "../checks/jobs.ts";
import { ledgerCheck } from "../checks/ledger.ts";
import { auditCheck } from "../checks/audit.ts";
import { mediaFilesCheck } from "../checks/media-files.ts";
import { migrationsCheck } from "../checks/migrations.ts";
import { nginxCheck } from "../checks/nginx.ts";
import { configCheck } from "../checks/config.ts";
import { serviceCheck } from "../checks/service.ts";
import { walletsCheck } from "../checks/wallets.ts";
import type { CheckResult, DoctorContext } from "../checks/types.ts";
import { configFileFor, withCommonOptions, type CommonOptions } from "../options.ts";

const CHECKS = [
  configCheck,
  dataDirCheck,
  diskSpaceCheck,
  ffmpegCheck,
  nginxCheck,
  databaseCheck,
  migrationsCheck,
  ledgerCheck,
  auditCheck,
  walletsCheck,
  jobsCheck,
  mediaFilesCheck,
  serviceCheck,
];

const LABEL = { pass: "pass", warn: "WARN", fail: "FAIL" } as const;

function print(title: string, r: CheckResult): void {
  process.stdout.write(`[${LABEL[r.status]}] ${title}: ${r.message}\n`);
  if (r.suggestion && r.status !== "pass") process.stdout.write(`       -> ${r.suggestion}\n`);
}

export function registerDoctor(program: Command): void {
  withCommonOptions(program.command("doctor").description("check the installation and the data"))
    .option("--fix", "remove media directories that no media row refers to")
    .action(async (opts: CommonOptions & { fix?: boolean }) => {
      let loaded;
      try {
        loaded = loadConfig({ file: configFileFor(opts.config), overrides: { data: { dir: opts.dataDir } } });
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        print(configCheck.title, {
          status: "fail",
          message: err.problems.join("; "),
          suggestion:
            "Fix these keys (`fanzctl config check` lists them); the other checks need a valid config.",
        });
        process.exitCode = 1;
        return;
      }
      let app: ReturnType<typeof buildApp> | null = null;
      const ctx: DoctorContext = {
        config: loaded.config,
        configFile: loaded.file,
        paths: dataPaths(loaded.config.data.dir),
        schemaCurrent: false,
        dbHealthy: false,
        fix: opts.fix === true,
        app: () => (app ??= buildApp(loaded.config, { web: null })),
      };
      let failed = 0;
      let warned = 0;
      try {
        for (const check of CHECKS) {
          let r: CheckResult;
          try {
            r = await check.run(ctx);
          } catch (err) {
            r = {
              status: "fail",
              message: `the check itself failed: ${(err as Error).message}`,
              suggestion: "Look at the data directory and the database (see the checks above).",
            };
          }
          if (r.status === "fail") failed++;
          if (r.status === "warn") warned++;
          print(check.title, r);
        }
      } finally {
        const opened = app ? (await (app as ReturnType<typeof buildApp>)).ctx : null;
        if (opened) {
          await opened.db.close();
          await opened.workers.destroy();
        }
      }
      process.stdout.write(
        failed
          ? `\n${failed} check(s) failed, ${warned} warning(s).\n`
          : `\nAll checks passed${warned ? ` (${warned} warning(s))` : ""}.\n`,
      );
      if (failed) process.exitCode = 1;
    });
}
