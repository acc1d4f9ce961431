// Notifications in a real browser against the real appliance: the creator's list says who did what and
// how much, groups the likes of a post, and links to the post; the settings page keeps the channels per
// kind and offers push in this browser; the site is an installable app (manifest, service worker at the
// root); the admin console's e-mail settings send a test mail. Also at 375 px and in dark mode.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, readdirSync } from "node:fs";
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

const SHOTS = join(repoRoot, "test-results", "notifications");
const T = 60_000;

const admin = { email: "owner@example.test", username: "owner", password: "owner password 1" };
const creator = {
  email: "lena@example.test",
  username: "lena",
  displayName: "Lena Hart",
  password: "creator pass 1",
};
const FANS = ["Ana", "Bruno", "Chloe", "Dev"];

let app: AppProcess;
let browser: Browser;
let postId = "";
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
  await api("POST", "/setup", { token: app.setupToken(), siteName: "Studio Hart", admin });
  const c = await api("POST", "/auth/signup", { ...creator, ageConfirmed: true });
  await api("PUT", "/creators/me", { priceCents: 900, displayName: creator.displayName }, c.token);
  postId = (await api("POST", "/posts", { text: "Morning light", visibility: "public" }, c.token)).post.id;
  for (const [i, name] of FANS.entries()) {
    const f = await api("POST", "/auth/signup", {
      email: `${name.toLowerCase()}@example.test`,
      username: `${name.toLowerCase()}_fan`,
      displayName: name,
      password: "fan password 1",
      ageConfirmed: true,
    });
    await api("POST", `/posts/${postId}/likes`, undefined, f.token);
    if (i === 0) {
      const top = await api("POST", "/wallet/topups", { amountCents: 2000 }, f.token);
      await api("POST", `/sandbox/checkout/${top.checkoutId}/pay`, { cardNumber: "4242 4242 4242 4242" });
      await api(
        "POST",
        "/tips",
        { creator: "lena", amountCents: 500, message: "Lovely!", payWith: "wallet" },
        f.token,
      );
      await api("POST", `/posts/${postId}/comments`, { text: "So good" }, f.token);
    }
  }
}, T);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
}, T);

describe("notifications in the browser", () => {
  it(
    "the creator's notifications name people and amounts, group likes and link to the post",
    async () => {
      const { ctx, page } = await newPage();
      await logIn(page, app.baseUrl, creator);
      await page.getByRole("link", { name: "Notifications, 3 unread" }).first().click();
      await page.getByText("Dev and 3 others liked your post.").waitFor();
      await page.getByText("Ana sent you a tip of 5.00 USD.").waitFor();
      await page.getByText("“Lovely!”").waitFor();
      await page.getByText("Ana commented on your post.").waitFor();
      await shot(page, "01-notifications-desktop");

      await page.setViewportSize({ width: 375, height: 812 });
      await page.reload();
      await page.getByText("Dev and 3 others liked your post.").waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "02-notifications-375");
      await page.emulateMedia({ colorScheme: "dark" });
      await shot(page, "03-notifications-375-dark");

      const likes = page.locator(".notif", { hasText: "liked your post" });
      await likes.getByRole("link", { name: "View post" }).click();
      await page.waitForURL(`${app.baseUrl}/posts/${postId}`);
      await page.getByText("Morning light").first().waitFor();
      await ctx.close();
    },
    T,
  );

  it(
    "the settings page keeps the channels per kind and offers push in this browser",
    async () => {
      const { ctx, page } = await newPage(375, 812, "dark");
      await ctx.grantPermissions(["notifications"], { origin: app.baseUrl });
      await logIn(page, app.baseUrl, creator);
      await page.getByRole("link", { name: "Notifications", exact: true }).first().click();
      await page.getByRole("link", { name: "Settings", exact: true }).click();
      await page.waitForURL(`${app.baseUrl}/settings/notifications`);
      const likesInApp = page.getByLabel("Likes: In-app");
      await likesInApp.waitFor();
      expect(await likesInApp.isChecked()).toBe(true);
      expect(await page.getByLabel("Messages: E-mail").isChecked()).toBe(true);
      expect(await page.getByLabel("Likes: E-mail").isChecked()).toBe(false);
      await page.getByRole("button", { name: "Turn on" }).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "04-settings-375-dark", true);

      await page.getByLabel("Likes: E-mail").check();
      await likesInApp.uncheck();
      await expect
        .poll(
          async () =>
            (await api("GET", "/users/me/notification-settings", undefined, await token(page))).settings.like,
        )
        .toEqual({ inApp: false, email: true, push: false });
      await page.reload();
      await page.getByLabel("Likes: In-app").waitFor();
      expect(await page.getByLabel("Likes: In-app").isChecked()).toBe(false);
      expect(await page.getByLabel("Likes: E-mail").isChecked()).toBe(true);

      // The service worker controls the whole site, and the manifest names it.
      const scope = await page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)");
      expect(scope).toBe(`${app.baseUrl}/`);
      const manifest = await page.evaluate(
        "fetch(document.querySelector('link[rel=manifest]').href).then((r) => r.json())",
      );
      expect(manifest).toMatchObject({ name: "Studio Hart", display: "standalone" });

      // Turning push on asks the browser for a subscription from its vendor's push service, which this
      // offline machine cannot reach: the page says what went wrong instead of pretending.
      await page.getByRole("button", { name: "Turn on" }).click();
      await page
        .locator(".toast")
        .or(page.getByRole("button", { name: "Turn off" }))
        .first()
        .waitFor({ timeout: 20_000 });
      await shot(page, "05-settings-push-375-dark");
      await ctx.close();
    },
    T,
  );

  it(
    "the admin's e-mail settings say where mail goes and send a test mail",
    async () => {
      const { ctx, page } = await newPage(1280, 900);
      await logIn(page, app.baseUrl, admin);
      await page.goto(`${app.baseUrl}/admin/settings`);
      await page
        .getByTestId("email-where")
        .getByText(/written as a file/)
        .waitFor();
      await page.getByLabel("To", { exact: true }).fill("owner@example.test");
      await page.getByRole("button", { name: "Send test mail" }).click();
      await page.getByText("Written to the mail folder of the data directory.").waitFor();
      expect(readdirSync(join(app.dataDir, "mail")).some((f) => f.endsWith(".eml"))).toBe(true);
      await dismissToasts(page);
      await shot(page, "06-admin-email-desktop", true);
      await page.setViewportSize({ width: 375, height: 812 });
      await page.emulateMedia({ colorScheme: "dark" });
      await page.getByLabel("SMTP server", { exact: true }).fill("smtp.example.test");
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "07-admin-email-375-dark", true);
      await ctx.close();
      expect(problems).toEqual([]);
    },
    T,
  );
});

/** The session token of a logged-in page (its cookie), to read what the server stored. */
async function token(page: Page): Promise<string> {
  const cookies = await page.context().cookies();
  return cookies.find((c) => c.name === "fanz_session")!.value;
}
