// Small UI faults found by a new user (review point 18): scheduling a post lands on the Scheduled tab,
// an empty custom tip amount claims nothing about the wallet, and no page promises what is not built.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { ensureWebBuilt, launchBrowser } from "../helpers/browser.ts";
import { repoRoot, startApp, type AppProcess } from "../helpers/app-process.ts";

let app: AppProcess;
let browser: Browser;
const T = 60_000;

async function api(path: string, body: unknown, token?: string) {
  const res = await fetch(app.baseUrl + path, {
    method: path.endsWith("/me") ? "PUT" : "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as any;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function signup(username: string): Promise<string> {
  const r = await api("/api/v1/auth/signup", {
    email: `${username}@example.test`,
    username,
    password: "password-123",
    ageConfirmed: true,
  });
  return r.token as string;
}

async function contextAs(token: string | null): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  ctx.setDefaultTimeout(10_000);
  if (token) await ctx.addCookies([{ name: "fanz_session", value: token, url: app.baseUrl }]);
  return ctx;
}

let creatorToken = "";
let fanToken = "";

beforeAll(async () => {
  ensureWebBuilt();
  mkdirSync(join(repoRoot, "test-results", "ui-texts"), { recursive: true });
  app = await startApp();
  browser = await launchBrowser();
  await api("/api/v1/setup", {
    token: app.setupToken(),
    siteName: "Texts",
    admin: { email: "admin@example.test", username: "admin", password: "admin-password-1" },
  });
  creatorToken = await signup("lena");
  await api("/api/v1/creators/me", { priceCents: 500, displayName: "Lena" }, creatorToken);
  await api("/api/v1/posts", { text: "A free post to tip on", visibility: "public" }, creatorToken);
  const euro = await signup("marie");
  await api("/api/v1/creators/me", { priceCents: 500, displayName: "Marie", currency: "EUR" }, euro);
  await api("/api/v1/posts", { text: "Un post gratuit", visibility: "public" }, euro);
  fanToken = await signup("fan_one");
}, T);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
}, T);

describe("UI texts and landings", () => {
  it(
    "after scheduling a post the composer lands on the Scheduled tab showing it",
    async () => {
      const ctx = await contextAs(creatorToken);
      const page = await ctx.newPage();
      await page.goto(`${app.baseUrl}/compose`);
      await page.getByLabel("Post text").fill("Coming tomorrow");
      await page.getByRole("button", { name: "Schedule", exact: true }).click();
      await page.getByLabel("Publish at").waitFor();
      await page
        .locator("form button[type=submit], button.btn-primary", { hasText: "Schedule" })
        .last()
        .click();
      await page.waitForURL(/\/drafts\?tab=scheduled$/);
      expect(await page.getByRole("tab", { name: "Scheduled" }).getAttribute("aria-selected")).toBe("true");
      await page.getByText("Coming tomorrow").waitFor();
      // The other tab still works, and a reload keeps the chosen one.
      await page.getByRole("tab", { name: "Drafts" }).click();
      await page.getByText("No drafts").waitFor();
      await page.reload();
      expect(await page.getByRole("tab", { name: "Drafts" }).getAttribute("aria-selected")).toBe("true");
      await ctx.close();
    },
    T,
  );

  it(
    "an empty custom tip says nothing about covering $0.00; a real amount is checked",
    async () => {
      const ctx = await contextAs(fanToken);
      const page = await ctx.newPage();
      await page.goto(`${app.baseUrl}/lena`);
      await page.getByRole("button", { name: "Tip Lena" }).first().click();
      await page.getByRole("dialog").getByText("Custom", { exact: true }).click();
      await page.getByLabel("Custom amount").waitFor();
      const dialog = page.getByRole("dialog");
      expect(await dialog.innerText()).not.toContain("doesn't cover");
      await page.getByLabel("Custom amount").fill("3.00");
      await dialog.getByText("doesn't cover $3.00").waitFor();
      await page.getByLabel("Custom amount").fill("");
      await page.waitForTimeout(100);
      expect(await dialog.innerText()).not.toContain("cover");
      // A creator paid in another currency than the wallet's: said as such, not as a low balance.
      await page.keyboard.press("Escape");
      await page.goto(`${app.baseUrl}/marie`);
      await page.getByRole("button", { name: "Tip Marie" }).first().click();
      await page.getByRole("dialog").getByText("Custom", { exact: true }).click();
      const euroDialog = page.getByRole("dialog");
      await euroDialog
        .getByText("Your wallet holds USD; this is priced in EUR, so it can only be paid by card.")
        .waitFor();
      expect(await euroDialog.innerText()).not.toContain("cover");
      await page.screenshot({ path: join(repoRoot, "test-results", "ui-texts", "tip-other-currency.png") });
      await ctx.close();
    },
    T,
  );

  it(
    "the landing page promises only what the site does",
    async () => {
      const ctx = await contextAs(null);
      const page = await ctx.newPage();
      await page.goto(app.baseUrl);
      // The landing renders after the session check; read it once its lead is there.
      await page.locator("main .lead").waitFor();
      const text = await page.locator("main").innerText();
      expect(text).toContain("Subscribe for exclusive posts");
      expect(text).toContain("watch live streams, message and tip");
      await ctx.close();
    },
    T,
  );
});
