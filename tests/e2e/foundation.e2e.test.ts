// The foundation journey in a real browser against the real appliance: setup wizard, a creator signs up,
// sets a price and posts (public + pay-per-view), a fan signs up and sees the public post and the
// locked PPV card, also on a 375 px phone screen without horizontal scrolling.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ensureWebBuilt, launchBrowser, screenshot, scrollWidth } from "../helpers/browser.ts";
import { repoRoot, startApp, type AppProcess } from "../helpers/app-process.ts";

const SHOTS = join(repoRoot, "test-results", "foundation");
const T = 60_000;

const creator = {
  email: "nova@example.test",
  username: "nova",
  displayName: "Nova Reyes",
  password: "correct horse battery",
};
const fan = {
  email: "sam@example.test",
  username: "sam_fan",
  displayName: "Sam",
  password: "fan password 123",
};
const publicText = "Hello fans! New photo set drops Friday — details at https://example.com/schedule";
const ppvText = "Behind the scenes of the Friday shoot";

let app: AppProcess;
let browser: Browser;

const shot = (page: Page, name: string, fullPage = false) =>
  screenshot(page, join(SHOTS, `${name}.png`), fullPage);

async function newContext(width = 1280, height = 900, colorScheme: "light" | "dark" = "light") {
  const context = await browser.newContext({ viewport: { width, height }, locale: "en-US", colorScheme });
  context.setDefaultTimeout(10_000);
  return context;
}

