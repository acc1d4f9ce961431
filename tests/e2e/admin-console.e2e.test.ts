// The admin console in a real browser against the real appliance: a fan reports a post from its menu;
// the admin finds it in the report queue with its preview and removes it; the admin finds the creator
// in Users, opens their page and bans them (confirmed, with a reason), after which the creator's page is
// gone for the fan; the audit log lists both actions and the status page shows its figures. Desktop and
// 375 px, light and dark, no sideways scrolling.
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

const SHOTS = join(repoRoot, "test-results", "admin-console");
const T = 60_000;

const admin = { email: "owner@example.test", username: "owner", password: "owner password 1" };
const creator = {
  email: "nova@example.test",
  username: "nova",
  displayName: "Nova Reyes",
  password: "creator pass 1",
};
const fan = { email: "sam@example.test", username: "sam", displayName: "Sam", password: "fan password 1" };

let app: AppProcess;
let browser: Browser;
let postId = "";
let creatorId = "";
const problems: string[] = [];

const api = (method: string, path: string, body?: unknown, token?: string) =>
  apiCall(app.baseUrl, method, path, body, token);
const shot = (page: Page, name: string, fullPage = false) =>
  screenshot(page, join(SHOTS, `${name}.png`), fullPage);

async function newPage(width = 1280, height = 900, colorScheme: "light" | "dark" = "light") {
  const ctx = await browser.newContext({ viewport: { width, height }, locale: "en-US", colorScheme });
  ctx.setDefaultTimeout(10_000);
  watchPageProblems(ctx, problems);
  return { ctx, page: await ctx.newPage() };
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ensureWebBuilt();
  app = await startApp();
  browser = await launchBrowser();
  await api("POST", "/setup", { token: app.setupToken(), siteName: "Moderated Site", admin });
  const c = await api("POST", "/auth/signup", { ...creator, ageConfirmed: true });
  creatorId = c.user.id;
  await api("PUT", "/creators/me", { priceCents: 0, displayName: creator.displayName }, c.token);
  postId = (await api("POST", "/posts", { text: "Cheap followers, DM me", visibility: "public" }, c.token))
    .post.id;
  await api("POST", "/posts", { text: "Sunset over the bay", visibility: "public" }, c.token);
  const f = await api("POST", "/auth/signup", { ...fan, ageConfirmed: true });
  await api("POST", "/subscriptions", { creator: "nova" }, f.token);
  // A second report, about the creator's profile, so the queue has more than one kind.
  await api(
    "POST",
    "/reports",
    {
      target: { type: "user", id: creatorId },
      reason: "impersonation",
      details: "Uses a celebrity's photos",
    },
    f.token,
  );
}, T);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  expect(problems).toEqual([]);
}, T);

