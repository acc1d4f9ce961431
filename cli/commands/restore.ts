// fanzctl restore FILE: puts a backup back. Order matters: refuse a running site and a newer schema,
// extract and check every checksum into a staging dir next to the data (nothing live is touched yet),
// then swap by rename (old files kept aside until the swap is complete, so a crash leaves either the
// old or the new data, and a failed swap is rolled back), then run migrations. The backup's secret.key
// comes back with the database: the payout details in it are sealed with that key. A PostgreSQL
// backup goes into the configured database with pg_restore in one transaction, after the files are
// swapped (a failed restore puts them back); an SQLite backup is never restored into a PostgreSQL site
// or the other way round.
import type { Command } from "commander";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { createInterface } from "node:readline/promises";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { openPostgres, openSqlite } from "../../src/db/client.ts";
import { migrate, migrateDb } from "../../src/db/migrate.ts";
import { dataPaths } from "../../src/lib/paths.ts";
import type { Config } from "../../src/config/schema.ts";
import { CliError } from "../errors.ts";
import { withCommonOptions, type CommonOptions } from "../options.ts";
import {
  backupEngine,
  CONFIG_ENTRY,
  DB_ENTRY,
  extractAndVerify,
  findBackup,
  PG_DUMP_ENTRY,
  readBackupInfo,
  SECRET_KEY_ENTRY,
  DOCUMENTS_KEY_ENTRY,
  unknownTags,
  type BackupInfo,
} from "../lib/backup-archive.ts";
import { loadCliConfig } from "../lib/config.ts";
import { integrityProblems } from "../lib/db-health.ts";
import { createSteps } from "../lib/steps.ts";
import { refuseRunningPostgres, refuseRunningSqlite } from "../lib/site-running.ts";
import { connectPool, redactUrl, tablesWithRows } from "../lib/pg-conn.ts";
import { restorePostgres, rowCounts } from "../lib/pg-dump.ts";
import { fanzTableNames } from "../lib/sqlite-to-postgres.ts";
import { returnToServiceUser } from "../lib/system-user.ts";

