// The account flows that go through the person's mailbox: a password reset (a single-use link, one hour),
// proving the address (a link mailed at sign-up and on request), and a change of password while signed
// in. Links are built from `server.public_url`, never from the request's Host header (which anyone can
// set). A reset or a change of password ends sessions and tells the person by mail.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { publicUrl } from "../../config/load.ts";
import { DAY, HOUR } from "../../lib/clock.ts";
import { Conflict, Invalid, NotFound } from "../../lib/errors.ts";
import { newSecret } from "../../lib/ids.ts";
import type { AuditService } from "../audit/service.ts";
import type { NotificationsService } from "../notifications/service.ts";
import type { RateLimitService } from "../ratelimit/service.ts";
import type { SiteService } from "../site/service.ts";
import type { UsersService } from "../users/service.ts";
import type { UserRow } from "../users/tables.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { tokensRepo } from "./repo.ts";
import type { SessionStore } from "./session-store.ts";
import type { Tokens } from "./tokens.ts";

export const RESET_TTL_MS = HOUR;
export const VERIFY_TTL_MS = 2 * DAY;

export interface AccountFlowDeps {
  users: Pick<UsersService, "byEmail" | "byId" | "update" | "setEmailVerifiedTx">;
  rateLimit: Pick<RateLimitService, "consume" | "forgive">;
  audit: Pick<AuditService, "recordTx">;
  notifications: Pick<NotificationsService, "mailTx">;
  site: Pick<SiteService, "settings">;
}

const utc = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;

