// The web UI in the reader's language: a browser set to Spanish gets the feed, the subscribe dialog
// and the wallet in Spanish (words, amounts and dates in Spanish format); the language switcher in the
// footer and in the profile menu changes the UI, sets <html lang> and survives a reload; German, the
// language with the longest words, still fits a phone screen.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  ensureWebBuilt,
  launchBrowser,
  screenshot,
  scrollWidth,
  watchPageProblems,
} from "../helpers/browser.ts";
import { repoRoot, startApp, type AppProcess, apiCall } from "../helpers/app-process.ts";

const SHOTS = join(repoRoot, "test-results", "i18n");
const T = 60_000;

const admin = { email: "owner@example.test", username: "owner", password: "owner password 1" };
const creator = {
  email: "lucia@example.test",
  username: "lucia",
  displayName: "Lucía Vega",
  password: "correct horse battery",
};
const fan = {
  email: "ana@example.test",
  username: "ana_fan",
  displayName: "Ana",
  password: "fan password 123",
};
const postText = "Sesión de fotos del viernes";

let app: AppProcess;
let browser: Browser;
const pageProblems: string[] = [];

const api = (method: string, path: string, body?: unknown, token?: string) =>
  apiCall(app.baseUrl, method, path, body, token);

/** Intl puts no-break spaces between number and currency; compare with plain ones. */
const plain = (s: string | null) => (s ?? "").replace(/\s/g, " ");

const shot = (page: Page, name: string, fullPage = false) =>
  screenshot(page, join(SHOTS, `${name}.png`), fullPage);

async function newContext(locale: string, width = 1280, height = 900): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height }, locale, colorScheme: "light" });
  context.setDefaultTimeout(10_000);
  watchPageProblems(context, pageProblems);
  return context;
}

/** The login page is reached directly; its fields are found by their ids (their words are translated). */
async function logIn(page: Page): Promise<void> {
  await page.goto(`${app.baseUrl}/login`);
  await page.locator('input[type="email"]').fill(fan.email);
  await page.locator('input[type="password"]').fill(fan.password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL(`${app.baseUrl}/`);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ensureWebBuilt();
  app = await startApp();
  browser = await launchBrowser();
  await api("POST", "/setup", { token: app.setupToken(), siteName: "Estudio", admin });
  const c = await api("POST", "/auth/signup", { ...creator, ageConfirmed: true });
  await api(
    "PUT",
    "/creators/me",
    { bio: "Fotógrafa.", priceCents: 1000, bundles: [{ months: 3, discountPercent: 10 }], trialDays: 0 },
    c.token,
  );
  await api("POST", "/posts", { text: postText, visibility: "subscribers" }, c.token);
  // The fan's wallet holds $25.00, topped up through the sandbox checkout.
  const f = await api("POST", "/auth/signup", { ...fan, ageConfirmed: true });
  const topup = await api("POST", "/wallet/topups", { amountCents: 2500 }, f.token);
  await api("POST", `/sandbox/checkout/${topup.checkoutId}/pay`, { cardNumber: "4242424242424242" }, f.token);
}, T);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
}, T);

