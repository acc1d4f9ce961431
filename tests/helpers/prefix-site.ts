// A Fanz site installed with `fanzctl install --prefix` on the test engine, run the way the prefix service
// runs it (current/fanzctl serve, pid in <data_dir>/fanz.pid), for the install, status and upgrade tests.
// Also throwaway TLS material made by openssl, and a real nginx in front of the installed site.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, repoRoot } from "./app-process.ts";
import { testDatabase, testEngine, type TestDatabase, type TestEngine } from "./engine.ts";
import { NGINX } from "./nginx.ts";

const cli = join(repoRoot, "cli/bin.mjs");

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function fanzctl(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: "utf8",
    timeout: 180_000,
    env: { ...process.env, FANZ_LOG__LEVEL: "warn", ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A stand-in "binary": the checkout's fanzctl reporting `version`, with optional shell lines first. */
export function wrapperBinary(dir: string, name: string, version: string, extra = ""): string {
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

export interface PrefixSite {
  work: string;
  root: string;
  dataDir: string;
  config: string;
  port: number;
  engine: TestEngine;
  db: TestDatabase;
  /** The PostgreSQL URL (postgres engine), else "". */
  pgUrl: string;
  start(): Promise<void>;
  stop(): void;
  ready(): Promise<boolean>;
  cleanup(): Promise<void>;
}

/**
 * Writes the config (port, engine, public_url) before install, so install keeps it, as an operator's
 * pre-seeded config would be kept; `install` then runs with `installArgs`.
 */
export async function prefixSite(
  label: string,
  opts: { engine?: TestEngine; domain?: string; installArgs?: string[]; version?: string } = {},
): Promise<PrefixSite & { install: Run }> {
  const engine = opts.engine ?? testEngine;
  const work = mkdtempSync(join(tmpdir(), `fanz-${label}-`));
  const root = join(work, "root");
  const dataDir = join(root, "var/lib/fanz");
  const config = join(root, "etc/fanz/config.toml");
  const port = await freePort();
  const db = await testDatabase(dataDir, label, engine);
  const pgUrl = db.env.FANZ_DB__URL ?? "";
  mkdirSync(join(root, "etc/fanz"), { recursive: true });
  writeFileSync(
    config,
    [
      "# The operator's own config: install keeps it.",
      "[server]",
      'host = "127.0.0.1"',
      `port = ${port}`,
      `public_url = "http://${opts.domain ?? "fans.test"}"`,
      "",
      "[data]",
      `dir = "${dataDir}"`,
      "",
      "[live]",
      "rtmp_port = 0",
      ...(pgUrl ? ["", "[db]", 'dialect = "postgres"', `url = "${pgUrl}"`] : []),
      "",
    ].join("\n"),
    { mode: 0o640 },
  );
  const binary = wrapperBinary(work, "fanzctl-v1", opts.version ?? "0.1.0");
  const install = fanzctl([
    "install",
    "--prefix",
    root,
    "--binary",
    binary,
    "--yes",
    ...(opts.installArgs ?? []),
  ]);
  const pidFile = join(dataDir, "fanz.pid");
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
  const stop = () => {
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, "utf8"));
    rmSync(pidFile, { force: true });
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      return;
    }
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(pid, 0);
      } catch {
        return;
      }
      spawnSync("sleep", ["0.05"]);
    }
  };
  return {
    work,
    root,
    dataDir,
    config,
    port,
    engine,
    db,
    pgUrl,
    install,
    ready,
    stop,
    async start() {
      const log = openSync(join(dataDir, "fanz.log"), "a");
      const child = spawn(join(root, "opt/fanz/current/fanzctl"), ["serve", "--config", config], {
        detached: true,
        stdio: ["ignore", log, log],
      });
      child.unref();
      writeFileSync(pidFile, String(child.pid));
      for (let i = 0; i < 6 && !(await ready()); i++);
      if (!(await ready()))
        throw new Error(`the prefix site did not start:\n${readFileSync(join(dataDir, "fanz.log"), "utf8")}`);
    },
    async cleanup() {
      stop();
      await db.drop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** A self-signed certificate for `domain` (openssl): PEM files cert.pem and key.pem in a new dir. */
export function selfSigned(
  dir: string,
  name: string,
  domain: string,
  days = 90,
): { cert: string; key: string } {
  mkdirSync(join(dir, name), { recursive: true });
  const cert = join(dir, name, "cert.pem");
  const key = join(dir, name, "key.pem");
  const r = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      key,
      "-out",
      cert,
      "-days",
      String(days),
      "-subj",
      `/CN=${domain}`,
      "-addext",
      `subjectAltName=DNS:${domain}`,
    ],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`openssl req failed: ${r.stderr}`);
  return { cert, key };
}

