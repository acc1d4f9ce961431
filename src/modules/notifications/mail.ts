// The e-mail channel's transport: nodemailer over SMTP, or .eml files under <data_dir>/mail/. Which one
// is used: `[email] transport = "smtp"` in the config wins; else the SMTP settings saved in the setup
// wizard or the admin console (site settings, the password sealed with the site's key); else files.
// Nothing here runs inside a write: sending is network or file I/O.
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { publicUrl } from "../../config/load.ts";
import { newId } from "../../lib/ids.ts";
import type { SiteService } from "../site/service.ts";

export const SMTP_SECURITY = ["tls", "starttls", "none"] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

/** SMTP settings as the wizard and the admin console edit them. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** "tls": TLS from the start (465); "starttls": upgrade required (587); "none": plain (a local relay). */
  security: SmtpSecurity;
  username: string;
  password: string;
  /** The sender address; empty = the config's `from`, else no-reply@<site host>. */
  from: string;
}

interface StoredSmtp extends Omit<SmtpSettings, "password"> {
  passwordSealed: string | null;
}

/** What the admin console shows: where mail goes, never the password. */
export interface EmailView {
  transport: "file" | "smtp";
  /** "config": config.toml / FANZ_EMAIL__* decide; "site": the saved SMTP settings; "default": files. */
  source: "config" | "site" | "default";
  smtp: (Omit<SmtpSettings, "password"> & { passwordSet: boolean }) | null;
  /** The address mails are sent from. */
  from: string;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

const SMTP_KEY = "smtp";

/** nodemailer is loaded on the first mail: commands that never send one start without it. */
let loaded: Promise<typeof import("nodemailer").default> | null = null;
const mailerLib = () => (loaded ??= import("nodemailer").then((m) => m.default));

/** An SMTP or transport failure, with the server's own words (the admin's test mail shows them). */
export class MailError extends Error {}

export function createMailer(ctx: AppContext, site: Pick<SiteService, "secret" | "settings">) {
  const cfg = ctx.config.email;

  async function stored(db: DrizzleDb = ctx.db.read): Promise<StoredSmtp | null> {
    const raw = await site.secret.get(SMTP_KEY, db);
    return raw ? (JSON.parse(raw) as StoredSmtp) : null;
  }

  function defaultFrom(): string {
    const host = new URL(publicUrl(ctx.config)).hostname || "localhost";
    return `no-reply@${host}`;
  }

  async function resolve() {
    const saved = cfg.transport === "smtp" ? null : await stored();
    const from = cfg.from || saved?.from || defaultFrom();
    if (cfg.transport === "smtp") return { kind: "smtp" as const, source: "config" as const, saved, from };
    if (saved) return { kind: "smtp" as const, source: "site" as const, saved, from };
    return { kind: "file" as const, source: "default" as const, saved, from };
  }

  async function smtpTransport(saved: StoredSmtp | null) {
    const nodemailer = await mailerLib();
    const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
    if (!saved) return nodemailer.createTransport(cfg.smtp_url);
    let password: string | undefined;
    if (saved.passwordSealed) {
      try {
        password = ctx.sealer.open(saved.passwordSealed);
      } catch {
        throw new MailError("The saved SMTP password cannot be read with this site's key; save it again.");
      }
    }
    return nodemailer.createTransport({
      host: saved.host,
      port: saved.port,
      secure: saved.security === "tls",
      requireTLS: saved.security === "starttls",
      ignoreTLS: saved.security === "none",
      ...(saved.username ? { auth: { user: saved.username, pass: password ?? "" } } : {}),
      ...timeouts,
    });
  }

  /** Writes the mail as one .eml file; a temporary name first, so a reader never sees half a mail. */
  async function writeEml(raw: Buffer): Promise<string> {
    await mkdir(ctx.paths.mail, { recursive: true });
    const name = `${new Date(ctx.clock.now()).toISOString().replace(/[:.]/g, "-")}-${newId()}.eml`;
    const tmp = join(ctx.paths.mail, `.${name}.tmp`);
    await writeFile(tmp, raw, { mode: 0o640 });
    await rename(tmp, join(ctx.paths.mail, name));
    return name;
  }

  return {
    /** Sends one mail now (from the site's name); throws MailError with the transport's message. */
    async send(mail: Mail): Promise<void> {
      const how = await resolve();
      const message = {
        from: { name: (await site.settings()).name, address: how.from },
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      };
      try {
        if (how.kind === "file") {
          const nodemailer = await mailerLib();
          const t = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
          const info = await t.sendMail(message);
          await writeEml(info.message as Buffer);
        } else {
          const t = await smtpTransport(how.saved);
          try {
            await t.sendMail(message);
          } finally {
            t.close();
          }
        }
      } catch (err) {
        if (err instanceof MailError) throw err;
        throw new MailError((err as Error).message || String(err));
      }
    },

    async view(): Promise<EmailView> {
      const how = await resolve();
      const saved = how.source === "config" ? await stored() : how.saved;
      return {
        transport: how.kind,
        source: how.source,
        smtp: saved
          ? {
              host: saved.host,
              port: saved.port,
              security: saved.security,
              username: saved.username,
              from: saved.from,
              passwordSet: saved.passwordSealed !== null,
            }
          : null,
        from: how.from,
      };
    },

    /**
     * Inside a write: saves SMTP settings (null removes them). A password left out keeps the saved one,
     * so the admin console never needs to show it.
     */
    async saveTx(tx: DrizzleDb, smtp: (Omit<SmtpSettings, "password"> & { password?: string }) | null) {
      if (!smtp) return site.secret.remove(tx, SMTP_KEY);
      const before = await stored(tx);
      const passwordSealed =
        smtp.password === undefined
          ? (before?.passwordSealed ?? null)
          : smtp.password
            ? ctx.sealer.seal(smtp.password)
            : null;
      const row: StoredSmtp = {
        host: smtp.host,
        port: smtp.port,
        security: smtp.security,
        username: smtp.username,
        from: smtp.from,
        passwordSealed,
      };
      return site.secret.put(tx, SMTP_KEY, JSON.stringify(row));
    },

    /** The address mails come from (also the VAPID contact of web push). */
    from: async () => (await resolve()).from,
  };
}

export type Mailer = ReturnType<typeof createMailer>;
