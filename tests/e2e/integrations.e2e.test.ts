// Settings › API keys and Settings › Webhooks in a real browser against the real appliance: a creator
// creates a key (shown once, copied with the button), the key then works over the API and its last use
// shows in the list, and revoking it stops it; a webhook to a receiver on 127.0.0.1 (the site allows
// private receivers here) shows its secret once, a test event reaches the receiver signed with it, and
// the delivery log says delivered. Screenshots at desktop and 375 px, light and dark.
import { createHmac } from "node:crypto";
import { mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  dismissToasts,
  ensureWebBuilt,
  launchBrowser,
  logIn,
  screenshot,
  scrollWidth,
  watchPageProblems,
} from "../helpers/browser.ts";
import { apiCall, freePort, repoRoot, startApp, type AppProcess } from "../helpers/app-process.ts";
import { until } from "../helpers/until.ts";

const SHOTS = join(repoRoot, "test-results", "integrations");
const T = 120_000;
const admin = { email: "owner@example.test", username: "owner", password: "owner password 1" };
const nora = { email: "nora@example.test", username: "nora", password: "nora password 1" };

let app: AppProcess;
let base = "";
let browser: Browser;
let receiver: Server;
let receiverUrl = "";
const received: { raw: string; signature: string }[] = [];
const problems: string[] = [];

const shot = (page: Page, name: string, fullPage = false) =>
  screenshot(page, join(SHOTS, `${name}.png`), fullPage);

async function newPage(width = 1280, height = 900, colorScheme: "light" | "dark" = "light") {
  const ctx = await browser.newContext({ viewport: { width, height }, locale: "en-US", colorScheme });
  ctx.setDefaultTimeout(15_000);
  await ctx.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
  watchPageProblems(ctx, problems);
  return { ctx, page: await ctx.newPage() };
}

async function openMenuItem(page: Page, item: string) {
  await page.getByRole("button", { name: "@nora, account menu" }).first().click();
  await page.getByRole("menuitem", { name: item, exact: true }).click();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ensureWebBuilt();
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({
        raw: Buffer.concat(chunks).toString(),
        signature: String(req.headers["fanz-signature"]),
      });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((ok) => receiver.listen(0, "127.0.0.1", ok));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/fanz`;
  const port = await freePort();
  base = `http://localhost:${port}`;
  app = await startApp({
    port,
    env: { FANZ_SERVER__PUBLIC_URL: base, FANZ_WEBHOOKS__ALLOW_PRIVATE: "true", FANZ_JOBS__POLL_MS: "200" },
  });
  browser = await launchBrowser();
  await apiCall(base, "POST", "/setup", { token: app.setupToken(), siteName: "Studio Nord", admin });
  const n = await apiCall(base, "POST", "/auth/signup", { ...nora, displayName: "Nora", ageConfirmed: true });
  await apiCall(base, "PUT", "/creators/me", { priceCents: 900, displayName: "Nora North" }, n.token);
}, T);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await new Promise<void>((ok) => (receiver ? receiver.close(() => ok()) : ok()));
}, T);