async function signUp(page: Page, who: typeof creator): Promise<void> {
  await page.goto(`${app.baseUrl}/signup`);
  await page.getByLabel("Email", { exact: true }).fill(who.email);
  await page.getByLabel("Username", { exact: true }).fill(who.username);
  await page.getByLabel("Display name", { exact: true }).fill(who.displayName);
  await page.getByLabel("Password", { exact: true }).fill(who.password);
  await page.getByLabel("I am 18 or older").check();
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${app.baseUrl}/`);
  await page.getByRole("button", { name: `@${who.username}, account menu` }).waitFor();
}

async function logOut(page: Page, username: string): Promise<void> {
  await page.getByRole("button", { name: `@${username}, account menu` }).click();
  await page.getByRole("menuitem", { name: "Log out", exact: true }).click();
  await page.getByRole("link", { name: "Sign up" }).first().waitFor();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ensureWebBuilt();
  app = await startApp();
  browser = await launchBrowser();
}, T);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
}, T);

describe("foundation journey in the browser", () => {
  let ctx: BrowserContext;

  it(
    "completes the setup wizard",
    async () => {
      const token = app.setupToken();
      expect(token).toBeTruthy();
      ctx = await newContext();
      const page = await ctx.newPage();

      // Any page redirects to the wizard while setup is required, keeping the token.
      await page.goto(`${app.baseUrl}/discover?token=${token}`);
      await page.waitForURL(/\/setup\?token=/);

      await page.getByLabel("Site name").fill("Studio Nova");
      await shot(page, "01-setup-step1-desktop");
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByLabel("Email", { exact: true }).fill("admin@example.test");
      await page.getByLabel("Username", { exact: true }).fill("admin");
      await page.getByLabel("Password", { exact: true }).fill("admin password 1");
      await page.getByRole("button", { name: "Continue" }).click();
      // E-mail: SMTP can wait; until then mails are kept as files.
      await page.getByRole("heading", { name: "How should the site send e-mail?" }).waitFor();
      await page.getByLabel("Through my SMTP server").check();
      await page.getByLabel("SMTP server", { exact: true }).waitFor();
      await shot(page, "01b-setup-email-desktop");
      await page.getByLabel(/^Later/).check();
      await page.getByRole("button", { name: "Finish setup" }).click();
      await page.getByRole("heading", { name: "Studio Nova is live" }).waitFor();
      await shot(page, "02-setup-live-desktop");

      const site = (await (await fetch(`${app.baseUrl}/api/v1/site`)).json()) as {
        site: { setupRequired: boolean };
      };
      expect(site.site.setupRequired).toBe(false);

      await page.goto(`${app.baseUrl}/`);
      await logOut(page, "admin");
      await shot(page, "03-landing-desktop");

      // A visitor's pages log nothing as an error (asking who is signed in is not a failed request).
      const visitor = await (await newContext()).newPage();
      const errors: string[] = [];
      visitor.on("console", (m) => {
        if (m.type() === "error") errors.push(`${visitor.url()}: ${m.text()}`);
      });
      for (const path of ["/", "/discover", "/login"]) {
        await visitor.goto(app.baseUrl + path);
        await visitor.waitForLoadState("networkidle");
      }
      expect(errors).toEqual([]);
      // The skip link is the first stop and lands in the main region (not on the link, not on the body).
      await visitor.goto(app.baseUrl + "/discover");
      await visitor.waitForLoadState("networkidle");
      await visitor.keyboard.press("Tab");
      expect(await visitor.evaluate("document.activeElement?.className")).toContain("skip-link");
      await visitor.keyboard.press("Enter");
      expect(await visitor.evaluate("document.activeElement?.id")).toBe("main");
      await visitor.context().close();
    },
    T,
  );

  it(
    "a creator signs up, sets a price and posts a public and a pay-per-view post",
    async () => {
      const page = await ctx.newPage();
      await signUp(page, creator);
      await shot(page, "04-home-empty-feed-desktop");

      await page.goto(`${app.baseUrl}/settings/creator`);
      await page.getByRole("heading", { name: "Become a creator" }).waitFor();
      await page.getByLabel("Bio").fill("Photographer and storyteller. New sets every Friday.");
      await page.getByLabel("Monthly price").fill("9.99");
      await page.getByRole("checkbox", { name: "3 months" }).check();
      await page.getByLabel("Free trial").fill("7");
      await shot(page, "05-become-creator-desktop", true);
      await page.getByRole("button", { name: "Become a creator" }).click();
      await page.getByText("You're a creator now").waitFor();

      // A public post from the composer page…
      await page.goto(`${app.baseUrl}/compose`);
      await page.getByLabel("Post text").fill(publicText);
      await page.getByRole("button", { name: "Post", exact: true }).click();
      await page.waitForURL(`${app.baseUrl}/${creator.username}`);
      await page.getByText("Hello fans! New photo set drops Friday").first().waitFor();

      // …and a pay-per-view post from the composer on the creator's own page.
      await page.getByLabel("Post text").fill(ppvText);
      await page.getByLabel("Pay-per-view").check();
      await page.getByLabel("Price").fill("5");
      await page.getByRole("button", { name: "Post", exact: true }).click();
      await page.getByText("Pay-per-view · $5.00").waitFor();
      await shot(page, "06-creator-page-owner-desktop", true);

      await logOut(page, creator.username);
      await ctx.close();
    },
    T,
  );

  it(
    "a fan sees the public post and the PPV post locked with its price, also on a phone",
    async () => {
      const fanCtx = await newContext();
      const page = await fanCtx.newPage();
      await signUp(page, fan);
      await page.goto(`${app.baseUrl}/${creator.username}`);

      await page.getByText("Hello fans! New photo set drops Friday").waitFor();
      const link = page.getByRole("link", { name: "https://example.com/schedule" });
      expect(await link.getAttribute("href")).toBe("https://example.com/schedule");
      await page.getByText(ppvText).waitFor();
      const unlock = page.getByRole("button", { name: "Unlock for $5.00" });
      await unlock.waitFor();
      expect(await page.getByRole("button", { name: "Subscribe · $9.99 / month" }).isVisible()).toBe(true);
      expect(await page.getByText("3 months · save").isVisible()).toBe(true);
      await shot(page, "07-creator-page-fan-desktop", true);

      // Money actions confirm first and show the server's answer.
      await unlock.click();
      const dialog = page.getByRole("dialog", { name: "Unlock this post" });
      await dialog.waitFor();
      await dialog.getByRole("button", { name: "Pay $5.00" }).click();
      await dialog.locator(".form-error").waitFor();
      expect((await dialog.locator(".form-error").textContent())?.length).toBeGreaterThan(0);
      await shot(page, "08-unlock-dialog-desktop");
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });

      await page.getByRole("button", { name: "Subscribe · $9.99 / month" }).click();
      const sub = page.getByRole("dialog", { name: `Subscribe to ${creator.displayName}` });
      await sub.waitFor();
      await shot(page, "09-subscribe-dialog-desktop");
      await page.keyboard.press("Escape");

      // Dark theme, as a person who prefers it would see the page.
      await page.emulateMedia({ colorScheme: "dark" });
      await shot(page, "10-creator-page-fan-desktop-dark", true);

      // Phone width: no horizontal scrolling.
      await page.setViewportSize({ width: 375, height: 812 });
      await page.emulateMedia({ colorScheme: "light" });
      await page.reload();
      await page.getByRole("button", { name: "Unlock for $5.00" }).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "11-creator-page-fan-375", true);
      await page.emulateMedia({ colorScheme: "dark" });
      await shot(page, "12-creator-page-fan-375-dark", true);

      await page.goto(`${app.baseUrl}/`);
      await page.locator("article.post:not(.skeleton-card), .empty").first().waitFor();
      await shot(page, "13-home-fan-375-dark");
      await page.goto(`${app.baseUrl}/discover`);
      await page
        .getByRole("link", { name: /Nova Reyes/ })
        .first()
        .waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "14-discover-375-dark");
      await fanCtx.close();
    },
    T,
  );
});
