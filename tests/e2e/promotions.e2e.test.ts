// Promotions in a real browser against the real appliance: a creator makes a free-trial link in creator
// settings, a fan opens it, sees the offer in the subscribe dialog and subscribes for free; a public
// discount shows on the creator page and in the dialog with the normal price struck through; the
// creator's earnings page shows the referral link. Screenshots (desktop and 375 px) under /tmp.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
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

const SHOTS = "/tmp/fanz-shots/promotions";
const T = 60_000;
const admin = { email: "owner@example.test", username: "owner", password: "owner password 1" };
const creator = {
  email: "lumi@example.test",
  username: "lumi",
  displayName: "Lumi Park",
  password: "lumi password 1",
};
const fan = {
  email: "kai@example.test",
  username: "kai_fan",
  displayName: "Kai",
  password: "kai password 12",
};

let app: AppProcess;
let browser: Browser;
const pageProblems: string[] = [];

const api = (method: string, path: string, body?: unknown, token?: string) =>
  apiCall(app.baseUrl, method, path, body, token);

const shot = (page: Page, name: string, fullPage = false) =>
  screenshot(page, join(SHOTS, `${name}.png`), fullPage);

async function newContext(width = 1280, height = 900): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: "en-US",
    colorScheme: "light",
  });
  context.setDefaultTimeout(10_000);
  watchPageProblems(context, pageProblems);
  return context;
}

let creatorToken = "";
let fanToken = "";

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ensureWebBuilt();
  app = await startApp();
  browser = await launchBrowser();
  await api("POST", "/setup", { token: app.setupToken(), siteName: "Studio Lumi", admin });
  creatorToken = (await api("POST", "/auth/signup", { ...creator, ageConfirmed: true })).token;
  await api("PUT", "/creators/me", { bio: "Light and colour.", priceCents: 800 }, creatorToken);
  await api(
    "POST",
    "/posts",
    { text: "Subscribers only: the colour study", visibility: "subscribers" },
    creatorToken,
  );
  fanToken = (await api("POST", "/auth/signup", { ...fan, ageConfirmed: true })).token;
}, T);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
}, T);

describe("promotions in the browser", () => {
  let code = "";

  it(
    "the creator makes a 14-day free-trial link limited to 5 uses and sees it listed",
    async () => {
      const ctx = await newContext();
      const page = await ctx.newPage();
      await logIn(page, app.baseUrl, creator);
      await page.goto(`${app.baseUrl}/settings/creator`);
      const section = page.locator("section", { has: page.getByRole("heading", { name: "Promotions" }) });
      await section.waitFor();
      await section.getByText("No promotions yet").waitFor();
      await section.getByLabel("Kind").selectOption("trial");
      await section.getByLabel("Free days").fill("14");
      await section.getByLabel("Maximum uses").fill("5");
      await section.getByLabel("Who may use it").selectOption("new");
      await section.getByRole("button", { name: "Create link" }).click();
      const item = section.locator(".promo-item").first();
      await item.waitFor();
      expect(await item.textContent()).toContain("14 days free");
      expect(await item.textContent()).toContain("0 of 5 used");
      code = (await item.getAttribute("data-code"))!;
      expect(code).toMatch(/^[A-Z2-7]{10}$/);
      expect(await item.locator(".promo-item-url").textContent()).toContain(`/lumi?promo=${code}`);
      await dismissToasts(page);
      await section.scrollIntoViewIfNeeded();
      await shot(page, "01-settings-promotions-desktop");

      // Delete asks first; "Keep it" keeps it.
      await item.getByRole("button", { name: "Delete" }).click();
      const confirm = page.getByRole("dialog", { name: "Delete this promotion?" });
      await confirm.waitFor();
      await shot(page, "02-delete-confirm-desktop");
      await confirm.getByRole("button", { name: "Keep it" }).click();
      await expect.poll(() => section.locator(".promo-item").count()).toBe(1);

      await page.setViewportSize({ width: 375, height: 800 });
      await section.scrollIntoViewIfNeeded();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "03-settings-promotions-phone");
      await ctx.close();
    },
    T,
  );

  it(
    "a fan opens the link, sees the free trial in the subscribe dialog and subscribes for free",
    async () => {
      const ctx = await newContext();
      const page = await ctx.newPage();
      await logIn(page, app.baseUrl, fan);
      await page.goto(`${app.baseUrl}/lumi?promo=${code}`);
      const dialog = page.getByRole("dialog", { name: "Subscribe to Lumi Park" });
      await dialog.waitFor();
      await dialog.locator(".promo-price").getByText("14 days free").waitFor();
      expect(await dialog.textContent()).toContain("then $8.00 per period");
      await shot(page, "04-trial-dialog-desktop");
      await dialog.getByRole("button", { name: "Start 14-day free trial" }).click();
      await page.getByText("You're subscribed to Lumi Park").waitFor();
      await page.getByText("Subscribers only: the colour study").waitFor();
      await dismissToasts(page);
      await shot(page, "05-subscribed-desktop");

      const subs = await api("GET", "/subscriptions", undefined, fanToken);
      expect(subs.items).toHaveLength(1);
      expect(subs.items[0]).toMatchObject({ status: "active", priceCents: 800 });
      expect((await api("GET", "/wallet", undefined, fanToken)).balanceCents).toBe(0);
      const mine = await api("GET", "/promotions", undefined, creatorToken);
      expect(mine.items[0]).toMatchObject({ code, uses: 1 });
      await ctx.close();
    },
    T,
  );

  it(
    "a public discount shows on the creator page and in the dialog with the normal price struck through",
    async () => {
      await api("POST", "/promotions", { kind: "discount", percentOff: 25, public: true }, creatorToken);
      const other = { email: "rin@example.test", username: "rin_fan", password: "rin password 12" };
      await api("POST", "/auth/signup", { ...other, ageConfirmed: true });
      const ctx = await newContext(375, 800);
      const page = await ctx.newPage();
      await logIn(page, app.baseUrl, other);
      await page.goto(`${app.baseUrl}/lumi`);
      const banner = page.locator(".promo-banner");
      await banner.getByText("25 % off your first period").waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "06-creator-offer-phone");
      await banner.getByRole("button", { name: "Claim offer" }).click();
      const dialog = page.getByRole("dialog", { name: "Subscribe to Lumi Park" });
      await dialog.waitFor();
      expect(await dialog.locator(".promo-price del").textContent()).toBe("$8.00");
      expect(await dialog.locator(".promo-now").textContent()).toBe("$6.00");
      await shot(page, "07-discount-dialog-phone");
      await ctx.close();
    },
    T,
  );

  it(
    "the creator's earnings page shows the referral link",
    async () => {
      const ctx = await newContext();
      const page = await ctx.newPage();
      await logIn(page, app.baseUrl, creator);
      await page.goto(`${app.baseUrl}/earnings`);
      const card = page.locator("section", { has: page.getByRole("heading", { name: "Referrals" }) });
      await card.waitFor();
      expect(await card.locator("code").textContent()).toMatch(/\/signup\?ref=lumi$/);
      await card.scrollIntoViewIfNeeded();
      await shot(page, "08-earnings-referrals-desktop");
      expect(pageProblems).toEqual([]);
      await ctx.close();
    },
    T,
  );
});
