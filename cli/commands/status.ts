// fanzctl status: one screen on an installed site: the versions, the service, readiness, the database
// engine, disk, background jobs, the last backup and the certificate's expiry, each ok / warn / fail; exit 1
// when something fails. Read-only and quick (doctor is the thorough check): it never migrates, and it
// reads the jobs through the app's own db layer on either engine.
import type { Command } from "commander";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, readlinkSync, statSync } from "node:fs";
import { statfs } from "node:fs/promises";
import { join, resolve } from "node:path";
import pkg from "../../package.json" with { type: "json" };
import type { Config } from "../../src/config/schema.ts";
import { dbTarget, openDb, type Db } from "../../src/db/client.ts";
import { migrationStatusOf, unknownAppliedTags } from "../../src/db/migrate.ts";
import { jobsRepo } from "../../src/jobs/repo.ts";
import { dataPaths } from "../../src/lib/paths.ts";
import { backupsDir } from "../lib/backup-archive.ts";
import { loadCliConfig } from "../lib/config.ts";
import { installLayout, prefixServiceRunning } from "../lib/install-system.ts";
import { formatBytes } from "../lib/steps.ts";
import { certFacts, siteTls } from "../lib/tls.ts";

type Level = "ok" | "warn" | "fail";

interface Line {
  name: string;
  status: Level;
  message: string;
  data?: Record<string, unknown>;
}

const GB = 1024 ** 3;
const HOUR = 3_600_000;

function age(ms: number): string {
  if (ms < HOUR) return `${Math.max(0, Math.round(ms / 60_000))} min`;
  if (ms < 48 * HOUR) return `${Math.round(ms / HOUR)} h`;
  return `${Math.round(ms / (24 * HOUR))} days`;
}

function versionLine(layout: ReturnType<typeof installLayout>): Line {
  let current: string | null = null;
  try {
    // install and upgrade name each version's directory after the version it reports.
    current = readlinkSync(join(layout.optDir, "current")).replace(/^versions\//, "");
  } catch {
    /* not installed here */
  }
  const data = { cli: pkg.version, current };
  if (!current) {
    return {
      name: "version",
      status: "warn",
      message: `fanzctl ${pkg.version}; nothing installed in ${layout.optDir}`,
      data,
    };
  }
  if (current !== pkg.version) {
    return {
      name: "version",
      status: "warn",
      message: `this fanzctl is ${pkg.version}, the installed current is ${current}`,
      data,
    };
  }
  return { name: "version", status: "ok", message: `${current} (current and this fanzctl)`, data };
}

function serviceLine(prefixed: boolean, dataDir: string): Line {
  if (prefixed) {
    const pidFile = join(dataDir, "fanz.pid");
    if (prefixServiceRunning(dataDir)) {
      const pid = Number(readFileSync(pidFile, "utf8"));
      return { name: "service", status: "ok", message: `running (pid ${pid})`, data: { pid } };
    }
    return {
      name: "service",
      status: "fail",
      message: existsSync(pidFile) ? `stopped (stale ${pidFile})` : "stopped (no pid file)",
    };
  }
  if (existsSync("/etc/systemd/system/fanz.service") && existsSync("/usr/bin/systemctl")) {
    const state =
      spawnSync("systemctl", ["is-active", "fanz"], { encoding: "utf8" }).stdout.trim() || "unknown";
    return {
      name: "service",
      status: state === "active" ? "ok" : "fail",
      message: `systemd unit fanz: ${state}`,
      data: { systemd: state },
    };
  }
  return { name: "service", status: "warn", message: "not installed as a service (no systemd unit fanz)" };
}

async function readinessLine(config: Config): Promise<Line> {
  const h = config.server.host;
  const host = h === "0.0.0.0" || h === "::" || h === "" ? "127.0.0.1" : h.includes(":") ? `[${h}]` : h;
  const url = `http://${host}:${config.server.port}/readyz`;
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(3000) });
  } catch {
    return { name: "readiness", status: "fail", message: `nothing answers ${url}` };
  }
  const body = (await res.json().catch(() => null)) as {
    status?: string;
    checks?: Record<string, string>;
    database?: { name: string; version: string };
  } | null;
  const db = body?.database ? `${body.database.name} ${body.database.version}` : "engine unknown";
  if (res.status === 200 && body?.status === "ready") {
    return {
      name: "readiness",
      status: "ok",
      message: `ready on port ${config.server.port} (${db})`,
      data: { ...body },
    };
  }
  const bad = Object.entries(body?.checks ?? {})
    .filter(([, v]) => v !== "ok")
    .map(([k, v]) => `${k}: ${v}`);
  return {
    name: "readiness",
    status: "fail",
    message: `not ready (HTTP ${res.status}${bad.length ? `; ${bad.join("; ")}` : ""})`,
    data: { ...body },
  };
}

