// Starts the real appliance as a child process (`fanzctl serve`) on a free port with its own data dir,
// the way an operator would run it. Used by e2e and restart tests.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createServer } from "node:net";

export const repoRoot = resolve(import.meta.dirname, "../..");

export interface AppProcess {
  baseUrl: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  setupToken: () => string | null;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
  /** Resolves with the exit code once the process has exited by itself. */
  exited: Promise<number | null>;
}

/**
 * One JSON call to a running app: `/sandbox…` paths (the sandbox provider's pages) from the site's root,
 * the rest under /api/v1. Resolves to the parsed body; throws with the status and body otherwise.
 */
export async function apiCall(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<any> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${baseUrl}${path.startsWith("/sandbox") ? "" : "/api/v1"}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export async function startApp(
  opts: {
    dataDir?: string;
    env?: Record<string, string>;
    args?: string[];
    waitReady?: boolean;
    /** A port chosen beforehand (e.g. to put it in FANZ_SERVER__PUBLIC_URL); else a free one. */
    port?: number;
  } = {},
): Promise<AppProcess> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), "fanz-e2e-"));
  const port = opts.port ?? (await freePort());
  const child = spawn(
    process.execPath,
    ["cli/bin.mjs", "serve", "--port", String(port), "--data-dir", dataDir, ...(opts.args ?? [])],
    {
      cwd: repoRoot,
      env: { ...process.env, FANZ_LOG__LEVEL: "warn", FANZ_LIVE__RTMP_PORT: "0", ...opts.env },
      stdio: "pipe",
    },
  );
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((ok) => child.once("exit", (code) => ok(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (; opts.waitReady !== false;) {
    if (child.exitCode !== null) throw new Error(`fanzctl serve exited early (${child.exitCode}):\n${out}`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`fanzctl serve did not become ready:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    baseUrl,
    port,
    dataDir,
    child,
    output: () => out,
    exited,
    setupToken: () => {
      const file = join(dataDir, "setup-token");
      return existsSync(file) ? readFileSync(file, "utf8").trim() : null;
    },
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
