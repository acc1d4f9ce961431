// Shared pieces of the benchmarks: child servers on free local ports, a typed autocannon runner,
// machine facts and formatting. autocannon ships no type declarations, so the small part of its
// programmatic API the benchmarks use is typed here and the module is loaded through require.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { createRequire } from "node:module";

export interface LoadRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadClient {
  setRequests(requests: LoadRequest[]): void;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds. */
  duration: number;
  headers?: Record<string, string>;
  /** Called once per connection before its first request. */
  setupClient?: (client: LoadClient) => void;
}

interface Histogram {
  average: number;
  p50: number;
  p99: number;
  max: number;
}

export interface LoadResult {
  requests: Histogram & { total: number };
  /** Bytes per second. */
  throughput: Histogram & { total: number };
  latency: Histogram;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}

type Autocannon = (opts: LoadOptions & { title?: string }) => Promise<LoadResult>;

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

/** One bounded autocannon run; only loopback targets are accepted. */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const host = new URL(opts.url).hostname;
  if (host !== "127.0.0.1") throw new Error(`refusing to load ${opts.url}: benchmarks only target 127.0.0.1`);
  if (opts.duration <= 0 || opts.duration > 60)
    throw new Error(`duration ${opts.duration}s is out of bounds`);
  return autocannon(opts);
}

import { freePort } from "../tests/helpers/app-process.ts";
import { testDatabase, type TestDatabase } from "../tests/helpers/engine.ts";

export { freePort };

export interface ChildServer {
  name: string;
  baseUrl: string;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code. */
  stop: (graceMs?: number) => Promise<number | null>;
}

/**
 * Spawns `node <args>` (args must place the server on `port`), and waits until `readyPath` answers 200.
 * The child is killed if it does not become ready within 60 s.
 */
export async function startChild(opts: {
  name: string;
  args: string[];
  port: number;
  readyPath: string;
  /** The child's whole environment; default this process's. */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}): Promise<ChildServer> {
  const child = spawn(process.execPath, opts.args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((ok) => child.once("exit", (code) => ok(code)));
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const stop = async (graceMs = 10_000) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    }
    return exited;
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${opts.name} exited early (${child.exitCode}):\n${out}`);
    try {
      const res = await fetch(baseUrl + opts.readyPath);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop(0);
      throw new Error(`${opts.name} did not become ready within 60 s:\n${out}`);
    }
    await sleep(100);
  }
  return { name: opts.name, baseUrl, child, output: () => out, stop };
}

/** `fanzctl serve` on a free port with an empty config and `dataDir`; `nodeArgs` go before the script. */
export async function startFanz(opts: {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  nodeArgs?: string[];
}): Promise<ChildServer> {
  const port = await freePort();
  return startChild({
    name: "fanzctl serve",
    args: [
      ...(opts.nodeArgs ?? []),
      "cli/bin.mjs",
      "serve",
      "--config",
      "/dev/null",
      "--port",
      String(port),
      "--data-dir",
      opts.dataDir,
    ],
    port,
    readyPath: "/readyz",
    env: opts.env,
    cwd: opts.cwd,
  });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface MachineFacts {
  nproc: string;
  cpu: string;
  node: string;
  os: string;
}

export function machineFacts(): MachineFacts {
  const sh = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, { encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  };
  return {
    nproc: sh("nproc", []),
    cpu: cpus()[0]?.model ?? "unknown",
    node: process.version,
    os: sh("uname", ["-srm"]),
  };
}

export const fmt = (n: number, digits = 2) => n.toFixed(digits);

/**
 * Rewrites one benchmark's generated block in bench/RESULTS.md (between its begin/end markers),
 * keeping everything else; a missing block is appended under `heading`.
 */
export function writeResultsBlock(file: string, name: string, heading: string, block: string): void {
  const begin = `<!-- bench:${name}:begin (generated by bench/${name}.ts; edit outside these markers) -->`;
  const end = `<!-- bench:${name}:end -->`;
  const generated = `${begin}\n${block}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmark results\n";
  const from = current.indexOf(begin);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + generated + current.slice(to + end.length)
      : `${current.trimEnd()}\n\n## ${heading}\n\n${generated}\n`;
  writeFileSync(file, next);
}
export const fmtInt = (n: number) => Math.round(n).toLocaleString("en-US");

let clockTicks: number | null = null;

/** CPU time (user + system, ms) a process has used so far, from /proc; null where /proc is unavailable. */
export function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after "(comm)": state is field 3, utime field 14, stime field 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    clockTicks ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return null;
  }
}

/** Resident memory of a process in MB, from /proc; null where /proc is unavailable. */
export function processRssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** This process's CPU time (user + system, ms). */
export function ownCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The installed version of a package, read from its package.json. */
export function packageVersion(name: string): string {
  try {
    const file = createRequire(import.meta.url).resolve(`${name}/package.json`);
    return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

export type BenchEngine = "sqlite" | "postgres";

export function benchEngine(value: string | undefined): BenchEngine {
  if (value === "sqlite" || value === "postgres") return value;
  throw new Error(`--engine must be sqlite or postgres, not ${value}`);
}

/**
 * The database a benchmark seeds and its servers use: the data dir's SQLite file, or a fresh database on
 * the test PostgreSQL server (127.0.0.1:5432, else a private cluster); `env` points fanz at it.
 */
export async function benchDatabase(engine: BenchEngine, dataDir: string): Promise<TestDatabase> {
  return testDatabase(dataDir, "bench", engine);
}

/** Figures for bench/engines.ts, which runs several variants and tabulates them. */
export function writeJsonFigures(file: string, figures: unknown): void {
  writeFileSync(file, JSON.stringify(figures, null, 2));
}
