// A systemd-booted Debian 12 container for the appliance tests (tests/e2e/systemd.e2e.test.ts): the root
// is built once with mmdebstrap and cached outside the repo (keyed by what goes into it); each container
// runs on an overlay of it (upper dir in a temp dir), so every test starts clean, while a "reboot" (stop,
// boot again on the same overlay) keeps what the container wrote. Commands run inside with nsenter:
// machinectl / systemctl -M need a host systemd, which these machines do not have as PID 1.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";

const PACKAGES = ["systemd", "systemd-sysv", "dbus", "curl", "ca-certificates", "iproute2"];
const SUITE = "bookworm";
const CGROUP_TREES = ["/sys/fs/cgroup/systemd", "/sys/fs/cgroup/unified"];

/** Why the container test cannot run on this machine, or null. CI runs as root with the tools installed. */
export function nspawnUnavailable(): string | null {
  if (process.getuid?.() !== 0) return "not root (systemd-nspawn, mount and cgroups need root)";
  for (const tool of ["systemd-nspawn", "mmdebstrap", "nsenter"]) {
    if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0)
      return `${tool} is missing (apt-get install systemd-container mmdebstrap)`;
  }
  return null;
}

export interface ExecResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs a command without blocking the test worker (a long spawnSync starves vitest's RPC). */
function run(cmd: string, args: string[], timeoutMs: number): Promise<ExecResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    const timer = setTimeout(() => {
      err.push(Buffer.from(`\n(killed after ${timeoutMs} ms)`));
      child.kill("SIGKILL");
    }, timeoutMs);
    const done = (status: number, extra = "") => {
      clearTimeout(timer);
      resolve({
        status,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8") + extra,
      });
    };
    child.once("error", (e) => done(-1, String(e)));
    child.once("close", (code) => done(code ?? -1));
  });
}

/** The Debian mirror apt on this machine already uses (deb822 .sources or a sources.list line). */
function hostMirror(): string {
  const files = ["/etc/apt/sources.list"];
  try {
    for (const f of readdirSync("/etc/apt/sources.list.d")) files.push(join("/etc/apt/sources.list.d", f));
  } catch {
    /* no .d directory */
  }
  for (const f of files) {
    let text = "";
    try {
      text = readFileSync(f, "utf8");
    } catch {
      continue;
    }
    const uris = [...text.matchAll(/^URIs:\s*(\S+)/gm), ...text.matchAll(/^deb\s+(?:\[[^\]]*\]\s+)?(\S+)/gm)]
      .map((m) => m[1]!)
      .filter((u) => !/security/.test(u));
    if (uris[0]) return uris[0];
  }
  return "http://deb.debian.org/debian";
}

