// fanzctl backup: a consistent snapshot (database via SQLite's online backup API, or pg_dump on a
// PostgreSQL site; media, config) as a checksummed .tar.gz, taken while the site runs; --list shows the
// backups, --verify checks one without touching the live site (a PostgreSQL backup is restored into a
// scratch database on the site's server, dropped afterwards). Backups go to [backup] dir (default <data_dir>/backups); old ones beyond
// [backup] keep are removed after each new one. `fanzctl install` runs this daily from a systemd timer.
import type { Command } from "commander";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { dataPaths } from "../../src/lib/paths.ts";
import { CliError } from "../errors.ts";
import { withCommonOptions, type CommonOptions } from "../options.ts";
import {
  applyRetention,
  backupEngine,
  backupsDir,
  createBackup,
  DB_ENTRY,
  defaultBackupName,
  extractAndVerify,
  findBackup,
  listBackups,
  PG_DUMP_ENTRY,
  unknownTags,
  type Manifest,
} from "../lib/backup-archive.ts";
import { loadCliConfig } from "../lib/config.ts";
import { integrityProblems, ledgerReport } from "../lib/db-health.ts";
import { restorePostgres, rowCounts, withScratchDatabase } from "../lib/pg-dump.ts";
import { fanzTableNames } from "../lib/sqlite-to-postgres.ts";
import { createSteps, formatBytes } from "../lib/steps.ts";
import type { Config } from "../../src/config/schema.ts";
import pg from "pg";
import { returnToServiceUser } from "../lib/system-user.ts";

interface BackupOptions extends CommonOptions {
  to?: string;
  media: boolean;
  list?: boolean;
  verify?: string;
}

const out = (line: string) => process.stdout.write(line + "\n");

async function list(dir: string): Promise<void> {
  const all = await listBackups(dir);
  if (all.length === 0) {
    out(`No backups in ${dir}.`);
    return;
  }
  out(`Backups in ${dir} (newest first):`);
  for (const b of all) {
    const name = b.file.slice(dir.length + 1);
    const when = b.info?.createdAt ?? new Date(b.mtimeMs).toISOString();
    const schema = b.info ? (b.info.schema.at(-1) ?? "empty") : "unreadable";
    const media =
      (b.info && !b.info.media ? "  (no media)" : "") +
      (b.info && backupEngine(b.info) === "postgres" ? "  (PostgreSQL)" : "");
    out(`  ${name}  ${formatBytes(b.size).padStart(9)}  ${when}  schema ${schema}${media}`);
  }
}

const ledgerFailure = (ledger: { unbalanced: number; drifted: number }) =>
  new CliError(
    `The ledger in the backup does not balance (${ledger.unbalanced} unbalanced transactions, ${ledger.drifted} accounts whose cached balance differs).`,
    "Run `fanzctl doctor` on the site the backup came from.",
  );