/** The engine and the schema, and the jobs through the app's jobs repo (only on a current schema). */
async function databaseLines(config: Config): Promise<Line[]> {
  const paths = dataPaths(config.data.dir);
  if (config.db.dialect === "sqlite" && !existsSync(paths.database)) {
    return [
      { name: "engine", status: "fail", message: `sqlite: no database at ${paths.database}` },
      { name: "jobs", status: "warn", message: "skipped: no database" },
    ];
  }
  let db: Db;
  try {
    db = await openDb(dbTarget(config, paths));
  } catch (err) {
    return [
      {
        name: "engine",
        status: "fail",
        message: `${config.db.dialect}: cannot open: ${(err as Error).message}`,
      },
      { name: "jobs", status: "warn", message: "skipped: the database does not open" },
    ];
  }
  try {
    const engine = db.engine();
    const migrations = await migrationStatusOf(db);
    const unknown = await unknownAppliedTags(db);
    const pending = migrations.filter((m) => !m.applied).length;
    const data = {
      engine: engine.name,
      version: engine.version,
      migrations: migrations.length - pending,
      pending,
      unknown,
    };
    const name = `${engine.name} ${engine.version}`;
    const engineLine: Line =
      unknown.length > 0
        ? {
            name: "engine",
            status: "fail",
            message: `${name}; migrations of a newer Fanz: ${unknown.join(", ")}`,
            data,
          }
        : pending > 0
          ? { name: "engine", status: "warn", message: `${name}; ${pending} migration(s) pending`, data }
          : {
              name: "engine",
              status: "ok",
              message: `${name}; schema current (${migrations.length} migrations)`,
              data,
            };
    if (engineLine.status !== "ok")
      return [engineLine, { name: "jobs", status: "warn", message: "skipped: the schema is not current" }];
    const counts = Object.fromEntries(
      (await jobsRepo.countByStatus(db.read)).map((r) => [r.status, Number(r.n)]),
    );
    const jobs = { pending: counts.queued ?? 0, running: counts.running ?? 0, failed: counts.failed ?? 0 };
    return [
      engineLine,
      {
        name: "jobs",
        status: jobs.failed > 0 ? "warn" : "ok",
        message: `${jobs.pending} pending, ${jobs.running} running, ${jobs.failed} failed`,
        data: jobs,
      },
    ];
  } finally {
    await db.close();
  }
}

async function diskLine(dataDir: string): Promise<Line> {
  const s = await statfs(dataDir).catch(() => null);
  if (!s) return { name: "disk", status: "fail", message: `cannot read the filesystem of ${dataDir}` };
  const free = s.bavail * s.bsize;
  const total = s.blocks * s.bsize;
  const pct = total > 0 ? Math.round((free / total) * 100) : 0;
  const data = { free, total };
  const message = `${formatBytes(free)} free of ${formatBytes(total)} (${pct}%) in ${dataDir}`;
  // The same bounds as doctor's check: uploads, video renditions and backups need room.
  if (free < 0.2 * GB) return { name: "disk", status: "fail", message, data };
  if (free < 2 * GB || pct < 5) return { name: "disk", status: "warn", message, data };
  return { name: "disk", status: "ok", message, data };
}

