// Media in a real browser against the real appliance: a creator uploads two images from the composer
// (progress, then thumbnails; a wrong file shows the server's message), reorders them and posts for
// subscribers; a fan who is not subscribed sees the blurred previews with the lock and "2 photos"
// (also on a 375 px phone); the owner sees the gallery with the real images and the vault lists both;
// a video post plays its HLS (the clip made with the ffmpeg the app would use).
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ensureWebBuilt, launchBrowser, logIn, screenshot, scrollWidth } from "../helpers/browser.ts";
import { repoRoot, startApp, type AppProcess } from "../helpers/app-process.ts";
import { testFfmpeg } from "../helpers/ffmpeg.ts";

const SHOTS = join(repoRoot, "test-results", "media");
const T = 90_000;

const creator = {
  email: "iris@example.test",
  username: "iris",
  displayName: "Iris Vale",
  password: "creator password 1",
};
const fan = {
  email: "leo@example.test",
  username: "leo_fan",
  displayName: "Leo",
  password: "fan password 12",
};
const caption = "Golden hour at the coast — two new shots";

ensureWebBuilt();

let app: AppProcess;
async function api<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${app.baseUrl}/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

let browser: Browser;
let creatorToken = "";

/** A picture with shapes and text, so the blurred previews and thumbnails look like photos. */
async function picture(width: number, height: number, hue: number, label: string, format: "png" | "jpeg") {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},80%,62%)"/><stop offset="1" stop-color="hsl(${hue + 70},70%,32%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width * 0.7}" cy="${height * 0.3}" r="${Math.min(width, height) * 0.18}" fill="hsl(${hue + 30},95%,80%)"/>
    <rect x="0" y="${height * 0.72}" width="${width}" height="${height * 0.28}" fill="hsl(${hue + 150},45%,22%)"/>
    <text x="50%" y="55%" font-family="sans-serif" font-size="${Math.round(height / 7)}" font-weight="700"
      text-anchor="middle" fill="white">${label}</text></svg>`;
  const img = sharp(Buffer.from(svg));
  return format === "png" ? img.png().toBuffer() : img.jpeg({ quality: 90 }).toBuffer();
}

const shot = (page: Page, name: string, fullPage = false) =>
  screenshot(page, join(SHOTS, `${name}.png`), fullPage);

async function newContext(width = 1280, height = 900, colorScheme: "light" | "dark" = "light") {
  const context = await browser.newContext({ viewport: { width, height }, locale: "en-US", colorScheme });
  context.setDefaultTimeout(15_000);
  return context;
}

/**
 * Waits until a page expression is true. (Not waitForFunction: it evaluates strings with eval, which
 * the site's CSP forbids; page.evaluate with an expression does not.)
 */
async function until(page: Page, expression: string, timeout = 15_000): Promise<void> {
  await expect.poll(() => page.evaluate(expression), { timeout, interval: 200 }).toBe(true);
}

/** The natural widths of the images matched, once every one has loaded real pixels. */
async function allLoaded(page: Page, selector: string): Promise<number[]> {
  const all = `[...document.querySelectorAll(${JSON.stringify(selector)})]`;
  await until(page, `${all}.length > 0 && ${all}.every((i) => i.complete && i.naturalWidth > 0)`);
  return (await page.evaluate(`${all}.map((i) => i.naturalWidth)`)) as number[];
}

describe("media in the browser: upload, gallery, locked previews, vault", () => {
  let owner: BrowserContext;
  let ownerPage: Page;

  beforeAll(async () => {
    app = await startApp();
    const setupRes = await api("POST", "/setup", {
      token: app.setupToken(),
      siteName: "Coastline",
      admin: { email: "admin@example.test", username: "admin", password: "admin password 1" },
    });
    expect(setupRes.status).toBeLessThan(300);
    mkdirSync(SHOTS, { recursive: true });
    for (const who of [creator, fan]) {
      const r = await api<{ token: string }>("POST", "/auth/signup", { ...who, ageConfirmed: true });
      expect(r.status).toBe(201);
      if (who === creator) {
        creatorToken = r.body.token;
        const c = await api("PUT", "/creators/me", { priceCents: 799, bio: "Sea and light." }, r.body.token);
        expect(c.status).toBeLessThan(300);
      }
    }
    browser = await launchBrowser();
  }, T);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  }, T);

  it(
    "the creator uploads two images with progress, sees thumbnails, reorders them and posts for subscribers",
    async () => {
      owner = await newContext();
      ownerPage = await owner.newPage();
      const page = ownerPage;
      await logIn(page, app.baseUrl, creator);
      await page.goto(`${app.baseUrl}/compose`);
      await page.getByLabel("Post text").fill(caption);

      // Slow the upload down so the progress bars can be seen.
      const cdp = await owner.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 20,
        downloadThroughput: -1,
        uploadThroughput: 150 * 1024,
      });
      const first = await picture(1200, 800, 20, "Sunset", "png");
      const second = await picture(800, 1000, 200, "Tide", "jpeg");
      await page
        .locator('input[type="file"]')
        .first()
        .setInputFiles([
          { name: "sunset.png", mimeType: "image/png", buffer: first },
          { name: "tide.jpg", mimeType: "image/jpeg", buffer: second },
        ]);
      await page.getByRole("progressbar", { name: "Uploading sunset.png" }).waitFor();
      await shot(page, "01-composer-uploading");
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });

      // Thumbnails from the server replace the local previews once processing is done.
      const tiles = page.locator(".media-tile");
      await expect.poll(() => tiles.count()).toBe(2);
      await until(
        page,
        `[...document.querySelectorAll(".media-tile img")].filter(
          (i) => i.getAttribute("src").startsWith("/media/") && i.naturalWidth > 0).length === 2`,
        30_000,
      );
      await shot(page, "02-composer-thumbnails");

      // A file the server refuses shows its message on the tile; removing it clears it.
      await page
        .locator('input[type="file"]')
        .first()
        .setInputFiles([
          { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a picture\n") },
        ]);
      const bad = page.locator(".media-tile", { hasText: "notes.txt" });
      await bad.locator(".media-error-msg").waitFor();
      const badMessage = (await bad.locator(".media-error-msg").textContent()) ?? "";
      expect(badMessage.length).toBeGreaterThan(5);
      await shot(page, "03-composer-error-tile");
      await page.getByRole("button", { name: "Remove notes.txt" }).click();
      await expect.poll(() => tiles.count()).toBe(2);

      // Reorder with the keyboard-accessible buttons: the tide shot goes first.
      await page.getByRole("button", { name: "Move tide.jpg earlier" }).click();
      expect(await page.locator(".media-tile-name").allTextContents()).toEqual(["tide.jpg", "sunset.png"]);

      await page.getByLabel("Subscribers", { exact: true }).check();
      await page.getByRole("button", { name: "Post", exact: true }).click();
      await page.waitForURL(`${app.baseUrl}/${creator.username}`);
      await page.getByText(caption).first().waitFor();
    },
    T,
  );

  it(
    "a fan who is not subscribed sees the blurred previews, the lock and the media count",
    async () => {
      const ctx = await newContext();
      const page = await ctx.newPage();
      await logIn(page, app.baseUrl, fan);
      await page.goto(`${app.baseUrl}/${creator.username}`);
      // The creator has one post; a locked subscribers-only post shows no caption.
      const card = page.locator("article.post").first();
      await card.waitFor();
      await card.getByText("2 photos").waitFor();
      await card.getByRole("img", { name: "Locked" }).waitFor();
      await card.getByRole("link", { name: "Subscribe to see this post" }).waitFor();
      const widths = await allLoaded(page, "article.post .locked-previews img");
      expect(widths).toHaveLength(2);
      // Only the previews: no gallery, no feed-size image.
      expect(await card.locator(".gallery img").count()).toBe(0);
      await shot(page, "04-fan-locked-desktop", true);
      await ctx.close();

      const phone = await newContext(375, 812, "dark");
      const p2 = await phone.newPage();
      await logIn(p2, app.baseUrl, fan);
      await p2.goto(`${app.baseUrl}/${creator.username}`);
      await p2.locator("article.post").first().getByText("2 photos").waitFor();
      await allLoaded(p2, "article.post .locked-previews img");
      expect(await scrollWidth(p2)).toBeLessThanOrEqual(375);
      await p2.locator("article.post").first().scrollIntoViewIfNeeded();
      await shot(p2, "05-fan-locked-phone-dark");

      // The Media tab: one tile per post with media, locked as its blurred preview, opening the post.
      await p2.getByRole("tab", { name: /Media/ }).click();
      const tile = p2.getByRole("link", { name: "2 photos, locked: for subscribers" });
      await tile.waitFor();
      expect(await p2.getByRole("tab", { name: /Media/ }).getAttribute("aria-selected")).toBe("true");
      expect(await tile.locator("img").getAttribute("src")).toMatch(/\/preview\.webp$/);
      await allLoaded(p2, ".media-cell img");
      expect(await scrollWidth(p2)).toBeLessThanOrEqual(375);
      await shot(p2, "05b-fan-media-tab-phone-dark");
      await tile.click();
      await p2.waitForURL(/\/posts\/[a-z2-7]{26}$/);
      await phone.close();
    },
    T,
  );

  it(
    "the owner sees the gallery with the real images in the chosen order, and the lightbox",
    async () => {
      const page = ownerPage;
      await page.goto(`${app.baseUrl}/${creator.username}`);
      const card = page.locator("article.post", { hasText: caption });
      await card.locator(".gallery").waitFor();
      const widths = await allLoaded(page, "article.post .gallery img");
      expect(widths).toHaveLength(2);
      // The portrait tide shot was moved first.
      const sizes = (await page.evaluate(
        `[...document.querySelectorAll("article.post .gallery img")].map((i) => [i.naturalWidth, i.naturalHeight])`,
      )) as [number, number][];
      expect(sizes[0]![1]).toBeGreaterThan(sizes[0]![0]);
      expect(sizes[1]![0]).toBeGreaterThan(sizes[1]![1]);
      await shot(page, "06-owner-gallery-desktop", true);

      await card.getByRole("button", { name: "Photo 1 of 2: open full size" }).click();
      const box = page.locator("dialog.lightbox");
      await box.waitFor();
      await allLoaded(page, "dialog.lightbox .lightbox-img");
      await shot(page, "07-lightbox");
      await page.keyboard.press("ArrowRight");
      await page.getByText("2 / 2").waitFor();
      await page.keyboard.press("Escape");
      await box.waitFor({ state: "detached" });
    },
    T,
  );

  it(
    "the vault lists both images, also on a phone",
    async () => {
      const page = ownerPage;
      await page.goto(`${app.baseUrl}/vault`);
      await page.getByRole("heading", { name: "Vault" }).waitFor();
      const items = page.locator(".vault-item");
      await expect.poll(() => items.count()).toBe(2);
      await allLoaded(page, ".vault-item img");
      expect(await page.locator(".vault-name").allTextContents()).toEqual(
        expect.arrayContaining(["sunset.png", "tide.jpg"]),
      );
      await shot(page, "08-vault-desktop");
      await owner.close();

      const phone = await newContext(375, 812, "dark");
      const p2 = await phone.newPage();
      await logIn(p2, app.baseUrl, creator);
      await p2.goto(`${app.baseUrl}/vault`);
      await expect.poll(() => p2.locator(".vault-item").count()).toBe(2);
      await allLoaded(p2, ".vault-item img");
      expect(await scrollWidth(p2)).toBeLessThanOrEqual(375);
      await shot(p2, "09-vault-phone-dark");

      // Editing the post shows its media tiles.
      await p2.goto(`${app.baseUrl}/${creator.username}`);
      const card = p2.locator("article.post").first();
      await card.getByRole("button", { name: "Post options" }).click();
      await p2.getByRole("menuitem", { name: "Edit" }).click();
      await expect.poll(() => card.locator(".media-tile").count()).toBe(2);
      await expect
        .poll(() => card.locator(".media-tile-name").allTextContents())
        .toEqual(["tide.jpg", "sunset.png"]);
      expect(await scrollWidth(p2)).toBeLessThanOrEqual(375);
      await card.scrollIntoViewIfNeeded();
      await shot(p2, "10-edit-post-phone-dark");
      await phone.close();
    },
    T,
  );
  it(
    "the creator builds a five-photo post from the vault, shown as a carousel",
    async () => {
      for (const [i, hue] of [40, 120, 300].entries()) {
        const form = new FormData();
        const bytes = await picture(1000, 1000, hue, `Shot ${i + 3}`, "jpeg");
        form.append("file", new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), `shot-${i + 3}.jpg`);
        const res = await fetch(`${app.baseUrl}/api/v1/media`, {
          method: "POST",
          body: form,
          headers: { authorization: `Bearer ${creatorToken}` },
        });
        expect(res.status).toBe(201);
      }
      const ctx = await newContext();
      const page = await ctx.newPage();
      await logIn(page, app.baseUrl, creator);
      await page.goto(`${app.baseUrl}/compose`);
      await page.getByLabel("Post text").fill("Five from the archive");
      await page.getByRole("button", { name: "From vault" }).click();
      const dialog = page.getByRole("dialog", { name: "Add from your vault" });
      await dialog.waitFor();
      await expect.poll(() => dialog.locator(".vault-pick").count()).toBe(5);
      await allLoaded(page, "dialog .vault-pick img");
      for (const b of await dialog.locator(".vault-pick").all()) await b.click();
      await shot(page, "11-vault-picker");
      await dialog.getByRole("button", { name: "Add 5" }).click();
      await expect.poll(() => page.locator(".media-tile").count()).toBe(5);
      await page.getByRole("button", { name: "Post", exact: true }).click();
      await page.waitForURL(`${app.baseUrl}/${creator.username}`);
      const card = page.locator("article.post", { hasText: "Five from the archive" });
      await card.locator(".carousel").waitFor();
      await card.getByRole("button", { name: "Next" }).click();
      await allLoaded(page, "article.post .carousel-slide:nth-child(-n+2) img"); // later slides load lazily
      await card.scrollIntoViewIfNeeded();
      await shot(page, "12-carousel-desktop");
      await ctx.close();

      const phone = await newContext(375, 812);
      const p2 = await phone.newPage();
      await logIn(p2, app.baseUrl, fan);
      await p2.goto(`${app.baseUrl}/${creator.username}`);
      const c2 = p2.locator("article.post", { hasText: "Five from the archive" });
      await c2.locator(".carousel").waitFor();
      expect(await scrollWidth(p2)).toBeLessThanOrEqual(375);
      await c2.scrollIntoViewIfNeeded();
      await allLoaded(p2, "article.post .carousel-slide:first-child img");
      await shot(p2, "13-carousel-phone-fan");
      await phone.close();
    },
    T,
  );
  it(
    "a video post shows its poster and duration and plays HLS on click (native and hls.js)",
    async () => {
      const out = join(mkdtempSync(join(tmpdir(), "fanz-clip-")), "clip.mp4");
      execFileSync(testFfmpeg(), [
        ...["-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=duration=3:size=640x360:rate=30"],
        ...[
          "-f",
          "lavfi",
          "-i",
          "sine=duration=3",
          "-c:v",
          "libx264",
          "-pix_fmt",
          "yuv420p",
          "-c:a",
          "aac",
          out,
        ],
      ]);
      const clip = readFileSync(out);
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(clip)], { type: "video/mp4" }), "clip.mp4");
      const up = await fetch(`${app.baseUrl}/api/v1/media`, {
        method: "POST",
        body: form,
        headers: { authorization: `Bearer ${creatorToken}` },
      });
      expect(up.status).toBe(201);
      const id = ((await up.json()) as { media: { id: string } }).media.id;
      let status = "processing";
      for (let i = 0; i < 150 && status === "processing"; i++) {
        await new Promise((r) => setTimeout(r, 200));
        status = (await api<{ media: { status: string } }>("GET", `/media/${id}`, undefined, creatorToken))
          .body.media.status;
      }
      expect(status).toBe("ready");
      const post = await api(
        "POST",
        "/posts",
        { text: "A short clip", visibility: "public", mediaIds: [id] },
        creatorToken,
      );
      expect(post.status).toBe(201);

      for (const mode of ["native", "hls.js"] as const) {
        const ctx = await newContext(375, 812);
        // Without native HLS (as in Firefox or older Chromium) the player falls back to hls.js.
        if (mode === "hls.js") {
          await ctx.addInitScript(`{
            const orig = HTMLMediaElement.prototype.canPlayType;
            HTMLMediaElement.prototype.canPlayType = function (t) {
              return /mpegurl/i.test(t) ? "" : orig.call(this, t);
            };
          }`);
        }
        const page = await ctx.newPage();
        await page.goto(`${app.baseUrl}/${creator.username}`);
        const card = page.locator("article.post", { hasText: "A short clip" });
        const play = card.getByRole("button", { name: /^Play video, 0:03$/ });
        await play.waitFor();
        await card.getByText("0:03").waitFor();
        await allLoaded(page, "article.post .video-poster img");
        if (mode === "native") {
          await card.scrollIntoViewIfNeeded();
          await shot(page, "14-video-poster-phone");
        }
        await play.click();
        const video = card.locator("video");
        await video.waitFor();
        await until(
          page,
          `(() => { const v = document.querySelector("article.post video");
          return !!v && v.readyState >= 2 && !v.error; })()`,
        );
        const src = (await page.evaluate(
          `document.querySelector("article.post video").currentSrc`,
        )) as string;
        if (mode === "hls.js") expect(src.startsWith("blob:")).toBe(true);
        await shot(page, `15-video-playing-${mode === "native" ? "native" : "hlsjs"}`);
        await ctx.close();
      }
    },
    T,
  );
});