describe("the web UI in five languages", () => {
  let ctx: BrowserContext;
  let page: Page;

  it(
    "a Spanish browser subscribes in Spanish and reads the feed in Spanish",
    async () => {
      ctx = await newContext("es-ES");
      page = await ctx.newPage();
      await logIn(page);
      expect(await page.evaluate("document.documentElement.lang")).toBe("es");
      await page.getByRole("heading", { name: "Inicio", level: 1 }).waitFor();
      await page.getByRole("button", { name: "@ana_fan, menú de la cuenta" }).first().waitFor();

      await page.goto(`${app.baseUrl}/${creator.username}`);
      // The creator page's own words are not this test's subject: its subscribe button shows the price.
      await page
        .getByRole("button", { name: /10,00\sUS\$/ })
        .first()
        .click();
      const dialog = page.getByRole("dialog", { name: `Suscribirse a ${creator.displayName}` });
      await dialog.waitFor();
      for (const words of ["Duración", "Pagar con", "Monedero", "Pagas", "Renovación", "Recibes"]) {
        await dialog.getByText(words, { exact: true }).first().waitFor();
      }
      await dialog.getByText("Saldo 25,00 US$").waitFor();
      await dialog.getByText("1 mes", { exact: true }).waitFor();
      await dialog.getByText("3 meses", { exact: true }).waitFor();
      await dialog.getByText(/cada mes hasta que canceles, del saldo de tu monedero/).waitFor();
      await shot(page, "01-es-subscribe-dialog");
      await dialog.getByRole("button", { name: "Pagar 10,00 US$" }).click();
      await dialog.waitFor({ state: "detached" });

      await page.goto(`${app.baseUrl}/`);
      const post = page.locator("article.post").filter({ hasText: postText });
      await post.waitFor();
      await post.getByRole("button", { name: "0 me gusta. Me gusta" }).waitFor();
      await post.getByRole("button", { name: `Dar propina a ${creator.displayName}` }).waitFor();
      // A post made moments ago reads "ahora" / "hace 1 min" (Intl.RelativeTimeFormat in Spanish).
      expect(await post.locator(".post-time").first().textContent()).toMatch(/^(ahora|hace \d+ min\.?)$/);
      await shot(page, "02-es-feed");
    },
    T,
  );

  it(
    "the wallet shows Spanish words, amounts and dates",
    async () => {
      await page.getByRole("link", { name: "Monedero", exact: true }).first().click();
      await page.waitForURL(`${app.baseUrl}/wallet`);
      await page.getByRole("heading", { name: "Monedero", level: 1 }).waitFor();
      await expect
        .poll(async () => plain(await page.getByTestId("wallet-balance").textContent()))
        .toBe("15,00 US$");
      for (const words of ["Saldo", "Añadir dinero", "Historial"]) {
        await page.getByRole("heading", { name: words }).waitFor();
      }
      const rows = page.locator(".txn-list .txn");
      await expect.poll(() => rows.count()).toBe(2);
      const text = plain(await page.locator(".txn-list").textContent());
      expect(text).toContain("−10,00 US$");
      expect(text).toContain("+25,00 US$");
      expect(text).toContain("Del monedero");
      expect(text).toContain("Recarga del monedero");
      expect(text).toContain("Suscripción");
      expect(text).toContain("Con tarjeta");
      // The exact moment in Spanish in the title of the relative time.
      const title = await rows.first().locator("time").getAttribute("title");
      const months = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"];
      expect(months.some((m) => title?.includes(` ${m} `))).toBe(true);
      await shot(page, "03-es-wallet", true);
    },
    T,
  );

  it(
    "switching language in the footer and in the menu changes the UI and survives a reload",
    async () => {
      await page.getByRole("combobox", { name: "Idioma" }).selectOption("fr");
      await page.getByRole("heading", { name: "Portefeuille", level: 1 }).waitFor();
      expect(await page.evaluate("document.documentElement.lang")).toBe("fr");
      await page.reload();
      await page.getByRole("heading", { name: "Portefeuille", level: 1 }).waitFor();
      await expect
        .poll(async () => plain(await page.getByTestId("wallet-balance").textContent()))
        .toBe("15,00 $US");

      await page.getByRole("button", { name: "@ana_fan, menu du compte" }).first().click();
      await page.getByRole("menuitem", { name: "Langue · Français" }).click();
      await shot(page, "04-fr-menu-languages");
      await page.getByRole("menuitemradio", { name: "Deutsch" }).click();
      await page.getByRole("heading", { name: "Guthaben" }).waitFor();
      expect(await page.evaluate("document.documentElement.lang")).toBe("de");
      await page.reload();
      await page.getByRole("heading", { name: "Verlauf" }).waitFor();
      await page.getByRole("heading", { name: "Geld aufladen" }).waitFor();
      expect(await page.evaluate("localStorage.getItem('fanz.locale')")).toBe("de");
    },
    T,
  );

  it(
    "German fits a phone screen (feed, wallet)",
    async () => {
      const phone = await newContext("de-DE", 375, 800);
      const p = await phone.newPage();
      await logIn(p);
      await p.getByRole("heading", { name: "Start", level: 1 }).waitFor();
      expect(await scrollWidth(p)).toBeLessThanOrEqual(375);
      await shot(p, "05-de-feed-375", true);
      await p.goto(`${app.baseUrl}/wallet`);
      await p.getByRole("heading", { name: "Geld aufladen" }).waitFor();
      expect(await scrollWidth(p)).toBeLessThanOrEqual(375);
      await shot(p, "06-de-wallet-375", true);
      await phone.close();
      expect(pageProblems).toEqual([]);
    },
    T,
  );
});
