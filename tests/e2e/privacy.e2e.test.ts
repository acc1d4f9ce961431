// Geo-blocking and GDPR in a real browser against the real appliance: the creator picks blocked countries
// from a searchable list (chips, saved); a viewer in a blocked country sees the 451 page (the country comes
// from a trusted proxy's header here: [geo] country_header); a fan downloads a copy of their data and
// deletes their account (consequences, password, typed confirmation, the wallet forfeit). Desktop and
// 375 px, light and dark.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
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
import { repoRoot, startApp, type AppProcess, apiCall } from "../helpers/app-process.ts";

const SHOTS = join(repoRoot, "test-results", "privacy");
const T = 90_000;

const admin = { email: "owner@example.test", username: "owner", password: "owner password 1" };
const creator = { email: "lena@example.test", username: "lena", password: "creator pass 1" };
const fan = { email: "ana@example.test", username: "ana_fan", password: "fan password 1" };

let app: AppProcess;
let browser: Browser;
const problems: string[] = [];

const api = (method: string, path: string, body?: unknown, token?: string) =>
  apiCall(app.baseUrl, method, path, body, token);
const shot = (page: Page, name: string, fullPage = false) =>
  screenshot(page, join(SHOTS, `${name}.png`), fullPage);

async function newPage(
  width = 1280,
  height = 900,
  colorScheme: "light" | "dark" = "light",
  country?: string,
) {
  const ctx = await browser.newContext({
    viewport: { width, height },
    locale: "en-US",
    colorScheme,
    ...(country ? { extraHTTPHeaders: { "x-test-country": country } } : {}),
  });
  ctx.setDefaultTimeout(15_000);
  watchPageProblems(ctx, problems);
  return { ctx, page: await ctx.newPage() };
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ensureWebBuilt();
  app = await startApp({ env: { FANZ_GEO__COUNTRY_HEADER: "X-Test-Country" } });
  browser = await launchBrowser();
  await api("POST", "/setup", { token: app.setupToken(), siteName: "Studio Hart", admin });
  const c = await api("POST", "/auth/signup", { ...creator, displayName: "Lena Hart", ageConfirmed: true });
  await api(
    "PUT",
    "/creators/me",
    { priceCents: 900, displayName: "Lena Hart", bio: "Film photos." },
    c.token,
  );
  await api("POST", "/posts", { text: "Morning light", visibility: "public" }, c.token);
  const f = await api("POST", "/auth/signup", { ...fan, displayName: "Ana", ageConfirmed: true });
  const top = await api("POST", "/wallet/topups", { amountCents: 2000 }, f.token);
  await api("POST", `/sandbox/checkout/${top.checkoutId}/pay`, { cardNumber: "4242 4242 4242 4242" });
  await api("POST", "/tips", { creator: "lena", amountCents: 500, payWith: "wallet" }, f.token);
}, T);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
}, T);

