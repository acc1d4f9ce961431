// Discovery in the browser, on the built app: the Discover tabs (Trending / New / Popular), a search with
// its sections (one labelled search landmark), a hashtag link to its tag page, bookmarking from a post
// card onto the Bookmarks page, and a pinned post first on the creator page. Screenshots go to /tmp.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext } from "playwright-core";
import {
  dismissToasts,
  ensureWebBuilt,
  launchBrowser,
  screenshot,
  scrollWidth,
  watchPageProblems,
} from "../helpers/browser.ts";
import { startApp, type AppProcess } from "../helpers/app-process.ts";

const SHOTS = "/tmp/fanz-discover-shots";
let app: AppProcess;
let browser: Browser;
const problems: string[] = [];
const T = 90_000;

async function call(method: string, path: string, body: unknown, token?: string) {
  const res = await fetch(app.baseUrl + path, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as any;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function signup(username: string): Promise<string> {
  const r = await call("POST", "/api/v1/auth/signup", {
    email: `${username}@example.test`,
    username,
    password: "password-123",
    ageConfirmed: true,
  });
  return r.token as string;
}

async function contextAs(token: string | null, width = 1280): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: "en-US" });
  ctx.setDefaultTimeout(10_000);
  watchPageProblems(ctx, problems);
  if (token) await ctx.addCookies([{ name: "fanz_session", value: token, url: app.baseUrl }]);
  return ctx;
}

let fan = "";
let pinnedId = "";

