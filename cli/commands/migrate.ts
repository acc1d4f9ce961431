// fanzctl migrate [status|up]: show or apply database migrations. `up` backs the database up first when
// there is something to apply to an existing database (each migration runs in its own transaction, so a
// failing one leaves the database as it was; the backup covers everything else).
import type { Command } from "commander";
import { openDb } from "../../src/db/client.ts";
import { migrate, migrationStatus } from "../../src/db/migrate.ts";
import { dataPaths } from "../../src/lib/paths.ts";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { backupsDir, createBackup, defaultBackupName } from "../lib/backup-archive.ts";
import { createSteps } from "../lib/steps.ts";
import { CliError } from "../errors.ts";
import { configFrom, withCommonOptions, type CommonOptions } from "../options.ts";

export function registerMigrate(program: Command): void {
  withCommonOptions(program.command("migrate").description("show or apply database migrations"))
    .argument("[action]", "status | up", "up")
    .option("--no-backup", "skip the backup taken before applying migrations")
    .action(async (action: string, opts: CommonOptions & { backup: boolean }) => {
      if (action !== "status" && action !== "up") {
        throw new CliError(
          `Unknown action "${action}".`,
          "Use `fanzctl migrate status` or `fanzctl migrate up`.",
        );
      }
      const config = configFrom(opts);
      const paths = dataPaths(config.data.dir);
      const existed = existsSync(paths.database);
      const db = openDb(paths.database);
      try {
        const pending = migrationStatus(db.raw.writer).filter((m) => !m.applied);
        if (action === "up" && existed && pending.length > 0 && opts.backup) {
          const dest = join(backupsDir(config), defaultBackupName());
          await createBackup({
            databaseFile: paths.database,
            mediaDir: paths.media,
            configFile: opts.config ? resolve(opts.config) : null,
            secretKeyFile: paths.secretKey,
            dest,
            media: false,
            steps: createSteps(),
          });
          console.log(`Backed up the database to ${dest} before migrating.`);
        }
        if (action === "up") {
          const applied = migrate(db.raw.writer);
          console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
        }
        for (const m of migrationStatus(db.raw.writer)) {
          const when = m.appliedAt ? new Date(m.appliedAt).toISOString() : "pending";
          console.log(`${m.applied ? "✓" : "·"} ${m.tag}  ${when}`);
        }
      } finally {
        db.close();
      }
    });
}
