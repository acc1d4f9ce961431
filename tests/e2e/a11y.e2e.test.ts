// Accessibility of the whole web UI, measured: axe-core runs on every page (anonymous, fan, creator and
// admin; desktop in the light theme and a phone in the dark one; with the subscribe, unlock and tip
// dialogs open) and any serious or critical violation fails. Every page has its own title; a
// client-side navigation puts focus on the new page's h1 (a first load does not); focus never drops to
// the page's body in the payment dialogs: the tip's review step, a busy confirm button, the subscribe
// button replaced once subscribed, an unlocked post. Screenshots go to /tmp.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { apiCall, repoRoot, startApp, type AppProcess } from "../helpers/app-process.ts";
import { ensureWebBuilt, launchBrowser, screenshot, watchPageProblems } from "../helpers/browser.ts";

const SHOTS = "/tmp/fanz-a11y-shots";
const AXE = join(repoRoot, "node_modules", "axe-core", "axe.min.js");
const SITE = "Open Studio";
const T = 180_000;

let app: AppProcess;
let browser: Browser;
const problems: string[] = [];
const tokens = { admin: "", creator: "", fan: "", newFan: "" };
const ids = { publicPost: "", ppvPost: "", fanUser: "" };

const call = (method: string, path: string, body?: unknown, token?: string) =>
  apiCall(app.baseUrl, method, path, body, token);

async function signup(username: string, displayName: string): Promise<string> {
  const r = await call("POST", "/auth/signup", {
    email: `${username}@example.test`,
    username,
    displayName,
    password: "password-123",
    ageConfirmed: true,
  });
  return r.token as string;
}

