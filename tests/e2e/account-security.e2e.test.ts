// Account security in a real browser against the real appliance (public_url http://localhost:<port>, so
// WebAuthn has a real RP ID): two-step sign-in set up from Settings › Security (QR code, secret, confirm,
// recovery codes shown once) and then asked for at log-in; a passkey registered from settings with
// Chromium's virtual authenticator (CDP WebAuthn, ctap2, resident key, user verification), then a sign-in
// with it after logging out; the sessions list; forgot password -> the mailed link -> the reset page; the
// verification link's page and the banner asking a creator to confirm. Screenshots at desktop and 375 px,
// light and dark.
import { waitForMailedToken } from "../helpers/mail.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { generateHOTP } from "@oslojs/otp";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
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
import { freePort, repoRoot, startApp, type AppProcess } from "../helpers/app-process.ts";

const SHOTS = join(repoRoot, "test-results", "account-security");
const T = 120_000;

const admin = { email: "owner@example.test", username: "owner", password: "owner password 1" };
const nora = { email: "nora@example.test", username: "nora", password: "nora password 1" };
const omar = { email: "omar@example.test", username: "omar", password: "omar password 1" };
const pia = { email: "pia@example.test", username: "pia", password: "pia password 1" };

let app: AppProcess;
let base = "";
let browser: Browser;
const problems: string[] = [];

async function api(method: string, path: string, body?: unknown, token?: string): Promise<any> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}
const shot = (page: Page, name: string, fullPage = false) =>
  screenshot(page, join(SHOTS, `${name}.png`), fullPage);

async function newPage(width = 1280, height = 900, colorScheme: "light" | "dark" = "light") {
  const ctx = await browser.newContext({ viewport: { width, height }, locale: "en-US", colorScheme });
  ctx.setDefaultTimeout(15_000);
  watchPageProblems(ctx, problems);
  return { ctx, page: await ctx.newPage() };
}

/** The code of the authenticator app for `secret`, `ahead` steps from now. */
const totp = (secret: string, ahead = 0) =>
  generateHOTP(decodeBase32IgnorePadding(secret), BigInt(Math.floor(Date.now() / 30_000) + ahead), 6);

async function openMenuAndLogOut(page: Page, username: string) {
  await page
    .getByRole("button", { name: `@${username}, account menu` })
    .first()
    .click();
  await page.getByRole("menuitem", { name: "Log out", exact: true }).click();
  await page.waitForURL(/\/(login)?$/);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ensureWebBuilt();
  const port = await freePort();
  base = `http://localhost:${port}`;
  app = await startApp({ port, env: { FANZ_SERVER__PUBLIC_URL: base } });
  browser = await launchBrowser();
  await api("POST", "/setup", { token: app.setupToken(), siteName: "Studio Nord", admin });
  const n = await api("POST", "/auth/signup", { ...nora, displayName: "Nora", ageConfirmed: true });
  await api("PUT", "/creators/me", { priceCents: 900, displayName: "Nora North" }, n.token);
  await api("POST", "/auth/signup", { ...omar, displayName: "Omar", ageConfirmed: true });
  await api("POST", "/auth/signup", { ...pia, displayName: "Pia", ageConfirmed: true });
}, T);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
}, T);

