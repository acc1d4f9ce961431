// Runs a throwaway nginx (own prefix, pid, logs and temp dirs) with the shipped site template rendered
// for a Fanz process on a loopback port. Used by the nginx e2e test and the media delivery benchmark.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { renderTemplate } from "../../src/lib/templates.ts";
import { freePort, repoRoot } from "./app-process.ts";

export const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));

export interface RunningNginx {
  base: string;
  /** Base URL of the extra server block, if one was given. */
  extraBase: string | null;
  stop(): Promise<void>;
}

/** `extraServer` gets `{{PORT}}` replaced by a free port: e.g. an unauthenticated baseline server. */
export async function startNginx(opts: {
  appPort: number;
  /** More app nodes behind the same upstream (several nodes on one database). */
  moreAppPorts?: number[];
  /** nginx's worker_connections (default 1024); each proxied socket takes two. */
  workerConnections?: number;
  mediaDir: string;
  /** <data_dir>/live; default: next to mediaDir. */
  liveDir?: string;
  extraServer?: string;
}): Promise<RunningNginx> {
  if (!NGINX) throw new Error("nginx is not installed (apt-get install -y nginx)");
  const dir = mkdtempSync(join(tmpdir(), "fanz-nginx-"));
  for (const d of ["logs", "tmp"]) mkdirSync(join(dir, d));
  const port = await freePort();
  const extraPort = opts.extraServer ? await freePort() : null;
  const site = renderTemplate(readFileSync(join(repoRoot, "nginx/fanz.conf.template"), "utf8"), {
    SERVER_NAME: "localhost",
    LISTEN: `127.0.0.1:${port}`,
    UPSTREAM: `127.0.0.1:${opts.appPort}`,
    MEDIA_DIR: opts.mediaDir,
    LIVE_DIR: opts.liveDir ?? join(dirname(opts.mediaDir), "live"),
  });
  // Further nodes are more `server` lines in the template's one upstream block.
  const first = `server 127.0.0.1:${opts.appPort};`;
  const upstream = [first, ...(opts.moreAppPorts ?? []).map((p) => `server 127.0.0.1:${p};`)];
  writeFileSync(join(dir, "site.conf"), site.replace(first, upstream.join("\n    ")));
  writeFileSync(
    join(dir, "nginx.conf"),
    [
      "daemon off;",
      "user root;",
      "worker_processes 1;",
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/logs/error.log warn;`,
      `events { worker_connections ${opts.workerConnections ?? 1024}; }`,
      "http {",
      "  access_log off;",
      `  client_body_temp_path ${dir}/tmp/body; proxy_temp_path ${dir}/tmp/proxy;`,
      `  fastcgi_temp_path ${dir}/tmp/fcgi; uwsgi_temp_path ${dir}/tmp/uwsgi; scgi_temp_path ${dir}/tmp/scgi;`,
      `  include ${dir}/site.conf;`,
      opts.extraServer ? opts.extraServer.replaceAll("{{PORT}}", String(extraPort)) : "",
      "}",
    ].join("\n"),
  );
  const conf = join(dir, "nginx.conf");
  const check = spawnSync(NGINX, ["-t", "-p", dir, "-c", conf], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);
  const child = spawn(NGINX, ["-p", dir, "-c", conf], { stdio: "ignore" });
  const exited = new Promise<void>((ok) => child.once("exit", () => ok()));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base,
    extraBase: extraPort ? `http://127.0.0.1:${extraPort}` : null,
    async stop() {
      child.kill("SIGQUIT");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
