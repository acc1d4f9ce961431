// Two-factor sign-in with an authenticator app (TOTP, RFC 6238: 6 digits, 30-second steps, ±1 step of
// drift) and single-use recovery codes. The secret is sealed with the site's key; a code is accepted
// once (the last used time step is stored, so the same code, or an older one, is refused). With it on,
// a right password gives a short-lived challenge instead of a session; the code turns it into one.
// Wrong codes count against the same limits as wrong passwords.
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { randomBytes } from "node:crypto";
import { renderSVG } from "uqr";
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { HOUR, MINUTE } from "../../lib/clock.ts";
import { constantTimeEqual, sha256Hex } from "../../lib/crypto.ts";
import { Conflict, Invalid, Unauthorized } from "../../lib/errors.ts";
import { newId, newSecret } from "../../lib/ids.ts";
import type { UserRow } from "../users/tables.ts";
import type { AccountFlowDeps } from "./reset.ts";
import { verifyPassword } from "./password.ts";
import { recoveryRepo, tokensRepo, totpRepo } from "./repo.ts";
import type { Tokens } from "./tokens.ts";
import type { UsersService } from "../users/service.ts";

export const TOTP_PERIOD_S = 30;
const DIGITS = 6;
export const RECOVERY_CODE_COUNT = 10;
/** How long the second step of a log-in may wait for its code. */
export const CHALLENGE_TTL_MS = 5 * MINUTE;
/** A secret shown for set-up must be confirmed within this. */
const PENDING_TTL_MS = HOUR;

/** "abcd-efgh-ijkl-mnop": 16 base32 characters, 80 bits. */
function newRecoveryCode(): string {
  return newSecret(10).match(/.{4}/g)!.join("-");
}
const normalizeRecovery = (code: string) => code.toLowerCase().replace(/[^a-z2-7]/g, "");
const hashRecovery = (code: string) => sha256Hex(`recovery:${normalizeRecovery(code)}`);

export type SecondFactor = { code: string } | { recoveryCode: string };

