// Creator analytics, fans and lists in a real browser against the real appliance: the analytics page
// draws its charts and switches range; the fans page lists the subscribers with their spend, a list is
// made and a fan put on it; a mass message goes to that list and reaches exactly its member. Screenshots
// (light, dark, phone) go to a temporary folder for people to look at.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import {
  dismissToasts,
  ensureWebBuilt,
  launchBrowser,
  logIn,
  screenshot,
  scrollWidth,
  watchPageProblems,
} from "../helpers/browser.ts";
import { startApp, type AppProcess, apiCall } from "../helpers/app-process.ts";

const SHOTS = join(tmpdir(), "fanz-shots", "analytics");
const T = 90_000;

const admin = { email: "owner@example.test", username: "owner", password: "owner password 1" };
const creator = { email: "lux@example.test", username: "lux", password: "correct horse battery" };
const fans = ["mia_fan", "noah_fan"].map((username) => ({
  email: `${username}@example.test`,
  username,
  password: "fan password 123",
}));

let app: AppProcess;
let browser: Browser;
let creatorToken: string;
const fanTokens: string[] = [];
const pageProblems: string[] = [];

const api = (method: string, path: string, body?: unknown, token?: string) =>
  apiCall(app.baseUrl, method, path, body, token);

async function newPage(opts: { width?: number; height?: number; dark?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    locale: "en-US",
    colorScheme: opts.dark ? "dark" : "light",
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  watchPageProblems(page, pageProblems);
  return page;
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await dismissToasts(page);
  await screenshot(page, join(SHOTS, `${name}.png`), fullPage);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ensureWebBuilt();
  app = await startApp();
  browser = await launchBrowser();
  await api("POST", "/setup", { token: app.setupToken(), siteName: "Lux Studio", admin });
  creatorToken = (await api("POST", "/auth/signup", { ...creator, ageConfirmed: true })).token;
  await api("PUT", "/creators/me", { priceCents: 1200, displayName: "Lux Moreau" }, creatorToken);
  const post = await api(
    "POST",
    "/posts",
    { text: "Behind the scenes of the new set", visibility: "public" },
    creatorToken,
  );
  for (const f of fans) {
    const { token } = await api("POST", "/auth/signup", { ...f, ageConfirmed: true });
    fanTokens.push(token);
    const topup = await api("POST", "/wallet/topups", { amountCents: 5000 }, token);
    await api("POST", `/sandbox/checkout/${topup.checkoutId}/pay`, { cardNumber: "4242 4242 4242 4242" });
    await api("POST", "/subscriptions", { creator: "lux", payWith: "wallet" }, token);
    await api("POST", `/posts/${post.post.id}/likes`, undefined, token);
  }
  await api("POST", "/tips", { creator: "lux", amountCents: 800, payWith: "wallet" }, fanTokens[0]);
}, T);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
}, T);

