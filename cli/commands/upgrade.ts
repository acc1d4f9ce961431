// fanzctl upgrade --binary PATH | --rollback: replace the running version the safe way. Titled steps:
// back up, install the new version dir, stop, migrate with the NEW binary, swap `current`, start, wait for
// /readyz. If the new version does not come up healthy it rolls back by itself: swap `current` back,
// restore the pre-upgrade backup when a migration ran, start the old version, and say so. On PostgreSQL the
// backup is a pg_dump; its restore replaces the tables the old version knows, and what the new version's
// migrations created besides (listed against a snapshot taken with the backup) is dropped first.
// The service is systemd's `fanz` on a real install; under --prefix (tests, staging trees) it is a process
// this command starts itself (pid in <data_dir>/fanz.pid).
import type { Command } from "commander";
import { spawn, spawnSync } from "node:child_process";
import {
  copyFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../../src/config/load.ts";
import { CliError } from "../errors.ts";
import { backupsDir } from "../lib/backup-archive.ts";
import { dropObjectsNotIn, pgObjects, type PgObject } from "../lib/pg-objects.ts";
import { createSteps } from "../lib/steps.ts";
import { installLayout } from "./install.ts";

interface Service {
  stop(): void;
  start(): void;
}

function systemdService(): Service {
  const ctl = (verb: string) => {
    const r = spawnSync("systemctl", [verb, "fanz"], { encoding: "utf8" });
    if (r.status !== 0)
      throw new CliError(`systemctl ${verb} fanz failed: ${r.stderr.trim()}`, "See `journalctl -u fanz`.");
  };
  return {
    stop: () => ctl("stop"),
    start() {
      // A broken build that kept crashing has used up the unit's start limit; without this the rollback's
      // start would be refused ("start of the service was attempted too often").
      spawnSync("systemctl", ["reset-failed", "fanz"], { encoding: "utf8" });
      ctl("start");
    },
  };
}

/** Under --prefix: the service is a plain background process of `current/fanzctl serve`. */
function processService(current: string, config: string, dataDir: string): Service {
  const pidFile = join(dataDir, "fanz.pid");
  return {
    stop() {
      if (!existsSync(pidFile)) return;
      const pid = Number(readFileSync(pidFile, "utf8"));
      rmSync(pidFile, { force: true });
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        return; // already gone
      }
      // Gone means: no process, or only a zombie its parent has not reaped yet.
      const alive = () => {
        try {
          return !/^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
        } catch {
          return false;
        }
      };
      const deadline = Date.now() + 15_000;
      while (alive()) {
        if (Date.now() > deadline) {
          process.kill(pid, "SIGKILL");
          break;
        }
        spawnSync("sleep", ["0.1"]);
      }
    },
    start() {
      const log = openSync(join(dataDir, "fanz.log"), "a");
      const child = spawn(join(current, "fanzctl"), ["serve", "--config", config], {
        detached: true,
        stdio: ["ignore", log, log],
      });
      child.unref();
      writeFileSync(pidFile, String(child.pid));
    },
  };
}

