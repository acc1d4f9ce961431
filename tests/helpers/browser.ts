// Headless Debian Chromium for the e2e tests, launched the one way that works on this kind of machine
// (no sandbox as root, no background networking: the network is closed).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
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

/** Logs in through the login page and waits for the account menu. */
export async function logIn(
  page: Page,
  baseUrl: string,
  who: { email: string; password: string; username: string },
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email", { exact: true }).fill(who.email);
  await page.getByLabel("Password", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page
    .getByRole("button", { name: `@${who.username}, account menu` })
    .first()
    .waitFor();
}

/** Toasts fade by themselves; screenshots are clearer without the ones still on screen. */
export async function dismissToasts(page: Page): Promise<void> {
  const close = page.locator(".toast button");
  for (let i = 0; i < 5 && (await close.count()) > 0; i++) {
    await close
      .first()
      .click({ timeout: 1000 })
      .catch(() => undefined);
  }
}

/**
 * A screenshot for people to look at. Full-page ones start from the top so sticky parts sit right; the
 * pause lets colour transitions (theme switches) settle. (Strings for evaluate: the root tsconfig has no
 * DOM types.)
 */
export async function screenshot(page: Page, path: string, fullPage = false): Promise<void> {
  if (fullPage) await page.evaluate("window.scrollTo(0, 0)");
  await page.waitForTimeout(250);
  await page.screenshot({ path, fullPage });
}

/** The page's width as laid out: more than the viewport means it scrolls sideways. */
export const scrollWidth = (page: Page) =>
  page.evaluate("document.documentElement.scrollWidth") as Promise<number>;

/** Collects uncaught page errors and Content-Security-Policy violations of a page or of every page of a context. */
export function watchPageProblems(target: Page | BrowserContext, problems: string[]): void {
  const watch = (page: Page) => {
    page.on("pageerror", (err) => problems.push(`${page.url()}: ${err.message}`));
    page.on("console", (msg) => {
      if (msg.type() === "error" && /Content Security Policy/i.test(msg.text()))
        problems.push(`${page.url()}: ${msg.text()}`);
    });
  };
  if ("goto" in target) watch(target);
  else target.on("page", watch);
}
