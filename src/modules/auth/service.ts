// Auth: sign-up, log-in, sessions (Lucia's design: `<id>.<secret>` tokens, SHA-256 of the secret stored,
// sliding expiry, revoke-all; device, address and last-seen kept for the security page) and the
// failed-login throttle. The flows around it live beside it: two-factor sign-in (totp.ts), passkeys
// (passkeys.ts), the mailed links of password reset and address verification (reset.ts), the list of
// sessions (sessions.ts), single-use tokens (tokens.ts).
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { Forbidden, resourceFault, Unauthorized } from "../../lib/errors.ts";
import { DAY, HOUR, MINUTE } from "../../lib/clock.ts";
import { constantTimeEqual, sha256Hex } from "../../lib/crypto.ts";
import { newId, newSecret } from "../../lib/ids.ts";
import type { ReferralsService } from "../referrals/service.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { RateLimitService } from "../ratelimit/service.ts";
import { toSelf, type SelfUser, type UsersService } from "../users/service.ts";
import type { UserRow } from "../users/tables.ts";
import { createPasskeys } from "./passkeys.ts";
import { dummyHash, hashPassword, verifyPassword } from "./password.ts";
import { sessionsPrivacyRepo, tokensRepo } from "./repo.ts";
import { createSessionStore } from "./session-store.ts";
import { createAccountFlows, type AccountFlowDeps } from "./reset.ts";
import { createSessionList, type ClientInfo } from "./sessions.ts";
import type { SessionRow } from "./tables.ts";
import { createTokens } from "./tokens.ts";
import { createTwoFactor, type SecondFactor } from "./totp.ts";

export type { ClientInfo } from "./sessions.ts";

export interface SignupInput {
  email: string;
  username: string;
  password: string;
  displayName?: string | undefined;
  /** The referral code of the link the person came through (a creator's username). */
  ref?: string | undefined;
}

export interface AuthResult {
  user: SelfUser;
  token: string;
  expiresAt: number;
}

/** A log-in answers a session, or (two-factor sign-in on) a challenge for the second step. */
export type LoginResult =
  ({ twoFactorRequired: false } & AuthResult) | { twoFactorRequired: true; challenge: string };

export interface Viewer {
  user: UserRow;
  session: SessionRow;
}

/** Last seen moves at most this often (it is written by the requests themselves). */
export const LAST_SEEN_EVERY_MS = MINUTE;

/** Why this account may not be used now (banned, suspended, erased), or null when it may. */
export function accountBlock(user: UserRow, now: number): { code: string; message: string } | null {
  switch (user.status) {
    case "active":
      return null;
    case "banned":
      return { code: "banned", message: "This account has been banned." };
    case "deleted":
      return { code: "account_deleted", message: "This account has been deleted." };
    case "suspended":
      return user.suspendedUntil !== null && user.suspendedUntil <= now
        ? null
        : {
            code: "suspended",
            message: `This account is suspended${user.suspendedUntil ? ` until ${new Date(user.suspendedUntil).toISOString().slice(0, 16).replace("T", " ")} UTC` : ""}.`,
          };
  }
}

function assertMayLogIn(user: UserRow, now: number): void {
  const block = accountBlock(user, now);
  if (block) throw new Forbidden(block.message, block.code);
}

