// The e-mail channel through the real app: mails written as .eml files (the default transport) that a
// mail parser reads back; message mails that wait, are dropped once the conversation was read, and go out
// at most once per conversation per hour; SMTP through a real local server with retries and backoff on a
// refusal, then `failed`; the SMTP settings of the admin console and the wizard (password sealed) and the
// admin's test mail (202, or 502 with the server's words).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MINUTE } from "../../src/lib/clock.ts";
import { OUTBOX_BACKOFF_MS, OUTBOX_MAX_ATTEMPTS } from "../../src/modules/notifications/outbox.ts";
import { startTestApp, TestClock, type Actor, type TestApp } from "../helpers/api.ts";
import { mailsIn } from "../helpers/mail.ts";
import { startSmtpServer } from "../helpers/smtp.ts";

const SITE = "https://fans.example.com";
/** Transactional mails of the account (sign-up mails the address check); these tests are about notifications. */
const ACCOUNT_KINDS = new Set(["email_verify"]);
const isAccountMail = (raw: string) => /^Subject: Confirm your e-mail address/m.test(raw);

async function subscribe(app: TestApp, fan: Actor, creator: string) {
  await app.topup(fan, 5000);
  const r = await app.post("/api/v1/subscriptions", { creator, payWith: "wallet" }, fan.token);
  expect(r.status).toBe(201);
}

