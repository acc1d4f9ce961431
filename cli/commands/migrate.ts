// fanzctl migrate [status|up]: show or apply database migrations. `up` backs the database up first when
// there is something to apply to an existing database (each migration runs in its own transaction, so a
// failing one leaves the database as it was; the backup covers everything else).
// fanzctl migrate --to postgres URL: moves a stopped SQLite site into an empty PostgreSQL database
// (cli/lib/sqlite-to-postgres.ts: copy and verification in one transaction) and prints the config change;
// the config itself, the SQLite file, media and secret key are left as they are.
import type { Command } from "commander";
import { dbTarget, openDb } from "../../src/db/client.ts";
import { migrateDb, migrationStatusOf } from "../../src/db/migrate.ts";
import { dataPaths } from "../../src/lib/paths.ts";
import type { Config } from "../../src/config/schema.ts";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { backupsDir, createBackup, defaultBackupName } from "../lib/backup-archive.ts";
import { redactUrl } from "../lib/pg-conn.ts";
import { refuseRunningSqlite } from "../lib/site-running.ts";
import {
  checkSource,
  copySqliteToPostgres,
  formatReport,
  lockSource,
  prepareTarget,
} from "../lib/sqlite-to-postgres.ts";
import { createSteps } from "../lib/steps.ts";
import { CliError } from "../errors.ts";
import { configFileFor, configFrom, withCommonOptions, type CommonOptions } from "../options.ts";
import { returnToServiceUser } from "../lib/system-user.ts";

const out = (line: string) => process.stdout.write(line + "\n");
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function toPostgres(config: Config, url: string | undefined): Promise<void> {
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    throw new CliError(
      "migrate --to postgres needs the target database's URL.",
      "Run `fanzctl migrate --to postgres postgres://USER:PASSWORD@HOST:5432/DATABASE` (an empty database).",
    );
  }
  if (config.db.dialect !== "sqlite") {
    throw new CliError(
      "This site already uses PostgreSQL ([db] dialect); there is no SQLite database to move.",
      "Move a PostgreSQL database with `fanzctl backup` and `fanzctl restore`.",
    );
  }
  const paths = dataPaths(config.data.dir);
  if (!existsSync(paths.database)) {
    throw new CliError(`There is no SQLite database at ${paths.database}.`, "Check --data-dir / data.dir.");
  }
  await refuseRunningSqlite(config, paths.database, {
    doing: "copying the database",
    again: "the migration",
  });
  const steps = createSteps();
  const started = Date.now();
  const s1 = steps.step(`Lock and check ${paths.database}`);
  const source = lockSource(paths.database);
  try {
    try {
      checkSource(source);
    } catch (err) {
      s1.fail();
      throw err;
    }
    s1.done("schema current, foreign keys and ledger consistent");
    const s2 = steps.step(`Create the schema in ${redactUrl(url)}`);
    try {
      const { applied } = await prepareTarget(url);
      s2.done(applied.length ? `${applied.length} migrations` : "already there, no rows");
    } catch (err) {
      s2.fail();
      throw err;
    }
    const s3 = steps.step("Copy every table and verify the copy (one transaction)", (n) => `${n} rows`);
    let result;
    try {
      result = await copySqliteToPostgres(source, url, {
        onProgress: (done, total) => s3.progress(done, total),
      });
    } catch (err) {
      s3.fail();
      throw err;
    }
    const { report } = result;
    if (!report.ok) s3.fail("the copy differs: rolled back");
    else s3.done(`${result.rows} rows in ${result.tables} tables`);
    out(`Verification (row counts, a checksum per table, the ledger per account, identity sequences):`);
    for (const line of formatReport(report)) out(line);
    if (!report.ok) {
      throw new CliError(
        "The copy in PostgreSQL differs from the SQLite database (see DIFF above); it was rolled back, so the target holds the schema and no rows.",
        "Report this as a bug with the lines above; the site stays on SQLite, nothing of it was changed.",
      );
    }
    out("");
    out(
      `Migrated ${result.rows} rows in ${seconds(Date.now() - started)} (copy ${seconds(result.copyMs)}, verify ${seconds(result.verifyMs)}).`,
    );
  } finally {
    source.close();
  }
  out("");
  out("To run the site on PostgreSQL, set in its config file (this command does not edit it):");
  out("");
  out("  [db]");
  out('  dialect = "postgres"');
  out(`  url = "${redactUrl(url)}"   # with the real password`);
  out("");
  out("(or FANZ_DB__DIALECT=postgres and FANZ_DB__URL=… in the service's environment), then start the site.");
  out(
    `Media and secret.key stay in ${paths.root}: keep that data dir. The SQLite file is unchanged; keep it until you are satisfied.`,
  );
}

export function registerMigrate(program: Command): void {
  withCommonOptions(
    program
      .command("migrate")
      .description("show or apply database migrations, or move an SQLite site to PostgreSQL"),
  )
    .argument("[action]", "status | up; with --to postgres: the target database's URL", "up")
    .option("--no-backup", "skip the backup taken before applying migrations")
    .option("--to <engine>", "copy the stopped SQLite site into an empty database of this engine (postgres)")
    .action(async (action: string, opts: CommonOptions & { backup: boolean; to?: string }) => {
      if (opts.to !== undefined) {
        if (opts.to !== "postgres") {
          throw new CliError(
            `Cannot migrate to "${opts.to}".`,
            "The one target is PostgreSQL: `--to postgres URL`.",
          );
        }
        return toPostgres(configFrom(opts), action === "up" ? undefined : action);
      }
      if (action !== "status" && action !== "up") {
        throw new CliError(
          `Unknown action "${action}".`,
          "Use `fanzctl migrate status` or `fanzctl migrate up`.",
        );
      }
      const config = configFrom(opts);
      const configFile = configFileFor(opts.config);
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
            configFile: configFile ? resolve(configFile) : null,
            secretKeyFile: paths.secretKey,
            privateDir: paths.private,
            documentsKeyFile: paths.documentsKey,
            dest,
            media: false,
            steps: createSteps(),
          });
          console.log(`Backed up the database to ${dest} before migrating.`);
        }
        if (action === "up") {
          const applied = await migrateDb(db);
          console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
          returnToServiceUser(paths.root);
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