export function createAuthService(
  ctx: AppContext,
  deps: Omit<AccountFlowDeps, "users"> & {
    users: Pick<
      UsersService,
      "insert" | "byEmail" | "byId" | "current" | "update" | "setEmailVerifiedTx" | "setTwoFactorTx"
    >;
    creators: Pick<CreatorsService, "self">;
    rateLimit: Pick<RateLimitService, "consume" | "forgive">;
    referrals: Pick<ReferralsService, "recordTx">;
  },
) {
  const { users, creators, rateLimit, referrals } = deps;
  const lifetime = () => ctx.config.auth.session_days * DAY;
  const loginLimit = () => ({
    max: ctx.config.auth.login_max_failures,
    windowMs: ctx.config.auth.login_window_minutes * MINUTE,
  });
  /** What a failed password or code counts against. An address may stand for many people (NAT): four times. */
  const loginKeys = (email: string, ip: string): [string, { max: number; windowMs: number }][] => [
    [`login:email:${email.trim().toLowerCase()}`, loginLimit()],
    [`login:ip:${ip}`, { ...loginLimit(), max: loginLimit().max * 4 }],
  ];
  const tokens = createTokens(ctx.clock);
  const sessions = createSessionStore(ctx);
  const accountFlows = createAccountFlows(ctx, deps, tokens, loginKeys, sessions);
  const twoFactor = createTwoFactor(ctx, deps, tokens, loginKeys);
  const passkeys = createPasskeys(ctx, deps);
  const sessionList = createSessionList(ctx, sessions);

  /** Creates a session inside the caller's transaction and returns its token. */
  async function createSession(
    tx: DrizzleDb,
    userId: string,
    client: ClientInfo = { ip: null, userAgent: null },
  ): Promise<{ token: string; expiresAt: number }> {
    const id = newId();
    const secret = newSecret(20);
    const now = ctx.clock.now();
    const expiresAt = now + lifetime();
    await sessions.insert(tx, {
      id,
      userId,
      secretHash: sha256Hex(secret),
      createdAt: now,
      expiresAt,
      userAgent: client.userAgent?.slice(0, 512) ?? null,
      ip: client.ip,
      country: client.country ?? null,
      lastSeenAt: now,
    });
    return { token: `${id}.${secret}`, expiresAt };
  }

  /** Inside a write: the session of a person who proved who they are (password + code, or a passkey). */
  async function signIn(tx: DrizzleDb, user: UserRow, client: ClientInfo): Promise<AuthResult> {
    assertMayLogIn(user, ctx.clock.now());
    const self = await creators.self(user);
    return { user: self, ...(await createSession(tx, user.id, client)) };
  }

  return {
    createSession,
    hashPassword,

    async signup(input: SignupInput, client: ClientInfo & { ip: string }): Promise<AuthResult> {
      const key = `signup:ip:${client.ip}`;
      const limit = { max: ctx.config.auth.signups_per_ip_per_hour, windowMs: HOUR };
      // The allowance counts accounts made, so an attempt that fails (e.g. email taken) is given back.
      await rateLimit.consume([[key, limit]], "Too many sign-ups from your network. Try again later.");
      try {
        const { ref, ...fields } = input;
        const passwordHash = await hashPassword(fields.password);
        return await ctx.db.write(async (tx) => {
          const user = await users.insert(tx, { ...fields, passwordHash, role: "fan" });
          if (ref) await referrals.recordTx(tx, user.id, ref);
          const s = await createSession(tx, user.id, client);
          await accountFlows.sendVerificationTx(tx, user);
          return { user: toSelf(user, false), ...s };
        });
      } catch (err) {
        await rateLimit.forgive([key]);
        throw err;
      }
    },

    async login(email: string, password: string, client: ClientInfo & { ip: string }): Promise<LoginResult> {
      const normalized = email.trim().toLowerCase();
      const keys = loginKeys(normalized, client.ip);
      // Every attempt is counted before the password is checked; a success gives its attempt back.
      await rateLimit.consume(keys, "Too many failed log-in attempts. Try again later.");
      const user = await users.byEmail(normalized);
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
      if (!user || !ok) throw new Unauthorized("Email or password is incorrect.", "invalid_credentials");
      assertMayLogIn(user, ctx.clock.now());
      // The limits count failures: a good login gives back what it used of both.
      await rateLimit.forgive(keys.map(([k]) => k));
      if (user.twoFactorEnabledAt !== null)
        return { twoFactorRequired: true, challenge: await twoFactor.issueChallenge(user) };
      return { twoFactorRequired: false, ...(await ctx.db.write((tx) => signIn(tx, user, client))) };
    },

    /** The second step of a two-factor log-in. */
    loginSecondFactor: (challenge: string, factor: SecondFactor, client: ClientInfo & { ip: string }) =>
      twoFactor.completeLogin(challenge, factor, client.ip, (tx, user) => signIn(tx, user, client)),

    /**
     * For sign-in providers (sso): inside a write, the session of someone the provider vouched for
     * (standing checked); `twoFactorChallenge` when their second factor is still to come; the link
     * that proves an address the provider did not.
     */
    signInTx: (tx: DrizzleDb, user: UserRow, client: ClientInfo) => signIn(tx, user, client),
    twoFactorChallenge: (user: UserRow) => twoFactor.issueChallenge(user),
    sendVerificationTx: accountFlows.sendVerificationTx,

    /** Options for signing in with a passkey (no account named). */
    passkeyLoginOptions: (client: ClientInfo & { ip: string }) => passkeys.loginOptions(client.ip),
    /** Signs in with a passkey's answer to those options. */
    passkeyLogin: (input: Parameters<typeof passkeys.login>[0], client: ClientInfo) =>
      passkeys.login(input, (tx, user) => signIn(tx, user, client)),

    /**
     * Resolves a token to its viewer, extending the session when half its lifetime is used and moving
     * its last-seen time (and address) at most once a minute.
     */
    async validate(
      token: string,
      client?: { ip: string | null; country?: string | null },
    ): Promise<Viewer | null> {
      const dot = token.indexOf(".");
      if (dot <= 0 || token.length > 200) return null;
      const id = token.slice(0, dot);
      const session = await sessions.get(id);
      const user = session && (await users.current(session.userId));
      if (!session || !user) return null;
      const found: Viewer = { session, user };
      const now = ctx.clock.now();
      if (!constantTimeEqual(found.session.secretHash, sha256Hex(token.slice(dot + 1)))) return null;
      if (found.session.expiresAt <= now || accountBlock(found.user, now)) {
        await ctx.db.write((tx) => sessions.remove(tx, id));
        return null;
      }
      const patch: Parameters<typeof sessions.update>[2] = {};
      if (found.session.expiresAt - now < lifetime() / 2) patch.expiresAt = now + lifetime();
      if (client && now - (found.session.lastSeenAt ?? found.session.createdAt) >= LAST_SEEN_EVERY_MS) {
        patch.lastSeenAt = now;
        if (client.ip && client.ip !== "unknown") {
          patch.ip = client.ip;
          patch.country = client.country ?? null;
        }
      }
      if (Object.keys(patch).length > 0) {
        // Bookkeeping: a full disk or a locked database must not turn the request into an error (the
        // session stays valid; the next request tries again).
        const saved = await ctx.db
          .write((tx) => sessions.update(tx, id, patch))
          .then(
            () => true,
            (err: unknown) => {
              if (!resourceFault(err)) throw err;
              return false;
            },
          );
        if (saved) Object.assign(found.session, patch);
      }
      return found;
    },

    async logout(sessionId: string): Promise<void> {
      await ctx.db.write((tx) => sessions.remove(tx, sessionId));
    },

    /** Inside the caller's write: every session of this person ends (a ban, a suspension). */
    revokeAllTx: (tx: DrizzleDb, userId: string): Promise<void> => sessions.removeAllOf(tx, userId),

    async logoutEverywhere(userId: string): Promise<void> {
      await ctx.db.write((tx) => sessions.removeAllOf(tx, userId));
    },

    /** Whether `password` is this person's (erasure asks before anything changes). */
    async passwordMatches(userId: string, password: string): Promise<boolean> {
      const user = await users.byId(userId);
      return verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    },

    /** GDPR export: the person's sessions (when made, until when), never their secrets. */
    personalData: async (userId: string) => ({
      sessions: await sessionsPrivacyRepo.ofUser(ctx.db.read, userId),
    }),

    /** Expired sessions, account tokens and WebAuthn challenges (the scheduler, hourly). */
    async removeExpiredSessions(): Promise<number> {
      return ctx.db.write(async (tx) => {
        const now = ctx.clock.now();
        const n = await sessions.removeExpired(tx, now);
        await tokensRepo.removeExpired(tx, now);
        await passkeys.removeExpiredTx(tx);
        return n;
      });
    },

    sessions: sessionList,
    twoFactor: {
      status: twoFactor.status,
      setup: twoFactor.setup,
      enable: twoFactor.enable,
      disable: twoFactor.disable,
      regenerateRecoveryCodes: twoFactor.regenerateRecoveryCodes,
    },
    passkeys: {
      list: passkeys.list,
      registrationOptions: passkeys.registrationOptions,
      register: passkeys.register,
      rename: passkeys.rename,
      remove: passkeys.remove,
    },
    account: {
      requestVerification: accountFlows.requestVerification,
      verifyEmail: accountFlows.verifyEmail,
      requestReset: accountFlows.requestReset,
      confirmReset: accountFlows.confirmReset,
      changePassword: accountFlows.changePassword,
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