function backupLine(config: Config): Line {
  const dir = backupsDir(config);
  let newest: { file: string; mtimeMs: number } | null = null;
  try {
    for (const name of readdirSync(dir)) {
      if (!name.endsWith(".tar.gz")) continue;
      const mtimeMs = statSync(join(dir, name)).mtimeMs;
      if (!newest || mtimeMs > newest.mtimeMs) newest = { file: join(dir, name), mtimeMs };
    }
  } catch {
    /* no backup dir yet */
  }
  if (!newest) return { name: "backup", status: "warn", message: `none in ${dir}` };
  const ms = Date.now() - newest.mtimeMs;
  // The timer backs up daily; a day and a bit without one means it stopped.
  return {
    name: "backup",
    status: ms > 26 * HOUR ? "warn" : "ok",
    message: `${age(ms)} ago: ${newest.file}`,
    data: { file: newest.file, ageSeconds: Math.round(ms / 1000) },
  };
}

function certificateLine(siteFile: string, config: Config): Line {
  const tls = siteTls(siteFile);
  if (!tls) {
    return {
      name: "certificate",
      status: "warn",
      message: config.server.public_url.startsWith("https:")
        ? `${siteFile} has no certificate (TLS ends elsewhere?)`
        : "none: the site is plain HTTP (fanzctl install --domain D --tls)",
    };
  }
  try {
    const c = certFacts(tls.cert);
    const data = { file: tls.cert, notAfter: c.notAfter.toISOString(), daysLeft: c.daysLeft };
    const message = `${c.daysLeft} days left (until ${c.notAfter.toISOString().slice(0, 10)}): ${tls.cert}`;
    // certbot renews 30 days ahead, so under 14 left means renewals are failing.
    if (c.daysLeft < 0) return { name: "certificate", status: "fail", message: `expired: ${tls.cert}`, data };
    return { name: "certificate", status: c.daysLeft < 14 ? "warn" : "ok", message, data };
  } catch (err) {
    return { name: "certificate", status: "fail", message: (err as Error).message };
  }
}

export function registerStatus(program: Command): void {
  program
    .command("status")
    .description("one screen: versions, service, readiness, engine, disk, jobs, last backup, certificate")
    .option("--prefix <root>", "the install root (default /)", "/")
    .option("-c, --config <file>", "config file (default: the install's, <root>/etc/fanz/config.toml)")
    .option("--json", "print the lines as JSON")
    .action(async (opts: { prefix: string; config?: string; json?: boolean }) => {
      const root = resolve(opts.prefix);
      const prefixed = root !== "/";
      const layout = installLayout(root);
      const file = opts.config ?? (prefixed || existsSync(layout.config) ? layout.config : undefined);
      const { config, file: configFile } = loadCliConfig({ config: file });
      const dataDir = resolve(config.data.dir);
      const lines: Line[] = [
        versionLine(layout),
        serviceLine(prefixed, dataDir),
        await readinessLine(config),
        ...(await databaseLines(config)),
        await diskLine(dataDir),
        backupLine(config),
        certificateLine(layout.siteAvailable, config),
      ];
      const failed = lines.some((l) => l.status === "fail");
      if (opts.json) {
        process.stdout.write(JSON.stringify({ ok: !failed, config: configFile, lines }, null, 2) + "\n");
      } else {
        process.stdout.write(`Fanz status${configFile ? ` (${configFile})` : ""}\n`);
        for (const l of lines)
          process.stdout.write(`  ${l.status.padEnd(5)} ${l.name.padEnd(12)} ${l.message}\n`);
      }
      if (failed) process.exitCode = 1;
    });
}