describe("geo-blocking and privacy in the browser", () => {
  it(
    "the creator blocks countries from a searchable list, shown as chips",
    async () => {
      const { ctx, page } = await newPage();
      await logIn(page, app.baseUrl, creator);
      await page.goto(`${app.baseUrl}/settings/creator`);
      const search = page.getByRole("combobox", { name: "Add a country" });
      await search.fill("germ");
      await page.getByRole("option", { name: /Germany/ }).click();
      await search.fill("aust");
      await page.getByRole("option", { name: /Austria/ }).waitFor();
      await page.getByRole("option", { name: /Australia/ }).waitFor();
      await search.press("Enter"); // the first match: Australia
      await search.fill("austria");
      await page.getByRole("option", { name: /Austria/ }).click();
      await page.getByRole("button", { name: "Unblock Australia" }).click();
      const chips = page.getByRole("list", { name: "Blocked countries" });
      expect(await chips.getByRole("listitem").allTextContents()).toEqual(["AustriaAT", "GermanyDE"]);
      await search.fill("fra");
      await page.getByRole("option", { name: /France/ }).waitFor();
      await page.getByRole("heading", { name: "Blocked countries" }).scrollIntoViewIfNeeded();
      await shot(page, "01-blocked-countries-desktop");
      await search.fill("");
      await page.getByRole("button", { name: "Save blocked countries" }).click();
      await page.getByText("Blocked countries saved").waitFor();
      const me = (await page.evaluate(async () => (await fetch("/api/v1/creators/me")).json())) as {
        creator: { blockedCountries: string[] };
      };
      expect(me.creator.blockedCountries).toEqual(["AT", "DE"]);
      await dismissToasts(page);

      await page.setViewportSize({ width: 375, height: 812 });
      await page.emulateMedia({ colorScheme: "dark" });
      await page.reload();
      await page.getByRole("heading", { name: "Blocked countries" }).scrollIntoViewIfNeeded();
      await page.getByRole("combobox", { name: "Add a country" }).fill("uni");
      await page.getByRole("option", { name: /United Kingdom/ }).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "02-blocked-countries-375-dark");
      await ctx.close();
    },
    T,
  );

  it(
    "a viewer in a blocked country sees the 451 page; elsewhere the page shows",
    async () => {
      const { ctx, page } = await newPage(1280, 900, "light", "DE");
      await page.goto(`${app.baseUrl}/lena`);
      await page.getByRole("heading", { name: "Not available in your country" }).waitFor();
      await page.getByText("The creator has chosen not to show their page in Germany").waitFor();
      await shot(page, "03-geo-blocked-desktop");
      await page.setViewportSize({ width: 375, height: 812 });
      await page.emulateMedia({ colorScheme: "dark" });
      await page.reload();
      await page.getByRole("heading", { name: "Not available in your country" }).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "04-geo-blocked-375-dark");
      await ctx.close();
      const fr = await newPage(1280, 900, "light", "FR");
      await fr.page.goto(`${app.baseUrl}/lena`);
      await fr.page.getByText("Morning light").waitFor();
      await fr.ctx.close();
    },
    T,
  );

  it(
    "a fan downloads a copy of their data and deletes their account",
    async () => {
      const { ctx, page } = await newPage();
      await logIn(page, app.baseUrl, fan);
      await page
        .getByRole("button", { name: `@${fan.username}, account menu` })
        .first()
        .click();
      await page.getByRole("menuitem", { name: "Privacy & your data" }).click();
      await page.waitForURL(`${app.baseUrl}/settings/privacy`);
      await page.getByRole("button", { name: "Request a copy" }).click();
      const download = page.getByRole("link", { name: "Download", exact: true });
      await download.waitFor({ timeout: 30_000 });
      await dismissToasts(page);
      await shot(page, "05-privacy-export-ready-desktop");
      const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
      expect(file.suggestedFilename()).toMatch(/^data-export-\d{4}-\d{2}-\d{2}\.zip$/);

      // Delete: the button waits for the password and the typed username; the wallet must be given up.
      const del = page.getByRole("button", { name: "Delete my account for good" });
      expect(await del.isDisabled()).toBe(true);
      await page.getByLabel("Your password").fill(fan.password);
      await page.getByLabel(`Type your username (${fan.username}) to confirm`).fill(fan.username);
      await del.click();
      await page.getByText("Your wallet holds 15.00 USD.").waitFor();
      await page.getByRole("heading", { name: "Delete your account" }).scrollIntoViewIfNeeded();
      await shot(page, "06-privacy-delete-forfeit-desktop", true);

      await page.setViewportSize({ width: 375, height: 812 });
      await page.emulateMedia({ colorScheme: "dark" });
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "07-privacy-375-dark", true);

      await page.getByLabel("I give up my wallet balance. It won't be paid back.").check();
      await del.click();
      await page.getByText("Your account was deleted. Goodbye!").waitFor();
      await page.waitForURL(`${app.baseUrl}/`);
      const login = await fetch(`${app.baseUrl}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: fan.email, password: fan.password }),
      });
      expect(login.status).toBe(401);
      await ctx.close();
      expect(problems).toEqual([]);
    },
    T,
  );
});
