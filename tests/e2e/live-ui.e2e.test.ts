// Live streaming in a real browser against the real appliance. A creator opens /live, sees the server and
// the stream key (hidden until "Show"), makes a new key through the confirmation, and creates a ticket
// stream. A test pattern is published with the key (ffmpeg, as OBS would); the studio goes live by
// itself. A fan with a topped-up wallet sees the LIVE badge on discover and on the creator page, opens the
// watch page locked behind the blurred still, buys a ticket from the wallet through the confirm dialog
// and the player opens in place; their chat line shows in the creator's studio, and so does their tip.
// The creator ends the stream. Screenshots (desktop and 375 px) go to test-results/live-ui/.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
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
import { publishTestPattern, type Publisher } from "../helpers/live.ts";

const SHOTS = join(repoRoot, "test-results", "live-ui");
const T = 90_000;

const admin = { email: "owner@example.test", username: "owner", password: "owner password 1" };
const creator = {
  email: "nova@example.test",
  username: "nova",
  displayName: "Nova Reyes",
  password: "correct horse battery",
};
const fan = {
  email: "sam@example.test",
  username: "sam_fan",
  displayName: "Sam Okafor",
  password: "fan password 123",
};
const title = "Friday night Q&A";
const hello = "Hi Nova! Love the new lights.";
const tipNote = "For the new camera!";

let app: AppProcess;
let browser: Browser;
let creatorPage: Page;
let fanPage: Page;
let publisher: Publisher | null = null;
let streamId = "";
let rtmpUrl = "";
let streamKey = "";
const pageProblems: string[] = [];

const api = (method: string, path: string, body?: unknown, token?: string) =>
  apiCall(app.baseUrl, method, path, body, token);

async function newPage(width = 1280, height = 900, colorScheme: "light" | "dark" = "light"): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: "en-US",
    colorScheme,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  watchPageProblems(page, pageProblems);
  return page;
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await dismissToasts(page);
  await screenshot(page, join(SHOTS, `${name}.png`), fullPage);
}

/** The video element has frames to show (hls.js attached and playing). */
const playing = (page: Page) =>
  page.evaluate(
    "(() => { const v = document.querySelector('video.live-video'); return !!v && v.readyState >= 2; })()",
  ) as Promise<boolean>;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ensureWebBuilt();
  app = await startApp();
  browser = await launchBrowser();
  await api("POST", "/setup", { token: app.setupToken(), siteName: "Studio Nova", admin });
  const c = await api("POST", "/auth/signup", { ...creator, ageConfirmed: true });
  await api("PUT", "/creators/me", { bio: "Photographer and storyteller.", priceCents: 999 }, c.token);
  const f = await api("POST", "/auth/signup", { ...fan, ageConfirmed: true });
  const topup = await api("POST", "/wallet/topups", { amountCents: 2500 }, f.token);
  await api("POST", `/sandbox/checkout/${topup.checkoutId}/pay`, { cardNumber: "4242 4242 4242 4242" });
}, T);

afterAll(async () => {
  await publisher?.stop();
  await browser?.close();
  await app?.stop();
}, T);