export function createTwoFactor(
  ctx: AppContext,
  deps: AccountFlowDeps & { users: Pick<UsersService, "setTwoFactorTx" | "byId"> },
  tokens: Tokens,
  loginKeys: (email: string, ip: string) => Parameters<AccountFlowDeps["rateLimit"]["consume"]>[0],
) {
  const { users, rateLimit, audit, notifications, site } = deps;
  const step = () => Math.floor(ctx.clock.now() / 1000 / TOTP_PERIOD_S);

  /** The time step this code belongs to (now, or one step either side), if it is right and newer than `after`. */
  function matchStep(secretB32: string, code: string, after: number | null): number | null {
    const digits = code.replace(/\s+/g, "");
    if (!/^\d{6}$/.test(digits)) return null;
    const key = decodeBase32IgnorePadding(secretB32);
    const now = step();
    for (const s of [now - 1, now, now + 1]) {
      if (after !== null && s <= after) continue;
      if (constantTimeEqual(generateHOTP(key, BigInt(s), DIGITS), digits)) return s;
    }
    return null;
  }

  /**
   * Inside the caller's write: checks a code of the person's enabled authenticator (spending its time
   * step) or a recovery code (spending it). Returns which was used, or null when it is wrong.
   */
  async function spendFactorTx(tx: DrizzleDb, user: UserRow, f: SecondFactor, ip: string) {
    const row = await totpRepo.get(tx, user.id);
    if (!row?.secretSealed) return null;
    if ("recoveryCode" in f) {
      if ((await recoveryRepo.use(tx, user.id, hashRecovery(f.recoveryCode), ctx.clock.now())) !== 1)
        return null;
      await audit.recordTx(tx, {
        actorId: user.id,
        ip,
        action: "auth.recovery_code.used",
        target: { type: "user", id: user.id },
        details: { left: await recoveryRepo.unusedCount(tx, user.id) },
      });
      return "recovery" as const;
    }
    const s = matchStep(ctx.sealer.open(row.secretSealed), f.code, row.lastStep);
    if (s === null || (await totpRepo.advanceStep(tx, user.id, s)) !== 1) return null;
    return "totp" as const;
  }

  /** Inside the caller's write: ten new recovery codes replace the old ones; returns them (shown once). */
  async function newRecoveryCodesTx(tx: DrizzleDb, userId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await recoveryRepo.replace(
      tx,
      userId,
      codes.map(hashRecovery),
      ctx.clock.now(),
      codes.map(() => newId()),
    );
    return codes;
  }

  /** Counts a code attempt like a log-in attempt; the caller forgives it when the code was right. */
  async function countAttempt(user: UserRow, ip: string) {
    const keys = loginKeys(user.email, ip);
    await rateLimit.consume(keys, "Too many wrong codes. Try again later.");
    return keys.map(([k]) => k);
  }

  const wrongCode = (field: string) =>
    new Invalid(
      "That code is not right (or was used already). Enter the current code from your app.",
      { fields: { [field]: "That code is not right." } },
      "invalid_code",
    );

  return {
    spendFactorTx,

    /** Whether two-factor sign-in is on and how many recovery codes are left. */
    async status(user: UserRow) {
      const on = user.twoFactorEnabledAt !== null;
      return {
        enabled: on,
        enabledAt: user.twoFactorEnabledAt,
        recoveryCodesLeft: on ? await recoveryRepo.unusedCount(ctx.db.read, user.id) : 0,
      };
    },

    /** A new secret to scan (QR code) or type; stored sealed and pending until a code confirms it. */
    async setup(user: UserRow) {
      if (user.twoFactorEnabledAt !== null)
        throw new Conflict(
          "Two-factor sign-in is already on. Turn it off first to use another app.",
          "two_factor_enabled",
        );
      const secret = encodeBase32UpperCaseNoPadding(randomBytes(20));
      await ctx.db.write((tx) => totpRepo.putPending(tx, user.id, ctx.sealer.seal(secret), ctx.clock.now()));
      const issuer = (await site.settings()).name;
      const otpauthUrl = createTOTPKeyURI(
        issuer,
        user.email,
        decodeBase32IgnorePadding(secret),
        TOTP_PERIOD_S,
        DIGITS,
      );
      const qrSvg = renderSVG(otpauthUrl, { border: 2, pixelSize: 6 });
      return { secret, otpauthUrl, qrSvg };
    },

    /** Confirms the pending secret with a code from the app: on, with ten recovery codes (shown once). */
    async enable(user: UserRow, code: string, ip: string): Promise<{ recoveryCodes: string[] }> {
      if (user.twoFactorEnabledAt !== null)
        throw new Conflict("Two-factor sign-in is already on.", "two_factor_enabled");
      const keys = await countAttempt(user, ip);
      const codes = await ctx.db.write(async (tx) => {
        const row = await totpRepo.get(tx, user.id);
        if (!row?.pendingSealed || (row.pendingAt ?? 0) < ctx.clock.now() - PENDING_TTL_MS)
          throw new Conflict(
            "Start the set-up again: no new secret is waiting for a code.",
            "no_pending_setup",
          );
        const s = matchStep(ctx.sealer.open(row.pendingSealed), code, null);
        if (s === null) throw wrongCode("code");
        const now = ctx.clock.now();
        await totpRepo.update(tx, user.id, {
          secretSealed: row.pendingSealed,
          pendingSealed: null,
          pendingAt: null,
          enabledAt: now,
          lastStep: s,
        });
        await users.setTwoFactorTx(tx, user.id, now);
        const recovery = await newRecoveryCodesTx(tx, user.id);
        await audit.recordTx(tx, {
          actorId: user.id,
          ip,
          action: "auth.2fa.enable",
          target: { type: "user", id: user.id },
        });
        return recovery;
      });
      await rateLimit.forgive(keys);
      return { recoveryCodes: codes };
    },

    /** Turns it off: the password and a current code (or a recovery code) are both needed. */
    async disable(user: UserRow, input: { password: string; code: string }, ip: string): Promise<void> {
      if (user.twoFactorEnabledAt === null)
        throw new Conflict("Two-factor sign-in is not on.", "two_factor_disabled");
      const keys = await countAttempt(user, ip);
      if (!(await verifyPassword(user.passwordHash, input.password))) {
        throw new Invalid(
          "The password is not right.",
          { fields: { password: "The password is not right." } },
          "invalid_password",
        );
      }
      await ctx.db.write(async (tx) => {
        const factor: SecondFactor = /^\s*\d{3}\s*\d{3}\s*$/.test(input.code)
          ? { code: input.code }
          : { recoveryCode: input.code };
        if (!(await spendFactorTx(tx, user, factor, ip))) throw wrongCode("code");
        await totpRepo.remove(tx, user.id);
        await recoveryRepo.removeAll(tx, user.id);
        await tokensRepo.removeOf(tx, user.id, "login_2fa");
        await users.setTwoFactorTx(tx, user.id, null);
        await audit.recordTx(tx, {
          actorId: user.id,
          ip,
          action: "auth.2fa.disable",
          target: { type: "user", id: user.id },
        });
        const name = (await site.settings(tx)).name;
        await notifications.mailTx(tx, {
          userId: user.id,
          to: user.email,
          kind: "two_factor_disabled",
          subject: `Two-factor sign-in was turned off on ${name}`,
          text:
            `Two-factor sign-in was turned off for your ${name} account (${user.email}) from the address ${ip}.\n\n` +
            `If this was not you, reset your password at once and turn it on again.`,
        });
      });
      await rateLimit.forgive(keys);
    },

    /** New recovery codes (the old ones stop working); a current code is needed. */
    async regenerateRecoveryCodes(
      user: UserRow,
      code: string,
      ip: string,
    ): Promise<{ recoveryCodes: string[] }> {
      if (user.twoFactorEnabledAt === null)
        throw new Conflict("Two-factor sign-in is not on.", "two_factor_disabled");
      const keys = await countAttempt(user, ip);
      const codes = await ctx.db.write(async (tx) => {
        if ((await spendFactorTx(tx, user, { code }, ip)) !== "totp") throw wrongCode("code");
        const recovery = await newRecoveryCodesTx(tx, user.id);
        await audit.recordTx(tx, {
          actorId: user.id,
          ip,
          action: "auth.recovery_codes.renew",
          target: { type: "user", id: user.id },
        });
        return recovery;
      });
      await rateLimit.forgive(keys);
      return { recoveryCodes: codes };
    },

    /** After a right password: the challenge the second step answers (single-use, a few minutes). */
    issueChallenge: (user: UserRow): Promise<string> =>
      ctx.db.write((tx) =>
        tokens.issueTx(tx, { userId: user.id, purpose: "login_2fa", ttlMs: CHALLENGE_TTL_MS }),
      ),

    /**
     * The second step of a log-in: the challenge and a code (or a recovery code). Wrong codes count
     * against the log-in limits; the challenge stays usable until it expires or succeeds once.
     * `finish` makes the session inside the same write.
     */
    async completeLogin<T>(
      challenge: string,
      factor: SecondFactor,
      ip: string,
      finish: (tx: DrizzleDb, user: UserRow) => Promise<T>,
    ): Promise<T> {
      const invalidChallenge = () =>
        new Unauthorized(
          "This sign-in has expired. Enter your email and password again.",
          "invalid_challenge",
        );
      const pending = await tokens.peek(ctx.db.read, challenge, "login_2fa");
      const user = pending ? await users.byId(pending.userId) : undefined;
      if (!pending || !user) throw invalidChallenge();
      const keys = await countAttempt(user, ip);
      const result = await ctx.db.write(async (tx) => {
        if (!(await tokens.useTx(tx, challenge, "login_2fa"))) throw invalidChallenge();
        if (!(await spendFactorTx(tx, user, factor, ip))) {
          throw new Unauthorized(
            "recoveryCode" in factor
              ? "That recovery code is not right or was used already."
              : "That code is not right (or was used already). Enter the current code from your app.",
            "invalid_code",
          );
        }
        return finish(tx, user);
      });
      await rateLimit.forgive(keys);
      return result;
    },
  };
}

export type TwoFactor = ReturnType<typeof createTwoFactor>;
