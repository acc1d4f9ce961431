// `npm start`: builds the web UI when it is missing or older than its sources, then runs `fanzctl serve`
// with the arguments given after `npm start --`, and stops with it.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { clearInterval, setInterval } from "node:timers";

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const st = statSync(full);
    t = Math.max(t, st.isDirectory() ? newest(full) : st.mtimeMs);
  }
  return t;
}

const built = "web/dist/index.html";
const stale =
  !existsSync(built) ||
  statSync(built).mtimeMs < Math.max(newest("web/src"), statSync("web/index.html").mtimeMs);
if (stale) {
  console.log("Building the web UI...");
  const r = spawnSync(
    process.execPath,
    ["node_modules/vite/bin/vite.js", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"],
    { stdio: "inherit" },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const child = spawn(process.execPath, ["cli/bin.mjs", "serve", ...process.argv.slice(2)], {
  stdio: "inherit",
});
const signals = ["SIGTERM", "SIGINT", "SIGHUP"];
for (const sig of signals) process.on(sig, () => child.kill(sig));
// `npm start` runs this under `sh -c`, and npm passes its SIGTERM to that shell only: the shell dies
// and this process is handed to init without ever seeing the signal. Under npm, losing the parent
// therefore means the same as SIGTERM.
const parent = process.ppid;
const orphanWatch = process.env.npm_lifecycle_event
  ? setInterval(() => {
      if (process.ppid !== parent) child.kill("SIGTERM");
    }, 250)
  : undefined;
child.on("exit", (code, signal) => {
  clearInterval(orphanWatch);
  if (code !== null) process.exit(code);
  // Exit the way the server did, so whoever waits on us sees the same signal.
  for (const sig of signals) process.removeAllListeners(sig);
  process.kill(process.pid, signal ?? "SIGTERM");
});