interface RestoreOptions extends CommonOptions {
  yes?: boolean;
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

const RESTORING = { doing: "restoring", again: "the restore" };

/** The backup's engine must be the site's: their databases are different things. */
function refuseOtherEngine(info: BackupInfo, config: Config): void {
  const engine = backupEngine(info);
  if (engine === config.db.dialect) return;
  throw new CliError(
    engine === "postgres"
      ? "This is a backup of a PostgreSQL site and this site uses SQLite; a backup is restored only into a site on the same engine."
      : "This is a backup of an SQLite site and this site uses PostgreSQL; a backup is restored only into a site on the same engine.",
    engine === "sqlite"
      ? 'Restore it into an SQLite site (`[db] dialect = "sqlite"`), then move that site with `fanzctl migrate --to postgres URL`.'
      : 'Restore it with the PostgreSQL site\'s config (`[db] dialect = "postgres"`, `url = …`).',
  );
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(question);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

export function registerRestore(program: Command): void {
  withCommonOptions(
    program.command("restore").description("restore a backup (replaces the database and media)"),
  )
    .argument(
      "<file>",
      "backup archive (.tar.gz) made by `fanzctl backup`: a path or a name from `backup --list`",
    )
    .option("-p, --port <port>", "port the site listens on (to make sure it is stopped)")
    .option("-y, --yes", "do not ask for confirmation")
    .action(async (fileArg: string, opts: RestoreOptions) => {
      const { config } = loadCliConfig(opts);
      const file = await findBackup(fileArg, config);
      const paths = dataPaths(config.data.dir);

      const postgres = config.db.dialect === "postgres";
      // The first entry says the engine: a backup of the other engine is refused before anything else.
      const peeked = await readBackupInfo(file).catch(() => null);
      if (peeked) refuseOtherEngine(peeked, config);
      let held: string[] = [];
      if (postgres) {
        const pool = await connectPool(config.db.url);
        try {
          await refuseRunningPostgres(config, pool, RESTORING);
          held = await tablesWithRows(pool, fanzTableNames());
        } finally {
          await pool.end();
        }
      } else await refuseRunningSqlite(config, paths.database, RESTORING);
      if (!opts.yes) {
        if (!process.stdin.isTTY) {
          throw new CliError(
            "Restore replaces the database and media and needs confirmation, but there is no terminal to ask.",
            `Run \`fanzctl restore ${fileArg} --yes\` to confirm.`,
          );
        }
        const what = postgres
          ? `the PostgreSQL database ${redactUrl(config.db.url)}${held.length ? " (it holds data)" : " (empty)"} and the media in ${paths.root}`
          : `the database and media in ${paths.root}`;
        const ok = await confirm(`Replace ${what} with ${file}? [y/N] `);
        if (!ok) throw new CliError("Restore cancelled; nothing was changed.");
      }

      const steps = createSteps();
      const id = randomBytes(4).toString("hex");
      const staging = join(paths.root, `.restore-staging-${id}`);
      const previous = join(paths.root, `.restore-previous-${id}`);
      await mkdir(staging, { recursive: true });
      // Set while the old data sits only in `previous` (mid-swap, or a rollback that failed).
      let keepPrevious = false;
      try {
        // 1. Everything into staging, every checksum checked, before the live data is touched.
        const archiveSize = (await stat(file)).size;
        const s1 = steps.step("Extract and check every checksum");
        let manifest;
        try {
          manifest = await extractAndVerify(file, {
            destFor: (p) => join(staging, p),
            onProgress: (done) => s1.progress(done, archiveSize),
            onInfo: (info) => {
              refuseOtherEngine(info, config);
              const unknown = unknownTags(info.schema);
              if (unknown.length > 0) {
                throw new CliError(
                  `The backup was made by a newer Fanz (migrations ${unknown.join(", ")}); this version cannot use it.`,
                  "Upgrade Fanz to the version that made the backup, then restore.",
                );
              }
            },
          });
        } catch (err) {
          s1.fail();
          throw err;
        }
        s1.done(`${manifest.files.length} files`);
        if (!postgres) {
          const s2 = steps.step("Check database integrity");
          const problems = integrityProblems(join(staging, DB_ENTRY));
          if (problems.length > 0) {
            s2.fail();
            throw new CliError(
              `The database in the backup is corrupt: ${problems.slice(0, 3).join("; ")}`,
              "Use another backup; nothing was changed.",
            );
          }
          s2.done();
        }

        // 2. Swap by rename; the old data stays in `previous` until the swap is complete.
        const s3 = steps.step("Replace the database and media");
        const hasKey = manifest.files.some((f) => f.path === SECRET_KEY_ENTRY);
        const hasDocumentsKey = manifest.files.some((f) => f.path === DOCUMENTS_KEY_ENTRY);
        await mkdir(previous);
        const moves: [string, string][] = [];
        const move = async (from: string, to: string) => {
          await rename(from, to);
          moves.push([from, to]);
        };
        keepPrevious = true;
        try {
          if (manifest.media) {
            if (await exists(paths.media)) await move(paths.media, join(previous, "media"));
            await move(join(staging, "media"), paths.media).catch(async (err: NodeJS.ErrnoException) => {
              // A backup of a site without media has no media/ entries.
              if (err.code !== "ENOENT") throw err;
              await mkdir(paths.media, { recursive: true });
            });
          }
          if (!postgres) {
            for (const suffix of ["-wal", "-shm"]) {
              if (await exists(paths.database + suffix))
                await move(paths.database + suffix, join(previous, DB_ENTRY + suffix));
            }
            if (await exists(paths.database)) await move(paths.database, join(previous, DB_ENTRY));
            await move(join(staging, DB_ENTRY), paths.database);
          }
          if (hasKey) {
            if (await exists(paths.secretKey)) await move(paths.secretKey, join(previous, SECRET_KEY_ENTRY));
            await move(join(staging, SECRET_KEY_ENTRY), paths.secretKey);
          }
          // Compliance documents belong to the database's rows: a backup that has them replaces them.
          if (manifest.documents) {
            if (await exists(paths.private)) await move(paths.private, join(previous, "private"));
            if (await exists(join(staging, "private"))) await move(join(staging, "private"), paths.private);
            if (hasDocumentsKey) {
              if (await exists(paths.documentsKey))
                await move(paths.documentsKey, join(previous, DOCUMENTS_KEY_ENTRY));
              await move(join(staging, DOCUMENTS_KEY_ENTRY), paths.documentsKey);
            }
          }
          // Last: one transaction, so when it fails the database is as it was and the files go back.
          if (postgres) {
            await restorePostgres(join(staging, PG_DUMP_ENTRY), config.db.url, {
              dumpMajor: manifest.postgres?.pgDumpMajor ?? 0,
              dropTables: fanzTableNames(),
            });
          }
        } catch (err) {
          let rolledBack = true;
          for (const [from, to] of moves.reverse()) await rename(to, from).catch(() => (rolledBack = false));
          keepPrevious = !rolledBack;
          s3.fail();
          if (err instanceof CliError) {
            throw new CliError(
              `${err.message} ` +
                (rolledBack ? "The previous files were put back." : `The previous files are in ${previous}.`),
              err.suggestion,
            );
          }
          throw new CliError(
            `Could not swap in the restored files (${(err as Error).message}); ` +
              (rolledBack ? "the previous data was put back." : `the previous data is in ${previous}.`),
            `Check permissions and free space in ${paths.root}.`,
          );
        }
        keepPrevious = false;
        s3.done(
          (manifest.media ? "database and media" : "database only; the backup has no media") +
            (hasKey ? ", secret key" : "") +
            (manifest.documents ? ", compliance documents" : ""),
        );

        if (postgres) await checkRestoredCounts(config.db.url, manifest.postgres?.rowCounts ?? {});
        const s4 = steps.step("Apply migrations");
        if (postgres) {
          const db = await openPostgres(config.db.url, 1);
          try {
            const applied = await migrateDb(db);
            s4.done(applied.length ? `applied ${applied.join(", ")}` : "up to date");
          } finally {
            await db.close();
          }
        } else {
          const db = openSqlite(paths.database);
          try {
            const applied = migrate(db.raw.writer);
            s4.done(applied.length ? `applied ${applied.join(", ")}` : "up to date");
          } finally {
            await db.close();
          }
        }
        if (manifest.config) {
          const target = join(paths.root, "config.from-backup.toml");
          await rm(target, { force: true });
          await rename(join(staging, CONFIG_ENTRY), target);
          process.stdout.write(
            `The backup's config file was saved as ${target}; your current config was not changed.\n`,
          );
        }
        returnToServiceUser(paths.root);
        process.stdout.write(
          `Restored ${file} (made ${manifest.createdAt}) into ${postgres ? `${redactUrl(config.db.url)} and ` : ""}${paths.root}.\n`,
        );
      } finally {
        await rm(staging, { recursive: true, force: true });
        if (!keepPrevious) await rm(previous, { recursive: true, force: true });
      }
    });
}

/** The restored database holds exactly the rows the backup counted in its snapshot. */
async function checkRestoredCounts(url: string, expected: Record<string, number>): Promise<void> {
  const pool = await connectPool(url, 1);
  try {
    const got = await rowCounts(pool, Object.keys(expected));
    const wrong = Object.keys(expected).filter((t) => got[t] !== expected[t]);
    if (wrong.length > 0) {
      const t = wrong[0]!;
      throw new CliError(
        `The restored database does not hold what the backup recorded (${t}: ${got[t] ?? "missing"} rows, expected ${expected[t]}).`,
        "Restore another backup, or run `fanzctl doctor` to see what is there.",
      );
    }
  } finally {
    await pool.end();
  }
}