/** The cached root for this package list, built on first use (about 20 s and 260 MB). */
export async function debianRoot(): Promise<string> {
  const cache = process.env.FANZ_TEST_ROOT_CACHE ?? "/var/cache/fanz-test-root";
  const mirror = hostMirror();
  const key = createHash("sha256")
    .update(JSON.stringify([SUITE, mirror, PACKAGES]))
    .digest("hex")
    .slice(0, 16);
  const root = join(cache, `${SUITE}-${key}`);
  if (existsSync(join(root, "usr/lib/systemd/systemd"))) return root;
  mkdirSync(cache, { recursive: true });
  const tmp = `${root}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const r = await run(
    "mmdebstrap",
    ["--variant=minbase", `--include=${PACKAGES.join(",")}`, SUITE, tmp, mirror],
    10 * 60_000,
  );
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`mmdebstrap failed: ${(r.stderr || r.stdout).slice(-2000)}`);
  }
  renameSync(tmp, root);
  return root;
}

export interface Container {
  name: string;
  /** Runs a shell command inside as root (login-like environment); never throws. */
  sh(command: string, timeoutMs?: number): Promise<ExecResult>;
  /** Like sh, but throws with the output when the command fails. */
  ok(command: string, timeoutMs?: number): Promise<string>;
  /** Stops (a clean poweroff) and boots again on the same files. */
  reboot(): Promise<void>;
  /** Poweroff and remove everything of this container (its overlay, cgroups). */
  destroy(): Promise<void>;
}

const until = async (what: string, ms: number, test: () => boolean | Promise<boolean>) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    if (await test()) return;
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
};

/**
 * Boots a container on a fresh overlay of the cached root. `payload` is bound read-only at /payload.
 * It shares the host's network (apt inside reaches the mirror; nginx inside listens on the host's port 80).
 */
export async function bootContainer(
  name: string,
  payload: string,
  workDir: string,
  /** Extra read-write binds, HOST:CONTAINER (e.g. an apt archive another container downloaded). */
  binds: string[] = [],
): Promise<Container> {
  const lower = await debianRoot();
  const dirs = { upper: join(workDir, "upper"), work: join(workDir, "work"), merged: join(workDir, "root") };
  Object.values(dirs).forEach((d) => mkdirSync(d, { recursive: true }));
  const mount = spawnSync("mount", [
    "-t",
    "overlay",
    "overlay",
    "-o",
    `lowerdir=${lower},upperdir=${dirs.upper},workdir=${dirs.work}`,
    dirs.merged,
  ]);
  if (mount.status !== 0) throw new Error(`overlay mount failed: ${mount.stderr.toString()}`);
  // A shorter hostname than the host's, and resolvable: sudo-less tools inside look it up.
  writeFileSync(join(dirs.merged, "etc/hostname"), `${name}\n`);
  const cgroups = CGROUP_TREES.filter((t) => existsSync(t)).map((t) => join(t, `ct-${name}`));

  let nspawn: ChildProcess | null = null;
  let pid1 = 0;
  const log = join(workDir, "console.log");
  const boot = async () => {
    cgroups.forEach((c) => mkdirSync(c, { recursive: true }));
    // nspawn --keep-unit makes payload/ and supervisor/ in the caller's cgroup: give it its own.
    const enter = cgroups.map((c) => `echo $$ > ${c}/cgroup.procs`).join("; ");
    const args = ["-q", "-D", dirs.merged, "-M", name, "--boot", "--register=no", "--keep-unit"];
    args.push(`--bind-ro=${payload}:/payload`);
    for (const b of binds) args.push(`--bind=${b}`);
    nspawn = spawn("sh", ["-c", `${enter}; exec systemd-nspawn ${args.map((a) => `'${a}'`).join(" ")}`], {
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const chunks: Buffer[] = [];
    nspawn.stdout!.on("data", (b: Buffer) => chunks.push(b));
    nspawn.stderr!.on("data", (b: Buffer) => chunks.push(b));
    nspawn.once("exit", () => writeFileSync(log, Buffer.concat(chunks)));
    const nspawnPid = nspawn.pid!;
    // PID 1 is nspawn's child once it runs systemd (before that, an intermediate child comes and goes).
    const findPid1 = () => {
      try {
        const kid = Number(
          readFileSync(`/proc/${nspawnPid}/task/${nspawnPid}/children`, "utf8").trim().split(/\s+/)[0],
        );
        return kid && readFileSync(`/proc/${kid}/comm`, "utf8").trim() === "systemd" ? kid : 0;
      } catch {
        return 0;
      }
    };
    await until("systemd to finish booting", 60_000, async () => {
      pid1 = findPid1();
      return (
        pid1 > 0 && /^(running|degraded)/.test((await exec("systemctl is-system-running")).stdout.trim())
      );
    });
  };
  const exec = (command: string, timeoutMs = 120_000): Promise<ExecResult> =>
    run(
      "nsenter",
      [
        "-t",
        String(pid1),
        "-a",
        "env",
        "-i",
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      ].concat(["HOME=/root", "LANG=C.UTF-8", "TERM=dumb", "sh", "-c", command]),
      timeoutMs,
    );
  const poweroff = async () => {
    const p = nspawn as ChildProcess | null;
    nspawn = null;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((ok) => p.once("exit", ok));
    p.kill("SIGTERM");
    const timer = setTimeout(() => p.kill("SIGKILL"), 30_000);
    await exited;
    clearTimeout(timer);
    // cgroup dirs go with rmdir only, deepest first (nspawn leaves payload/ and supervisor/ in them).
    for (const c of cgroups)
      spawnSync("sh", ["-c", `find '${c}' -depth -type d -exec rmdir {} + 2>/dev/null`]);
  };

  const unmount = () => {
    const r = spawnSync("umount", [dirs.merged], { encoding: "utf8" });
    // Never delete through a mounted root.
    if (r.status !== 0) throw new Error(`umount ${dirs.merged} failed: ${r.stderr}`);
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    await boot();
  } catch (err) {
    await poweroff();
    const console = existsSync(log) ? readFileSync(log, "utf8").slice(-3000) : "";
    unmount();
    throw new Error(`${(err as Error).message}; the container's console:\n${console}`);
  }
  return {
    name,
    sh: exec,
    async ok(command, timeoutMs) {
      const r = await exec(command, timeoutMs);
      if (r.status !== 0)
        throw new Error(`\`${command}\` exited ${r.status}:\n${(r.stdout + r.stderr).slice(-4000)}`);
      return r.stdout;
    },
    async reboot() {
      await poweroff();
      await boot();
    },
    async destroy() {
      await poweroff();
      unmount();
    },
  };
}

/** An HTTP request to the host's 127.0.0.1:80 (nginx in a container on the host network) with a Host. */
export function viaNginx(
  host: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      // No keep-alive: nginx closes idle connections, and a reused one would hang up mid-test.
      {
        host: "127.0.0.1",
        port: 80,
        path,
        method: init.method ?? "GET",
        headers: { ...init.headers, host },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${path}`)));
    req.end(init.body);
  });
}
