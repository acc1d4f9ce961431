// Headless Debian Chromium for the e2e tests, launched the one way that works on this kind of machine
// (no sandbox as root, no background networking: the network is closed).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { repoRoot } from "./app-process.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not at ${CHROMIUM}: install Debian's package (apt-get install chromium).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Builds the web UI if this checkout has not built it yet (npm test builds it before the tests). */
export function ensureWebBuilt(): void {
  if (existsSync(join(repoRoot, "web", "dist", "index.html"))) return;
  execFileSync(
    process.execPath,
    [join(repoRoot, "node_modules", "vite", "bin", "vite.js"), "build", "--config", "web/vite.config.ts"],
    { cwd: repoRoot, stdio: "pipe" },
  );
}