describe("e-mail as .eml files", () => {
  let app: TestApp;
  const clock = new TestClock();
  let creator: Actor, other: Actor, fan: Actor;
  /** The notification mails (the account's own mails, such as the address check at sign-up, left out). */
  const emlFiles = () =>
    readdirSync(join(app.dir, "mail"))
      .filter((f) => !isAccountMail(readFileSync(join(app.dir, "mail", f), "latin1")))
      .sort();
  /** Real conversations by a short name: a (creator, fan), b (other creator, fan), q (creator, quick reader). */
  const conversations = new Map<string, string>();
  const conv = async (name: string, sender: Actor, recipient: Actor) => {
    if (!conversations.has(name)) {
      const r = await app.post("/api/v1/conversations", { username: recipient.user.username }, sender.token);
      conversations.set(name, r.body.conversation.id);
    }
    return conversations.get(name)!;
  };
  const sendMessage = async (
    name: string,
    text: string,
    recipient = fan,
    sender = name === "b" ? other : creator,
  ) => {
    const id = await conv(name, sender, recipient);
    const r = await app.post(`/api/v1/conversations/${id}/messages`, { text }, sender.token);
    expect(r.status).toBe(201);
    return { conversationId: id, messageId: r.body.message.id as string };
  };
  const mailsTo = async (a: Actor) =>
    (await app.services.notifications.outbox.ofUser(a.user.id)).filter(
      (r) => r.channel === "email" && !ACCOUNT_KINDS.has(r.kind),
    );

  beforeAll(async () => {
    app = await startTestApp({ clock, env: { FANZ_SERVER__PUBLIC_URL: SITE } });
    creator = await app.creator("mailer", { priceCents: 1200, displayName: "Mia Mailer" });
    other = await app.creator("second", { priceCents: 800, displayName: "Sam Second" });
    fan = await app.signup("reader");
  });
  afterAll(() => app.close());

  it("a new subscriber's mail is an RFC 5322 file: from the site's name, plain text and HTML, a link", async () => {
    await subscribe(app, fan, "mailer");
    await app.services.notifications.outbox.runDue();
    const files = emlFiles();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const raw = readFileSync(join(app.dir, "mail", files[0]!));
    expect(raw.toString()).toContain("\r\n"); // CRLF line ends
    const mail = await simpleParser(raw);
    expect(mail.from?.value[0]).toEqual({ name: "Test Site", address: "no-reply@fans.example.com" });
    expect((mail.to as { value: { address: string }[] }).value[0]!.address).toBe("mailer@example.com");
    expect(mail.subject).toBe("reader subscribed to you for 12.00 USD");
    expect(mail.text).toContain("reader subscribed to you for 12.00 USD.");
    expect(mail.text).toContain(`Open it: ${SITE}/earnings`);
    expect(mail.text).toContain(`${SITE}/settings/notifications`);
    expect(mail.html).toContain(`href="${SITE}/earnings"`);
    expect(mail.messageId).toBeTruthy();
    const [row] = await mailsTo(creator);
    expect(row).toMatchObject({ status: "sent", attempts: 1, kind: "new_subscriber" });
  });

  it("a message mail waits, tells of the newest message, and goes once per conversation per hour", async () => {
    await app.grant(fan, other);
    const before = emlFiles().length;
    const { conversationId: convA } = await sendMessage("a", "m1");
    await app.services.notifications.outbox.runDue();
    expect(emlFiles()).toHaveLength(before); // not yet: the fan may read it in the app
    clock.advance(2 * MINUTE);
    await sendMessage("a", "m2");
    expect(await mailsTo(fan)).toHaveLength(1);

    clock.advance(3 * MINUTE + 1000);
    await app.services.notifications.outbox.runDue();
    expect(emlFiles()).toHaveLength(before + 1);
    const mail = await simpleParser(readFileSync(join(app.dir, "mail", emlFiles().at(-1)!)));
    expect(mail.subject).toBe("Mia Mailer sent you 2 messages");
    expect(mail.text).toContain(`${SITE}/messages/${convA}`);

    // Within the hour: no second mail for this conversation; another conversation gets its own.
    clock.advance(10 * MINUTE);
    await sendMessage("a", "m3");
    const { conversationId: convB } = await sendMessage("b", "m4");
    clock.advance(6 * MINUTE);
    await app.services.notifications.outbox.runDue();
    const rows = await mailsTo(fan);
    expect(rows.map((r) => [r.groupKey, r.status])).toEqual([
      [`message:${convA}`, "sent"],
      [`message:${convB}`, "sent"],
    ]);
    // After the hour, the next message in conv-a is mailed again.
    clock.advance(61 * MINUTE);
    await sendMessage("a", "m5");
    clock.advance(6 * MINUTE);
    await app.services.notifications.outbox.runDue();
    expect(
      (await mailsTo(fan)).filter((r) => r.groupKey === `message:${convA}` && r.status === "sent"),
    ).toHaveLength(2);
  });

  it("a message read in the app before its mail is due is not mailed", async () => {
    const quick = await app.signup("quick_reader");
    await app.grant(quick, creator);
    await app.services.notifications.outbox.runDue(); // the sign-up's address check is out of the way
    const before = emlFiles().length;
    const sent = await sendMessage("q", "q1", quick);
    // Read in the app (the real read receipt) before the mail's delay is over.
    const read = await app.post(
      `/api/v1/conversations/${sent.conversationId}/read`,
      { messageId: sent.messageId },
      quick.token,
    );
    expect(read.status).toBe(204);
    clock.advance(6 * MINUTE);
    await app.services.notifications.outbox.runDue();
    expect(emlFiles()).toHaveLength(before);
    const [row] = await mailsTo(quick);
    expect(row).toMatchObject({ status: "dropped", lastError: "Read in the app before the mail was due." });
    expect(emlFiles().every((f) => !f.startsWith("."))).toBe(true); // no temporary file left behind
  });
});

