// The payout journey in a real browser against the real appliance: a creator with available earnings
// sees the hold period, the minimum and what is available before asking; a too-small amount is refused
// before any confirmation; they add a bank account (a bad IBAN first, the server's error shown on the
// field), request a payout to it; the admin sees where it goes in full, approves it and marks it paid
// with the transfer's reference; the creator sees that reference in their payouts and statement. Hold
// time is 0 days here, so the sales are available as soon as the scheduler's next tick.
import { waitForMailedToken } from "../helpers/mail.ts";
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
import { parseCsvRecords } from "../helpers/csv.ts";

const SHOTS = join(repoRoot, "test-results", "payouts");
const T = 60_000;

const admin = { email: "owner@example.test", username: "owner", password: "owner password 1" };
const creator = {
  email: "nova@example.test",
  username: "nova",
  displayName: "Nova Reyes",
  password: "correct horse battery",
};
const IBAN = "GB82 WEST 1234 5698 7654 32";
const MASKED = "Bank •••• 5432 (N. Reyes)";
const REFERENCE = "WISE-48213";

let app: AppProcess;
let browser: Browser;
let creatorToken: string;
const pageProblems: string[] = [];

const api = (method: string, path: string, body?: unknown, token?: string) =>
  apiCall(app.baseUrl, method, path, body, token);

async function newPage(width = 1280, height = 900): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: "en-US",
    colorScheme: "light",
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  watchPageProblems(page, pageProblems);
  return page;
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await dismissToasts(page);
  await screenshot(page, join(SHOTS, `${name}.png`), fullPage);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ensureWebBuilt();
  app = await startApp({ env: { FANZ_PAYMENTS__HOLD_DAYS: "0" } });
  browser = await launchBrowser();
  await api("POST", "/setup", { token: app.setupToken(), siteName: "Studio Nova", admin });
  creatorToken = (await api("POST", "/auth/signup", { ...creator, ageConfirmed: true })).token;
  // Payouts need a proved address: the creator follows the link sign-up mailed.
  const proof = await waitForMailedToken(app.dataDir, creator.email, "/verify-email");
  await api("POST", "/auth/email/verify", { token: proof }, creatorToken);
  await api("PUT", "/creators/me", { priceCents: 1000 }, creatorToken);
  const fan = await api("POST", "/auth/signup", {
    email: "sam@example.test",
    username: "sam_fan",
    password: "fan password 123",
    ageConfirmed: true,
  });
  const topup = await api("POST", "/wallet/topups", { amountCents: 5000 }, fan.token);
  await api("POST", `/sandbox/checkout/${topup.checkoutId}/pay`, { cardNumber: "4242 4242 4242 4242" });
  await api("POST", "/tips", { creator: "nova", amountCents: 5000, payWith: "wallet" }, fan.token);
  // $40.00 share after the 20 % fee, released by the scheduler's next tick.
  for (let i = 0; ; i++) {
    if ((await api("GET", "/earnings", undefined, creatorToken)).availableCents === 4000) break;
    if (i > 150) throw new Error("the tip's share was never released");
    await new Promise((r) => setTimeout(r, 100));
  }
}, T);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
}, T);

