// The system steps fanzctl install is made of: commands, files written only when they change, links,
// the OS, free disk and ports, the config it writes, and the prompts. Kept apart so install.ts reads as
// the list of its steps.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  statfsSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline/promises";
import { stringify } from "smol-toml";
import { ConfigError, loadConfig } from "../../src/config/load.ts";
import type { Config } from "../../src/config/schema.ts";
import { projectRoot } from "../../src/lib/paths.ts";
import { CliError } from "../errors.ts";

export const GB = 1024 ** 3;
export const out = (line: string) => process.stdout.write(line + "\n");

/**
 * A file that ships with Fanz (the nginx and systemd templates). Read from the checkout for now; the single
 * executable will hand back its embedded copy here, so this stays the only place that reads them.
 */
export function shippedFile(relativePath: string): string {
  return readFileSync(join(projectRoot, relativePath), "utf8");
}

/** Where everything goes, under `root` ("/" for a real install). */
export function installLayout(root: string) {
  const at = (p: string) => join(root, p);
  return {
    root,
    configDir: at("etc/fanz"),
    config: at("etc/fanz/config.toml"),
    dataDir: at("var/lib/fanz"),
    optDir: at("opt/fanz"),
    binLink: at("usr/local/bin/fanzctl"),
    unit: at("etc/systemd/system/fanz.service"),
    backupUnit: at("etc/systemd/system/fanz-backup.service"),
    backupTimer: at("etc/systemd/system/fanz-backup.timer"),
    siteAvailable: at("etc/nginx/sites-available/fanz.conf"),
    siteEnabled: at("etc/nginx/sites-enabled/fanz.conf"),
    /** A certificate the operator brings (--tls-cert/--tls-key) is copied here. */
    tlsDir: at("etc/fanz/tls"),
    /** certbot --webroot writes ACME challenge tokens here; nginx serves them on port 80. */
    acmeWebroot: at("var/www/fanz-acme"),
    letsencrypt: {
      config: at("etc/letsencrypt"),
      work: at("var/lib/letsencrypt"),
      logs: at("var/log/letsencrypt"),
    },
  };
}

/** Runs a command; throws a CliError with the end of its output when it fails. */
export function run(cmd: string, args: string[], suggestion?: string): string {
  const r = spawnSync(cmd, args, {
    encoding: "utf8",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    timeout: 15 * 60_000,
  });
  if (r.status !== 0) {
    const detail = `${r.stderr ?? ""}${r.stdout ?? ""}`.trim().split("\n").slice(-3).join(" ");
    throw new CliError(
      `\`${cmd} ${args.join(" ")}\` failed: ${detail || r.error?.message || `exit ${r.status}`}`,
      suggestion,
    );
  }
  return r.stdout;
}

export const succeeds = (cmd: string, args: string[]) =>
  spawnSync(cmd, args, { stdio: "ignore" }).status === 0;

export function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(":").concat(["/usr/sbin", "/usr/bin"])) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

export function osRelease(): { id: string; like: string; name: string } {
  let text = "";
  try {
    text = readFileSync("/etc/os-release", "utf8");
  } catch {
    /* handled below: an unknown OS */
  }
  const field = (key: string) => new RegExp(`^${key}=("?)(.*)\\1$`, "m").exec(text)?.[2]?.trim() ?? "";
  return {
    id: field("ID").toLowerCase(),
    like: field("ID_LIKE").toLowerCase(),
    name: field("PRETTY_NAME") || "an unknown system",
  };
}

/** Free bytes on the filesystem that will hold `path` (its nearest existing ancestor). */
export function freeBytes(path: string): number {
  let p = path;
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  const s = statfsSync(p);
  return s.bavail * s.bsize;
}

/** The --prefix service (`fanzctl serve` started with its pid in <data_dir>/fanz.pid) is alive. */
export function prefixServiceRunning(dataDir: string): boolean {
  try {
    const pid = Number(readFileSync(join(dataDir, "fanz.pid"), "utf8"));
    process.kill(pid, 0);
    return pid > 0;
  } catch {
    return false;
  }
}

export function portFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const srv = createServer();
    srv.once("error", () => ok(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => ok(true)));
  });
}

/** Writes `content` (temp file + rename) unless the file already holds exactly that; true when written. */
export function writeIfChanged(file: string, content: string, mode: number): boolean {
  if (existsSync(file) && readFileSync(file, "utf8") === content) {
    chmodSync(file, mode);
    return false;
  }
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, content, { mode });
  chmodSync(tmp, mode);
  renameSync(tmp, file);
  return true;
}

/** Points `link` at `target`, swapping atomically (temp link + rename); true when it changed. */
export function relink(link: string, target: string): boolean {
  try {
    if (readlinkSync(link) === target) return false;
  } catch {
    /* missing (or not a link: the rename below replaces a file, and fails on a directory) */
  }
  mkdirSync(dirname(link), { recursive: true });
  const tmp = `${link}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  symlinkSync(target, tmp);
  renameSync(tmp, link);
  return true;
}

export const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

export function configToml(opts: { port: number; domain?: string; dataDir: string }): string {
  const header = [
    `# Fanz configuration, written by \`fanzctl install\` (${new Date().toISOString()}).`,
    "# Every key with its meaning: config.example.toml; check it with `fanzctl config check --config <this file>`.",
    "# `fanzctl install --tls` (or --tls-cert/--tls-key) sets public_url to https://. Stripe keys go in [payments]",
    "# (provider, stripe_secret_key, stripe_webhook_secret) or FANZ_PAYMENTS__* environment variables.",
    "",
  ].join("\n");
  const body = stringify({
    server: {
      host: "127.0.0.1",
      port: opts.port,
      public_url: opts.domain ? `http://${opts.domain}` : "",
      trust_proxy: true,
    },
    data: { dir: opts.dataDir },
    payments: { provider: "sandbox" },
  });
  return `${header}${body}\n`;
}

/**
 * Sets [server] public_url in an existing config file, editing only that line (the operator's comments and
 * keys stay); true when the file changed. The result must still load, else nothing is written.
 */
export function setPublicUrl(file: string, url: string): boolean {
  const text = readFileSync(file, "utf8");
  const line = `public_url = ${JSON.stringify(url)}`;
  const lines = text.split("\n");
  const header = (l: string) => /^\s*\[/.test(l);
  const start = lines.findIndex((l) => /^\s*\[server\]\s*(#.*)?$/.test(l));
  if (start < 0) lines.push("", "[server]", line);
  else {
    let end = lines.findIndex((l, i) => i > start && header(l));
    if (end < 0) end = lines.length;
    const at = lines.findIndex((l, i) => i > start && i < end && /^\s*public_url\s*=/.test(l));
    if (at >= 0) {
      if (lines[at] === line) return false;
      lines[at] = line;
    } else lines.splice(start + 1, 0, line);
  }
  const next = lines.join("\n");
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, next, { mode: statSync(file).mode & 0o777 });
  try {
    loadInstalledConfig(tmp);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
  return true;
}

export function loadInstalledConfig(file: string): Config {
  try {
    return loadConfig({ file, env: {} }).config;
  } catch (err) {
    if (err instanceof ConfigError) {
      throw new CliError(
        `The existing ${file} is not valid:\n${err.problems.map((p) => `  - ${p}`).join("\n")}`,
        "Fix it (install keeps an existing config as it is), then run install again.",
        78,
      );
    }
    throw err;
  }
}

export async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

export async function waitForFile(file: string, ms: number): Promise<string | null> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
    try {
      const text = readFileSync(file, "utf8").trim();
      if (text) return text;
    } catch {
      /* not written yet */
    }
  }
  return null;
}