describe("e-mail over SMTP", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let app: TestApp;
  const clock = new TestClock();
  let creator: Actor;
  const rowsOf = async (a: Actor) =>
    (await app.services.notifications.outbox.ofUser(a.user.id)).filter(
      (r) => r.channel === "email" && !ACCOUNT_KINDS.has(r.kind),
    );
  /** What the server received, without the address checks mailed at sign-up. */
  const received = () => smtp.received.filter((r) => !/^Confirm your e-mail/.test(r.mail.subject ?? ""));

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await startTestApp({
      clock,
      env: {
        FANZ_SERVER__PUBLIC_URL: SITE,
        FANZ_EMAIL__TRANSPORT: "smtp",
        FANZ_EMAIL__SMTP_URL: smtp.url,
        FANZ_EMAIL__FROM: "hello@fans.example.com",
      },
    });
    creator = await app.creator("smtpcreator", { priceCents: 500, displayName: "Sam" });
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it("a refused mail is retried with backoff, then delivered", async () => {
    const fan = await app.signup("first_fan");
    await app.services.notifications.outbox.runDue(); // the sign-up's address check goes first
    smtp.refuseNext(1, 451, "Greylisted, try again later");
    await subscribe(app, fan, "smtpcreator");
    await app.services.notifications.outbox.runDue();
    let [row] = await rowsOf(creator);
    expect(row).toMatchObject({ status: "queued", attempts: 1, runAt: clock.now() + OUTBOX_BACKOFF_MS });
    expect(row!.lastError).toContain("Greylisted");
    expect(received()).toHaveLength(0);

    await app.services.notifications.outbox.runDue(); // not due yet
    expect(received()).toHaveLength(0);
    clock.advance(OUTBOX_BACKOFF_MS);
    await app.services.notifications.outbox.runDue();
    [row] = await rowsOf(creator);
    expect(row).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(received()).toHaveLength(1);
    const got = received()[0]!;
    expect(got.to).toEqual(["smtpcreator@example.com"]);
    expect(got.mail.from?.value[0]).toEqual({ name: "Test Site", address: "hello@fans.example.com" });
    expect(got.mail.subject).toBe("first_fan subscribed to you for 5.00 USD");
  });

  it("a mail the server keeps refusing fails after the last attempt, with the server's words", async () => {
    const fan = await app.signup("second_fan");
    await app.services.notifications.outbox.runDue();
    smtp.refuseNext(100, 550, "Mailbox unavailable");
    await subscribe(app, fan, "smtpcreator");
    for (let i = 0; i < OUTBOX_MAX_ATTEMPTS; i++) {
      await app.services.notifications.outbox.runDue();
      clock.advance(OUTBOX_BACKOFF_MS * 2 ** i);
    }
    const row = (await rowsOf(creator)).at(-1)!;
    expect(row).toMatchObject({ status: "failed", attempts: OUTBOX_MAX_ATTEMPTS });
    expect(row.lastError).toContain("Mailbox unavailable");
    clock.advance(60 * MINUTE);
    await app.services.notifications.outbox.runDue();
    expect((await rowsOf(creator)).at(-1)!.attempts).toBe(OUTBOX_MAX_ATTEMPTS);
    smtp.refuseNext(0);
  });

  it("the admin console says the config decides; the test mail goes through the same server", async () => {
    const admin = (
      await app.post("/api/v1/auth/login", { email: "admin@example.com", password: "admin-password-1" })
    ).body;
    const view = await app.get("/api/v1/admin/email", admin.token);
    expect(view.body.email).toMatchObject({
      transport: "smtp",
      source: "config",
      from: "hello@fans.example.com",
    });
    const before = smtp.received.length;
    const r = await app.post("/api/v1/admin/email/test", { to: "owner@example.com" }, admin.token);
    expect(r.status).toBe(202);
    expect(smtp.received).toHaveLength(before + 1);
    expect(smtp.received.at(-1)!.mail.subject).toBe("Test mail from Test Site");
  });
});

