// Sign-in with a provider in a real browser against the real appliance and a real OpenID provider
// (node-oidc-provider on 127.0.0.1, signing in whoever the test names without a form): "Continue with
// Test ID" on the log-in page, the provider, back to the page that asks for the age confirmation, the
// account made, the linked account in Settings › Security, a second sign-in straight through, then with
// two-step sign-in on the code asked after the provider, and the admin's providers. Screenshots at
// desktop and 375 px.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { generateHOTP } from "@oslojs/otp";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
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
import { startOidcProvider, TEST_CLIENT, type TestOidcProvider } from "../helpers/oidc-provider.ts";

const SHOTS = join(repoRoot, "test-results", "oidc");
const T = 120_000;
const admin = { email: "owner@example.test", username: "owner", password: "owner password 1" };

let app: AppProcess;
let op: TestOidcProvider;
let base = "";
let browser: Browser;
const problems: string[] = [];

/** The code of the authenticator app for `secret`, `ahead` steps from now. */
const totp = (secret: string, ahead = 0) =>
  generateHOTP(decodeBase32IgnorePadding(secret), BigInt(Math.floor(Date.now() / 30_000) + ahead), 6);

const shot = (page: Page, name: string, fullPage = false) =>
  screenshot(page, join(SHOTS, `${name}.png`), fullPage);

async function newPage(width = 1280, height = 900) {
  const ctx = await browser.newContext({ viewport: { width, height }, locale: "en-US" });
  ctx.setDefaultTimeout(15_000);
  watchPageProblems(ctx, problems);
  return { ctx, page: await ctx.newPage() };
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ensureWebBuilt();
  op = await startOidcProvider();
  const port = await freePort();
  base = `http://localhost:${port}`;
  op.connect([`${base}/api/v1/auth/sso/test/callback`]);
  const provider = {
    id: "test",
    name: "Test ID",
    issuer: op.issuer,
    client_id: TEST_CLIENT.id,
    client_secret: TEST_CLIENT.secret,
  };
  app = await startApp({
    port,
    env: { FANZ_SERVER__PUBLIC_URL: base, FANZ_AUTH__OIDC: JSON.stringify({ providers: [provider] }) },
  });
  browser = await launchBrowser();
  await apiCall(base, "POST", "/setup", { token: app.setupToken(), siteName: "Studio Nord", admin });
}, T);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await op?.close();
}, T);

