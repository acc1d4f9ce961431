// `npm start`: builds the web UI when it is missing or older than its sources, then runs `fanzctl serve`
// with the arguments given after `npm start --`.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

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
for (const sig of ["SIGTERM", "SIGINT"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
