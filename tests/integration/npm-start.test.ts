// `npm start` as a developer or a process manager runs it: SIGTERM to npm must stop the real server
// (`fanzctl serve`, a grandchild behind `sh -c`) and free its port, not leave it running orphaned.
import { afterAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, repoRoot } from "../helpers/app-process.ts";

/** Pids whose command line mentions `marker` (this test's own temp data dir). */
function pidsWith(marker: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, "utf8").includes(marker)) pids.push(Number(name));
    } catch {
      /* exited meanwhile */
    }
  }
  return pids;
}

const answers = (port: number) =>
  fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(1000) }).then(
    (r) => r.ok,
    () => false,
  );

const dataDir = mkdtempSync(join(tmpdir(), "fanz-npm-start-"));
afterAll(() => {
  // Whatever this test started and left behind (the bug under test) is ended by pid.
  for (const pid of pidsWith(dataDir)) process.kill(pid, "SIGKILL");
});

describe.runIf(process.platform === "linux")("npm start", () => {
  it("SIGTERM to npm stops the server and frees the port", { timeout: 90_000 }, async () => {
    const port = await freePort();
    const npm = spawn("npm", ["start", "--", "--port", String(port), "--data-dir", dataDir], {
      cwd: repoRoot,
      env: { ...process.env, FANZ_LOG__LEVEL: "warn" },
      stdio: "ignore",
    });
    const npmExited = new Promise((ok) => npm.once("exit", ok));
    // Building the web UI first (when web/dist is stale) can take a while.
    const deadline = Date.now() + 60_000;
    while (!(await answers(port))) {
      expect(Date.now(), "the server never became ready").toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(pidsWith(dataDir).length).toBeGreaterThan(0);

    npm.kill("SIGTERM");
    await npmExited;
    const stopBy = Date.now() + 15_000;
    while (pidsWith(dataDir).length > 0 && Date.now() < stopBy) await new Promise((r) => setTimeout(r, 200));
    expect(pidsWith(dataDir), "processes left running after SIGTERM").toEqual([]);
    expect(await answers(port)).toBe(false);
  });
});