export function createAccountFlows(
  ctx: AppContext,
  deps: AccountFlowDeps,
  tokens: Tokens,
  loginKeys: (email: string, ip: string) => Parameters<RateLimitService["consume"]>[0],
  sessions: SessionStore,
) {
  const { users, rateLimit, audit, notifications, site } = deps;
  const link = (path: string, token: string) => `${publicUrl(ctx.config)}${path}?token=${token}`;

  /** Inside the caller's write: a new verification link for the person's current address, by mail. */
  async function sendVerificationTx(tx: DrizzleDb, user: Pick<UserRow, "id" | "email">): Promise<void> {
    await tokensRepo.removeOf(tx, user.id, "email_verify");
    const token = await tokens.issueTx(tx, {
      userId: user.id,
      purpose: "email_verify",
      ttlMs: VERIFY_TTL_MS,
      email: user.email,
    });
    const name = (await site.settings(tx)).name;
    const url = link("/verify-email", token);
    await notifications.mailTx(tx, {
      userId: user.id,
      to: user.email,
      kind: "email_verify",
      subject: `Confirm your e-mail address for ${name}`,
      text:
        `Please confirm that ${user.email} is your address on ${name}:\n\n${url}\n\n` +
        `The link works for 48 hours. If you did not sign up, ignore this mail.`,
      action: { label: "Confirm my address", url },
    });
  }

  /** Inside the caller's write: "your password was changed", to the person's address. */
  async function passwordChangedMailTx(tx: DrizzleDb, user: UserRow, how: string, ip: string) {
    const name = (await site.settings(tx)).name;
    await notifications.mailTx(tx, {
      userId: user.id,
      to: user.email,
      kind: "password_changed",
      subject: `Your ${name} password was changed`,
      text:
        `The password of your ${name} account (${user.email}) was ${how} on ${utc(ctx.clock.now())}` +
        ` from the address ${ip}.\n\n` +
        `If this was not you, reset your password now at ${publicUrl(ctx.config)}/forgot-password ` +
        `and tell the site's team.`,
    });
  }

  return {
    sendVerificationTx,

    /** Mails a new verification link to the signed-in person (a few per hour). */
    async requestVerification(userId: string): Promise<void> {
      const user = await users.byId(userId);
      if (!user) throw new NotFound("User");
      if (user.emailVerifiedAt !== null)
        throw new Conflict("Your address is already confirmed.", "already_verified");
      await rateLimit.consume(
        [[`verify:user:${userId}`, { max: 5, windowMs: HOUR }]],
        "Too many verification mails. Check your inbox (and the spam folder), or try again later.",
      );
      await ctx.db.write((tx) => sendVerificationTx(tx, user));
    },

    /** Spends a verification link: the address it was sent to is now proved (if it is still the account's). */
    async verifyEmail(token: string, ip: string): Promise<void> {
      await ctx.db.write(async (tx) => {
        const row = await tokens.useTx(tx, token, "email_verify");
        const user = row ? await users.byId(row.userId) : undefined;
        if (!row || !user || user.email !== row.email) {
          throw new Invalid(
            "This confirmation link is not valid any more. Ask for a new one from your settings.",
            undefined,
            "invalid_token",
          );
        }
        if (user.emailVerifiedAt !== null) return;
        await users.setEmailVerifiedTx(tx, user.id, ctx.clock.now());
        await audit.recordTx(tx, {
          actorId: user.id,
          ip,
          action: "auth.email.verify",
          target: { type: "user", id: user.id },
          details: { email: user.email },
        });
      });
    },

    /**
     * Mails a reset link when an account has this address. The answer, and the work done, are the same
     * whether or not it exists, so the route cannot be used to find out who has an account.
     */
    async requestReset(email: string, ip: string): Promise<void> {
      const normalized = email.trim().toLowerCase();
      await rateLimit.consume(
        [
          [`reset:ip:${ip}`, { max: 10, windowMs: HOUR }],
          [`reset:email:${normalized}`, { max: 5, windowMs: HOUR }],
        ],
        "Too many password reset requests. Try again later.",
      );
      const user = await users.byEmail(normalized);
      const name = (await site.settings()).name;
      // Drawn and rendered either way; only a real account's row and mail are written.
      const token = newSecret(20);
      const url = link("/reset-password", token);
      const text =
        `Someone (hopefully you) asked to reset the password of the ${name} account of ${normalized}.\n\n` +
        `Choose a new password here:\n\n${url}\n\n` +
        `The link works once, for one hour. If you did not ask for it, ignore this mail: your password ` +
        `stays as it is.`;
      const mayReset = user !== undefined && user.status !== "deleted";
      await ctx.db.write(async (tx) => {
        await tokensRepo.removeOf(tx, user?.id ?? "", "password_reset");
        if (!mayReset) {
          // The reads the real branch makes (its token's key, the site's name for the mail).
          await tokensRepo.byHash(tx, tokens.hash(token));
          await site.settings(tx);
          return;
        }
        const now = ctx.clock.now();
        await tokensRepo.insert(tx, {
          tokenHash: tokens.hash(token),
          userId: user.id,
          purpose: "password_reset",
          email: user.email,
          createdAt: now,
          expiresAt: now + RESET_TTL_MS,
          usedAt: null,
        });
        await notifications.mailTx(tx, {
          userId: user.id,
          to: user.email,
          kind: "password_reset",
          subject: `Reset your ${name} password`,
          text,
          action: { label: "Choose a new password", url },
        });
      });
    },

    /** Sets a new password with a reset link: the link is spent, every session ends, the person is told. */
    async confirmReset(token: string, password: string, ip: string): Promise<void> {
      const invalid = () =>
        new Invalid(
          "This reset link is not valid any more (links work once, for one hour). Ask for a new one.",
          undefined,
          "invalid_token",
        );
      if (!(await tokens.peek(ctx.db.read, token, "password_reset"))) throw invalid();
      const passwordHash = await hashPassword(password);
      await ctx.db.write(async (tx) => {
        const row = await tokens.useTx(tx, token, "password_reset");
        const user = row ? await users.byId(row.userId) : undefined;
        if (!row || !user) throw invalid();
        await users.update(tx, user.id, { passwordHash });
        await sessions.removeAllOf(tx, user.id);
        await tokensRepo.removeOf(tx, user.id, "password_reset");
        await tokensRepo.removeOf(tx, user.id, "login_2fa");
        // The link came to the address: that proves it, as a verification link would.
        if (user.emailVerifiedAt === null && row.email === user.email)
          await users.setEmailVerifiedTx(tx, user.id, ctx.clock.now());
        await audit.recordTx(tx, {
          actorId: user.id,
          ip,
          action: "auth.password.reset",
          target: { type: "user", id: user.id },
        });
        await passwordChangedMailTx(tx, user, "reset with a link mailed to you", ip);
      });
    },

    /** A signed-in change of password: the current one is checked (counted like a log-in); other sessions end. */
    async changePassword(
      user: UserRow,
      sessionId: string,
      input: { currentPassword: string; newPassword: string },
      ip: string,
    ): Promise<void> {
      const keys = loginKeys(user.email, ip);
      await rateLimit.consume(keys, "Too many failed attempts. Try again later.");
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        throw new Invalid(
          "The current password is not right.",
          {
            fields: { currentPassword: "The current password is not right." },
          },
          "invalid_password",
        );
      }
      await rateLimit.forgive(keys.map(([k]) => k));
      const passwordHash = await hashPassword(input.newPassword);
      await ctx.db.write(async (tx) => {
        await users.update(tx, user.id, { passwordHash });
        await sessions.removeOthersOf(tx, user.id, sessionId);
        await tokensRepo.removeOf(tx, user.id, "password_reset");
        await audit.recordTx(tx, {
          actorId: user.id,
          ip,
          action: "auth.password.change",
          target: { type: "user", id: user.id },
        });
        await passwordChangedMailTx(tx, user, "changed", ip);
      });
    },
  };
}

export type AccountFlows = ReturnType<typeof createAccountFlows>;
