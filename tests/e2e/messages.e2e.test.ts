// Messaging in a real browser against the real appliance: a creator and a subscribed fan, each in their
// own browser context, chat live over /ws. The fan writes from the creator's page; the creator's nav
// badge counts it and the inbox shows it without a reload, and opening the chat clears the badge and
// turns the fan's tick to "Read". The creator sees "typing…" while the fan types; the fan unsends a
// message; the creator sends a pay-per-view photo, the fan sees it locked, unlocks it from the wallet
// through the confirm dialog and it opens in place, and the creator's bubble says read and bought; another
// is paid by card on the sandbox checkout and is open when the fan is back in the chat. Then
// a mass message with its audience size and progress, the creator's message settings, "New message",
// blocking (the notice instead of the composer, Settings › Blocked people), the phone layout in light
// and dark, older history loaded on scrolling up without moving what is on screen, and a dropped
// connection that comes back by itself and replays what it missed.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import type { Browser, Page, WebSocketRoute } from "playwright-core";
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

const SHOTS = join(repoRoot, "test-results", "messages");
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
  displayName: "Sam Okafor",
  password: "fan password 123",
};
const PRICE = 1000;
const hello = "Hi Nova! The golden hour set was stunning.";
const typed = "Any chance of a behind-the-scenes video?";
const oops = "Oops, that was meant for someone else";
const ppvText = "Here's one from today's shoot, just for you.";
const massText = "New set drops Friday. Thank you for being here!";

let app: AppProcess;
let browser: Browser;
let creatorPage: Page;
let fanPage: Page;
let conversationId = "";
let creatorToken = "";
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

async function shot(page: Page, name: string): Promise<void> {
  await dismissToasts(page);
  await screenshot(page, join(SHOTS, `${name}.png`));
}

/** A photo-like picture, so the blurred preview and the opened image look like what a creator sends. */
function picture(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(28,85%,62%)"/><stop offset="1" stop-color="hsl(320,60%,30%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="820" cy="280" r="150" fill="hsl(45,95%,78%)"/>
    <rect x="0" y="650" width="1200" height="250" fill="hsl(250,40%,20%)"/>
    <text x="50%" y="55%" font-family="sans-serif" font-size="120" font-weight="700" text-anchor="middle"
      fill="white">Golden hour</text></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer();
}

/** The "Messages" nav link, whatever its badge says. */
const messagesLink = (page: Page) => page.getByRole("link", { name: /^Messages(, \d+ unread)?$/ }).first();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ensureWebBuilt();
  // Room for the history the scrolling test writes in one go.
  app = await startApp({ env: { FANZ_MESSAGES__PER_MINUTE: "500" } });
  browser = await launchBrowser();
  await api("POST", "/setup", { token: app.setupToken(), siteName: "Studio Nova", admin });
  const c = await api("POST", "/auth/signup", { ...creator, ageConfirmed: true });
  creatorToken = c.token;
  await api("PUT", "/creators/me", { bio: "Photographer and storyteller.", priceCents: PRICE }, c.token);
  const f = await api("POST", "/auth/signup", { ...fan, ageConfirmed: true });
  const topup = await api("POST", "/wallet/topups", { amountCents: 2500 }, f.token);
  await api("POST", `/sandbox/checkout/${topup.checkoutId}/pay`, { cardNumber: "4242 4242 4242 4242" });
  await api("POST", "/subscriptions", { creator: creator.username, payWith: "wallet" }, f.token);
}, T);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
}, T);

