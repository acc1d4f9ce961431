// Compliance in a real browser against the real appliance (a site that requires creator verification):
// the composer says verification is needed; the creator fills the identity verification form (legal
// name, date of birth, country, ID photo and selfie) and sees it under review; the admin opens the queue
// and the review with the documents decrypted, and approves; the public DMCA form refuses an incomplete
// notice naming the fields and takes a complete one; the admin takes the post down and the creator sees
// the notice with the counter-notice form. Records, /2257 and the admin settings too. Desktop and
// 375 px, light and dark.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
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
import { birthDate, pdf, photo } from "../helpers/compliance.ts";

const SHOTS = join(repoRoot, "test-results", "compliance");
const T = 90_000;

const admin = { email: "owner@example.test", username: "owner", password: "owner password 1" };
const creator = {
  email: "mia@example.test",
  username: "mia",
  displayName: "Mia Vale",
  password: "creator pass 1",
};
const partner = {
  email: "noa@example.test",
  username: "noa",
  displayName: "Noa Quinn",
  password: "creator pass 2",
};

let app: AppProcess;
let browser: Browser;
let creatorToken = "";
let postId = "";
const problems: string[] = [];
const files: Record<string, string> = {};

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
  await api("POST", "/setup", {
    token: app.setupToken(),
    siteName: "Vale Studio",
    admin,
    requireCreatorVerification: true,
  });
  const c = await api("POST", "/auth/signup", { ...creator, ageConfirmed: true });
  creatorToken = c.token;
  await api("PUT", "/creators/me", { priceCents: 900, displayName: creator.displayName }, c.token);
  postId = (await api("POST", "/posts", { text: "Golden hour at the beach", visibility: "public" }, c.token))
    .post.id;
  const p = await api("POST", "/auth/signup", { ...partner, ageConfirmed: true });
  await api("PUT", "/creators/me", { priceCents: 700, displayName: partner.displayName }, p.token);
  const dir = join(SHOTS, "files");
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of [
    ["passport.jpg", await photo(900, 600, 5)],
    ["selfie.jpg", await photo(600, 800, 8)],
    ["release.pdf", pdf()],
  ] as const) {
    files[name] = join(dir, name);
    writeFileSync(files[name], bytes);
  }
}, T);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
}, T);