describe("the admin console in the browser", () => {
  it(
    "a fan reports a post from its menu",
    async () => {
      const { ctx, page } = await newPage(375, 812);
      await logIn(page, app.baseUrl, fan);
      await page.goto(`${app.baseUrl}/posts/${postId}`);
      await page.getByText("Cheap followers, DM me").first().waitFor();
      await page.getByRole("button", { name: "Post options" }).first().click();
      await page.getByRole("menuitem", { name: "Report" }).click();
      await page.getByRole("dialog", { name: "Report this post" }).waitFor();
      await page.getByLabel(/Spam or scam/).check();
      await page.getByLabel("Details (optional)").fill("Selling fake followers");
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "01-report-dialog-375");
      await page.getByRole("button", { name: "Send report" }).click();
      await page.getByText("Thanks. Moderators will look at this post.").waitFor();
      await ctx.close();
    },
    T,
  );

  it(
    "the admin sees the queue with previews and removes the post",
    async () => {
      const { ctx, page } = await newPage();
      await logIn(page, app.baseUrl, admin);
      await page.goto(`${app.baseUrl}/admin/reports`);
      const card = page.locator(".report-card", { hasText: "Cheap followers, DM me" });
      await card.waitFor();
      await card.getByText("Selling fake followers").waitFor();
      await page.locator(".report-card", { hasText: "Uses a celebrity's photos" }).waitFor();
      await shot(page, "02-reports-desktop", true);
      await card.getByRole("button", { name: "Remove content" }).click();
      const dialog = page.getByRole("dialog", { name: "Remove this content?" });
      await dialog.getByLabel(/Note/).fill("Spam is not allowed");
      await dialog.getByRole("button", { name: "Remove" }).click();
      await page.getByText("Content removed. The reporter was told.").waitFor();
      await card.waitFor({ state: "detached" });
      const gone = await fetch(`${app.baseUrl}/api/v1/posts/${postId}`);
      expect(gone.status).toBe(404);

      await page.setViewportSize({ width: 375, height: 812 });
      await page.emulateMedia({ colorScheme: "dark" });
      await dismissToasts(page);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "03-reports-375-dark", true);
      await ctx.close();
    },
    T,
  );

  it(
    "the admin finds the creator, bans them with a reason, and their page is gone for the fan",
    async () => {
      const { ctx, page } = await newPage();
      await logIn(page, app.baseUrl, admin);
      await page.goto(`${app.baseUrl}/admin/users`);
      await page.getByLabel("Search people").fill("nova@");
      await page.getByTestId("admin-users").getByText("Nova Reyes").waitFor();
      await page.getByTestId("admin-users").getByText("@sam").waitFor({ state: "detached" });
      await shot(page, "04-users-desktop");
      await page.getByTestId("admin-users").getByText("Nova Reyes").click();
      await page.waitForURL(`${app.baseUrl}/admin/users/${creatorId}`);
      await page.getByRole("heading", { name: "Nova Reyes" }).waitFor();
      await page.getByText("Open reports").waitFor();
      await shot(page, "05-person-desktop");

      await page.getByRole("button", { name: "Ban" }).click();
      const dialog = page.getByRole("dialog", { name: "Ban this person?" });
      await dialog.getByRole("button", { name: "Ban" }).click();
      await dialog.getByText("Say why").waitFor();
      await dialog.getByLabel(/Reason/).fill("Repeated spam");
      await shot(page, "06-ban-confirm-desktop");
      await dialog.getByRole("button", { name: "Ban" }).click();
      await page.getByTestId("admin-person-status").getByText("Banned").waitFor();
      await page.getByText("Reason: Repeated spam").waitFor();
      await dismissToasts(page);

      // Suspend is a date picker; the page at 375 px, dark.
      await page.setViewportSize({ width: 375, height: 812 });
      await page.emulateMedia({ colorScheme: "dark" });
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "07-person-banned-375-dark", true);
      await page.goto(`${app.baseUrl}/admin/users`);
      await page.getByTestId("admin-users").getByText("Nova Reyes").waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "08-users-375-dark");
      await ctx.close();

      const f = await newPage(375, 812);
      await logIn(f.page, app.baseUrl, fan);
      await f.page.goto(`${app.baseUrl}/nova`);
      await f.page.getByText("Creator not found").first().waitFor();
      await shot(f.page, "09-banned-creator-for-fan-375");
      await f.ctx.close();
    },
    T,
  );

  it(
    "the audit log lists the actions; the status page shows its figures",
    async () => {
      const { ctx, page } = await newPage();
      await logIn(page, app.baseUrl, admin);
      await page.goto(`${app.baseUrl}/admin/audit`);
      const list = page.getByTestId("audit-list");
      await list.getByText("Banned a person").waitFor();
      await list.getByText("Resolved a report").waitFor();
      await list.getByText("Finished the setup wizard").waitFor();
      await list.locator("summary", { hasText: "Banned a person" }).click();
      await list.getByText("Repeated spam").waitFor();
      await shot(page, "10-audit-desktop", true);
      await page.getByLabel("What").selectOption("report.resolve");
      await list.getByText("Banned a person").waitFor({ state: "detached" });

      await page.goto(`${app.baseUrl}/admin/status`);
      await page.getByTestId("status-ready").getByText("Ready").waitFor();
      const grid = page.getByTestId("status-grid");
      await grid.getByRole("heading", { name: "Database" }).waitFor();
      await grid.getByText("Never").waitFor();
      await grid.getByText(/Open \/ws sockets/).waitFor();
      await shot(page, "11-status-desktop", true);
      await page.getByRole("button", { name: "Refresh" }).click();
      await page.getByRole("button", { name: "Refresh" }).waitFor();
      await page.setViewportSize({ width: 375, height: 812 });
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "12-status-375", true);
      await page.emulateMedia({ colorScheme: "dark" });
      await shot(page, "13-status-375-dark", true);
      await page.goto(`${app.baseUrl}/admin/audit`);
      await page.getByTestId("audit-list").getByText("Banned a person").waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "14-audit-375-dark", true);
      await ctx.close();
    },
    T,
  );
});