describe("analytics, fans and lists in the browser", () => {
  it(
    "draws the analytics charts and switches range, in light, dark and on a phone",
    async () => {
      const page = await newPage();
      await logIn(page, app.baseUrl, creator);
      await page.getByRole("link", { name: "Analytics", exact: true }).first().click();
      await page.waitForURL(`${app.baseUrl}/analytics`);
      await expect.poll(() => page.getByTestId("analytics-active").textContent()).toBe("2");
      // The fee's 20 % off three sales: 2 × $12.00 + $8.00 = $32.00 → $25.60.
      expect(await page.getByTestId("analytics-net").textContent()).toBe("$25.60");
      await expect.poll(() => page.locator(".chart-canvas canvas").count()).toBe(2); // the charts load lazily
      expect(await page.getByTestId("analytics-top-posts").textContent()).toContain("Behind the scenes");
      expect(await page.getByTestId("analytics-by-type").textContent()).toContain("$19.20");
      await shot(page, "01-analytics-30d-light");

      const asked = page.waitForRequest((r) => r.url().includes("/api/v1/analytics?days=7"));
      await page.getByRole("radio", { name: "7 days" }).check();
      await asked;
      await expect.poll(() => page.locator(".chart-readout").first().textContent()).toContain("2 active");
      await expect.poll(() => page.getByRole("img", { name: /last 7 days/ }).count()).toBe(2);
      await shot(page, "02-analytics-7d-light");
      await page.context().close();

      const dark = await newPage({ dark: true });
      await logIn(dark, app.baseUrl, creator);
      await dark.goto(`${app.baseUrl}/analytics`);
      await dark.locator(".chart-canvas canvas").first().waitFor();
      await shot(dark, "03-analytics-dark");
      await dark.context().close();

      const phone = await newPage({ width: 375, height: 800 });
      await logIn(phone, app.baseUrl, creator);
      await phone.goto(`${app.baseUrl}/analytics`);
      await phone.locator(".chart-canvas canvas").first().waitFor();
      expect(await scrollWidth(phone)).toBeLessThanOrEqual(375);
      await shot(phone, "04-analytics-phone");
      await phone.context().close();
    },
    T,
  );

  it(
    "lists fans, makes a list, puts a fan on it and sends a mass message to exactly that list",
    async () => {
      const page = await newPage();
      await logIn(page, app.baseUrl, creator);
      await page.getByRole("link", { name: "Fans", exact: true }).first().click();
      await page.waitForURL(`${app.baseUrl}/fans`);
      await expect.poll(() => page.getByTestId("fan-card").count()).toBe(2);
      await page.getByLabel("Sort").selectOption("spend");
      await expect.poll(() => page.getByTestId("fan-card").first().textContent()).toContain("mia_fan");
      expect(await page.getByTestId("fan-card").first().textContent()).toContain("$20.00");

      await page.getByLabel("List name").fill("VIP");
      await page.getByRole("button", { name: "Create list" }).click();
      await page.getByTestId("fan-lists").getByText("VIP").waitFor();
      await page.getByTestId("fan-card").first().getByRole("button", { name: "Lists" }).click();
      const dialog = page.getByRole("dialog", { name: /Lists for/ });
      await dialog.getByLabel(/VIP/).check();
      await dialog.getByText("1 fan").waitFor();
      await shot(page, "05-fans-list-dialog", false);
      await dialog.getByRole("button", { name: "Close" }).click();
      await page.getByTestId("fan-card").first().locator(".chip", { hasText: "VIP" }).waitFor();
      await shot(page, "06-fans-desktop");

      await page.getByTestId("fan-lists").getByRole("link", { name: "Message" }).click();
      await page.waitForURL(/\/messages\/mass\?list=/);
      await expect.poll(() => page.locator(".composer-hint").textContent()).toContain("It reaches 1 fan");
      await page.getByLabel("Message", { exact: true }).fill("Thank you for being a VIP");
      await page.getByRole("button", { name: "Preview" }).click();
      const check = page.getByRole("dialog", { name: "Check and send" });
      await check.getByText("VIP · 1 fan").waitFor();
      await shot(page, "07-mass-to-list", false);
      await check.getByRole("button", { name: "Send to 1 fan" }).click();
      await expect
        .poll(() => page.getByTestId("mass-progress").first().textContent(), { timeout: 20_000 })
        .toBe("Sent to 1 of 1 fan");
      await page.context().close();

      // Mia (on the list) got it; Noah (not on it) did not.
      const inbox = async (token: string) =>
        (await api("GET", "/conversations", undefined, token)).items.map((c: any) => c.lastMessage?.text);
      expect(await inbox(fanTokens[0]!)).toContain("Thank you for being a VIP");
      expect(await inbox(fanTokens[1]!)).not.toContain("Thank you for being a VIP");

      const phone = await newPage({ width: 375, height: 800, dark: true });
      await logIn(phone, app.baseUrl, creator);
      await phone.goto(`${app.baseUrl}/fans`);
      await phone.getByTestId("fan-card").first().waitFor();
      expect(await scrollWidth(phone)).toBeLessThanOrEqual(375);
      await shot(phone, "08-fans-phone-dark");
      await phone.context().close();
      expect(pageProblems).toEqual([]);
    },
    T,
  );
});