describe("compliance in the browser", () => {
  it(
    "the creator is told verification is needed, fills the KYC form and sees it under review",
    async () => {
      const { ctx, page } = await newPage();
      await logIn(page, app.baseUrl, creator);
      await page.goto(`${app.baseUrl}/compose`);
      await page
        .getByText("This site asks creators to verify their identity before they publish paid posts.")
        .waitFor();
      await page.getByPlaceholder("Share something with your fans…").fill("Subscribers only");
      await page.locator(".segment", { hasText: "Subscribers" }).click();
      await page.getByRole("button", { name: "Post", exact: true }).click();
      await page
        .getByRole("alert")
        .getByText(/Verify your identity before you publish paid posts/)
        .waitFor();
      await shot(page, "01-compose-gate-desktop");

      await page.getByRole("link", { name: "Verify your identity →" }).click();
      await page.waitForURL(`${app.baseUrl}/settings/verification`);
      await page.getByRole("heading", { name: "Verify your identity" }).waitFor();
      // Submitting empty names every field.
      await page.getByRole("button", { name: "Send for review" }).click();
      await page.getByText("Your full name as on your ID.").waitFor();
      await page.getByText("A photo of you holding that ID next to your face.").waitFor();
      await shot(page, "02-kyc-form-errors-desktop", true);

      await page.getByLabel("Legal name").fill("Mia Alexandra Vale");
      await page.getByLabel("Date of birth").fill(birthDate(27));
      await page.getByLabel("Country of your ID").selectOption("US");
      await page.getByLabel("ID document").setInputFiles(files["passport.jpg"]!);
      await page.getByLabel("Selfie holding your ID").setInputFiles(files["selfie.jpg"]!);
      await shot(page, "03-kyc-form-filled-desktop", true);
      await page.getByRole("button", { name: "Send for review" }).click();
      await page.getByRole("heading", { name: "Under review" }).waitFor();
      await dismissToasts(page);
      await shot(page, "04-kyc-pending-desktop");
      expect((await api("GET", "/kyc", undefined, creatorToken)).kyc).toMatchObject({
        status: "pending",
        legalName: "Mia Alexandra Vale",
        country: "US",
      });
      await ctx.close();

      // The form on a phone, light and dark.
      const phone = await newPage(375, 812);
      await logIn(phone.page, app.baseUrl, partner);
      await phone.page.goto(`${app.baseUrl}/settings/verification`);
      await phone.page.getByRole("heading", { name: "Verify your identity" }).waitFor();
      await phone.page.getByLabel("ID document").setInputFiles(files["passport.jpg"]!);
      expect(await scrollWidth(phone.page)).toBeLessThanOrEqual(375);
      await shot(phone.page, "05-kyc-form-375", true);
      await phone.page.emulateMedia({ colorScheme: "dark" });
      await shot(phone.page, "06-kyc-form-375-dark", true);
      await phone.ctx.close();
    },
    T,
  );

  it(
    "the admin reviews the documents, decrypted, and approves; the creator is verified",
    async () => {
      const { ctx, page } = await newPage();
      await logIn(page, app.baseUrl, admin);
      await page.goto(`${app.baseUrl}/admin/kyc`);
      await page.getByRole("link", { name: /Mia Alexandra Vale/ }).click();
      await page.getByRole("heading", { name: "Documents" }).waitFor();
      const imgs = page.locator(".doc-card img");
      await expect.poll(() => imgs.count()).toBe(2);
      for (let i = 0; i < 2; i++)
        await expect
          .poll(() => imgs.nth(i).evaluate((el: any) => (el.complete ? (el.naturalWidth as number) : 0)))
          .toBeGreaterThan(0);
      await shot(page, "07-admin-kyc-review-desktop", true);
      await page.getByRole("button", { name: "Approve" }).click();
      await page.locator(".badge", { hasText: "approved" }).first().waitFor();
      await dismissToasts(page);
      await page.goto(`${app.baseUrl}/admin/kyc`);
      await page.getByRole("button", { name: "Approved" }).click();
      await page.getByRole("link", { name: /Mia Alexandra Vale/ }).waitFor();
      await shot(page, "08-admin-kyc-queue-desktop");
      await page.setViewportSize({ width: 375, height: 812 });
      await page.emulateMedia({ colorScheme: "dark" });
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "09-admin-kyc-queue-375-dark", true);
      await ctx.close();

      const me = await newPage(375, 812);
      await logIn(me.page, app.baseUrl, creator);
      await me.page.goto(`${app.baseUrl}/settings/verification`);
      await me.page.getByRole("heading", { name: "Your identity is verified" }).waitFor();
      await shot(me.page, "10-kyc-verified-375");
      // The gate is lifted: the composer no longer warns.
      await me.page.goto(`${app.baseUrl}/compose`);
      await me.page.getByPlaceholder("Share something with your fans…").waitFor();
      expect(await me.page.locator(".kyc-gate").count()).toBe(0);
      await me.ctx.close();
    },
    T,
  );

  it(
    "records: releases and co-performers in the composer; the /2257 page from the footer",
    async () => {
      const { ctx, page } = await newPage();
      await logIn(page, app.baseUrl, creator);
      await page.goto(`${app.baseUrl}/settings/records`);
      await page.getByLabel("Performer's legal name").fill("Rae Lindqvist");
      await page.getByLabel("Date of birth").fill("1994-03-08");
      await page.getByLabel("Other names used").fill("Rae L.");
      await page.getByLabel("Their ID document").setInputFiles(files["passport.jpg"]!);
      await page.getByLabel("Signed release").setInputFiles(files["release.pdf"]!);
      await page.getByRole("button", { name: "Keep this release" }).click();
      await page.locator(".rows .row-title", { hasText: "Rae Lindqvist" }).waitFor();
      await dismissToasts(page);
      await shot(page, "11-records-desktop", true);

      await page.goto(`${app.baseUrl}/compose`);
      await page.getByPlaceholder("Share something with your fans…").fill("With Rae");
      await page.getByRole("button", { name: "Co-performers" }).click();
      await page.getByLabel("Rae Lindqvist (Rae L.)").check();
      await shot(page, "12-composer-performers-desktop");
      await page.getByRole("button", { name: "Post", exact: true }).click();
      await page.waitForURL(`${app.baseUrl}/mia`);
      await dismissToasts(page);

      await page.getByRole("link", { name: "18 U.S.C. 2257 statement" }).click();
      await page.waitForURL(`${app.baseUrl}/2257`);
      await page.getByText("The site's operator has not published the custodian's details yet.").waitFor();
      await ctx.close();

      const adm = await newPage();
      await logIn(adm.page, app.baseUrl, admin);
      await adm.page.goto(`${app.baseUrl}/admin/settings`);
      await adm.page
        .getByLabel("2257 custodian of records")
        .fill("Custodian of Records\nVale Studio LLC\n12 Harbor Road, Miami, FL 33101");
      await adm.page.getByRole("button", { name: "Save compliance settings" }).click();
      await adm.page.getByText("Compliance settings saved").waitFor();
      await dismissToasts(adm.page);
      await adm.page.getByRole("heading", { name: "Compliance" }).scrollIntoViewIfNeeded();
      await shot(adm.page, "13-admin-compliance-settings-desktop");
      await adm.page.goto(`${app.baseUrl}/2257`);
      await adm.page.getByText("12 Harbor Road, Miami, FL 33101").waitFor();
      await shot(adm.page, "14-2257-desktop");
      await adm.page.setViewportSize({ width: 375, height: 812 });
      await adm.page.emulateMedia({ colorScheme: "dark" });
      await shot(adm.page, "15-2257-375-dark", true);
      await adm.ctx.close();
    },
    T,
  );

  it(
    "the public DMCA form names what is missing, takes a complete notice; takedown; the creator's counter-notice form",
    async () => {
      const { ctx, page } = await newPage(375, 812);
      await page.goto(`${app.baseUrl}/dmca`);
      await page.getByRole("button", { name: "Send notice" }).click();
      await page.getByText("Your full name.").waitFor();
      await page.getByText("At least one address on this site.").waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "16-dmca-errors-375", true);
      await page.getByLabel("Full name").fill("Rita Rights");
      await page.getByLabel("E-mail").fill("rita@studio.example");
      await page.getByLabel("Postal address").fill("1 Film Way\nHollywood, CA 90028");
      await page.getByLabel("The copyrighted work").fill("Photo series “Golden Hour” (2023)");
      await page
        .getByLabel("Addresses of the infringing content on this site")
        .fill(`${app.baseUrl}/posts/${postId}`);
      await page.getByText(/I have a good-faith belief/).click();
      await page.getByText(/The information in this notice is accurate/).click();
      await page.getByLabel("Signature").fill("Rita Rights");
      await page.emulateMedia({ colorScheme: "dark" });
      await shot(page, "17-dmca-filled-375-dark", true);
      await page.getByRole("button", { name: "Send notice" }).click();
      await page.getByRole("heading", { name: "Notice received" }).waitFor();
      await shot(page, "18-dmca-received-375-dark");
      await ctx.close();

      const adm = await newPage();
      await logIn(adm.page, app.baseUrl, admin);
      await adm.page.goto(`${app.baseUrl}/admin/dmca`);
      await adm.page.getByRole("link", { name: /Golden Hour/ }).click();
      await adm.page.getByRole("heading", { name: "On this site" }).waitFor();
      await shot(adm.page, "19-admin-dmca-notice-desktop", true);
      await adm.page.getByRole("button", { name: "Take down" }).click();
      await adm.page.getByRole("heading", { name: "Creators and counter-notices" }).waitFor();
      await dismissToasts(adm.page);
      await shot(adm.page, "20-admin-dmca-taken-down-desktop", true);
      await adm.ctx.close();
      expect((await fetch(`${app.baseUrl}/api/v1/posts/${postId}`)).status).toBe(404);

      const me = await newPage(375, 812);
      await logIn(me.page, app.baseUrl, creator);
      await me.page.goto(`${app.baseUrl}/notifications`);
      const told = me.page.locator(".notif", { hasText: "notice from Rita Rights" });
      await told.getByRole("link", { name: "See the notice" }).click();
      await me.page.getByRole("heading", { name: "Send a counter-notice" }).waitFor();
      expect(await scrollWidth(me.page)).toBeLessThanOrEqual(375);
      await shot(me.page, "21-creator-notice-375", true);
      await me.ctx.close();
    },
    T,
  );

  it("no page broke the CSP or threw", () => {
    expect(problems).toEqual([]);
  });
});