describe("sign-in with a provider in the browser", () => {
  it(
    "Continue with Test ID: the age confirmation, the account, linked accounts, and back in at once",
    async () => {
      op.signInAs({
        sub: "rosa-1",
        email: "rosa@example.test",
        email_verified: true,
        name: "Rosa Ruiz",
        preferred_username: "rosa",
      });
      const { ctx, page } = await newPage();
      await page.goto(`${base}/signup`);
      await page.getByRole("button", { name: "Continue with Test ID" }).waitFor();
      await shot(page, "00-signup-desktop", true);
      await page.goto(`${base}/login`);
      const button = page.getByRole("button", { name: "Continue with Test ID" });
      await button.waitFor();
      await shot(page, "01-login-desktop");
      await button.click();

      // Through the provider and back: nothing is made before the age is confirmed.
      await page.waitForURL(`${base}/signup/continue**`);
      await page.getByRole("heading", { name: "Finish signing up" }).waitFor();
      expect(await page.getByLabel("Email", { exact: true }).inputValue()).toBe("rosa@example.test");
      expect(await page.getByLabel("Username").inputValue()).toBe("rosa");
      expect((await ctx.cookies()).some((c) => c.name === "fanz_session")).toBe(false);
      await shot(page, "02-finish-signup");
      await page.getByRole("button", { name: "Create account" }).click();
      await page.getByText("You must be 18 or older to use this site.").first().waitFor();
      await page.getByLabel(/I am 18 or older/).check();
      await page.getByRole("button", { name: "Create account" }).click();
      await page.getByRole("button", { name: "@rosa, account menu" }).first().waitFor();

      await page.goto(`${base}/settings/security`);
      await page.getByRole("heading", { name: "Linked accounts" }).waitFor();
      await page.getByRole("list", { name: "Linked accounts" }).getByText("Test ID").waitFor();
      await page.getByText("Your account has no password yet").waitFor();
      await page.getByRole("heading", { name: "Linked accounts" }).scrollIntoViewIfNeeded();
      await shot(page, "03-security-linked");
      // The only way in cannot be unlinked: the server's reason is shown in the dialog.
      await page.getByRole("button", { name: "Unlink Test ID" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Unlink" }).click();
      await page.getByRole("dialog").getByText("This is your only way to sign in").waitFor();
      await shot(page, "04-unlink-refused");
      await page.getByRole("dialog").getByRole("button", { name: "Keep it" }).click();

      // Logged out, then back in with one click (the provider still knows the browser).
      await page.getByRole("button", { name: "@rosa, account menu" }).first().click();
      await page.getByRole("menuitem", { name: "Log out", exact: true }).click();
      await page.waitForURL(/\/(login)?$/);
      await page.goto(`${base}/login`);
      await page.getByRole("button", { name: "Continue with Test ID" }).click();
      await page.getByRole("button", { name: "@rosa, account menu" }).first().waitFor();
      expect(new URL(page.url()).pathname).toBe("/");

      // With two-step sign-in on, the provider is the first step only: the log-in page asks for the code.
      const token = (await ctx.cookies()).find((c) => c.name === "fanz_session")!.value;
      const setup = await apiCall(base, "POST", "/auth/2fa/setup", undefined, token);
      await apiCall(base, "POST", "/auth/2fa/enable", { code: totp(setup.secret) }, token);
      await page.getByRole("button", { name: "@rosa, account menu" }).first().click();
      await page.getByRole("menuitem", { name: "Log out", exact: true }).click();
      await page.waitForURL(/\/(login)?$/);
      await page.goto(`${base}/login`);
      await page.getByRole("button", { name: "Continue with Test ID" }).click();
      await page.getByRole("heading", { name: "Two-step sign-in" }).waitFor();
      expect((await ctx.cookies()).some((c) => c.name === "fanz_session")).toBe(false);
      await shot(page, "08-provider-then-code");
      await page.getByLabel("Code", { exact: true }).fill(totp(setup.secret, 1));
      await page.getByRole("button", { name: "Verify" }).click();
      await page.getByRole("button", { name: "@rosa, account menu" }).first().waitFor();
      await ctx.close();
    },
    T,
  );

  it(
    "a refusal comes back to the log-in page with its reason; the phone layout fits",
    async () => {
      const owner = await apiCall(base, "POST", "/auth/login", {
        email: admin.email,
        password: admin.password,
      });
      // An account whose address the provider asserts but never verified: nothing is linked.
      op.signInAs({ sub: "owner-x", email: admin.email, email_verified: false });
      const { ctx, page } = await newPage(375, 812);
      await page.goto(`${base}/login`);
      await page.getByRole("button", { name: "Continue with Test ID" }).click();
      await page.waitForURL(`${base}/login`);
      await page.getByText(/An account here uses this address/).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "05-login-refused-phone", true);
      const ids = await apiCall(base, "GET", "/auth/sso/identities", undefined, owner.token);
      expect(ids.items).toEqual([]);
      await ctx.close();
    },
    T,
  );

  it(
    "the admin sees the providers in settings, the config file's read-only",
    async () => {
      const { ctx, page } = await newPage();
      await logIn(page, base, admin);
      await page.goto(`${base}/admin/settings`);
      const list = page.getByTestId("sso-providers");
      await list.getByText("Test ID").waitFor();
      await list.getByText("Config file").waitFor();
      await page.getByRole("heading", { name: "Sign-in providers" }).scrollIntoViewIfNeeded();
      await dismissToasts(page);
      await shot(page, "06-admin-providers");
      await page.getByRole("button", { name: "Add a provider" }).click();
      await page.getByLabel("Id", { exact: true }).fill("second");
      await page.getByLabel("Button name").fill("Second ID");
      await page.getByLabel("Issuer URL").fill(op.issuer);
      await page.getByLabel("Client id").fill(TEST_CLIENT.id);
      await page.getByLabel("Client secret").fill(TEST_CLIENT.secret);
      await shot(page, "07-admin-add-provider");
      await page.getByRole("button", { name: "Save provider" }).click();
      await list.getByText("Second ID").waitFor();
      const listed = await apiCall(base, "GET", "/auth/sso/providers");
      expect(listed.items.map((p: { name: string }) => p.name)).toEqual(["Test ID", "Second ID"]);
      expect(problems).toEqual([]);
      await ctx.close();
    },
    T,
  );
});