/** Checks an archive in a temp dir: every checksum, SQLite integrity, and the ledger. */
export async function verifyBackup(file: string, config: Config): Promise<void> {
  const steps = createSteps();
  const tmp = await mkdtemp(join(tmpdir(), "fanz-verify-"));
  try {
    const size = (await stat(file)).size;
    const s1 = steps.step(`Check every checksum in ${file}`);
    let manifest;
    try {
      manifest = await extractAndVerify(file, {
        destFor: (p) => (p === DB_ENTRY || p === PG_DUMP_ENTRY ? join(tmp, p) : null),
        onInfo: (info) => {
          if (backupEngine(info) === "postgres" && config.db.dialect !== "postgres") {
            throw new CliError(
              "This is a backup of a PostgreSQL site; verifying it restores it into a scratch database on a PostgreSQL server.",
              'Run --verify with the PostgreSQL site\'s config (`[db] dialect = "postgres"`, `url = …`).',
            );
          }
        },
        onProgress: (done) => s1.progress(done, size),
      });
    } catch (err) {
      s1.fail();
      throw err;
    }
    s1.done(`${manifest.files.length} files`);
    const unknown = unknownTags(manifest.schema);
    if (unknown.length > 0) {
      throw new CliError(
        `The backup was made by a newer Fanz (migrations ${unknown.join(", ")}).`,
        "Verify it with the Fanz version that made it.",
      );
    }
    if (backupEngine(manifest) === "postgres")
      return await verifyPostgres(file, manifest, tmp, config, steps);
    const s2 = steps.step("Check database integrity");
    const problems = integrityProblems(join(tmp, DB_ENTRY));
    if (problems.length > 0) {
      s2.fail();
      throw new CliError(`The database in the backup is corrupt: ${problems.slice(0, 3).join("; ")}`);
    }
    s2.done();
    const s3 = steps.step("Check the ledger balances");
    const ledger = await ledgerReport(config, tmp);
    if (ledger.unbalanced > 0 || ledger.drifted > 0) {
      s3.fail();
      throw ledgerFailure(ledger);
    }
    s3.done();
    out(`Backup OK: ${file} (schema ${manifest.schema.at(-1) ?? "empty"}, made ${manifest.createdAt}).`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** A PostgreSQL backup: restored into a scratch database, row counts as the manifest says, the ledger. */
async function verifyPostgres(
  file: string,
  manifest: Manifest,
  tmp: string,
  config: Config,
  steps: ReturnType<typeof createSteps>,
): Promise<void> {
  const expected = manifest.postgres?.rowCounts ?? {};
  await withScratchDatabase(config.db.url, async (scratch) => {
    const s2 = steps.step("Restore the dump into a scratch database");
    try {
      await restorePostgres(join(tmp, PG_DUMP_ENTRY), scratch, {
        dumpMajor: manifest.postgres?.pgDumpMajor ?? 0,
        dropTables: fanzTableNames(),
      });
    } catch (err) {
      s2.fail();
      throw err;
    }
    s2.done(new URL(scratch).pathname.slice(1));
    const s3 = steps.step("Check the row counts");
    const pool = new pg.Pool({ connectionString: scratch, max: 1, application_name: "fanzctl" });
    let got: Record<string, number>;
    try {
      got = await rowCounts(pool, fanzTableNames());
    } finally {
      await pool.end();
    }
    const wrong = Object.keys({ ...expected, ...got }).filter((t) => expected[t] !== got[t]);
    if (wrong.length > 0) {
      s3.fail();
      const t = wrong[0]!;
      throw new CliError(
        `The restored database does not hold what the backup recorded (${t}: ${got[t] ?? "missing"} rows, expected ${expected[t] ?? "none"}).`,
        "The archive is damaged or was modified; use another backup.",
      );
    }
    const rows = Object.values(got).reduce((n, c) => n + c, 0);
    s3.done(`${Object.keys(got).length} tables, ${rows} rows`);
    const s4 = steps.step("Check the ledger balances");
    const ledger = await ledgerReport(config, tmp, scratch);
    if (ledger.unbalanced > 0 || ledger.drifted > 0) {
      s4.fail();
      throw ledgerFailure(ledger);
    }
    s4.done();
  });
  out(
    `Backup OK: ${file} (PostgreSQL, schema ${manifest.schema.at(-1) ?? "empty"}, made ${manifest.createdAt}).`,
  );
}

export function registerBackup(program: Command): void {
  withCommonOptions(program.command("backup").description("back up the database, media and config"))
    .option("--to <file>", "archive to write (default <backup dir>/fanz-<UTC time>.tar.gz)")
    .option("--no-media", "leave media files out")
    .option("--list", "list the backups in the backup dir ([backup] dir, default <data_dir>/backups)")
    .option(
      "--verify <file>",
      "check a backup (checksums, database integrity, ledger) without restoring it; a path or a name from --list",
    )
    .action(async (opts: BackupOptions) => {
      const { config, file: configFile } = loadCliConfig(opts);
      const paths = dataPaths(config.data.dir);
      const dir = backupsDir(config);
      if (opts.list) return list(dir);
      if (opts.verify) return verifyBackup(await findBackup(opts.verify, config), config);

      let dest = opts.to ? resolve(opts.to) : join(dir, defaultBackupName());
      for (let n = 1; !opts.to && (await stat(dest).catch(() => null)); n++) {
        dest = join(dir, defaultBackupName().replace(".tar.gz", `-${n}.tar.gz`));
      }
      if (opts.to && (await stat(dest).catch(() => null))) {
        throw new CliError(`${dest} already exists.`, "Choose another --to file or remove the old one.");
      }
      // Media in a bucket are not on this disk: the bucket has its own means (versioning, replication).
      const inBucket = config.storage.driver === "s3";
      if (inBucket && opts.media)
        out(
          `Media are in the bucket ${config.storage.s3_bucket} ([storage] driver = "s3"): not in this backup.`,
        );
      const steps = createSteps();
      const manifest = await createBackup({
        databaseFile: paths.database,
        postgresUrl: config.db.dialect === "postgres" ? config.db.url : undefined,
        mediaDir: paths.media,
        configFile: configFile ? resolve(configFile) : null,
        secretKeyFile: paths.secretKey,
        privateDir: paths.private,
        documentsKeyFile: paths.documentsKey,
        dest,
        media: opts.media && !inBucket,
        steps,
      });
      const s = steps.step(`Keep the newest ${config.backup.keep} backups`);
      const removed = await applyRetention(dir, config.backup.keep);
      s.done(removed.length ? `removed ${removed.length}` : "nothing to remove");
      if (!opts.to) returnToServiceUser(paths.root, [dest]);
      const bytes = (await stat(dest)).size;
      out(
        `Backup written: ${dest} (${formatBytes(bytes)}, ${manifest.files.length} files, schema ${manifest.schema.at(-1) ?? "empty"}).`,
      );
    });
}