async function healthy(port: number, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function portClosed(port: number, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const open = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      () => true,
      () => false,
    );
    if (!open) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** Runs a version's fanzctl; returns its output, or throws with the tail of it. */
function runVersion(binary: string, args: string[]): string {
  const r = spawnSync(binary, args, { encoding: "utf8", timeout: 10 * 60_000 });
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  if (r.status !== 0) throw new Error(output.trim().split("\n").slice(-3).join(" ") || `exit ${r.status}`);
  return output;
}

/** Points `link` at `target` atomically (temp link + rename). */
function relink(link: string, target: string): void {
  const tmp = `${link}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  symlinkSync(target, tmp);
  renameSync(tmp, link);
}

export function registerUpgrade(program: Command): void {
  program
    .command("upgrade")
    .description("install a new fanzctl version (backup, migrate, swap, health check; rolls back by itself)")
    .option("--binary <path>", "the new fanzctl binary")
    .option("--rollback", "go back to the version before the last upgrade")
    .option("--prefix <root>", "the install root (default /)", "/")
    .option("--health-seconds <n>", "how long the new version has to become ready", "30")
    .action(async (opts: { binary?: string; rollback?: boolean; prefix: string; healthSeconds: string }) => {
      const layout = installLayout(opts.prefix);
      if (!existsSync(layout.config)) {
        throw new CliError(
          `No Fanz install found under ${opts.prefix} (${layout.config} is missing).`,
          "Run `fanzctl install` first.",
        );
      }
      const { config } = loadConfig({ file: layout.config, env: {} });
      const currentLink = join(layout.optDir, "current");
      const previousLink = join(layout.optDir, "previous");
      const oldTarget = readlinkSync(currentLink);
      const oldBinary = join(layout.optDir, oldTarget, "fanzctl");
      const service =
        opts.prefix === "/" ? systemdService() : processService(currentLink, layout.config, config.data.dir);
      const steps = createSteps();
      const port = config.server.port;

      if (opts.rollback) {
        if (!existsSync(previousLink)) throw new CliError("There is no previous version to go back to.");
        const back = readlinkSync(previousLink);
        const s = steps.step(`Switch back to ${back}`);
        service.stop();
        relink(currentLink, back);
        relink(previousLink, oldTarget);
        service.start();
        if (!(await healthy(port, Number(opts.healthSeconds)))) {
          s.fail("not healthy");
          throw new CliError(`${back} did not become ready.`, "Check the log and `fanzctl doctor`.");
        }
        s.done();
        console.log(
          `Rolled back to ${back}. (A database migrated by the newer version is not un-migrated: restore its pre-upgrade backup if needed.)`,
        );
        return;
      }

      if (!opts.binary) throw new CliError("Which binary?", "Pass --binary PATH (or --rollback).");
      const version = runVersion(opts.binary, ["--version"]).trim().split("\n").pop()!.trim();
      if (!/^[0-9A-Za-z.+-]{1,40}$/.test(version))
        throw new CliError(`The new binary reports an odd version "${version}".`);
      const newTarget = `versions/${version}`;
      if (newTarget === oldTarget) throw new CliError(`Version ${version} is already the current one.`);

      let s = steps.step("Back up before upgrading");
      const backupFile = join(backupsDir(config), `pre-upgrade-${version}-${Date.now()}.tar.gz`);
      mkdirSync(backupsDir(config), { recursive: true });
      runVersion(oldBinary, ["backup", "--config", layout.config, "--to", backupFile]);
      // Nothing writes the schema between here and the migrations: the service is stopped before them.
      const pgBefore: PgObject[] | null =
        config.db.dialect === "postgres" ? await pgObjects(config.db.url) : null;
      s.done(backupFile + (pgBefore ? ` (pg_dump; ${pgBefore.length} database objects listed)` : ""));

      s = steps.step(`Install ${version}`);
      const versionDir = join(layout.optDir, newTarget);
      mkdirSync(versionDir, { recursive: true });
      copyFileSync(opts.binary, join(versionDir, "fanzctl"));
      chmodSync(join(versionDir, "fanzctl"), 0o755);
      s.done(versionDir);

      s = steps.step("Stop the service");
      service.stop();
      if (!(await portClosed(port, 15)))
        throw new CliError(`Something still answers on port ${port}.`, "Stop it, then retry.");
      s.done();

      let migrated = false;
      const previousBefore = existsSync(previousLink) ? readlinkSync(previousLink) : null;
      const rollback = async (why: string): Promise<never> => {
        const r = steps.step(`Roll back to ${oldTarget}`);
        service.stop();
        relink(currentLink, oldTarget);
        if (previousBefore) relink(previousLink, previousBefore);
        else rmSync(previousLink, { force: true });
        let dropped: PgObject[] = [];
        if (migrated && pgBefore) dropped = await dropObjectsNotIn(config.db.url, pgBefore);
        if (migrated) runVersion(oldBinary, ["restore", backupFile, "--yes", "--config", layout.config]);
        service.start();
        // --health-seconds judges the new version; the old one, known good, gets at least 30 s to start
        // again (a short judgement window on a loaded machine must not report a good rollback as failed).
        const ok = await healthy(port, Math.max(Number(opts.healthSeconds), 30));
        const extra = dropped.length
          ? `; dropped what ${version} created: ${dropped.map((o) => `${o.kind.toLowerCase()} ${o.name}`).join(", ")}`
          : "";
        if (ok) r.done(migrated ? `pre-upgrade backup restored${extra}` : "no migration had run");
        else r.fail("the old version is not healthy either");
        throw new CliError(
          `Upgrade to ${version} failed (${why}); rolled back to ${oldTarget}${migrated ? " and restored the pre-upgrade backup" : ""}.`,
          ok ? "The site is serving the old version. Check the new binary's log." : "Run `fanzctl doctor`.",
        );
      };

      s = steps.step("Apply the new version's migrations");
      try {
        const out = runVersion(join(versionDir, "fanzctl"), [
          "migrate",
          "up",
          "--no-backup",
          "--config",
          layout.config,
        ]);
        migrated = /Applied:/.test(out);
        s.done(migrated ? "applied" : "none pending");
      } catch (err) {
        s.fail((err as Error).message);
        // A failed migration leaves the database as it was (each runs in its own transaction).
        await rollback("its migrations failed");
      }

      s = steps.step("Switch to the new version and start it");
      relink(currentLink, newTarget);
      relink(previousLink, oldTarget);
      service.start();
      if (!(await healthy(port, Number(opts.healthSeconds)))) {
        s.fail("not ready in time");
        await rollback("it did not become ready");
      }
      s.done();
      console.log(`Fanz ${version} is running. \`fanzctl upgrade --rollback\` goes back to ${oldTarget}.`);
    });
}
