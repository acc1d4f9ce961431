// Profile pictures in a real browser against the real appliance: a creator frames and uploads an avatar
// and a banner in creator settings, sees them on their page (desktop and a 375 px phone, light and
// dark), a logged-out visitor sees them too, and "Remove" goes back to the generated initials.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import type { Browser, Page } from "playwright-core";
import { ensureWebBuilt, launchBrowser, logIn, screenshot } from "../helpers/browser.ts";
import { repoRoot, startApp, type AppProcess } from "../helpers/app-process.ts";

const SHOTS = join(repoRoot, "test-results", "creator-images");
const T = 90_000;

const creator = {
  email: "nora@example.test",
  username: "nora",
  displayName: "Nora Lind",
  password: "creator password 1",
};

ensureWebBuilt();

let app: AppProcess;
let browser: Browser;

async function api(method: string, path: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${app.baseUrl}/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** A portrait-ish picture: a face-like circle on a gradient, so framing is visible in the screenshots. */
async function picture(width: number, height: number, hue: number, label: string) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},75%,60%)"/><stop offset="1" stop-color="hsl(${hue + 60},70%,30%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width * 0.5}" cy="${height * 0.45}" r="${Math.min(width, height) * 0.22}" fill="hsl(${hue + 30},90%,82%)"/>
    <text x="50%" y="88%" font-family="sans-serif" font-size="${Math.round(height / 9)}" font-weight="700"
      text-anchor="middle" fill="white">${label}</text></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate("window.scrollTo(0, 0)");
  await screenshot(page, join(SHOTS, `${name}.png`));
}

/** Waits until a page expression is true (page.evaluate: the site's CSP forbids waitForFunction's eval). */
async function until(page: Page, expression: string, timeout = 20_000): Promise<void> {
  await expect.poll(() => page.evaluate(expression), { timeout, interval: 200 }).toBe(true);
}

const loaded = (selector: string) =>
  `(() => { const i = document.querySelector(${JSON.stringify(selector)});
    return !!i && i.getAttribute("src").startsWith("/media/") && i.complete && i.naturalWidth > 0; })()`;

describe("creator profile pictures in the browser", () => {
  beforeAll(async () => {
    app = await startApp();
    mkdirSync(SHOTS, { recursive: true });
    const setup = await api("POST", "/setup", {
      token: app.setupToken(),
      siteName: "Northlight",
      admin: { email: "admin@example.test", username: "admin", password: "admin password 1" },
    });
    expect(setup.status).toBeLessThan(300);
    const r = await api("POST", "/auth/signup", { ...creator, ageConfirmed: true });
    expect(r.status).toBe(201);
    const c = await api(
      "PUT",
      "/creators/me",
      { priceCents: 899, bio: "Northern light, long exposures." },
      r.body.token,
    );
    expect(c.status).toBe(200);
    const post = await api(
      "POST",
      "/posts",
      { text: "First night out.", visibility: "public" },
      r.body.token,
    );
    expect(post.status).toBe(201);
    browser = await launchBrowser();
  }, T);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  }, T);

  it(
    "uploads a framed avatar and a banner in settings and shows them on the creator page",
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      await logIn(page, app.baseUrl, creator);
      await page.goto(`${app.baseUrl}/settings/creator`);
      await page.getByRole("heading", { name: "Pictures" }).waitFor();

      // Avatar: pick, move the frame with the keyboard, zoom, save.
      await page.locator("#pick-avatar").setInputFiles({
        name: "me.jpg",
        mimeType: "image/jpeg",
        buffer: await picture(1200, 900, 200, "NL"),
      });
      const frame = page.getByRole("group", { name: /Profile picture framing/ });
      await frame.waitFor();
      await frame.focus();
      await page.keyboard.press("ArrowLeft");
      await page.getByRole("slider", { name: "Zoom" }).fill("1.4");
      await shot(page, "01-settings-framing-avatar");
      await page.getByRole("button", { name: "Save profile picture" }).click();
      await until(page, loaded(".image-editor-avatar .avatar img"));

      // Banner: the centre, as picked.
      await page.locator("#pick-banner").setInputFiles({
        name: "sky.jpg",
        mimeType: "image/jpeg",
        buffer: await picture(2400, 1000, 280, ""),
      });
      await page.getByRole("group", { name: /Banner framing/ }).waitFor();
      await page.getByRole("button", { name: "Save banner" }).click();
      await until(page, loaded(".image-editor-banner img"));
      await page.getByRole("button", { name: "Remove" }).first().waitFor();
      await shot(page, "02-settings-done");

      // A wrong file shows the server's message.
      await page.locator("#pick-avatar").setInputFiles({
        name: "notes.jpg",
        mimeType: "image/jpeg",
        buffer: Buffer.from("not a picture at all"),
      });
      await page.getByRole("button", { name: "Save profile picture" }).click();
      await expect
        .poll(() => page.getByRole("alert").first().textContent())
        .toMatch(/not supported|must be a picture/);
      await page.getByRole("button", { name: "Cancel" }).click();

      // The creator page: avatar with every size in srcset, and the banner.
      await page.goto(`${app.baseUrl}/${creator.username}`);
      await until(page, loaded(".profile-avatar img"));
      await until(page, loaded(".profile-banner img"));
      const srcset = await page.locator(".profile-avatar img").getAttribute("srcset");
      expect(srcset).toMatch(/ 64w, .* 128w, .* 256w$/);
      // The post card's author avatar too.
      await until(page, loaded(".post-head .avatar img"));
      await context.close();

      // Everyone sees it, logged out too, on every width and theme.
      for (const [width, height, scheme] of [
        [1280, 900, "light"],
        [1280, 900, "dark"],
        [375, 812, "light"],
        [375, 812, "dark"],
      ] as const) {
        const visitor = await browser.newContext({
          viewport: { width, height },
          locale: "en-US",
          colorScheme: scheme,
        });
        const p = await visitor.newPage();
        await p.goto(`${app.baseUrl}/${creator.username}`);
        await until(p, loaded(".profile-avatar img"));
        await until(p, loaded(".profile-banner img"));
        expect((await p.evaluate("document.documentElement.scrollWidth")) as number).toBeLessThanOrEqual(
          width,
        );
        await shot(p, `03-creator-page-${width}-${scheme}`);
        await visitor.close();
      }
    },
    T,
  );

  it(
    "Remove goes back to the generated initials",
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      await logIn(page, app.baseUrl, creator);
      await page.goto(`${app.baseUrl}/settings/creator`);
      await page.locator(".image-editor-avatar").getByRole("button", { name: "Remove" }).click();
      await page.locator(".image-editor-avatar .avatar-initials").waitFor();
      await page.goto(`${app.baseUrl}/${creator.username}`);
      await page.locator(".profile-avatar .avatar-initials").waitFor();
      expect(await page.locator(".profile-avatar img").count()).toBe(0);
      await until(page, loaded(".profile-banner img"));
      await context.close();
    },
    T,
  );
});