describe("SMTP settings from the admin console and the setup wizard", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let app: TestApp;
  let admin: Actor;

  beforeAll(async () => {
    smtp = await startSmtpServer({ users: { mailuser: "s3cret-pass" } });
    app = await startTestApp({ setup: false });
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it("the wizard saves SMTP settings with the password sealed", async () => {
    const token = await app.services.setup.issueTokenIfNeeded();
    const r = await app.post("/api/v1/setup", {
      token,
      siteName: "Wizard Site",
      admin: { email: "admin@example.com", username: "admin", password: "admin-password-1" },
      smtp: {
        host: "127.0.0.1",
        port: smtp.port,
        security: "none",
        username: "mailuser",
        password: "s3cret-pass",
        from: "site@wizard.example.com",
      },
    });
    expect(r.status).toBe(201);
    admin = { token: r.body.token, user: r.body.user };
    const view = (await app.get("/api/v1/admin/email", admin.token)).body.email;
    expect(view).toEqual({
      transport: "smtp",
      source: "site",
      smtp: {
        host: "127.0.0.1",
        port: smtp.port,
        security: "none",
        username: "mailuser",
        from: "site@wizard.example.com",
        passwordSet: true,
      },
      from: "site@wizard.example.com",
    });
    const rows = (await app.raw.prepare("SELECT value FROM site_settings").all()) as { value: string }[];
    expect(JSON.stringify(rows)).not.toContain("s3cret-pass");
  });

  it("the test mail logs in with the saved password; a server that fails is a 502 with its message", async () => {
    const ok = await app.post("/api/v1/admin/email/test", { to: "owner@example.com" }, admin.token);
    expect(ok.status).toBe(202);
    expect(ok.body).toEqual({ testMail: { to: "owner@example.com" } });
    expect(smtp.received.at(-1)).toMatchObject({ user: "mailuser", to: ["owner@example.com"] });
    expect(smtp.received.at(-1)!.mail.from?.value[0]).toEqual({
      name: "Wizard Site",
      address: "site@wizard.example.com",
    });

    // A new password is saved; leaving it out later keeps it.
    const wrong = await app.put(
      "/api/v1/admin/email",
      {
        smtp: {
          host: "127.0.0.1",
          port: smtp.port,
          security: "none",
          username: "mailuser",
          password: "nope",
          from: "",
        },
      },
      admin.token,
    );
    expect(wrong.status).toBe(200);
    const bad = await app.post("/api/v1/admin/email/test", { to: "owner@example.com" }, admin.token);
    expect(bad.status).toBe(502);
    expect(bad.body.error.code).toBe("mail_failed");
    expect(bad.body.error.message).toMatch(/Invalid username or password/);

    await app.put(
      "/api/v1/admin/email",
      {
        smtp: {
          host: "127.0.0.1",
          port: smtp.port,
          security: "none",
          username: "mailuser",
          password: "s3cret-pass",
          from: "",
        },
      },
      admin.token,
    );
    const kept = await app.put(
      "/api/v1/admin/email",
      { smtp: { host: "127.0.0.1", port: smtp.port, security: "none", username: "mailuser", from: "" } },
      admin.token,
    );
    expect(kept.body.email.smtp.passwordSet).toBe(true);
    expect(kept.body.email.from).toBe("no-reply@localhost");
    expect(
      (await app.post("/api/v1/admin/email/test", { to: "owner@example.com" }, admin.token)).status,
    ).toBe(202);

    const fan = await app.signup();
    expect((await app.get("/api/v1/admin/email", fan.token)).status).toBe(403);
    expect((await app.post("/api/v1/admin/email/test", { to: "x@example.com" }, fan.token)).status).toBe(403);

    // Removing the settings falls back to .eml files.
    const removed = await app.put("/api/v1/admin/email", { smtp: null }, admin.token);
    expect(removed.body.email).toMatchObject({ transport: "file", source: "default", smtp: null });
    expect(
      (await app.post("/api/v1/admin/email/test", { to: "owner@example.com" }, admin.token)).status,
    ).toBe(202);
    // (The fan's sign-up mailed a verification link too; it may land here as well, after the removal.)
    expect((await mailsIn(app.dir)).filter((m) => m.to === "owner@example.com")).toHaveLength(1);
  });
});
