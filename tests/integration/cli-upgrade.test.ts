// fanzctl upgrade on a --prefix install: a good upgrade swaps versions; one whose new version fails its
// health check rolls back by itself (restoring the pre-upgrade backup when its migration ran) and the site
// keeps serving; --rollback goes back to the previous version.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { freePort, repoRoot } from "../helpers/app-process.ts";

const dir = mkdtempSync(join(tmpdir(), "fanz-upgrade-"));
const root = join(dir, "root");
const dataDir = join(root, "var/lib/fanz");
const config = join(root, "etc/fanz/config.toml");
const cli = join(repoRoot, "cli/bin.mjs");

/** A stand-in "binary": the checkout's fanzctl, reporting `version`, with optional overrides. */
function fakeBinary(name: string, version: string, extra = ""): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    [
      "#!/bin/sh",
      `if [ "$1" = "--version" ]; then echo ${version}; exit 0; fi`,
      extra,
      `exec "${process.execPath}" "${cli}" "$@"`,
    ].join("\n"),
    { mode: 0o755 },
  );
  return file;
}

const fanzctl = (args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], {
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, FANZ_LOG__LEVEL: "warn" },
  });
const current = () => readlinkSync(join(root, "opt/fanz/current"));
let port = 0;
/** Ready within a few seconds (a pooled connection to a replaced server fails once, so retry). */
const ready = async () => {
  for (let i = 0; i < 50; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
};

describe("fanzctl upgrade", () => {
  beforeAll(async () => {
    port = await freePort();
    const install = fanzctl([
      "install",
      "--prefix",
      root,
      "--binary",
      fakeBinary("v1", "0.1.0"),
      "--port",
      String(port),
      "--yes",
    ]);
    expect(install.status, install.stderr).toBe(0);
    // Start the installed version the way the prefix service does (pid file in the data dir).
    const log = openSync(join(dataDir, "fanz.log"), "a");
    const child = spawn(join(root, "opt/fanz/current/fanzctl"), ["serve", "--config", config], {
      detached: true,
      stdio: ["ignore", log, log],
    });
    child.unref();
    writeFileSync(join(dataDir, "fanz.pid"), String(child.pid));
    for (let i = 0; i < 100 && !(await ready()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await ready()).toBe(true);
  }, 120_000);

  afterAll(() => {
    const pidFile = join(dataDir, "fanz.pid");
    if (existsSync(pidFile)) {
      try {
        process.kill(Number(readFileSync(pidFile, "utf8")), "SIGKILL");
      } catch {
        /* gone */
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("upgrades: backup, new version dir, swap, healthy", { timeout: 120_000 }, async () => {
    const r = fanzctl(["upgrade", "--prefix", root, "--binary", fakeBinary("v2", "0.2.0")]);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toContain("Fanz 0.2.0 is running");
    expect(current()).toBe("versions/0.2.0");
    expect(await ready()).toBe(true);
    expect(spawnSync("ls", [join(dataDir, "backups")], { encoding: "utf8" }).stdout).toMatch(
      /pre-upgrade-0\.2\.0-/,
    );
    // doctor sees the running service.
    expect(fanzctl(["doctor", "--config", config]).stdout).toContain(`[pass] Service: ready on port ${port}`);
  });

  it(
    "rolls back by itself when the new version is not healthy, restoring the backup if it migrated",
    { timeout: 120_000 },
    async () => {
      // The broken build "migrates" (it changes the database) and then cannot serve.
      const marker = `"${process.execPath}" -e "const D=require('${join(repoRoot, "node_modules/better-sqlite3")}');new D('${join(dataDir, "fanz.db")}').prepare(\\"INSERT INTO site_settings VALUES ('upgrade_marker','1',0)\\").run()"`;
      const bad = fakeBinary(
        "v3",
        "0.3.0",
        [
          `if [ "$1" = "migrate" ]; then ${marker}; echo "Applied: 9999_broken"; exit 0; fi`,
          'if [ "$1" = "serve" ]; then echo "cannot start" >&2; exit 1; fi',
        ].join("\n"),
      );
      const r = fanzctl(["upgrade", "--prefix", root, "--binary", bad, "--health-seconds", "4"]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/rolled back to versions\/0\.2\.0 and restored the pre-upgrade backup/);
      expect(current()).toBe("versions/0.2.0");
      expect(await ready()).toBe(true);
      const db = new Database(join(dataDir, "fanz.db"), { readonly: true });
      const row = db.prepare("SELECT 1 FROM site_settings WHERE key = 'upgrade_marker'").get();
      db.close();
      expect(row).toBeUndefined();
    },
  );

  it("--rollback goes back to the previous version", { timeout: 60_000 }, async () => {
    const r = fanzctl(["upgrade", "--prefix", root, "--rollback"]);
    expect(r.status, r.stderr).toBe(0);
    expect(current()).toBe("versions/0.1.0");
    expect(await ready()).toBe(true);
  });
});
