// fanzctl migrate [status|up]: show or apply database migrations. `up` backs the database up first when
// there is something to apply to an existing database (each migration runs in its own transaction, so a
// failing one leaves the database as it was; the backup covers everything else).
import type { Command } from "commander";
import { dbTarget, openDb } from "../../src/db/client.ts";
import { migrateDb, migrationStatusOf } from "../../src/db/migrate.ts";
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
      const sqlite = config.db.dialect === "sqlite";
      const existed = !sqlite || existsSync(paths.database);
      const db = await openDb(dbTarget(config, paths));
      try {
        const pending = (await migrationStatusOf(db)).filter((m) => !m.applied);
        // The pre-migration backup copies the SQLite file; a PostgreSQL site is backed up by `fanzctl backup`.
        if (action === "up" && sqlite && existed && pending.length > 0 && opts.backup) {
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
          const applied = await migrateDb(db);
          console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
        }
        for (const m of await migrationStatusOf(db)) {
          const when = m.appliedAt ? new Date(m.appliedAt).toISOString() : "pending";
          console.log(`${m.applied ? "✓" : "·"} ${m.tag}  ${when}`);
        }
      } finally {
        await db.close();
      }
    });
}
