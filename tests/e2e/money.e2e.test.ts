// The money journey in a real browser against the real appliance with the sandbox provider: a fan tops
// up the wallet through the sandbox checkout (a declined card first), subscribes from the wallet,
// unlocks a pay-per-view post in place and tips; the creator sees the sales on the earnings page with
// its chart; the admin console lists the payments. Wallet and earnings also at 375 px.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
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

const SHOTS = join(repoRoot, "test-results", "money");
const T = 60_000;

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
  displayName: "Sam",
  password: "fan password 123",
};
const PRICE = 1000; // $10.00 a month, and a 3-month bundle at 10 % off ($27.00)
const PPV = 500;
const TIP = 500;
const FEE_PERCENT = 20;
const ppvText = "Golden hour set, the full story";
const subsText = "Subscribers only: the Friday shoot schedule";
const tipMessage = "Loved the golden hour set!";

let app: AppProcess;
let browser: Browser;

const api = (method: string, path: string, body?: unknown, token?: string) =>
  apiCall(app.baseUrl, method, path, body, token);

const shot = (page: Page, name: string, fullPage = false) =>
  screenshot(page, join(SHOTS, `${name}.png`), fullPage);

/** Content-Security-Policy violations and uncaught errors seen by any page. */
const pageProblems: string[] = [];

async function newContext(width = 1280, height = 900) {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: "en-US",
    colorScheme: "light",
  });
  context.setDefaultTimeout(10_000);
  watchPageProblems(context, pageProblems);
  return context;
}

/** The creator's share of a sale, as the server splits it (fee rounded half up to the cent). */
function share(cents: number): number {
  return cents - Math.floor((cents * FEE_PERCENT * 100 + 5000) / 10000);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ensureWebBuilt();
  app = await startApp();
  browser = await launchBrowser();

  // Setup and the creator's page through the API.
  await api("POST", "/setup", { token: app.setupToken(), siteName: "Studio Nova", admin });
  const signup = await api("POST", "/auth/signup", { ...creator, ageConfirmed: true });
  const token = signup.token as string;
  await api(
    "PUT",
    "/creators/me",
    {
      bio: "Photographer and storyteller.",
      priceCents: PRICE,
      bundles: [{ months: 3, discountPercent: 10 }],
      trialDays: 0,
    },
    token,
  );
  await api("POST", "/posts", { text: subsText, visibility: "subscribers" }, token);
  await api("POST", "/posts", { text: ppvText, visibility: "ppv", priceCents: PPV }, token);
}, T);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
}, T);