beforeAll(async () => {
  ensureWebBuilt();
  mkdirSync(SHOTS, { recursive: true });
  app = await startApp();
  browser = await launchBrowser();
  await call("POST", "/api/v1/setup", {
    token: app.setupToken(),
    siteName: "Discovery",
    admin: { email: "admin@example.test", username: "admin", password: "admin-password-1" },
  });
  const ocean = await signup("oceanwave");
  await call(
    "PUT",
    "/api/v1/creators/me",
    { priceCents: 500, displayName: "Ocean Wave", bio: "Sea and surf" },
    ocean,
  );
  const older = await call(
    "POST",
    "/api/v1/posts",
    { text: "My best #surfing spot ever, come along", visibility: "public" },
    ocean,
  );
  pinnedId = older.post.id;
  await call(
    "POST",
    "/api/v1/posts",
    { text: "Morning paddle at the reef #surfing #sunrise", visibility: "public" },
    ocean,
  );
  await call(
    "POST",
    "/api/v1/posts",
    { text: "Behind the scenes of the #surfing shoot", visibility: "subscribers" },
    ocean,
  );
  await call("PATCH", `/api/v1/posts/${pinnedId}`, { pinned: true }, ocean);
  const hills = await signup("hillside");
  await call("PUT", "/api/v1/creators/me", { priceCents: 0, displayName: "Hill Side" }, hills);
  await call("POST", "/api/v1/posts", { text: "Hiking above the clouds", visibility: "public" }, hills);
  fan = await signup("wanderer");
  await call("POST", "/api/v1/subscriptions", { creator: "hillside", payWith: "wallet" }, fan);
  // Engagement this week makes oceanwave trend: 2 likes + 2 comments (6) over hillside's new subscriber (5).
  const r = await call("GET", "/api/v1/creators/oceanwave/posts", undefined);
  for (const p of r.items.filter((x: { locked: boolean }) => !x.locked)) {
    await call("POST", `/api/v1/posts/${p.id}/likes`, undefined, fan);
    await call("POST", `/api/v1/posts/${p.id}/comments`, { text: "Lovely" }, fan);
  }
}, T);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("discover", () => {
  it(
    "tabs list trending, new and popular creators; search shows sections with one search landmark",
    async () => {
      const ctx = await contextAs(fan);
      const page = await ctx.newPage();
      await page.goto(`${app.baseUrl}/discover`);
      const tabs = page.getByRole("tablist", { name: "Creator lists" });
      await expect(tabs.getByRole("tab", { name: "Trending" }).getAttribute("aria-selected")).resolves.toBe(
        "true",
      );
      const cards = page.locator("#discover-panel a.creator-card");
      await expect.poll(() => cards.first().textContent(), { timeout: 10_000 }).toContain("@oceanwave");
      await screenshot(page, `${SHOTS}/discover-trending.png`);
      await tabs.getByRole("tab", { name: "Popular" }).click();
      await page.waitForURL(/sort=popular/);
      await page.locator("#discover-panel a.creator-card", { hasText: "@hillside" }).waitFor();
      expect(await cards.count()).toBe(1);
      await tabs.getByRole("tab", { name: "New" }).click();
      await page.waitForURL(/sort=new/);
      await page.waitForFunction('document.querySelectorAll("#discover-panel a.creator-card").length === 2');
      expect(await cards.first().textContent()).toContain("@hillside");
      // Keyboard: arrows move between tabs.
      await tabs.getByRole("tab", { name: "New" }).focus();
      await page.keyboard.press("ArrowRight");
      await page.waitForURL(/sort=popular/);

      expect(await page.getByRole("search").count()).toBe(1);
      await page.getByRole("search", { name: "Search creators, posts and tags" }).waitFor();
      await page.getByRole("searchbox", { name: "Search creators, posts and tags" }).fill("surf");
      await page.waitForURL(/query=surf/);
      const tags = page.getByRole("region", { name: "Tags" });
      await tags.getByRole("link", { name: /surfing/ }).waitFor();
      expect(await tags.getByRole("link", { name: /surfing/ }).textContent()).toContain("3 posts");
      const posts = page.getByRole("region", { name: "Posts" });
      await posts.locator("article, .post").first().waitFor();
      // The subscribers-only post's words are not found by a non-subscriber.
      expect(await posts.getByText("Behind the scenes").count()).toBe(0);
      expect(await posts.getByText("My best").count()).toBe(1);
      await dismissToasts(page);
      await screenshot(page, `${SHOTS}/discover-search.png`, true);

      await page.getByRole("searchbox", { name: "Search creators, posts and tags" }).fill("ocean");
      const creators = page.getByRole("region", { name: "Creators" });
      await creators.locator("a.creator-card", { hasText: "@oceanwave" }).waitFor();
      await screenshot(page, `${SHOTS}/discover-creators.png`);
      await page.getByRole("searchbox", { name: "Search creators, posts and tags" }).fill("zzqqxx");
      await page.getByText("Nothing matches “zzqqxx”").waitFor();
      await screenshot(page, `${SHOTS}/discover-nothing.png`);
      await ctx.close();
    },
    T,
  );

  it(
    "a hashtag in a post links to its tag page with locked cards for what the fan may not see",
    async () => {
      const ctx = await contextAs(fan);
      const page = await ctx.newPage();
      await page.goto(`${app.baseUrl}/oceanwave`);
      await page.getByRole("link", { name: "#sunrise" }).click();
      await page.waitForURL(/\/tags\/sunrise$/);
      await page.getByRole("heading", { name: "#sunrise" }).waitFor();
      await page.getByText("Morning paddle at the reef").waitFor();
      await page.goto(`${app.baseUrl}/tags/Surfing`);
      await page.getByRole("heading", { name: "#surfing" }).waitFor();
      await page.getByText("This post is for subscribers").waitFor();
      expect(await page.locator(".post-text").count()).toBe(2);
      await screenshot(page, `${SHOTS}/tag-page.png`, true);
      await page.goto(`${app.baseUrl}/tags/nothinghere`);
      await page.getByText("No posts with #nothinghere yet").waitFor();
      await ctx.close();
    },
    T,
  );

  it(
    "the pinned post comes first on the creator page; bookmarks land on the Bookmarks page",
    async () => {
      const ctx = await contextAs(fan);
      const page = await ctx.newPage();
      await page.goto(`${app.baseUrl}/oceanwave`);
      const first = page.locator(".post-list article, .post-list .post").first();
      // The card's text arrives after its frame (a lazy part of the page): wait for it, not just the frame.
      await expect.poll(() => first.textContent(), { timeout: 10_000 }).toContain("My best");
      await expect.poll(() => first.getByText("Pinned").count()).toBe(1);
      await screenshot(page, `${SHOTS}/creator-pinned.png`);

      const bookmark = first.getByRole("button", { name: "Bookmark" });
      await bookmark.click();
      await first.getByRole("button", { name: "Remove bookmark" }).waitFor();
      expect(await first.getByRole("button", { name: "Remove bookmark" }).getAttribute("aria-pressed")).toBe(
        "true",
      );
      await page.getByRole("link", { name: "Bookmarks" }).first().click();
      await page.waitForURL(/\/bookmarks$/);
      await page.getByRole("heading", { name: "Bookmarks" }).waitFor();
      await page.getByText("My best #surfing spot ever").waitFor();
      await dismissToasts(page);
      await screenshot(page, `${SHOTS}/bookmarks.png`);
      await ctx.close();

      // Phone width: no sideways scrolling on Discover's results.
      const phone = await contextAs(fan, 375);
      const p2 = await phone.newPage();
      await p2.goto(`${app.baseUrl}/discover?query=surf`);
      await p2.getByRole("region", { name: "Posts" }).waitFor();
      expect(await scrollWidth(p2)).toBeLessThanOrEqual(375);
      await screenshot(p2, `${SHOTS}/discover-phone.png`, true);
      await phone.close();
      expect(problems).toEqual([]);
    },
    T,
  );
});