describe("live streaming in the browser", () => {
  it(
    "the creator sees the key, makes a new one and creates a ticket stream",
    async () => {
      const p = (creatorPage = await newPage());
      await logIn(p, app.baseUrl, creator);
      await p.getByRole("link", { name: "Go live" }).first().click();
      await p.waitForURL(`${app.baseUrl}/live`);
      const keyInput = p.getByRole("textbox", { name: "Stream key" });
      await keyInput.waitFor();
      // Hidden until asked.
      expect(await keyInput.getAttribute("type")).toBe("password");
      rtmpUrl = await p.getByRole("textbox", { name: "Server (RTMP URL)" }).inputValue();
      expect(rtmpUrl).toMatch(/^rtmps?:\/\//);
      const firstKey = await keyInput.inputValue();
      await p.getByRole("button", { name: "Show" }).click();
      expect(await keyInput.getAttribute("type")).toBe("text");
      await shot(p, "01-studio-key-desktop", true);

      await p.getByRole("button", { name: "Make a new key" }).click();
      const confirm = p.getByRole("dialog", { name: "Make a new stream key?" });
      await confirm.getByText("The old key stops working at once").waitFor();
      await shot(p, "02-rotate-confirm-desktop");
      await confirm.getByRole("button", { name: "Make a new key" }).click();
      await confirm.waitFor({ state: "hidden" });
      await expect.poll(() => keyInput.inputValue()).not.toBe(firstKey);
      streamKey = await keyInput.inputValue();

      await p.getByLabel("Title").fill(title);
      await p.getByRole("radio", { name: "Ticket" }).check();
      await p.getByLabel("Ticket price").fill("5.00");
      await p.getByRole("button", { name: "Create stream" }).click();
      await p.getByText(`“${title}” is ready.`).waitFor();
      const row = p.locator(".live-stream-row", { hasText: title });
      await row.getByText("Ticket · $5.00").waitFor();
      streamId = (await row.getByRole("link", { name: title }).getAttribute("href"))!.split("/").pop()!;
      await shot(p, "03-studio-waiting-desktop", true);
    },
    T,
  );

  it(
    "OBS publishes: the studio goes live with its preview by itself",
    async () => {
      publisher = publishTestPattern(rtmpUrl, streamKey, { seconds: 120 });
      const p = creatorPage;
      await p.getByRole("button", { name: "End stream" }).waitFor({ timeout: 45_000 });
      await p.locator(".live-pill-status").first().waitFor();
      await expect.poll(() => playing(p), { timeout: 30_000 }).toBe(true);
    },
    T,
  );

  it(
    "a fan sees the LIVE badge, buys a ticket from the wallet and the player opens in place",
    async () => {
      const f = (fanPage = await newPage());
      await logIn(f, app.baseUrl, fan);
      await f.goto(`${app.baseUrl}/discover`);
      await f.locator(".creator-card", { hasText: creator.displayName }).locator(".live-pill").waitFor();
      await shot(f, "04-discover-live-badge-desktop");

      await f.goto(`${app.baseUrl}/${creator.username}`);
      const badge = f.getByRole("link", { name: new RegExp(`${creator.displayName} is live now`) }).first();
      await badge.waitFor();
      await shot(f, "05-creator-page-live-desktop");
      await badge.click();
      await f.waitForURL(`${app.baseUrl}/live/${streamId}`);
      await f.evaluate("window.__sameDocument = true");

      const buy = f.getByRole("button", { name: "Buy ticket · $5.00" });
      await buy.waitFor();
      expect(await f.locator("video.live-video").count()).toBe(0);
      await shot(f, "06-watch-locked-desktop");
      await buy.click();
      const dialog = f.getByRole("dialog", { name: "Buy a ticket" });
      await dialog.getByText("Balance $25.00").waitFor();
      await dialog.getByText(`${creator.displayName} (@${creator.username})`).waitFor();
      await shot(f, "07-ticket-confirm-desktop");
      await dialog.getByRole("button", { name: "Pay $5.00", exact: true }).click();
      await dialog.waitFor({ state: "hidden" });
      await f.locator("video.live-video").waitFor();
      await expect.poll(() => playing(f), { timeout: 30_000 }).toBe(true);
      expect(await f.evaluate("window.__sameDocument === true")).toBe(true);
    },
    T,
  );

  it(
    "the fan's chat line and tip show in the creator's studio",
    async () => {
      const f = fanPage;
      const input = f.getByRole("textbox", { name: "Chat message" });
      await input.fill(hello);
      await input.press("Enter");
      await f.locator(".live-line", { hasText: hello }).waitFor();
      expect(await input.inputValue()).toBe("");
      await creatorPage.locator(".live-line", { hasText: hello }).waitFor();

      await f.getByRole("button", { name: "Tip", exact: true }).click();
      const tip = f.getByRole("dialog", { name: `Tip ${creator.displayName}` });
      await tip.getByLabel("Message (optional)").fill(tipNote);
      await tip.getByRole("button", { name: "Review tip" }).click();
      await f.getByRole("dialog", { name: "Confirm your tip" }).getByText("in the live chat").waitFor();
      await f.getByRole("button", { name: "Send $5.00 tip" }).click();
      await f.locator(".live-line-tip", { hasText: tipNote }).waitFor();
      await creatorPage.locator(".live-tip", { hasText: tipNote }).waitFor();
      await creatorPage.locator(".live-line-tip", { hasText: "tipped $5.00" }).waitFor();
      await shot(f, "08-watch-playing-desktop");
      await shot(creatorPage, "09-studio-live-desktop", true);

      // The creator's moderation menu on the fan's line.
      const line = creatorPage.locator(".live-line", { hasText: hello });
      await line.hover();
      await line.getByRole("button", { name: /Moderate/ }).click();
      await creatorPage.getByRole("menuitem", { name: `Mute @${fan.username}` }).waitFor();
      await shot(creatorPage, "10-studio-moderation-menu-desktop");
      await creatorPage.keyboard.press("Escape");
    },
    T,
  );

  it(
    "on a phone the player runs full width with the chat below, and nothing scrolls sideways",
    async () => {
      const f = await newPage(375, 812, "dark");
      await logIn(f, app.baseUrl, fan);
      await f.goto(`${app.baseUrl}/live/${streamId}`);
      await f.locator("video.live-video").waitFor();
      await expect.poll(() => playing(f), { timeout: 30_000 }).toBe(true);
      await f.locator(".live-line", { hasText: hello }).waitFor();
      expect(await scrollWidth(f)).toBeLessThanOrEqual(375);
      const box = await f.locator(".live-stage").boundingBox();
      expect(box?.width).toBe(375);
      const chat = await f.locator(".live-chat").boundingBox();
      expect(chat!.y).toBeGreaterThan(box!.y + box!.height);
      await shot(f, "11-watch-phone-dark");

      const c = await newPage(375, 812);
      await logIn(c, app.baseUrl, creator);
      await c.goto(`${app.baseUrl}/live`);
      await c.getByRole("button", { name: "End stream" }).waitFor();
      expect(await scrollWidth(c)).toBeLessThanOrEqual(375);
      await shot(c, "12-studio-phone", true);
      await f.context().close();
      await c.context().close();
    },
    T,
  );

  it(
    "the creator ends the stream; the fan's page says it has ended",
    async () => {
      const p = creatorPage;
      await p.getByRole("button", { name: "End stream" }).click();
      const confirm = p.getByRole("dialog", { name: "End this stream?" });
      await shot(p, "13-end-confirm-desktop");
      await confirm.getByRole("button", { name: "End stream" }).click();
      await p.getByRole("heading", { name: "Stream ended" }).waitFor();
      await fanPage.getByText("This stream has ended").waitFor({ timeout: 30_000 });
      // The recording becomes a draft post a little later; the studio links to the drafts.
      await p.getByText("Recording saved as a draft.").waitFor({ timeout: 60_000 });
      expect(await p.getByRole("link", { name: "Open your drafts" }).getAttribute("href")).toBe("/drafts");
      await shot(p, "14-studio-ended-desktop", true);
      await shot(fanPage, "15-watch-ended-desktop");
      expect(pageProblems).toEqual([]);
    },
    T,
  );
});