describe("money journey in the browser", () => {
  let fanCtx: BrowserContext;

  it(
    "a fan tops up $25 through the sandbox checkout, a declined card first",
    async () => {
      fanCtx = await newContext();
      const page = await fanCtx.newPage();
      await page.goto(`${app.baseUrl}/signup`);
      await page.getByLabel("Email", { exact: true }).fill(fan.email);
      await page.getByLabel("Username", { exact: true }).fill(fan.username);
      await page.getByLabel("Display name", { exact: true }).fill(fan.displayName);
      await page.getByLabel("Password", { exact: true }).fill(fan.password);
      await page.getByLabel("I am 18 or older").check();
      await page.getByRole("button", { name: "Create account" }).click();
      await page.waitForURL(`${app.baseUrl}/`);

      await page.getByRole("link", { name: "Wallet", exact: true }).click();
      await page.waitForURL(`${app.baseUrl}/wallet`);
      const balance = page.getByTestId("wallet-balance");
      await expect.poll(() => balance.textContent()).toBe("$0.00");
      await page.getByText("No transactions yet").waitFor();
      await page.getByRole("radio", { name: "$25.00" }).check();
      await shot(page, "01-wallet-empty-desktop");

      await page.getByRole("button", { name: "Top up $25.00" }).click();
      const confirm = page.getByRole("dialog", { name: "Top up your wallet" });
      await confirm.waitFor();
      await shot(page, "02-topup-confirm-desktop");
      await confirm.getByRole("button", { name: "Continue to pay $25.00" }).click();

      await page.waitForURL(/\/sandbox\/checkout\/[a-z2-7]+$/);
      await page.getByText("Sandbox — no real money").waitFor();
      await expect.poll(() => page.getByTestId("checkout-amount").textContent()).toBe("$25.00");
      await page.getByText("Wallet top-up").first().waitFor();
      await shot(page, "03-sandbox-checkout-desktop");

      await page.getByLabel("Card number").fill("4000 0000 0000 0002");
      await page.getByRole("button", { name: "Pay $25.00" }).click();
      const declined = page.locator(".form-error");
      await declined.waitFor();
      expect(await declined.textContent()).toMatch(/declined/i);
      await shot(page, "04-sandbox-declined-desktop");

      await page.getByLabel("Card number").fill("4242424242424242");
      expect(await page.getByLabel("Card number").inputValue()).toBe("4242 4242 4242 4242");
      await page.getByRole("button", { name: "Pay $25.00" }).click();
      await page.getByRole("heading", { name: "Payment successful" }).waitFor();
      await shot(page, "05-sandbox-paid-desktop");

      // Back where the fan came from, with the money in the wallet.
      await page.waitForURL(`${app.baseUrl}/wallet`);
      await expect.poll(() => balance.textContent()).toBe("$25.00");
      await page.getByText("Wallet top-up").first().waitFor();
      expect(await page.locator(".txn-amount").first().textContent()).toBe("+$25.00");
    },
    T,
  );

  it(
    "subscribes from the wallet, unlocks the PPV post in place and tips with a message",
    async () => {
      const page = fanCtx.pages()[0]!;
      await page.goto(`${app.baseUrl}/${creator.username}`);
      await page.getByText(ppvText).waitFor();
      await page.evaluate("window.__sameDocument = true");

      // Subscribe: the 3-month bundle is more than the wallet holds, one month is not.
      await page.getByRole("button", { name: "Subscribe · $10.00 / month" }).click();
      const sub = page.getByRole("dialog", { name: `Subscribe to ${creator.displayName}` });
      await sub.waitFor();
      await sub.getByText("Balance $25.00").waitFor();
      await sub.getByRole("radio", { name: /3 months/ }).check();
      expect(await sub.getByRole("radio", { name: /Wallet/ }).isDisabled()).toBe(true);
      expect(await sub.getByRole("radio", { name: /Card/ }).isChecked()).toBe(true);
      await sub.getByText("Your wallet balance is too low for this.").waitFor();
      await shot(page, "06-subscribe-bundle-wallet-too-low-desktop");
      await sub.getByRole("radio", { name: /1 month/ }).check();
      expect(await sub.getByRole("radio", { name: /Wallet/ }).isChecked()).toBe(true);
      await sub.getByText("Your wallet balance ($25.00 now)").waitFor();
      await shot(page, "07-subscribe-confirm-desktop");
      await sub.getByRole("button", { name: "Pay $10.00", exact: true }).click();
      await sub.waitFor({ state: "hidden" });
      await page.getByText("You're subscribed. All subscriber posts are open to you.").waitFor();
      const subsPost = page.locator("article.post", { hasText: subsText });
      await subsPost.waitFor();
      await expect.poll(() => subsPost.locator(".locked").count()).toBe(0);

      // Unlock the pay-per-view post: it opens in place.
      const ppvPost = page.locator("article.post", { hasText: ppvText });
      await ppvPost.getByRole("button", { name: "Unlock for $5.00" }).click();
      const unlock = page.getByRole("dialog", { name: "Unlock this post" });
      await unlock.waitFor();
      await unlock.getByText("Balance $15.00").waitFor();
      await shot(page, "08-unlock-confirm-desktop");
      await unlock.getByRole("button", { name: "Pay $5.00", exact: true }).click();
      await unlock.waitFor({ state: "hidden" });
      await expect.poll(() => ppvPost.locator(".locked").count()).toBe(0);
      await ppvPost.getByText(ppvText).waitFor();
      expect(await page.evaluate("window.__sameDocument === true")).toBe(true);
      await ppvPost.getByText("Unlocked").waitFor();
      await dismissToasts(page);
      await shot(page, "09-creator-page-unlocked-desktop", true);

      // Tip $5 with a message, reviewed before it is sent.
      await page.getByRole("button", { name: "Tip", exact: true }).click();
      const tip = page.getByRole("dialog", { name: `Tip ${creator.displayName}` });
      await tip.waitFor();
      expect(await tip.getByRole("radio", { name: "$5.00" }).isChecked()).toBe(true);
      await tip.getByLabel("Message (optional)").fill(tipMessage);
      await shot(page, "10-tip-dialog-desktop");
      await tip.getByRole("button", { name: "Review tip" }).click();
      const review = page.getByRole("dialog", { name: "Confirm your tip" });
      await review.getByText(`“${tipMessage}”`).waitFor();
      await shot(page, "11-tip-confirm-desktop");
      await review.getByRole("button", { name: "Send $5.00 tip" }).click();
      await review.waitFor({ state: "hidden" });
      await page.getByText(`Tip sent to ${creator.displayName}`).waitFor();
      expect(await page.evaluate("window.__sameDocument === true")).toBe(true);

      // The wallet shows what happened, also on a phone.
      await page.getByRole("link", { name: "Wallet", exact: true }).click();
      await expect.poll(() => page.getByTestId("wallet-balance").textContent()).toBe("$5.00");
      await page.getByText(`“${tipMessage}”`).waitFor();
      const amounts = await page.locator(".txn-amount").allTextContents();
      expect(amounts).toEqual(["\u2212$5.00", "\u2212$5.00", "\u2212$10.00", "+$25.00"]);
      await dismissToasts(page);
      await shot(page, "12-wallet-history-desktop", true);

      await page.setViewportSize({ width: 375, height: 812 });
      await page.reload();
      await expect.poll(() => page.getByTestId("wallet-balance").textContent()).toBe("$5.00");
      await page.locator(".txn").nth(3).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "13-wallet-375", true);
      await page.emulateMedia({ colorScheme: "dark" });
      await shot(page, "14-wallet-375-dark", true);

      await page.goto(`${app.baseUrl}/subscriptions`);
      await page.getByText(/Renews on/).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "15-subscriptions-375-dark");

      // A tip by card on a phone: the checkout page, then back to the creator page without paying.
      await page.emulateMedia({ colorScheme: "light" });
      await page.goto(`${app.baseUrl}/${creator.username}`);
      await page.getByRole("button", { name: "Tip", exact: true }).click();
      const cardTip = page.getByRole("dialog", { name: `Tip ${creator.displayName}` });
      await cardTip.getByRole("radio", { name: "$10.00" }).check();
      await cardTip.getByText("not enough").waitFor();
      await cardTip.getByRole("radio", { name: /Card/ }).check();
      await shot(page, "16-tip-dialog-375");
      await cardTip.getByRole("button", { name: "Review tip" }).click();
      await page
        .getByRole("dialog", { name: "Confirm your tip" })
        .getByRole("button", { name: "Send $10.00 tip by card" })
        .click();
      await page.waitForURL(/\/sandbox\/checkout\//);
      await page.getByText(`Tip for ${creator.displayName} (@${creator.username})`).waitFor();
      await expect.poll(() => page.getByTestId("checkout-amount").textContent()).toBe("$10.00");
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "17-sandbox-checkout-375", true);
      await page.getByRole("link", { name: "← Back to Studio Nova" }).click();
      await page.waitForURL(`${app.baseUrl}/${creator.username}`);
      await fanCtx.close();
    },
    T,
  );

  it(
    "the creator sees the sales on the earnings page, with the chart, also on a phone",
    async () => {
      const ctx = await newContext();
      const page = await ctx.newPage();
      await logIn(page, app.baseUrl, creator);

      // Three notifications (subscriber, sale, tip) wait behind the badge.
      const bell = page.getByRole("link", { name: "Notifications, 3 unread" }).first();
      await bell.waitFor();

      await page.getByRole("link", { name: "Earnings", exact: true }).click();
      await page.waitForURL(`${app.baseUrl}/earnings`);
      const expected = share(PRICE) + share(PPV) + share(TIP);
      const money = (c: number) => `$${(c / 100).toFixed(2)}`;
      await expect.poll(() => page.getByTestId("earnings-pending").textContent()).toBe(money(expected));
      expect(await page.getByTestId("earnings-lifetime").textContent()).toBe(money(expected));
      expect(await page.getByTestId("earnings-available").textContent()).toBe("$0.00");
      const canvas = page.locator(".chart-canvas canvas").first();
      await canvas.waitFor();
      const box = await canvas.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(300);
      expect(box?.height ?? 0).toBeGreaterThan(150);
      await page
        .getByText(money(share(PRICE)))
        .first()
        .waitFor(); // subscriptions in the by-type list
      await shot(page, "18-earnings-desktop", true);

      await page.setViewportSize({ width: 375, height: 812 });
      await page.reload();
      await page.locator(".chart-canvas canvas").first().waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "19-earnings-375", true);
      await page.emulateMedia({ colorScheme: "dark" });
      await page.waitForTimeout(200);
      await shot(page, "20-earnings-375-dark", true);

      await page.getByRole("link", { name: "Notifications, 3 unread" }).click();
      await page.getByText(`${fan.displayName} sent you a tip of 5.00 USD.`).waitFor();
      await page.getByText(`“${tipMessage}”`).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "21-notifications-375-dark");
      await page.getByRole("link", { name: "Notifications", exact: true }).waitFor();
      await ctx.close();
    },
    T,
  );

  it(
    "the admin sees the payments, the payouts queue and the settings",
    async () => {
      const ctx = await newContext();
      const page = await ctx.newPage();
      await logIn(page, app.baseUrl, admin);
      await page.getByRole("link", { name: "Admin", exact: true }).click();
      await page.waitForURL(`${app.baseUrl}/admin/payouts`);
      await page.getByText("No payout requests waiting").waitFor();
      await page.getByRole("link", { name: "Transactions" }).click();
      await page.getByText(tipMessage).first().waitFor();
      expect(await page.getByRole("button", { name: "Refund" }).count()).toBe(4);
      await shot(page, "22-admin-transactions-desktop", true);

      await page.getByRole("link", { name: "Settings" }).click();
      const fee = page.getByLabel("Platform fee", { exact: true });
      await expect.poll(() => fee.inputValue()).toBe(String(FEE_PERCENT));
      await shot(page, "23-admin-settings-desktop");
      await ctx.close();
    },
    T,
  );

  it("no page broke the Content-Security-Policy or threw", () => {
    expect(pageProblems).toEqual([]);
  });
});