describe("account security in the browser", () => {
  it(
    "two-step sign-in: set up from settings with the QR code, then asked for at log-in",
    async () => {
      const { ctx, page } = await newPage();
      await logIn(page, base, omar);
      await page.getByRole("button", { name: "@omar, account menu" }).first().click();
      await page.getByRole("menuitem", { name: "Security" }).click();
      await page.waitForURL(`${base}/settings/security`);
      await page.getByRole("heading", { name: "Two-step sign-in" }).waitFor();
      await page.getByText("Not confirmed").waitFor();
      await shot(page, "01-security-desktop", true);

      await page.getByRole("button", { name: "Set up two-step sign-in" }).click();
      await page.getByRole("img", { name: "QR code for your authenticator app" }).locator("svg").waitFor();
      const secret = (await page.getByLabel("Secret key").innerText()).replace(/\s+/g, "");
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      await shot(page, "02-2fa-setup");
      await page.getByLabel("Enter the 6-digit code the app shows").fill(totp(secret));
      await page.getByRole("button", { name: "Turn on" }).click();
      const codes = page.getByRole("list", { name: "Recovery codes" }).locator("li");
      await codes.first().waitFor();
      expect(await codes.count()).toBe(10);
      await dismissToasts(page);
      await shot(page, "03-recovery-codes");
      await page.getByRole("button", { name: "I saved them" }).click();
      await page.getByText(/10 of 10 recovery codes left/).waitFor();

      await openMenuAndLogOut(page, "omar");
      await page.goto(`${base}/login`);
      await page.getByLabel("Email", { exact: true }).fill(omar.email);
      await page.getByLabel("Password", { exact: true }).fill(omar.password);
      await page.getByRole("button", { name: "Log in" }).click();
      await page.getByRole("heading", { name: "Two-step sign-in" }).waitFor();
      // No session yet: the password alone did not sign in.
      expect((await ctx.cookies()).some((c) => c.name === "fanz_session")).toBe(false);
      await shot(page, "04-login-second-step");
      await page.getByLabel("Code", { exact: true }).fill("000000");
      await page.getByRole("button", { name: "Verify" }).click();
      await page.getByText(/That code is not right/).waitFor();
      // The next step's code (the code used to turn it on may not be used again).
      await page.getByLabel("Code", { exact: true }).fill(totp(secret, 1));
      await page.getByRole("button", { name: "Verify" }).click();
      await page.getByRole("button", { name: "@omar, account menu" }).first().waitFor();

      // The recovery-code way, at 375 px.
      await openMenuAndLogOut(page, "omar");
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(`${base}/login`);
      await page.getByLabel("Email", { exact: true }).fill(omar.email);
      await page.getByLabel("Password", { exact: true }).fill(omar.password);
      await page.getByRole("button", { name: "Log in" }).click();
      await page.getByRole("button", { name: "Lost your phone? Use a recovery code" }).click();
      await shot(page, "05-login-recovery-375");
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await ctx.close();
    },
    T,
  );

  it(
    "a passkey made in settings (virtual authenticator) signs in after logging out",
    async () => {
      const { ctx, page } = await newPage();
      const cdp = await ctx.newCDPSession(page);
      await cdp.send("WebAuthn.enable");
      const { authenticatorId } = (await cdp.send("WebAuthn.addVirtualAuthenticator", {
        options: {
          protocol: "ctap2",
          transport: "internal",
          hasResidentKey: true,
          hasUserVerification: true,
          isUserVerified: true,
          automaticPresenceSimulation: true,
        },
      })) as { authenticatorId: string };

      await logIn(page, base, pia);
      await page.goto(`${base}/settings/security`);
      await page.getByRole("button", { name: "Add a passkey" }).click();
      await page.getByLabel("Name it, so you know which device it is").fill("Work laptop");
      await page.getByRole("button", { name: "Create passkey" }).click();
      await page.getByRole("list", { name: "Your passkeys" }).getByText("Work laptop").waitFor();
      const creds = (await cdp.send("WebAuthn.getCredentials", { authenticatorId })) as {
        credentials: { isResidentCredential: boolean; signCount: number }[];
      };
      expect(creds.credentials).toHaveLength(1);
      expect(creds.credentials[0]!.isResidentCredential).toBe(true);
      await dismissToasts(page);
      await shot(page, "06-passkey-added");

      await openMenuAndLogOut(page, "pia");
      await page.goto(`${base}/login`);
      await shot(page, "07-login-desktop");
      await page.getByRole("button", { name: "Sign in with a passkey" }).click();
      await page.getByRole("button", { name: "@pia, account menu" }).first().waitFor();
      const after = (await cdp.send("WebAuthn.getCredentials", { authenticatorId })) as {
        credentials: { signCount: number }[];
      };
      expect(after.credentials[0]!.signCount).toBeGreaterThan(creds.credentials[0]!.signCount);

      // The sessions: this one marked, and the sign-up's; the password session (logged out) is gone.
      await page.goto(`${base}/settings/security`);
      const sessions = page.getByRole("list", { name: "Your sessions" });
      await sessions.getByText("This device").waitFor();
      expect(await sessions.locator("li").count()).toBe(2);
      expect(await sessions.getByRole("button", { name: /^Sign out / }).count()).toBe(1);
      await expect
        .poll(async () =>
          (await page.getByRole("list", { name: "Your passkeys" }).innerText()).includes("last used"),
        )
        .toBe(true);
      await shot(page, "08-security-passkey-sessions", true);
      await page.emulateMedia({ colorScheme: "dark" });
      await shot(page, "09-security-dark", true);
      await page.setViewportSize({ width: 375, height: 812 });
      await page.reload();
      await page.getByRole("heading", { name: "Passkeys" }).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, "10-security-375-dark", true);
      await ctx.close();
    },
    T,
  );

  it(
    "forgot password: the mailed link opens the reset page; the new password logs in",
    async () => {
      const { ctx, page } = await newPage(375, 812);
      await page.goto(`${base}/login`);
      await page.getByRole("link", { name: "Forgot password?" }).click();
      await page.waitForURL(`${base}/forgot-password`);
      await page.getByLabel("Email", { exact: true }).fill(nora.email);
      await shot(page, "11-forgot-375");
      await page.getByRole("button", { name: "Send the link" }).click();
      await page.getByRole("heading", { name: "Check your inbox" }).waitFor();
      await shot(page, "12-forgot-sent-375");

      const token = await waitForMailedToken(app.dataDir, nora.email, "/reset-password");
      await page.goto(`${base}/reset-password?token=${token}`);
      await page.getByLabel("New password", { exact: true }).fill("nora new password 2");
      await page.getByLabel("New password again").fill("nora new password 2");
      await shot(page, "13-reset-375");
      await page.getByRole("button", { name: "Save the new password" }).click();
      await page.getByRole("heading", { name: "Your password is changed" }).waitFor();
      await shot(page, "14-reset-done-375");
      // The link works once.
      await page.goto(`${base}/reset-password?token=${token}`);
      await page.getByLabel("New password", { exact: true }).fill("nora third password 3");
      await page.getByLabel("New password again").fill("nora third password 3");
      await page.getByRole("button", { name: "Save the new password" }).click();
      await page.getByText("This link has expired or was used already.").first().waitFor();

      await logIn(page, base, { ...nora, password: "nora new password 2" });
      await ctx.close();
    },
    T,
  );

  it(
    "a creator is asked to confirm the address; the mailed link confirms it and the banner goes",
    async () => {
      const { ctx, page } = await newPage();
      await logIn(page, base, { ...nora, password: "nora new password 2" });
      // A reset link proves the address too: Nora is confirmed; ask again for another creator.
      const q = await api("POST", "/auth/signup", {
        email: "quinn@example.test",
        username: "quinn",
        password: "quinn password 1",
        ageConfirmed: true,
      });
      await api("PUT", "/creators/me", { priceCents: 500, displayName: "Quinn" }, q.token);
      await ctx.clearCookies();
      await logIn(page, base, {
        email: "quinn@example.test",
        username: "quinn",
        password: "quinn password 1",
      });
      await page.getByText("Confirm your e-mail address to receive payouts.").waitFor();
      await shot(page, "15-verify-banner");
      await page.setViewportSize({ width: 375, height: 812 });
      await shot(page, "16-verify-banner-375");
      const token = await waitForMailedToken(app.dataDir, "quinn@example.test", "/verify-email");
      await page.goto(`${base}/verify-email?token=${token}`);
      await page.getByRole("heading", { name: "Your address is confirmed" }).waitFor();
      await shot(page, "17-verified-375");
      await page.getByRole("link", { name: "Go to the site" }).click();
      await page.getByRole("button", { name: "@quinn, account menu" }).first().waitFor();
      expect(await page.getByText("Confirm your e-mail address to receive payouts.").count()).toBe(0);
      await ctx.close();
      expect(problems).toEqual([]);
    },
    T,
  );
});
