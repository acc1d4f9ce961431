// fanzctl restore FILE: puts a backup back. Order matters: refuse a running site and a newer schema,
// extract and check every checksum into a staging dir next to the data (nothing live is touched yet),
// then swap by rename (old files kept aside until the swap is complete, so a crash leaves either the
// old or the new data, and a failed swap is rolled back), then run migrations. The backup's secret.key
// comes back with the database: the payout details in it are sealed with that key.
import type { Command } from "commander";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { createInterface } from "node:readline/promises";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { openSqlite } from "../../src/db/client.ts";
import { migrate } from "../../src/db/migrate.ts";
import { dataPaths } from "../../src/lib/paths.ts";
import type { Config } from "../../src/config/schema.ts";
import { CliError } from "../errors.ts";
import { withCommonOptions, type CommonOptions } from "../options.ts";
import {
  CONFIG_ENTRY,
  DB_ENTRY,
  extractAndVerify,
  findBackup,
  SECRET_KEY_ENTRY,
  unknownTags,
} from "../lib/backup-archive.ts";
import { loadCliConfig } from "../lib/config.ts";
import { integrityProblems } from "../lib/db-health.ts";
import { createSteps } from "../lib/steps.ts";
import { processesUsing } from "../lib/open-files.ts";

interface RestoreOptions extends CommonOptions {
  yes?: boolean;
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

/** True when something answers /healthz on the configured port: a `fanzctl serve` using this data. */
export async function serverAnswers(config: Config): Promise<string | null> {
  if (config.server.port === 0) return null;
  const h = config.server.host;
  const host = h === "0.0.0.0" || h === "::" || h === "" ? "127.0.0.1" : h.includes(":") ? `[${h}]` : h;
  const url = `http://${host}:${config.server.port}/healthz`;
  try {
    await fetch(url, { signal: AbortSignal.timeout(1500) });
    return url;
  } catch {
    return null;
  }
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

      const running = await serverAnswers(config);
      if (running) {
        throw new CliError(
          `A Fanz server is running (${running} answers); restoring under it would corrupt its data.`,
          "Stop the service first (e.g. `systemctl stop fanz`), then run the restore again.",
        );
      }
      const holders = await processesUsing(paths.database);
      if (holders.length > 0) {
        const h = holders[0]!;
        throw new CliError(
          `The database is open in process ${h.pid} (${h.command || "unknown"}); restoring under it would corrupt its data.`,
          "Stop the service first (e.g. `systemctl stop fanz`), then run the restore again.",
        );
      }
      if (!opts.yes) {
        if (!process.stdin.isTTY) {
          throw new CliError(
            "Restore replaces the database and media and needs confirmation, but there is no terminal to ask.",
            `Run \`fanzctl restore ${fileArg} --yes\` to confirm.`,
          );
        }
        const ok = await confirm(`Replace the database and media in ${paths.root} with ${file}? [y/N] `);
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

        // 2. Swap by rename; the old data stays in `previous` until the swap is complete.
        const s3 = steps.step("Replace the database and media");
        const hasKey = manifest.files.some((f) => f.path === SECRET_KEY_ENTRY);
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
          for (const suffix of ["-wal", "-shm"]) {
            if (await exists(paths.database + suffix))
              await move(paths.database + suffix, join(previous, DB_ENTRY + suffix));
          }
          if (await exists(paths.database)) await move(paths.database, join(previous, DB_ENTRY));
          await move(join(staging, DB_ENTRY), paths.database);
          if (hasKey) {
            if (await exists(paths.secretKey)) await move(paths.secretKey, join(previous, SECRET_KEY_ENTRY));
            await move(join(staging, SECRET_KEY_ENTRY), paths.secretKey);
          }
        } catch (err) {
          let rolledBack = true;
          for (const [from, to] of moves.reverse()) await rename(to, from).catch(() => (rolledBack = false));
          keepPrevious = !rolledBack;
          s3.fail();
          throw new CliError(
            `Could not swap in the restored files (${(err as Error).message}); ` +
              (rolledBack ? "the previous data was put back." : `the previous data is in ${previous}.`),
            `Check permissions and free space in ${paths.root}.`,
          );
        }
        keepPrevious = false;
        s3.done(
          (manifest.media ? "database and media" : "database only; the backup has no media") +
            (hasKey ? ", secret key" : ""),
        );

        const s4 = steps.step("Apply migrations");
        const db = openSqlite(paths.database);
        try {
          const applied = migrate(db.raw.writer);
          s4.done(applied.length ? `applied ${applied.join(", ")}` : "up to date");
        } finally {
          await db.close();
        }
        if (manifest.config) {
          const target = join(paths.root, "config.from-backup.toml");
          await rm(target, { force: true });
          await rename(join(staging, CONFIG_ENTRY), target);
          process.stdout.write(
            `The backup's config file was saved as ${target}; your current config was not changed.\n`,
          );
        }
        process.stdout.write(`Restored ${file} (made ${manifest.createdAt}) into ${paths.root}.\n`);
      } finally {
        await rm(staging, { recursive: true, force: true });
        if (!keepPrevious) await rm(previous, { recursive: true, force: true });
      }
    });
}