describe("payouts in the browser", () => {
  it(
    "the creator sees the terms, is stopped below the minimum, adds a bank account and requests a payout",
    async () => {
      const page = await newPage();
      await logIn(page, app.baseUrl, creator);
      await page.getByRole("link", { name: "Earnings", exact: true }).click();
      await page.waitForURL(`${app.baseUrl}/earnings`);
      await expect.poll(() => page.getByTestId("payout-available").textContent()).toBe("$40.00");
      expect(await page.getByTestId("payout-minimum").textContent()).toBe("$20.00");
      expect(await page.locator(".payout-facts").textContent()).toContain("Hold periodNone");
      await page.getByText("You need one before you can request a payout.").waitFor();

      const amount = page.getByLabel("Amount");
      await amount.fill("3");
      await page.getByRole("button", { name: "Request payout" }).click();
      await page.getByText("The smallest payout is $20.00.").waitFor();
      expect(await page.getByRole("dialog").count()).toBe(0);
      await amount.fill("25");
      await page.getByRole("button", { name: "Request payout" }).click();
      await page.getByText("Add a payout method above first").waitFor();
      expect(await page.getByRole("dialog").count()).toBe(0);
      await shot(page, "01-earnings-no-method-desktop", true);

      await page.getByRole("button", { name: "Add payout method" }).click();
      await page.getByRole("radio", { name: "Bank (IBAN)" }).check();
      await page.getByLabel("Account holder").fill("Nova Reyes");
      await page.getByLabel("IBAN", { exact: true }).fill("GB82 WEST 1234 5698 7654 31");
      await page.getByRole("button", { name: "Save payout method" }).click();
      await page.getByText("This IBAN's check digits do not match; check for a typo.").waitFor();
      await shot(page, "02-method-bad-iban-desktop");
      await page.getByLabel("IBAN", { exact: true }).fill(IBAN);
      await page.getByRole("button", { name: "Save payout method" }).click();
      await expect.poll(() => page.getByTestId("payout-method").textContent()).toBe(MASKED);
      expect(await page.content()).not.toContain("98765432");

      await page.getByRole("button", { name: "Request payout" }).click();
      const confirm = page.getByRole("dialog", { name: "Request a payout" });
      await confirm.getByText(MASKED).waitFor();
      await shot(page, "03-payout-confirm-desktop");
      await confirm.getByRole("button", { name: "Request $25.00" }).click();
      await page.locator(".payout-list").getByText(`To ${MASKED}`).waitFor();
      await expect.poll(() => page.getByTestId("payout-available").textContent()).toBe("$15.00");
      await shot(page, "04-earnings-requested-desktop", true);
      await page.context().close();
    },
    T,
  );

  it(
    "the admin sees the full bank details, approves, and marks the payout paid with a reference",
    async () => {
      const page = await newPage();
      await logIn(page, app.baseUrl, admin);
      await page.goto(`${app.baseUrl}/admin/payouts`);
      const details = page.getByTestId("admin-payout-method");
      await details.waitFor();
      expect(await details.textContent()).toContain("GB82 WEST 1234 5698 7654 32");
      expect(await details.textContent()).toContain("Nova Reyes");
      await page.getByText(`To ${MASKED}`).waitFor();
      await shot(page, "05-admin-queue-desktop");
      await page.getByRole("button", { name: "Approve" }).click();
      await page
        .getByRole("dialog", { name: "Approve this payout?" })
        .getByRole("button", { name: "Approve $25.00" })
        .click();
      await page.getByRole("dialog").waitFor({ state: "detached" });

      await page.getByRole("radio", { name: "Approved" }).check();
      await page.getByRole("button", { name: "Mark paid" }).click();
      const dialog = page.getByRole("dialog", { name: "Mark this payout paid?" });
      await dialog.getByText("GB82 WEST 1234 5698 7654 32").waitFor();
      await dialog.getByRole("button", { name: "Mark $25.00 paid" }).click();
      await dialog.getByText("Enter the transfer's reference").waitFor();
      await dialog.getByLabel("Transfer reference").fill(REFERENCE);
      await shot(page, "06-admin-mark-paid-desktop");
      await dialog.getByRole("button", { name: "Mark $25.00 paid" }).click();
      await dialog.waitFor({ state: "detached" });
      await page.getByRole("radio", { name: "Paid" }).check();
      await expect.poll(() => page.getByTestId("admin-payout-reference").textContent()).toContain(REFERENCE);
      await shot(page, "07-admin-paid-desktop");

      await page.setViewportSize({ width: 375, height: 812 });
      await page.reload();
      await page.getByRole("radio", { name: "Paid" }).check();
      await page.getByTestId("admin-payout-reference").waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "08-admin-paid-375", true);
      await page.context().close();
    },
    T,
  );

  it(
    "the creator sees the reference on the payout and in the statement CSV, also at 375 px",
    async () => {
      const page = await newPage(375, 812);
      await logIn(page, app.baseUrl, creator);
      await page.goto(`${app.baseUrl}/earnings`);
      await expect.poll(() => page.getByTestId("payout-reference").textContent()).toContain(REFERENCE);
      await page.locator(".payout-list").getByText("Paid", { exact: true }).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "09-earnings-paid-375", true);

      await page.getByRole("button", { name: "Change" }).click();
      await page.getByRole("radio", { name: "US bank" }).check();
      await page.getByLabel("Account holder").fill("Nova Reyes");
      await page.getByLabel("Routing number").fill("021000022");
      await page.getByLabel("Account number").fill("12");
      await page.getByRole("button", { name: "Save payout method" }).click();
      await page.getByText("Enter the 9-digit ABA routing number printed on your checks.").waitFor();
      await page.getByText("An account number has 4 to 17 digits.").waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "10-method-us-errors-375");
      await page.getByRole("button", { name: "Cancel" }).click();
      expect(await page.getByTestId("payout-method").textContent()).toBe(MASKED);
      await page.context().close();

      const res = await fetch(`${app.baseUrl}/api/v1/earnings/statement.csv`, {
        headers: { authorization: `Bearer ${creatorToken}` },
      });
      const rows = parseCsvRecords(await res.text());
      expect(rows.find((r) => r.type === "payout_paid")).toMatchObject({
        gross_cents: "2500",
        destination: MASKED,
        reference: REFERENCE,
      });
    },
    T,
  );

  it("no page broke the Content-Security-Policy or threw", () => {
    expect(pageProblems).toEqual([]);
  });
});
