// The mails a test app wrote as .eml files under <data_dir>/mail/ (the file transport), parsed back.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import type { TestApp } from "./api.ts";

export interface SentMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends what the outbox holds now, then every mail written so far (oldest first), or those to `to`. */
export async function sentMails(app: TestApp, to?: string): Promise<SentMail[]> {
  await app.services.notifications.outbox.runDue();
  return mailsIn(app.dir, to);
}

/** Every mail a site (in this process or another) wrote into `dataDir`/mail so far, oldest first. */
export async function mailsIn(dataDir: string, to?: string): Promise<SentMail[]> {
  const dir = join(dataDir, "mail");
  if (!existsSync(dir)) return [];
  const out: SentMail[] = [];
  // In the order written (names start with the app clock's time, which a test may hold still).
  const written = (f: string) => statSync(join(dir, f), { bigint: true }).mtimeNs;
  const files = readdirSync(dir).filter((n) => n.endsWith(".eml"));
  files.sort((a, b) => (written(a) < written(b) ? -1 : written(a) > written(b) ? 1 : a.localeCompare(b)));
  for (const f of files) {
    const m: ParsedMail = await simpleParser(readFileSync(join(dir, f)));
    const address = (m.to && !Array.isArray(m.to) ? m.to.value[0]?.address : undefined) ?? "";
    out.push({
      to: address,
      subject: m.subject ?? "",
      text: m.text ?? "",
      html: typeof m.html === "string" ? m.html : "",
    });
  }
  return to ? out.filter((m) => m.to === to) : out;
}

const tokenIn = (mails: SentMail[], path: string): string | null => {
  for (const m of [...mails].reverse()) {
    const match = new RegExp(`${path.replace(/[/]/g, "\\/")}\\?token=([a-z2-7]+)`).exec(m.text);
    if (match) return match[1]!;
  }
  return null;
};

/** The token of the last link to `path` mailed to `to`. */
export async function mailedToken(app: TestApp, to: string, path: string): Promise<string> {
  const token = tokenIn(await sentMails(app, to), path);
  if (token === null) throw new Error(`no mail to ${to} with a ${path} link`);
  return token;
}

/** A server process's outbox sends on its own: waits (up to 10 s) for its mail to `to` with a `path` link. */
export async function waitForMailedToken(dataDir: string, to: string, path: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const token = tokenIn(await mailsIn(dataDir, to), path);
    if (token !== null) return token;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`no mail to ${to} with a ${path} link`);
}