async function photo(hue: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200">
    <rect width="100%" height="100%" fill="hsl(${hue},70%,55%)"/>
    <circle cx="1100" cy="400" r="220" fill="hsl(${hue + 40},90%,80%)"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

async function uploadReady(token: string, bytes: Buffer): Promise<string> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), "photo.jpg");
  const res = await fetch(`${app.baseUrl}/api/v1/media`, {
    method: "POST",
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  const id = ((await res.json()) as { media: { id: string } }).media.id;
  for (let i = 0; i < 150; i++) {
    const m = await call("GET", `/media/${id}`, undefined, token);
    if (m.media.status === "ready") return id;
    if (m.media.status === "failed") throw new Error(`media failed: ${m.media.reason}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("media not processed in time");
}

/** A wallet top-up paid on the sandbox's hosted checkout, the way the browser would. */
async function topUp(token: string, cents: number): Promise<void> {
  const topup = await call("POST", "/wallet/topups", { amountCents: cents }, token);
  await call("POST", `/sandbox/checkout/${topup.checkoutId}/pay`, { cardNumber: "4242 4242 4242 4242" });
}

type Variant = {
  name: string;
  width: number;
  height: number;
  colorScheme: "light" | "dark";
  mobile: boolean;
};
const DESKTOP: Variant = {
  name: "desktop-light",
  width: 1280,
  height: 900,
  colorScheme: "light",
  mobile: false,
};
const PHONE: Variant = { name: "phone-dark", width: 375, height: 812, colorScheme: "dark", mobile: true };

async function contextFor(v: Variant, token: string | null): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    viewport: { width: v.width, height: v.height },
    colorScheme: v.colorScheme,
    isMobile: v.mobile,
    hasTouch: v.mobile,
    locale: "en-US",
    // axe is injected as a script tag, which the site's CSP (script-src 'self') would refuse.
    bypassCSP: true,
  });
  ctx.setDefaultTimeout(15_000);
  watchPageProblems(ctx, problems);
  if (token) await ctx.addCookies([{ name: "fanz_session", value: token, url: app.baseUrl }]);
  return ctx;
}

/** Until the lists have replaced their skeletons and nothing is moving (colours mid-fade fool axe). */
async function quiet(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          `document.querySelectorAll('.sk, [aria-busy="true"]').length === 0 &&
           document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity)`,
        ),
      { timeout: 8000, interval: 50 },
    )
    .toBe(true);
}

/** A page is ready once it has its heading and is quiet. */
async function settle(page: Page): Promise<void> {
  await page.locator("main h1").first().waitFor();
  await quiet(page);
}

type Found = { id: string; impact: string; help: string; nodes: string[] };

/** axe-core on the page as it is now; the serious and critical violations. */
async function axe(page: Page): Promise<Found[]> {
  if (!(await page.evaluate("typeof window.axe !== 'undefined'"))) await page.addScriptTag({ path: AXE });
  return (await page.evaluate(`axe.run(document, { resultTypes: ["violations"] }).then((r) =>
    r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 4).map((n) => n.target.join(" ") + " :: " + (n.failureSummary || "").slice(0, 160)) })))`)) as Found[];
}

/** Every page of the app, by who looks at it. */
function pages(): Record<"anonymous" | "fan" | "creator" | "admin", string[]> {
  return {
    anonymous: [
      "/",
      "/discover",
      "/login",
      "/signup",
      "/forgot-password",
      "/ava_lens",
      `/posts/${ids.publicPost}`,
      "/tags/sunrise",
      "/dmca",
      "/2257",
      "/no-such-page/here",
    ],
    fan: [
      "/",
      "/discover",
      "/bookmarks",
      "/wallet",
      "/subscriptions",
      "/notifications",
      "/settings/notifications",
      "/messages",
      "/settings/blocked",
      "/settings/security",
      "/settings/privacy",
      "/settings/creator",
      "/ava_lens",
      `/posts/${ids.ppvPost}`,
    ],
    creator: [
      "/",
      "/compose",
      "/drafts",
      "/vault",
      "/earnings",
      "/analytics",
      "/fans",
      "/messages/mass",
      "/live",
      "/settings/creator",
      "/settings/verification",
      "/settings/records",
      "/dmca/notices",
    ],
    admin: [
      "/admin/users",
      `/admin/users/${ids.fanUser}`,
      "/admin/reports",
      "/admin/kyc",
      "/admin/dmca",
      "/admin/payouts",
      "/admin/transactions",
      "/admin/audit",
      "/admin/status",
      "/admin/settings",
    ],
  };
}

beforeAll(async () => {
  ensureWebBuilt();
  mkdirSync(SHOTS, { recursive: true });
  app = await startApp();
  browser = await launchBrowser();
  const setup = await call("POST", "/setup", {
    token: app.setupToken(),
    siteName: SITE,
    admin: { email: "admin@example.test", username: "admin", password: "admin-password-1" },
  });
  tokens.admin = setup.token;
  tokens.creator = await signup("ava_lens", "Ava Lens");
  await call(
    "PUT",
    "/creators/me",
    { priceCents: 900, displayName: "Ava Lens", bio: "Light, film and long walks at #sunrise." },
    tokens.creator,
  );
  const [a, b] = await Promise.all([
    uploadReady(tokens.creator, await photo(20)),
    uploadReady(tokens.creator, await photo(200)),
  ]);
  ids.publicPost = (
    await call(
      "POST",
      "/posts",
      { text: "Morning light at #sunrise", visibility: "public", mediaIds: [a] },
      tokens.creator,
    )
  ).post.id;
  await call("POST", "/posts", { text: "For my subscribers", visibility: "subscribers" }, tokens.creator);
  ids.ppvPost = (
    await call(
      "POST",
      "/posts",
      { text: "The full roll from the coast", visibility: "ppv", priceCents: 500, mediaIds: [b] },
      tokens.creator,
    )
  ).post.id;
  tokens.fan = await signup("demo_fan", "Demo Fan");
  tokens.newFan = await signup("new_fan", "New Fan");
  ids.fanUser = (await call("GET", "/users/me", undefined, tokens.fan)).user.id;
  await Promise.all([topUp(tokens.fan, 5000), topUp(tokens.newFan, 5000)]);
  await call("POST", `/posts/${ids.publicPost}/likes`, undefined, tokens.fan);
  await call("POST", `/posts/${ids.publicPost}/comments`, { text: "Beautiful colours!" }, tokens.fan);
}, T);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("accessibility of every page (axe-core), titles and focus", () => {
  const titles = new Map<string, string>();

  for (const variant of [DESKTOP, PHONE]) {
    it(
      `no serious or critical axe violation on any page or payment dialog: ${variant.name}`,
      async () => {
        const failures: string[] = [];
        const check = async (page: Page, label: string) => {
          await quiet(page);
          for (const v of await axe(page))
            failures.push(
              `${variant.name} ${label}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.join("\n    ")}`,
            );
        };
        const who = {
          anonymous: null,
          fan: tokens.fan,
          creator: tokens.creator,
          admin: tokens.admin,
        } as const;
        let checked = 0;
        for (const [role, paths] of Object.entries(pages()) as [keyof typeof who, string[]][]) {
          const ctx = await contextFor(variant, who[role]);
          const page = await ctx.newPage();
          for (const [i, path] of paths.entries()) {
            // The first page loads; the others are client-side navigations (the app is already
            // there, as for a person clicking through), each done when the new page has named itself.
            const before = await page.title().catch(() => "");
            if (i === 0) await page.goto(app.baseUrl + path);
            else
              await page.evaluate(
                `history.pushState(null, "", ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent("popstate"))`,
              );
            await expect
              .poll(() => page.title(), { timeout: 10_000, message: path })
              .not.toBe(i === 0 ? "" : before);
            await settle(page);
            await check(page, `${role} ${path}`);
            checked++;
            if (variant === DESKTOP) titles.set(`${role} ${path}`, await page.title());
          }
          await screenshot(page, join(SHOTS, `${variant.name}-${role}-last.png`));
          await ctx.close();
        }

        // The payment dialogs, open, as a fan who is not subscribed yet.
        const ctx = await contextFor(variant, tokens.newFan);
        const page = await ctx.newPage();
        await page.goto(`${app.baseUrl}/ava_lens`);
        await settle(page);
        await page.locator(".subscribe-btn").click();
        await page.locator("dialog[open] .dialog-foot .btn-primary").waitFor();
        await screenshot(page, join(SHOTS, `${variant.name}-subscribe-dialog.png`));
        await check(page, "subscribe dialog");
        await page.keyboard.press("Escape");
        await page.getByRole("button", { name: "Tip", exact: true }).click();
        await page.locator("dialog[open] form").waitFor();
        await check(page, "tip dialog");
        await page.locator("dialog[open]").getByRole("button", { name: "Review tip" }).click();
        await page.locator("dialog[open] dl.summary").waitFor();
        await screenshot(page, join(SHOTS, `${variant.name}-tip-review.png`));
        await check(page, "tip dialog, review step");
        await page.keyboard.press("Escape");
        await page.getByRole("button", { name: "Unlock for $5.00" }).first().click();
        await page.locator("dialog[open] .dialog-foot .btn-primary").waitFor();
        await screenshot(page, join(SHOTS, `${variant.name}-unlock-dialog.png`));
        await check(page, "unlock dialog");
        await ctx.close();
        checked += 4;

        expect(checked).toBeGreaterThan(45);
        writeFileSync(join(SHOTS, `axe-${variant.name}.txt`), failures.join("\n"));
        expect(failures, failures.join("\n")).toEqual([]);
        expect(problems).toEqual([]);
      },
      T,
    );
  }

  it("every page has a title of its own, ending with the site's name", () => {
    expect(titles.size).toBeGreaterThan(40);
    const byTitle = new Map<string, string[]>();
    for (const [page, title] of titles) byTitle.set(title, [...(byTitle.get(title) ?? []), page]);
    // A page seen by different people is the same page: only different paths must differ.
    const clashes = [...byTitle].filter(([, p]) => new Set(p.map((x) => x.split(" ")[1])).size > 1);
    expect(clashes, JSON.stringify(clashes, null, 1)).toEqual([]);
    for (const [page, title] of titles) {
      if (page === "anonymous /") expect(title).toBe(SITE);
      else expect(title, page).toMatch(new RegExp(`^.+ · ${SITE}$`));
    }
    expect(titles.get("anonymous /ava_lens")).toBe(`Ava Lens (@ava_lens) · ${SITE}`);
    expect(titles.get("fan /wallet")).toBe(`Wallet · ${SITE}`);
    expect(titles.get("admin /admin/payouts")).toBe(`Payouts · Admin · ${SITE}`);
  });
  it(
    "focus: the h1 after a client-side navigation (not on a first load), never the body in the payment dialogs",
    async () => {
      const ctx = await contextFor(DESKTOP, tokens.newFan);
      const page = await ctx.newPage();
      const active = () =>
        page.evaluate(`(() => { const a = document.activeElement; return a === document.body || !a ? "body" :
          a.tagName.toLowerCase() + (a.id ? "#" + a.id : "") + "|" + (a.getAttribute("aria-disabled") || "") + "|" + a.textContent.trim().slice(0, 60); })()`) as Promise<string>;

      // A first load leaves focus where the browser puts it; a navigation moves it to the page's heading.
      await page.goto(`${app.baseUrl}/discover`);
      await settle(page);
      expect(await active()).toBe("body");
      await page.locator(".sidenav").getByRole("link", { name: "Wallet" }).click();
      await page.waitForURL(/\/wallet$/);
      await expect.poll(active).toMatch(/^h1\|\|Wallet/);
      expect(await page.title()).toBe(`Wallet · ${SITE}`);
      await page.goBack();
      await expect.poll(active).toMatch(/^h1\|\|Discover/);

      // Tip: the review step takes focus to its heading; sending hands it back to the Tip button.
      await page.goto(`${app.baseUrl}/ava_lens`);
      await settle(page);
      await page.getByRole("button", { name: "Tip", exact: true }).click();
      await page.locator("dialog[open]").getByRole("button", { name: "Review tip" }).click();
      await expect.poll(active).toMatch(/^h2#dialog-title-\d+\|\|Confirm your tip/);
      await page.locator("dialog[open]").getByRole("button", { name: "Back" }).click();
      await expect.poll(active).toMatch(/^h2#dialog-title-\d+\|\|Tip Ava Lens/);
      await page.locator("dialog[open]").getByRole("button", { name: "Review tip" }).click();

      // Slow the money calls down so the busy state can be seen.
      await page.route("**/api/v1/**", async (route) => {
        const req = route.request();
        if (req.method() === "POST" && /\/(tips|subscriptions|unlock)/.test(req.url()))
          await new Promise((r) => setTimeout(r, 700));
        await route.continue();
      });
      await page.locator("dialog[open] .dialog-foot .btn-primary").click();
      await expect.poll(active).toMatch(/^button\|true\|Sending/);
      await page.locator("dialog[open]").waitFor({ state: "detached" });
      await expect.poll(active).toMatch(/^button\|\|Tip$/);

      // Unlock: busy keeps focus on the confirm button; the unlocked post takes it after.
      await page.getByRole("button", { name: "Unlock for $5.00" }).first().click();
      await page.locator("dialog[open] .dialog-foot .btn-primary").click();
      await expect.poll(active).toMatch(/^button\|true\|Paying/);
      await page.locator("dialog[open]").waitFor({ state: "detached" });
      await expect.poll(active).toMatch(/^article\|\|/);
      expect(await page.evaluate("document.activeElement.dataset.post")).toBe(ids.ppvPost);

      // Subscribe: the button gives way to the note saying so, which takes focus.
      await page.locator(".subscribe-btn").click();
      await page.locator("dialog[open] .dialog-foot .btn-primary").click();
      await expect.poll(active).toMatch(/^button\|true\|Subscribing/);
      await page.locator("dialog[open]").waitFor({ state: "detached" });
      await expect.poll(active).toMatch(/^div#subscribed-note\|\|/);
      await screenshot(page, join(SHOTS, "focus-after-subscribe.png"));
      await ctx.close();
      expect(problems).toEqual([]);
    },
    T,
  );
});
