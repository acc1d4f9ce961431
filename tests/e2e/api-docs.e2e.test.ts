// The API reference in a real browser against the real appliance, before setup: /api/docs renders the
// OpenAPI document with Scalar's bundle served by the app, under the site's strict CSP, and asks no other
// host for anything (the appliance may run offline).
import { afterAll, beforeAll, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchBrowser, screenshot } from "../helpers/browser.ts";
import { repoRoot, startApp, type AppProcess } from "../helpers/app-process.ts";

const SHOTS = join(repoRoot, "test-results", "api-docs");
let app: AppProcess;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startApp();
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it("renders the operations from this server alone", { timeout: 60_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: "en-US" });
  const elsewhere: string[] = [];
  const refused: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(app.baseUrl) && !r.url().startsWith("data:") && !r.url().startsWith("blob:"))
      elsewhere.push(r.url());
  });
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
  });
  await page.goto(`${app.baseUrl}/api/docs`);
  await page.getByRole("heading", { name: "Fanz API" }).waitFor({ timeout: 30_000 });
  await page.getByText("posts", { exact: true }).first().click();
  await page.getByText("Publish, schedule or draft a post").first().click();
  await page.getByText("NewPostInput").first().waitFor();
  await screenshot(page, join(SHOTS, "create-post.png"));
  expect(elsewhere).toEqual([]);
  expect(refused).toEqual([]);
});

it(
  "explains API keys and the webhook signature, with the receiver snippet",
  { timeout: 60_000 },
  async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: "en-US" });
    await page.goto(`${app.baseUrl}/api/docs`);
    await page.getByRole("heading", { name: "API keys" }).first().waitFor({ timeout: 30_000 });
    await page.getByRole("heading", { name: "API keys" }).first().scrollIntoViewIfNeeded();
    await screenshot(page, join(SHOTS, "integrations-guide.png"));
    await page.mouse.move(600, 500);
    await page.mouse.wheel(0, 700);
    await screenshot(page, join(SHOTS, "integrations-webhooks.png"));
    await page.mouse.wheel(0, 700);
    await screenshot(page, join(SHOTS, "integrations-snippet.png"));
    // The receiver's code itself, not a placeholder.
    const html = await page.content();
    expect(html).toContain("verifyFanzSignature");
    expect(html).toContain("timingSafeEqual");
  },
);