describe("integrations settings in the browser", () => {
  it(
    "API keys: create with scopes, shown once and copied, used over the API, revoked",
    async () => {
      const { ctx, page } = await newPage();
      await logIn(page, base, nora);
      await openMenuItem(page, "API keys");
      await page.waitForURL(`${base}/settings/api-keys`);
      await page.getByText("No API keys yet").waitFor();
      await shot(page, "01-api-keys-empty", true);

      await page.getByLabel("Name", { exact: true }).fill("Scheduling tool");
      await page.getByRole("checkbox", { name: /posts:write/ }).check();
      await page.getByRole("checkbox", { name: /profile:read/ }).uncheck();
      await shot(page, "02-api-keys-form", true);
      await page.getByRole("button", { name: "Create key" }).click();
      const shown = page.getByTestId("new-api-key");
      await shown.waitFor();
      const key = (await shown.innerText()).trim();
      expect(key).toMatch(/^fanz_/);
      await page.getByRole("button", { name: "Copy", exact: true }).click();
      expect(await page.evaluate("navigator.clipboard.readText()")).toBe(key);
      await dismissToasts(page);
      await shot(page, "03-api-key-shown-once", true);

      // The key works for what it was given, and only that.
      const feed = await fetch(`${base}/api/v1/feed`, { headers: { authorization: `Bearer ${key}` } });
      expect(feed.status).toBe(200);
      const me = await fetch(`${base}/api/v1/users/me`, { headers: { authorization: `Bearer ${key}` } });
      expect(me.status).toBe(403);

      await page.getByRole("button", { name: "Done" }).click();
      await page.reload();
      await page.getByText("Scheduling tool", { exact: true }).waitFor();
      await page.getByText(/Last used/).waitFor();
      expect(await page.getByTestId("new-api-key").count()).toBe(0);
      expect(await page.content()).not.toContain(key);
      await shot(page, "04-api-keys-list", true);

      await page.getByRole("button", { name: "Revoke" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
      await page.getByText("No API keys yet").waitFor();
      const after = await fetch(`${base}/api/v1/feed`, { headers: { authorization: `Bearer ${key}` } });
      expect(after.status).toBe(401);
      await ctx.close();
    },
    T,
  );

  it(
    "webhooks: add one, secret shown once, a test event arrives signed, the log says delivered",
    async () => {
      const { ctx, page } = await newPage();
      await logIn(page, base, nora);
      await openMenuItem(page, "Webhooks");
      await page.waitForURL(`${base}/settings/webhooks`);
      await page.getByText("No webhooks yet").waitFor();
      await shot(page, "05-webhooks-empty", true);

      await page.getByLabel("URL", { exact: true }).fill("not a url");
      await page.getByRole("button", { name: "Add webhook" }).click();
      await page.getByText("Not a URL.").first().waitFor();
      await shot(page, "06-webhooks-error");

      await page.getByLabel("URL", { exact: true }).fill(receiverUrl);
      await page.getByRole("checkbox", { name: "post.published" }).check();
      await page.getByRole("button", { name: "Add webhook" }).click();
      const shown = page.getByTestId("webhook-secret");
      await shown.waitFor();
      const secret = (await shown.innerText()).trim();
      expect(secret).toMatch(/^whsec_/);
      await shot(page, "07-webhook-secret-once", true);
      await page.getByRole("button", { name: "Done" }).click();

      await page.getByRole("button", { name: "Send test event" }).click();
      const got = await until("the test event at the receiver", async () => received[0]);
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(got.signature) ?? [];
      expect(createHmac("sha256", secret).update(`${t}.${got.raw}`).digest("hex")).toBe(v1);
      expect(JSON.parse(got.raw).type).toBe("webhook.test");
      await page.getByRole("button", { name: "Hide deliveries" }).waitFor();
      await page.getByText("Delivered", { exact: true }).waitFor();
      await dismissToasts(page);
      await shot(page, "08-webhook-deliveries", true);
      await ctx.close();

      for (const [w, scheme, name] of [
        [375, "light", "09-webhooks-phone"],
        [375, "dark", "10-webhooks-phone-dark"],
      ] as const) {
        const phone = await newPage(w, 800, scheme);
        await logIn(phone.page, base, nora);
        await phone.page.goto(`${base}/settings/webhooks`);
        await phone.page.getByRole("button", { name: "Deliveries" }).click();
        await phone.page.getByText("Delivered", { exact: true }).waitFor();
        expect(await scrollWidth(phone.page)).toBeLessThanOrEqual(w);
        await shot(phone.page, name, true);
        await phone.page.goto(`${base}/settings/api-keys`);
        await phone.page.getByText("No API keys yet").waitFor();
        expect(await scrollWidth(phone.page)).toBeLessThanOrEqual(w);
        await shot(phone.page, `${name}-keys`, true);
        await phone.ctx.close();
      }
      expect(problems).toEqual([]);
    },
    T,
  );
});
