// Auth: sign-up, log-in, sessions (Lucia's design: `<id>.<secret>` tokens, SHA-256 of the secret stored,
// sliding expiry, revoke-all) and the failed-login throttle.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { Forbidden, Unauthorized } from "../../lib/errors.ts";
import { DAY, HOUR, MINUTE } from "../../lib/clock.ts";
import { constantTimeEqual, sha256Hex } from "../../lib/crypto.ts";
import { newId, newSecret } from "../../lib/ids.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { RateLimitService } from "../ratelimit/service.ts";
import { toSelf, type SelfUser, type UsersService } from "../users/service.ts";
import type { UserRow } from "../users/tables.ts";
import { dummyHash, hashPassword, verifyPassword } from "./password.ts";
import { sessionsPrivacyRepo, sessionsRepo } from "./repo.ts";
import type { SessionRow } from "./tables.ts";

export interface SignupInput {
  email: string;
  username: string;
  password: string;
  displayName?: string | undefined;
}

export interface AuthResult {
  user: SelfUser;
  token: string;
  expiresAt: number;
}

export interface Viewer {
  user: UserRow;
  session: SessionRow;
}

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
  deps: {
    users: Pick<UsersService, "insert" | "byEmail" | "byId">;
    creators: Pick<CreatorsService, "self">;
    rateLimit: Pick<RateLimitService, "consume" | "forgive">;
  },
) {
  const { users, creators, rateLimit } = deps;
  const lifetime = () => ctx.config.auth.session_days * DAY;
  const loginLimit = () => ({
    max: ctx.config.auth.login_max_failures,
    windowMs: ctx.config.auth.login_window_minutes * MINUTE,
  });

  /** Creates a session inside the caller's transaction and returns its token. */
  async function createSession(tx: DrizzleDb, userId: string): Promise<{ token: string; expiresAt: number }> {
    const id = newId();
    const secret = newSecret(20);
    const now = ctx.clock.now();
    const expiresAt = now + lifetime();
    await sessionsRepo.insert(tx, { id, userId, secretHash: sha256Hex(secret), createdAt: now, expiresAt });
    return { token: `${id}.${secret}`, expiresAt };
  }

  return {
    createSession,
    hashPassword,

    async signup(input: SignupInput, clientIp: string): Promise<AuthResult> {
      const key = `signup:ip:${clientIp}`;
      const limit = { max: ctx.config.auth.signups_per_ip_per_hour, windowMs: HOUR };
      // The allowance counts accounts made, so an attempt that fails (e.g. email taken) is given back.
      await rateLimit.consume([[key, limit]], "Too many sign-ups from your network. Try again later.");
      try {
        const passwordHash = await hashPassword(input.password);
        return await ctx.db.write(async (tx) => {
          const user = await users.insert(tx, { ...input, passwordHash, role: "fan" });
          const s = await createSession(tx, user.id);
          return { user: toSelf(user, false), ...s };
        });
      } catch (err) {
        await rateLimit.forgive([key]);
        throw err;
      }
    },

    async login(email: string, password: string, clientIp: string): Promise<AuthResult> {
      const normalized = email.trim().toLowerCase();
      const emailKey = `login:email:${normalized}`;
      const ipKey = `login:ip:${clientIp}`;
      // Every attempt is counted before the password is checked; a success gives its attempt back.
      // An address may stand for many people (NAT), so it gets four times the per-account allowance.
      await rateLimit.consume(
        [
          [emailKey, loginLimit()],
          [ipKey, { ...loginLimit(), max: loginLimit().max * 4 }],
        ],
        "Too many failed log-in attempts. Try again later.",
      );
      const user = await users.byEmail(normalized);
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
      if (!user || !ok) throw new Unauthorized("Email or password is incorrect.", "invalid_credentials");
      assertMayLogIn(user, ctx.clock.now());
      // The limits count failures: a good login gives back what it used of both.
      await rateLimit.forgive([emailKey, ipKey]);
      const self = await creators.self(user);
      return ctx.db.write(async (tx) => ({ user: self, ...(await createSession(tx, user.id)) }));
    },

    /** Resolves a token to its viewer, extending the session when half its lifetime is used. */
    async validate(token: string): Promise<Viewer | null> {
      const dot = token.indexOf(".");
      if (dot <= 0 || token.length > 200) return null;
      const id = token.slice(0, dot);
      const found = await sessionsRepo.withUser(ctx.db.read, id);
      if (!found) return null;
      const now = ctx.clock.now();
      if (!constantTimeEqual(found.session.secretHash, sha256Hex(token.slice(dot + 1)))) return null;
      if (found.session.expiresAt <= now || accountBlock(found.user, now)) {
        await ctx.db.write((tx) => sessionsRepo.remove(tx, id));
        return null;
      }
      if (found.session.expiresAt - now < lifetime() / 2) {
        const expiresAt = now + lifetime();
        await ctx.db.write((tx) => sessionsRepo.extend(tx, id, expiresAt));
        found.session.expiresAt = expiresAt;
      }
      return found;
    },

    async logout(sessionId: string): Promise<void> {
      await ctx.db.write((tx) => sessionsRepo.remove(tx, sessionId));
    },

    async logoutEverywhere(userId: string): Promise<void> {
      await ctx.db.write((tx) => sessionsRepo.removeAllOf(tx, userId));
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

    /** Every session of the person ends, inside the caller's write (erasure). */
    revokeAllTx: (tx: DrizzleDb, userId: string) => sessionsRepo.removeAllOf(tx, userId),

    async removeExpiredSessions(): Promise<number> {
      return ctx.db.write((tx) => sessionsRepo.removeExpired(tx, ctx.clock.now()));
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