describe("messages in the browser", () => {
  it(
    "the fan writes from the creator's page; the creator's badge counts it live and clears when the chat opens",
    async () => {
      creatorPage = await newPage();
      await logIn(creatorPage, app.baseUrl, creator);
      await messagesLink(creatorPage).click();
      await creatorPage.waitForURL(`${app.baseUrl}/messages`);
      await creatorPage.getByText("No messages yet").waitFor();
      await creatorPage.evaluate("window.__sameDocument = true");

      fanPage = await newPage();
      await logIn(fanPage, app.baseUrl, fan);
      await fanPage.goto(`${app.baseUrl}/${creator.username}`);
      await fanPage.getByRole("button", { name: "Message", exact: true }).waitFor();
      await shot(fanPage, "00-creator-page-message-button-desktop");
      await fanPage.getByRole("button", { name: "Message", exact: true }).click();
      await fanPage.waitForURL(/\/messages\/[a-z2-7]{26}$/);
      conversationId = fanPage.url().split("/").pop()!;
      await fanPage.getByText(`The start of your conversation with ${creator.displayName}`).waitFor();
      const input = fanPage.getByRole("textbox", { name: "Message", exact: true });
      await input.fill(hello);
      await input.press("Enter");
      // The optimistic bubble is replaced by the server's message, with its "Sent" tick.
      const own = fanPage.locator(".bubble-row.mine", { hasText: hello });
      await own.getByRole("img", { name: "Sent" }).waitFor();
      expect(await input.inputValue()).toBe("");
      expect(await fanPage.evaluate("document.activeElement?.id")).toBe(`chat-text-${conversationId}`);

      // The creator, on the inbox: the conversation appears and the badge counts, without a reload.
      const row = creatorPage.getByRole("link", { name: new RegExp(fan.displayName) });
      await row.waitFor();
      await row.getByText(hello).waitFor();
      await creatorPage.getByRole("link", { name: "Messages, 1 unread" }).first().waitFor();
      await shot(creatorPage, "01-creator-inbox-unread-desktop");

      await row.click();
      await creatorPage.waitForURL(`${app.baseUrl}/messages/${conversationId}`);
      await creatorPage.locator(".bubble-row:not(.mine)", { hasText: hello }).waitFor();
      await creatorPage.getByRole("link", { name: "Messages", exact: true }).first().waitFor();
      expect(await creatorPage.getByRole("link", { name: /Messages, \d+ unread/ }).count()).toBe(0);
      expect(await creatorPage.evaluate("window.__sameDocument === true")).toBe(true);
      // The fan's tick turns to "Read".
      await own.getByRole("img", { name: "Read" }).waitFor();
    },
    T,
  );

  it(
    "the creator sees the fan typing, then the message arrives live",
    async () => {
      const input = fanPage.getByRole("textbox", { name: "Message", exact: true });
      await input.click();
      // Shift+Enter starts a new line instead of sending.
      await input.press("Shift+Enter");
      expect(await input.inputValue()).toBe("\n");
      await input.fill("");
      await input.pressSequentially(typed, { delay: 60 });
      await creatorPage.getByText(`${fan.displayName} is typing…`).waitFor();
      await shot(creatorPage, "02-creator-sees-typing-desktop");
      await input.press("Enter");
      await creatorPage.locator(".bubble-row:not(.mine)", { hasText: typed }).waitFor();
      await expect.poll(() => creatorPage.getByText(`${fan.displayName} is typing…`).count()).toBe(0);
      // Announced to screen readers through the live region.
      await creatorPage
        .locator('[aria-live="polite"]', { hasText: `${fan.displayName}: ${typed}` })
        .waitFor();

      // A message sent by mistake is taken back: it goes for both, and focus stays in the chat.
      await input.fill(oops);
      await input.press("Enter");
      await creatorPage.locator(".bubble-row", { hasText: oops }).waitFor();
      const mistake = fanPage.locator(".bubble-row.mine", { hasText: oops });
      await mistake.getByRole("img", { name: /Sent|Read/ }).waitFor();
      await mistake.hover();
      await mistake.getByRole("button", { name: "Message options" }).click();
      await fanPage.getByRole("menuitem", { name: "Unsend" }).click();
      const unsend = fanPage.getByRole("dialog", { name: "Unsend this message?" });
      await unsend.getByRole("button", { name: "Unsend", exact: true }).click();
      await expect.poll(() => mistake.count()).toBe(0);
      await expect.poll(() => creatorPage.locator(".bubble-row", { hasText: oops }).count()).toBe(0);
      expect(await fanPage.evaluate("document.activeElement?.id")).toBe(`chat-text-${conversationId}`);
    },
    T,
  );

  it(
    "the creator sends a pay-per-view photo; the fan unlocks it from the wallet and it opens in place",
    async () => {
      const p = creatorPage;
      await p
        .locator(`#chat-${conversationId}-files`)
        .setInputFiles([{ name: "golden-hour.jpg", mimeType: "image/jpeg", buffer: await picture() }]);
      await p
        .locator(".media-tile", { hasText: "golden-hour.jpg" })
        .getByText("Ready")
        .waitFor({ timeout: 30_000 });
      // Priced without media is refused before sending; with the photo it goes.
      await p.getByRole("button", { name: "Price" }).click();
      await p.getByLabel("Unlock price").fill("5.00");
      const input = p.getByRole("textbox", { name: "Message", exact: true });
      await input.fill(ppvText);
      await shot(p, "03-creator-composer-ppv-desktop");
      await p.getByRole("button", { name: "Send", exact: true }).click();
      const sent = p.locator(".bubble-row.mine", { hasText: ppvText });
      await sent.getByText("Pay-per-view · $5.00 · not bought yet").waitFor();
      expect(await p.evaluate("document.activeElement?.id")).toBe(`chat-text-${conversationId}`);

      // The fan sees it at once, locked: teaser, blurred preview, what it holds, the price.
      const f = fanPage;
      await f.evaluate("window.__sameDocument = true");
      const locked = f.locator(".bubble-row:not(.mine)", { hasText: ppvText });
      await locked.locator(".locked").waitFor();
      await locked.getByText("1 photo").waitFor();
      await shot(f, "04-fan-ppv-locked-desktop");
      await locked.getByRole("button", { name: "Unlock for $5.00" }).click();
      const dialog = f.getByRole("dialog", { name: "Unlock this message" });
      await dialog.getByText("Balance $15.00").waitFor();
      await dialog.getByText(`${creator.displayName} (@${creator.username})`).waitFor();
      await shot(f, "05-fan-unlock-confirm-desktop");
      await dialog.getByRole("button", { name: "Pay $5.00", exact: true }).click();
      await dialog.waitFor({ state: "hidden" });
      await expect.poll(() => locked.locator(".locked").count()).toBe(0);
      await locked.getByRole("button", { name: /Photo: open full size/ }).waitFor();
      await locked.getByText("Unlocked · $5.00").waitFor();
      expect(await f.evaluate("window.__sameDocument === true")).toBe(true);

      // The creator's side: read by the fan, and bought.
      await sent.getByRole("img", { name: "Read" }).waitFor();
      await sent.getByText("Bought · $5.00").waitFor();
      await shot(p, "06-creator-chat-read-bought-desktop");
      await shot(f, "07-fan-chat-unlocked-desktop");
      await f.goto(`${app.baseUrl}/wallet`);
      await expect.poll(() => f.getByTestId("wallet-balance").textContent()).toBe("$10.00");
    },
    T,
  );

  it(
    "a pay-per-view message paid by card opens once the sandbox checkout brings the fan back to the chat",
    async () => {
      const f = fanPage;
      await f.goto(`${app.baseUrl}/messages/${conversationId}`);
      await f.locator(".bubble-row", { hasText: ppvText }).waitFor();
      const form = new FormData();
      form.append("file", new Blob([await picture()], { type: "image/jpeg" }), "full-set.jpg");
      const up = await fetch(`${app.baseUrl}/api/v1/media`, {
        method: "POST",
        headers: { authorization: `Bearer ${creatorToken}` },
        body: form,
      });
      const mediaId = ((await up.json()) as { media: { id: string } }).media.id;
      for (
        let i = 0;
        (await api("GET", `/media/${mediaId}`, undefined, creatorToken)).media.status !== "ready";
        i++
      ) {
        if (i > 300) throw new Error("the photo was never processed");
        await new Promise((r) => setTimeout(r, 100));
      }
      const text = "The full set, by card if you like";
      await api(
        "POST",
        `/conversations/${conversationId}/messages`,
        { text, mediaIds: [mediaId], priceCents: 700 },
        creatorToken,
      );
      const bubble = f.locator(".bubble-row:not(.mine)", { hasText: text });
      await bubble.getByRole("button", { name: "Unlock for $7.00" }).click();
      const dialog = f.getByRole("dialog", { name: "Unlock this message" });
      await dialog.getByRole("radio", { name: /Card/ }).check();
      await dialog.getByRole("button", { name: "Pay $7.00 by card" }).click();
      await f.waitForURL(/\/sandbox\/checkout\//);
      await f.getByText(`Unlock a message from ${creator.displayName} (@${creator.username})`).waitFor();
      await f.getByLabel("Card number").fill("4242424242424242");
      await f.getByRole("button", { name: "Pay $7.00" }).click();
      await f.waitForURL(`${app.baseUrl}/messages/${conversationId}`);
      await bubble.getByText("Unlocked · $7.00").waitFor();
      expect(await bubble.locator(".locked").count()).toBe(0);
      await bubble.getByRole("button", { name: /Photo: open full size/ }).waitFor();
    },
    T,
  );

  it(
    "the creator sends a mass message with the audience size and its progress; it reaches the fan live",
    async () => {
      const p = creatorPage;
      const f = fanPage;
      await f.goto(`${app.baseUrl}/messages/${conversationId}`);
      await f.locator(".bubble-row", { hasText: ppvText }).waitFor();

      await p.getByRole("link", { name: "Mass messages" }).click();
      await p.waitForURL(`${app.baseUrl}/messages/mass`);
      await p.getByText("It reaches 1 fan.").waitFor();
      await p.getByLabel("Message", { exact: true }).fill(massText);
      await p.getByRole("button", { name: "Preview" }).click();
      const preview = p.getByRole("dialog", { name: "Check and send" });
      await preview.getByText("Subscribers · 1 fan").waitFor();
      await shot(p, "08-mass-preview-desktop");
      await preview.getByRole("button", { name: "Send to 1 fan" }).click();
      await preview.waitFor({ state: "hidden" });
      const row = p.locator(".mass-row", { hasText: massText });
      await row.getByText("Sent", { exact: true }).waitFor();
      await row.getByText("Sent to 1 of 1 fan").waitFor();
      await shot(p, "09-mass-done-desktop");

      await f.locator(".bubble-row:not(.mine)", { hasText: massText }).waitFor();
    },
    T,
  );

  it(
    "the creator sets who may write and a welcome message, and blocks and unblocks the fan",
    async () => {
      const p = creatorPage;
      await p.goto(`${app.baseUrl}/settings/creator`);
      await p.getByRole("heading", { name: "Messages" }).waitFor();
      await p.getByRole("radio", { name: /Everyone/ }).check();
      await p.getByLabel("Send new subscribers a welcome message").check();
      await p.getByLabel("Welcome message", { exact: true }).fill("Welcome in! Say hi any time.");
      await p.getByRole("button", { name: "Save message settings" }).click();
      await p.getByText("Message settings saved").waitFor();
      const me = await p.evaluate(`fetch("/api/v1/creators/me").then((r) => r.json())`);
      expect((me as any).creator).toMatchObject({
        dmPolicy: "everyone",
        welcomeMessage: { text: "Welcome in! Say hi any time.", priceCents: 0 },
      });
      await p.getByRole("heading", { name: "Messages" }).scrollIntoViewIfNeeded();
      await shot(p, "10-creator-message-settings-desktop");

      // "New message" by username finds the conversation they already have.
      await messagesLink(p).click();
      await p.getByRole("button", { name: "New message" }).click();
      const start = p.getByRole("dialog", { name: "New message" });
      await start.getByLabel("To").fill(`@${fan.username}`);
      await start.getByRole("button", { name: "Write" }).click();
      await p.waitForURL(`${app.baseUrl}/messages/${conversationId}`);
      await p.getByRole("button", { name: `Options for the chat with @${fan.username}` }).click();
      await p.getByRole("menuitem", { name: `Block @${fan.username}` }).click();
      const confirm = p.getByRole("dialog", { name: `Block @${fan.username}?` });
      await confirm.getByRole("button", { name: "Block", exact: true }).click();
      await confirm.waitFor({ state: "hidden" });
      await p.getByText("You blocked this person; unblock them to write.").waitFor();
      expect(await p.getByRole("textbox", { name: "Message", exact: true }).count()).toBe(0);
      await shot(p, "11-creator-blocked-notice-desktop");
      // The fan, whose chat was open, cannot write either: the message fails with the server's reason,
      // and the notice takes the composer's place.
      const fanInput = fanPage.getByRole("textbox", { name: "Message", exact: true });
      await fanInput.fill("Are you there?");
      await fanInput.press("Enter");
      await fanPage.getByText("Not sent: This person does not take your messages.").waitFor();
      await fanPage
        .locator(".chat-notice", { hasText: "This person does not take your messages." })
        .waitFor();
      // The creator read past the message the fan unsent: the ticks before it still say so.
      await fanPage
        .locator(".bubble-row.mine", { hasText: typed })
        .getByRole("img", { name: "Read" })
        .waitFor();
      await shot(fanPage, "11a-fan-send-refused-desktop");
      await fanPage.getByRole("button", { name: "Delete", exact: true }).click();

      // Settings › Blocked people lists the fan; unblocking there opens the chat again.
      await p
        .getByRole("button", { name: `@${creator.username}, account menu` })
        .first()
        .click();
      await p.getByRole("menuitem", { name: "Blocked people" }).click();
      await p.waitForURL(`${app.baseUrl}/settings/blocked`);
      await p.getByText(`@${fan.username}`).waitFor();
      await shot(p, "11b-blocked-people-desktop");
      await p.getByRole("button", { name: `Unblock @${fan.username}` }).click();
      await p.getByText("You haven't blocked anyone").waitFor();
      await p.goto(`${app.baseUrl}/messages/${conversationId}`);
      await p.getByRole("textbox", { name: "Message", exact: true }).waitFor();
    },
    T,
  );

  it(
    "works on a phone: the list and the chat are two screens, no sideways scrolling, light and dark",
    async () => {
      const f = fanPage;
      await f.setViewportSize({ width: 375, height: 812 });
      await f.goto(`${app.baseUrl}/messages`);
      const row = f.getByRole("link", { name: new RegExp(creator.displayName) }).first();
      await row.waitFor();
      expect(await scrollWidth(f)).toBeLessThanOrEqual(375);
      await shot(f, "12-fan-inbox-375");
      await row.click();
      await f.locator(".bubble-row", { hasText: massText }).waitFor();
      await f.getByRole("link", { name: "Back to conversations" }).waitFor();
      expect(await f.locator(".msg-list-pane").isVisible()).toBe(false);
      // The row that was clicked is gone with the list; focus went to the chat, not to the page.
      await expect.poll(() => f.evaluate("document.activeElement?.getAttribute('aria-label')")).toBe("Chat");
      expect(await scrollWidth(f)).toBeLessThanOrEqual(375);
      await shot(f, "13-fan-chat-375");
      await f.emulateMedia({ colorScheme: "dark" });
      await shot(f, "14-fan-chat-375-dark");
      await f.getByRole("link", { name: "Back to conversations" }).click();
      await row.waitFor();
      await expect.poll(() => f.evaluate("document.activeElement?.textContent")).toBe("Messages");
      await shot(f, "15-fan-inbox-375-dark");

      const p = creatorPage;
      await p.setViewportSize({ width: 375, height: 812 });
      await p.emulateMedia({ colorScheme: "dark" });
      await p.goto(`${app.baseUrl}/messages/${conversationId}`);
      await p.locator(".bubble-row", { hasText: ppvText }).waitFor();
      expect(await scrollWidth(p)).toBeLessThanOrEqual(375);
      await shot(p, "16-creator-chat-375-dark");
      await p.goto(`${app.baseUrl}/messages/mass`);
      await p.locator(".mass-row", { hasText: massText }).waitFor();
      expect(await scrollWidth(p)).toBeLessThanOrEqual(375);
      await shot(p, "17-mass-375-dark");
      await p.emulateMedia({ colorScheme: "light" });
      await p.setViewportSize({ width: 1280, height: 900 });
      await p.goto(`${app.baseUrl}/messages/${conversationId}`);
      await p.emulateMedia({ colorScheme: "dark" });
      await p.locator(".bubble-row", { hasText: ppvText }).waitFor();
      await shot(p, "18-creator-chat-desktop-dark");
    },
    T,
  );

  it(
    "loads older messages when the fan scrolls up, and what was on screen stays where it was",
    async () => {
      for (let i = 1; i <= 70; i++)
        await api(
          "POST",
          `/conversations/${conversationId}/messages`,
          { text: `Shoot note ${i}` },
          creatorToken,
        );
      const f = fanPage;
      await f.goto(`${app.baseUrl}/messages/${conversationId}`);
      const note = (n: number) => f.locator(".bubble-text", { hasText: new RegExp(`^Shoot note ${n}$`) });
      await note(70).waitFor();
      expect(await note(35).count()).toBe(0);
      // Newest at the bottom. (Strings for evaluate: the root tsconfig has no DOM types.)
      const scroll = (js: string) =>
        f.evaluate(`(() => { const el = document.querySelector(".chat-scroll"); ${js} })()`);
      expect(
        (await scroll("return el.scrollHeight - el.scrollTop - el.clientHeight;")) as number,
      ).toBeLessThan(5);

      // The oldest message shown, where it is the moment the list reaches the top (before the older
      // page is asked for), and where it is once that page is in.
      const top = `[...document.querySelectorAll(".bubble-text")].find((t) => t.textContent === "Shoot note 41").getBoundingClientRect().top`;
      const before = (await scroll(`el.scrollTop = 0; return ${top};`)) as number;
      await note(35).waitFor();
      const after = (await scroll(`return ${top};`)) as number;
      expect(Math.abs(after - before)).toBeLessThan(40);
      expect((await scroll("return el.scrollTop;")) as number).toBeGreaterThan(200);
    },
    T,
  );

  it(
    "after the connection drops it reconnects by itself and gets what it missed, without a reload",
    async () => {
      const f = fanPage;
      // Between the page and the server: every frame passes, and the test can cut the line.
      const sockets: WebSocketRoute[] = [];
      const auths: Record<string, unknown>[] = [];
      const fromServer: string[] = [];
      await f.routeWebSocket(/\/ws$/, (ws) => {
        const server = ws.connectToServer();
        sockets.push(ws);
        ws.onMessage((m) => {
          const frame = JSON.parse(String(m)) as Record<string, unknown>;
          if (frame.type === "auth") auths.push(frame);
          server.send(m);
        });
        server.onMessage((m) => {
          fromServer.push(String(m));
          ws.send(m);
        });
      });
      await f.goto(`${app.baseUrl}/messages/${conversationId}`);
      await f.locator(".bubble-text", { hasText: /^Shoot note 70$/ }).waitFor();
      await expect.poll(() => fromServer.some((m) => m.includes('"ready"'))).toBe(true);
      expect(auths).toEqual([{ type: "auth" }]);

      await sockets[0]!.close({ code: 4000, reason: "the line dropped" });
      const missed = "Sent while your connection was down";
      await api("POST", `/conversations/${conversationId}/messages`, { text: missed }, creatorToken);
      await f.locator(".bubble-text", { hasText: missed }).waitFor();
      // The second connection resumed from the last event the page had seen (the page may show the
      // missed message from its catch-up read a moment before the new socket has said hello).
      await expect.poll(() => auths.length).toBe(2);
      expect(auths[1]).toMatchObject({ type: "auth", after: expect.any(Number) });
      expect(auths[1]!.after as number).toBeGreaterThan(0);
    },
    T,
  );

  it("no page broke the Content-Security-Policy or threw", () => {
    expect(pageProblems).toEqual([]);
  });
});