/** A certificate for `domain` that expired in 2020, signed by its own key (openssl ca -selfsign). */
export function expiredCert(dir: string, domain: string): { cert: string; key: string } {
  const d = join(dir, "expired");
  mkdirSync(d, { recursive: true });
  const key = join(d, "key.pem");
  const csr = join(d, "req.csr");
  const cert = join(d, "cert.pem");
  writeFileSync(join(d, "index.txt"), "");
  writeFileSync(join(d, "serial"), "01\n");
  writeFileSync(
    join(d, "ca.cnf"),
    [
      "[ca]",
      "default_ca = d",
      "[d]",
      `database = ${d}/index.txt`,
      `new_certs_dir = ${d}`,
      `serial = ${d}/serial`,
      "default_md = sha256",
      "policy = p",
      "copy_extensions = copy",
      "[p]",
      "commonName = supplied",
      "",
    ].join("\n"),
  );
  const steps: string[][] = [
    [
      "req",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      key,
      "-out",
      csr,
      "-subj",
      `/CN=${domain}`,
      "-addext",
      `subjectAltName=DNS:${domain}`,
    ],
    [
      "ca",
      "-batch",
      "-config",
      join(d, "ca.cnf"),
      "-selfsign",
      "-keyfile",
      key,
      "-in",
      csr,
      "-out",
      cert,
      "-startdate",
      "20200101000000Z",
      "-enddate",
      "20200201000000Z",
    ],
  ];
  for (const args of steps) {
    const r = spawnSync("openssl", args, { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
  }
  return { cert, key };
}

export interface SiteNginx {
  conf: string;
  /** `nginx -t` of the running configuration: status and output. */
  test(): { status: number | null; output: string };
  /** Makes nginx load the site file again (SIGHUP), as `systemctl reload nginx` does. */
  reload(): void;
  stop(): Promise<void>;
}

const accepts = (port: number) =>
  new Promise<boolean>((ok) => {
    const s = createConnection({ host: "127.0.0.1", port }, () => {
      s.end();
      ok(true);
    });
    s.once("error", () => ok(false));
  });

/** A real nginx (own prefix, pid, logs, temp dirs) serving the prefix's enabled Fanz site on `ports`. */
export async function nginxFor(site: { root: string; work: string }, ports: number[]): Promise<SiteNginx> {
  if (!NGINX) throw new Error("nginx is not installed (apt-get install -y nginx)");
  const dir = mkdtempSync(join(site.work, "nginx-"));
  mkdirSync(join(dir, "logs"));
  const conf = join(dir, "nginx.conf");
  writeFileSync(
    conf,
    [
      "daemon off;",
      "user root;",
      "worker_processes 1;",
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/logs/error.log warn;`,
      "events { worker_connections 256; }",
      "http {",
      "  access_log off;",
      `  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;`,
      `  fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;`,
      `  include ${join(site.root, "etc/nginx/sites-enabled/fanz.conf")};`,
      "}",
    ].join("\n"),
  );
  const test = () => {
    const r = spawnSync(NGINX!, ["-t", "-p", dir, "-c", conf], { encoding: "utf8" });
    return { status: r.status, output: `${r.stderr}${r.stdout}` };
  };
  const t = test();
  if (t.status !== 0) throw new Error(`nginx -t failed:\n${t.output}`);
  const child: ChildProcess = spawn(NGINX, ["-p", dir, "-c", conf], { stdio: "ignore" });
  const exited = new Promise<void>((ok) => child.once("exit", () => ok()));
  for (const port of ports) {
    for (let i = 0; i < 100 && !(await accepts(port)); i++) await new Promise((r) => setTimeout(r, 50));
  }
  return {
    conf,
    test,
    reload: () => void child.kill("SIGHUP"),
    async stop() {
      child.kill("SIGQUIT");
      await exited;
    },
  };
}
