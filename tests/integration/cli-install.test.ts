// fanzctl install --prefix (the produced tree, checked by the tools that will read it: fanzctl config check,
// systemd-analyze verify, nginx -t, the migration table) and installer/install.sh's refusals.
import { beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pkg from "../../package.json" with { type: "json" };
import { sqliteMigrations } from "../../src/db/migrations/sqlite.ts";
import { NGINX } from "../helpers/nginx.ts";
import { freePort, repoRoot } from "../helpers/app-process.ts";

const fanzctl = (args: string[]) =>
  spawnSync(process.execPath, ["cli/bin.mjs", ...args], {
    cwd: repoRoot,
    env: { ...process.env, FANZ_LOG__LEVEL: "error" },
    encoding: "utf8",
    timeout: 60_000,
  });

const SYSTEMD_ANALYZE = "/usr/bin/systemd-analyze";
const RUNUSER = ["/usr/sbin/runuser", "/sbin/runuser"].find((p) => existsSync(p));
const mode = (p: string) => statSync(p).mode & 0o777;

describe("fanzctl install --prefix with [backup] dir on another disk", () => {
  it("creates the dir and lets the daily backup job write there", async () => {
    const root = join(mkdtempSync(join(tmpdir(), "fanz-install-backup-dir-")), "root");
    const backupDir = join(root, "mnt/backup-disk/fanz");
    mkdirSync(join(root, "etc/fanz"), { recursive: true });
    writeFileSync(
      join(root, "etc/fanz/config.toml"),
      `[server]\nport = ${await freePort()}\n[data]\ndir = "${join(root, "var/lib/fanz")}"\n[backup]\ndir = "${backupDir}"\n`,
    );
    const binary = join(root, "..", "fanzctl-dummy");
    writeFileSync(binary, "#!/bin/sh\necho fanzctl dummy\n");
    chmodSync(binary, 0o755);
    const r = fanzctl(["install", "--prefix", root, "--binary", binary, "--yes"]);
    expect(r.status, r.stderr).toBe(0);
    expect(statSync(backupDir).isDirectory()).toBe(true);
    const unit = readFileSync(join(root, "etc/systemd/system/fanz-backup.service"), "utf8");
    expect(unit).toMatch(new RegExp(`^ReadWritePaths=.*${join(root, "var/lib/fanz")} ${backupDir}$`, "m"));
  });
});

describe("fanzctl install --prefix", () => {
  const work = mkdtempSync(join(tmpdir(), "fanz-install-"));
  const root = join(work, "root");
  const binary = join(work, "fanzctl-dummy");
  writeFileSync(binary, "#!/bin/sh\necho fanzctl dummy\n");
  chmodSync(binary, 0o755);
  const args = ["install", "--prefix", root, "--binary", binary, "--domain", "fans.example.com", "--yes"];
  let port = 0;
  let first: ReturnType<typeof fanzctl>;
  beforeAll(async () => {
    port = await freePort();
    first = fanzctl([...args, "--port", String(port)]);
  });

  const config = join(root, "etc/fanz/config.toml");
  const dataDir = join(root, "var/lib/fanz");
  const unit = join(root, "etc/systemd/system/fanz.service");
  const site = join(root, "etc/nginx/sites-available/fanz.conf");
  const current = join(root, "opt/fanz/current");

  it("succeeds and says how to start", () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/Create the fanz system user: done \(skipped under --prefix\)/);
    expect(first.stdout).toContain("systemctl daemon-reload && systemctl enable --now fanz");
    expect(first.stdout).toContain("http://fans.example.com/setup?token=");
  });

  it("produces the tree with the right modes and links", () => {
    expect(mode(config)).toBe(0o640);
    for (const d of ["media", "backups", "tmp"]) expect(statSync(join(dataDir, d)).isDirectory()).toBe(true);
    const installed = join(root, "opt/fanz/versions", pkg.version, "fanzctl");
    expect(readFileSync(installed, "utf8")).toBe(readFileSync(binary, "utf8"));
    expect(mode(installed)).toBe(0o755);
    expect(lstatSync(current).isSymbolicLink()).toBe(true);
    expect(readlinkSync(current)).toBe(`versions/${pkg.version}`);
    const enabled = join(root, "etc/nginx/sites-enabled/fanz.conf");
    expect(lstatSync(enabled).isSymbolicLink()).toBe(true);
    expect(realpathSync(enabled)).toBe(realpathSync(site));
    const toml = readFileSync(config, "utf8");
    expect(toml).toContain('public_url = "http://fans.example.com"');
    expect(toml).toContain('host = "127.0.0.1"');
    expect(toml).toContain(`dir = "${dataDir}"`);
  });

  it("writes a config that `fanzctl config check` accepts", () => {
    const r = fanzctl(["config", "check", "--config", config]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("Configuration is valid");
  });

  it("writes a hardened unit whose paths are inside the prefix", () => {
    const text = readFileSync(unit, "utf8");
    for (const section of ["[Unit]", "[Service]", "[Install]"]) expect(text).toContain(section);
    expect(text).toContain(`ExecStart=${current}/fanzctl serve --config ${config}`);
    expect(text).toContain(`ReadWritePaths=${dataDir}`);
    for (const line of ["NoNewPrivileges=true", "ProtectSystem=strict", "Restart=on-failure", "User=fanz"])
      expect(text).toContain(line);
    expect(text).not.toContain("{{");
  });

  it.runIf(existsSync(SYSTEMD_ANALYZE))(
    "writes units `systemd-analyze verify` accepts (service, daily backup + timer)",
    () => {
      const backupUnit = join(root, "etc/systemd/system/fanz-backup.service");
      const timer = join(root, "etc/systemd/system/fanz-backup.timer");
      expect(readFileSync(backupUnit, "utf8")).toContain(
        `backup --config ${join(root, "etc/fanz/config.toml")}`,
      );
      expect(readFileSync(timer, "utf8")).toContain("OnCalendar=");
      const r = spawnSync(SYSTEMD_ANALYZE, ["verify", "--man=no", unit, backupUnit, timer], {
        encoding: "utf8",
      });
      // In a prefix the fanz user does not exist; anything else (unknown keys, bad values) is a real error.
      const problems = `${r.stderr}${r.stdout}`
        .split("\n")
        .filter((l) => l.trim() && !/user|group|fanz.*(not found|no such|does not exist)/i.test(l));
      expect(problems).toEqual([]);
      expect(r.status).toBe(0);
    },
  );

  // nginx is a dependency CI installs, so a missing one fails here rather than skipping.
  it("writes an nginx site `nginx -t` accepts", () => {
    if (!NGINX) throw new Error("nginx is not installed (apt-get install nginx)");
    const dir = mkdtempSync(join(tmpdir(), "fanz-install-nginx-"));
    mkdirSync(join(dir, "logs"));
    const enabled = join(root, "etc/nginx/sites-enabled/fanz.conf");
    writeFileSync(
      join(dir, "nginx.conf"),
      [
        "worker_processes 1;",
        `pid ${dir}/nginx.pid;`,
        `error_log ${dir}/logs/error.log warn;`,
        "events { worker_connections 64; }",
        "http {",
        `  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;`,
        `  fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;`,
        `  include ${enabled};`,
        "}",
      ].join("\n"),
    );
    const r = spawnSync(NGINX!, ["-t", "-p", dir, "-c", join(dir, "nginx.conf")], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(site, "utf8");
    expect(text).toContain("server_name fans.example.com;");
    expect(text).toContain(`server 127.0.0.1:${port};`);
    expect(text).toContain(`alias ${dataDir}/media/;`);
  });

  it("applies every migration in the prefixed data dir", () => {
    const db = new Database(join(dataDir, "fanz.db"), { readonly: true });
    try {
      const tags = (db.prepare("SELECT tag FROM _migrations").all() as { tag: string }[]).map((r) => r.tag);
      expect(tags.sort()).toEqual(sqliteMigrations.map((m) => m.tag).sort());
    } finally {
      db.close();
    }
  });

  it("is idempotent: a second run keeps the config byte for byte and the same link", () => {
    const before = {
      config: readFileSync(config),
      unit: readFileSync(unit),
      unitMtime: statSync(unit).mtimeMs,
      site: readFileSync(site),
      link: readlinkSync(current),
    };
    // A different --port must not touch the kept config (nor the unit and site rendered from it).
    const again = fanzctl([...args, "--port", String(port + 1)]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain("kept the existing file");
    expect(again.stderr).toMatch(/Apply database migrations: done \(up to date\)/);
    expect(readFileSync(config).equals(before.config)).toBe(true);
    expect(readFileSync(unit).equals(before.unit)).toBe(true);
    expect(statSync(unit).mtimeMs).toBe(before.unitMtime);
    expect(readFileSync(site).equals(before.site)).toBe(true);
    expect(readlinkSync(current)).toBe(before.link);
    expect(mode(config)).toBe(0o640);
  });

  it("refuses without --binary when not run as the single executable", () => {
    const r = fanzctl(["install", "--prefix", join(work, "other"), "--yes"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("--binary");
  });
});

describe("installer/install.sh", () => {
  const script = readFileSync(join(repoRoot, "installer/install.sh"));
  const sh = (env: Record<string, string>, args: string[] = [], user?: string) => {
    const argv = ["bash", "-s", "--", ...args];
    const [cmd, ...rest] = user ? [RUNUSER!, "-u", user, "--", ...argv] : argv;
    return spawnSync(cmd!, rest, { input: script, env: { ...process.env, ...env }, encoding: "utf8" });
  };
  const isRoot = process.getuid?.() === 0;

  it("is valid bash", () => {
    expect(spawnSync("bash", ["-n", join(repoRoot, "installer/install.sh")]).status).toBe(0);
  });

  it.runIf(isRoot && Boolean(RUNUSER))("refuses a non-root user", () => {
    const r = sh({}, [], "nobody");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("must run as root");
  });

  it.runIf(isRoot)("refuses an unsupported architecture", () => {
    const r = sh({ FANZ_INSTALL_ARCH: "aarch64" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("unsupported architecture aarch64");
  });

  it.runIf(isRoot)("runs `fanzctl install` with its arguments from a copy of FANZ_BINARY", () => {
    const dir = mkdtempSync(join(tmpdir(), "fanz-install-sh-"));
    const stub = join(dir, "fanzctl");
    writeFileSync(stub, '#!/bin/sh\necho "ran: $*"\n', { mode: 0o644 });
    const r = sh({ FANZ_BINARY: stub }, ["--domain", "fans.example.com", "--yes"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ran: install --binary \S+\/fanzctl --domain fans\.example\.com --yes$/m);
    expect(r.stdout).not.toContain(stub);
    const missing = sh({ FANZ_BINARY: join(dir, "nope") });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("is not a file");
  });
});
