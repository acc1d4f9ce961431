// Sign-in with outside providers (OpenID Connect today; see providers.ts for the interface an OAuth-only
// provider would implement). A flow starts with state, nonce and a PKCE verifier stored under a random
// cookie value (`fanz_sso`, hashed in the table), and the provider's callback spends it once. Then:
// - a linked identity signs its person in (a banned or suspended person stays out);
// - no link, but the provider asserts `email_verified: true` for an address whose account has proved it
//   too: the identity is linked to that account and signs in (an unproved address on either side links
//   nothing: the person logs in with the password and links in settings);
// - nobody has the address: a sign-up waits in the flow for the age confirmation (`completeSignup`);
// - intent "link": the signed-in person who started the flow adds the identity.
// Sessions are auth's (same token, cookie and standing checks); two-factor sign-in still asks for its
// code after a provider: the provider proves the first factor only.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { publicUrl } from "../../config/load.ts";
import { HOUR, MINUTE } from "../../lib/clock.ts";
import { sha256Hex } from "../../lib/crypto.ts";
import { AppError, Conflict, Forbidden, Invalid, NotFound, Unauthorized } from "../../lib/errors.ts";
import { newId, newSecret } from "../../lib/ids.ts";
import * as oidc from "openid-client";
import type { AuditService } from "../audit/service.ts";
import { accountBlock, type AuthService, type ClientInfo } from "../auth/service.ts";
import { hasPassword, NO_PASSWORD } from "../auth/password.ts";
import type { RateLimitService } from "../ratelimit/service.ts";
import type { ReferralsService } from "../referrals/service.ts";
import type { UsersService } from "../users/service.ts";
import type { UserRow } from "../users/tables.ts";
import {
  createOidcProviders,
  ProviderAnswerRefused,
  type AssertedIdentity,
  type SignInProvider,
} from "./providers.ts";
import { createProviderRegistry } from "./registry.ts";
import { flowsRepo, identitiesRepo } from "./repo.ts";
import type { LinkedIdentityRow, SsoFlowRow } from "./tables.ts";

/** The provider's answer must come back within this; a sign-up waits this long for the age confirmation. */
const FLOW_TTL_MS = 10 * MINUTE;
const SIGNUP_TTL_MS = 30 * MINUTE;

export type SsoIntent = "login" | "link";

/** What a sign-up waiting for the age confirmation holds (the JSON of `sso_flows.pending`). */
interface PendingSignup extends AssertedIdentity {
  providerId: string;
}

/** Where the browser goes after the callback, with what it carries. */
export interface CallbackOutcome {
  /** A path of this site, with `#sso_error=<code>`, `#sso_2fa=<challenge>` or `#sso=linked` as the case is. */
  to: string;
  /** Signed in: the session to set as the cookie. */
  session?: { token: string; expiresAt: number };
  /** A sign-up waits: the new value of the flow cookie. */
  pendingFlow?: { token: string; maxAgeSeconds: number };
}

export interface SignupInput {
  username: string;
  displayName?: string | undefined;
  /** Only when the provider gave no address. */
  email?: string | undefined;
  ref?: string | undefined;
}

/** A path of this site (not `//host`), else the home page. */
const safePath = (p: string | undefined) =>
  p && p.startsWith("/") && !p.startsWith("//") && !p.includes("\\") ? p.slice(0, 512) : "/";

/** A username suggestion from the provider's claims: letters, digits and _, 3 to 30 of them. */
function suggestUsername(id: AssertedIdentity): string {
  const from = id.preferredUsername ?? id.email?.split("@")[0] ?? id.name ?? "";
  const cleaned = from
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 30);
  return cleaned.length >= 3 ? cleaned : `${cleaned || "fan"}_${newSecret(3).toLowerCase().slice(0, 4)}`;
}

export function createSsoService(
  ctx: AppContext,
  deps: {
    users: Pick<UsersService, "byEmail" | "byId" | "insert" | "setEmailVerifiedTx">;
    auth: Pick<AuthService, "signInTx" | "twoFactorChallenge" | "sendVerificationTx" | "passkeys">;
    audit: Pick<AuditService, "recordTx">;
    rateLimit: Pick<RateLimitService, "consume" | "forgive">;
    referrals: Pick<ReferralsService, "recordTx">;
  },
) {
  const { users, auth, audit, rateLimit } = deps;
  const registry = createProviderRegistry(ctx, { audit });
  const oidcProvider = createOidcProviders(ctx);
  const providerOf = async (id: string): Promise<SignInProvider> => oidcProvider(await registry.usable(id));
  const redirectUriBase = () => `${publicUrl(ctx.config)}/api/v1/auth/sso/`;
  const redirectUri = (providerId: string) => `${redirectUriBase()}${providerId}/callback`;

  /** Inside a write: the person's session, or (two-factor sign-in on) that the code is still to come. */
  async function sessionStep(
    tx: DrizzleDb,
    user: UserRow,
    client: ClientInfo,
    returnTo: string,
  ): Promise<CallbackOutcome | { twoFactor: UserRow; returnTo: string }> {
    if (user.twoFactorEnabledAt !== null) return { twoFactor: user, returnTo };
    const r = await auth.signInTx(tx, user, client);
    return { to: returnTo, session: { token: r.token, expiresAt: r.expiresAt } };
  }

  function assertMayUse(user: UserRow): void {
    const block = accountBlock(user, ctx.clock.now());
    if (block) throw new Forbidden(block.message, block.code);
  }

  async function linkTx(
    tx: DrizzleDb,
    userId: string,
    providerId: string,
    who: AssertedIdentity,
    actorIp: string,
    automatic: boolean,
  ): Promise<void> {
    const taken = await identitiesRepo.bySubject(tx, providerId, who.issuer, who.subject);
    if (taken && taken.userId !== userId)
      throw new Conflict("This account is already linked to another person here.", "identity_in_use");
    if (taken) return;
    if ((await identitiesRepo.ofUser(tx, userId)).some((i) => i.providerId === providerId))
      throw new Conflict(
        "Another account of this provider is linked already; unlink it first.",
        "provider_already_linked",
      );
    const id = newId();
    const now = ctx.clock.now();
    await identitiesRepo.insert(tx, {
      id,
      userId,
      providerId,
      issuer: who.issuer,
      subject: who.subject,
      email: who.email,
      createdAt: now,
      lastUsedAt: now,
    });
    await audit.recordTx(tx, {
      actorId: userId,
      ip: actorIp,
      action: "auth.identity.link",
      target: { type: "linked_identity", id },
      details: { provider: providerId, ...(automatic ? { automatic: true, by: "verified_email" } : {}) },
    });
  }

  /** The callback of a log-in or sign-up flow, once the provider's answer verified. */
  async function loginWith(
    flow: SsoFlowRow,
    who: AssertedIdentity,
    client: ClientInfo & { ip: string },
  ): Promise<CallbackOutcome> {
    const providerName = (await registry.usable(flow.providerId)).name;
    const step = await ctx.db.write(async (tx) => {
      const linked = await identitiesRepo.bySubject(tx, flow.providerId, who.issuer, who.subject);
      if (linked) {
        const user = await users.byId(linked.userId);
        if (!user) throw new NotFound("User");
        assertMayUse(user);
        await identitiesRepo.used(tx, linked.id, who.email, ctx.clock.now());
        return sessionStep(tx, user, client, flow.returnTo);
      }
      const owner = who.email ? await users.byEmail(who.email) : undefined;
      if (owner) {
        assertMayUse(owner);
        if (!who.emailVerified || owner.emailVerifiedAt === null)
          throw new Forbidden(
            `An account here uses ${who.email}, but ${who.emailVerified ? "it has not confirmed that address yet" : `${providerName} has not confirmed that address`}. Log in with your password, then link ${providerName} in Settings › Security.`,
            "sso_email_unverified",
          );
        await linkTx(tx, owner.id, flow.providerId, who, client.ip, true);
        return sessionStep(tx, owner, client, flow.returnTo);
      }
      // A new person: nothing is made before they confirm their age; the flow keeps what was asserted.
      const token = newSecret(20);
      const pending: PendingSignup = { ...who, providerId: flow.providerId };
      const now = ctx.clock.now();
      await flowsRepo.insert(tx, {
        ...flow,
        idHash: sha256Hex(token),
        pending: JSON.stringify(pending),
        createdAt: now,
        expiresAt: now + SIGNUP_TTL_MS,
      });
      return {
        to: `/signup/continue?next=${encodeURIComponent(flow.returnTo)}`,
        pendingFlow: { token, maxAgeSeconds: SIGNUP_TTL_MS / 1000 },
      } satisfies CallbackOutcome;
    });
    if (!("twoFactor" in step)) return step;
    // The same challenge as a password log-in's: the log-in page asks for the code.
    const challenge = await auth.twoFactorChallenge(step.twoFactor);
    return { to: `/login?next=${encodeURIComponent(step.returnTo)}#sso_2fa=${challenge}` };
  }

  async function pendingOf(
    db: DrizzleDb,
    token: string | null,
  ): Promise<{ flow: SsoFlowRow; who: PendingSignup }> {
    const flow = token ? await flowsRepo.peek(db, sha256Hex(token)) : undefined;
    if (!flow?.pending || flow.expiresAt <= ctx.clock.now())
      throw new Unauthorized("This sign-up has expired. Start again with the provider.", "sso_flow_expired");
    return { flow, who: JSON.parse(flow.pending) as PendingSignup };
  }

  return {
    /** The providers the log-in and sign-up pages offer. */
    providers: async () =>
      (await registry.all()).filter((p) => p.enabled).map((p) => ({ id: p.id, name: p.name })),

    /**
     * Starts a flow: the URL to send the browser to and the flow cookie's value. "link" needs the
     * signed-in person, who must still be signed in when the provider sends them back.
     */
    async start(
      providerId: string,
      intent: SsoIntent,
      viewer: UserRow | null,
      returnTo: string | undefined,
      ip: string,
    ): Promise<{ url: string; flowToken: string; maxAgeSeconds: number }> {
      if (intent === "link" && !viewer) throw new Unauthorized();
      await rateLimit.consume(
        [[`sso:ip:${ip}`, { max: 60, windowMs: 10 * MINUTE }]],
        "Too many sign-ins from your network. Try again later.",
      );
      const provider = await providerOf(providerId);
      const checks = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
      };
      // The network call (discovery) happens before the write, never inside it.
      const url = await provider.authorizationUrl(redirectUri(providerId), checks);
      const flowToken = newSecret(20);
      const now = ctx.clock.now();
      await ctx.db.write((tx) =>
        flowsRepo.insert(tx, {
          idHash: sha256Hex(flowToken),
          providerId,
          intent,
          userId: intent === "link" ? (viewer?.id ?? null) : null,
          ...checks,
          returnTo: safePath(returnTo ?? (intent === "link" ? "/settings/security" : "/")),
          pending: null,
          createdAt: now,
          expiresAt: now + FLOW_TTL_MS,
        }),
      );
      return { url: url.href, flowToken, maxAgeSeconds: FLOW_TTL_MS / 1000 };
    },

    /**
     * The provider sent the browser back. Never throws: every refusal becomes a page of the site with
     * `#sso_error=<code>` (the flow is spent either way, so a replayed callback finds nothing).
     */
    async callback(
      providerId: string,
      flowToken: string | null,
      query: URLSearchParams,
      viewer: UserRow | null,
      client: ClientInfo & { ip: string },
    ): Promise<CallbackOutcome> {
      const flow = flowToken
        ? await ctx.db.write((tx) => flowsRepo.take(tx, sha256Hex(flowToken), ctx.clock.now()))
        : undefined;
      const failPage = flow?.intent === "link" ? flow.returnTo : "/login";
      const fail = (code: string) => ({ to: `${failPage.split("#")[0]}#sso_error=${code}` });
      try {
        if (!flow || flow.pending !== null)
          throw new Unauthorized(
            "This sign-in expired or was used already. Start again.",
            "sso_flow_expired",
          );
        if (flow.providerId !== providerId || query.get("state") !== flow.state)
          throw new Forbidden("The provider's answer does not belong to this sign-in.", "sso_state_mismatch");
        const provider = await providerOf(providerId);
        // The URL the provider was told to come back to (public_url), whatever Host the request came by.
        const who = await provider.finish(new URL(`${redirectUri(providerId)}?${query.toString()}`), flow);
        if (flow.intent === "login") return await loginWith(flow, who, client);
        if (!viewer || viewer.id !== flow.userId)
          throw new Forbidden("Sign in to the account you are linking first.", "sso_wrong_account");
        await ctx.db.write((tx) => linkTx(tx, viewer.id, providerId, who, client.ip, false));
        return { to: `${flow.returnTo.split("#")[0]}#sso=linked` };
      } catch (err) {
        if (err instanceof ProviderAnswerRefused) return fail(err.code);
        if (err instanceof AppError) {
          ctx.logger.info("sign-in with a provider refused", { code: err.code, provider: providerId });
          return fail(err.code);
        }
        ctx.logger.error("sign-in with a provider failed", { err: String(err), provider: providerId });
        return fail("sso_failed");
      }
    },

    /** The sign-up waiting for the age confirmation, as the page shows it. */
    async pendingSignup(token: string | null) {
      const { who } = await pendingOf(ctx.db.read, token);
      const provider = (await registry.names()).get(who.providerId) ?? who.providerId;
      return {
        provider: { id: who.providerId, name: provider },
        email: who.email,
        emailVerified: who.emailVerified,
        suggestedUsername: suggestUsername(who),
        displayName: who.name,
      };
    },

    /** Makes the account of a pending sign-up once the person confirmed their age, and signs them in. */
    async completeSignup(token: string | null, input: SignupInput, client: ClientInfo & { ip: string }) {
      const { who } = await pendingOf(ctx.db.read, token);
      const email = who.email ?? input.email;
      if (!email)
        throw new Invalid("Enter your e-mail address.", { fields: { email: "Enter your e-mail address." } });
      const key = `signup:ip:${client.ip}`;
      await rateLimit.consume(
        [[key, { max: ctx.config.auth.signups_per_ip_per_hour, windowMs: HOUR }]],
        "Too many sign-ups from your network. Try again later.",
      );
      try {
        return await ctx.db.write(async (tx) => {
          // Spent in the write that makes the account: a refused username leaves it for another try.
          const flow = await flowsRepo.take(tx, sha256Hex(token ?? ""), ctx.clock.now());
          if (!flow?.pending)
            throw new Unauthorized(
              "This sign-up has expired. Start again with the provider.",
              "sso_flow_expired",
            );
          const user = await users.insert(tx, {
            email,
            username: input.username,
            displayName: input.displayName ?? who.name ?? undefined,
            passwordHash: NO_PASSWORD,
            role: "fan",
          });
          await linkTx(tx, user.id, who.providerId, who, client.ip, false);
          if (who.email && who.emailVerified) await users.setEmailVerifiedTx(tx, user.id, ctx.clock.now());
          else await auth.sendVerificationTx(tx, user);
          if (input.ref) await deps.referrals.recordTx(tx, user.id, input.ref);
          const fresh = { ...user, emailVerifiedAt: who.email && who.emailVerified ? ctx.clock.now() : null };
          const session = await auth.signInTx(tx, fresh, client);
          return { ...session, returnTo: flow.returnTo };
        });
      } catch (err) {
        await rateLimit.forgive([key]);
        throw err;
      }
    },

    /** The person's linked identities, and whether they have a password (unlinking needs a way in left). */
    async identities(user: UserRow) {
      const names = await registry.names();
      const rows = await identitiesRepo.ofUser(ctx.db.read, user.id);
      return {
        items: rows.map((r: LinkedIdentityRow) => ({
          id: r.id,
          providerId: r.providerId,
          providerName: names.get(r.providerId) ?? r.providerId,
          email: r.email,
          createdAt: r.createdAt,
          lastUsedAt: r.lastUsedAt,
        })),
        hasPassword: hasPassword(user.passwordHash),
      };
    },

    /** Unlinks one identity, unless it is the last way in (no password, passkey or other identity). */
    async unlink(user: UserRow, id: string, ip: string): Promise<void> {
      const passkeys = (await auth.passkeys.list(user.id)).length;
      await ctx.db.write(async (tx) => {
        const mine = await identitiesRepo.ofUser(tx, user.id);
        const row = mine.find((i) => i.id === id);
        if (!row) throw new NotFound("Linked account");
        const fresh = await users.byId(user.id);
        if (!hasPassword(fresh?.passwordHash ?? "!") && passkeys === 0 && mine.length === 1)
          throw new Conflict(
            "This is your only way to sign in. Set a password (Forgot password? mails a link) or add a passkey first.",
            "last_sign_in_method",
          );
        await identitiesRepo.removeOwn(tx, user.id, id);
        await audit.recordTx(tx, {
          actorId: user.id,
          ip,
          action: "auth.identity.unlink",
          target: { type: "linked_identity", id },
          details: { provider: row.providerId },
        });
      });
    },

    /** GDPR export: the linked identities (provider, subject, address), never tokens (none are kept). */
    personalData: async (userId: string) => ({
      linkedIdentities: (await identitiesRepo.ofUser(ctx.db.read, userId)).map((r) => ({
        provider: r.providerId,
        issuer: r.issuer,
        subject: r.subject,
        email: r.email,
        createdAt: r.createdAt,
        lastUsedAt: r.lastUsedAt,
      })),
    }),
    /** GDPR erasure: the identities go, so the provider account signs in to nothing. */
    eraseTx: (tx: DrizzleDb, userId: string) => identitiesRepo.removeAllOf(tx, userId),

    /** Flows nobody finished (the scheduler's hourly session sweep). */
    removeExpiredFlows: () => ctx.db.write((tx) => flowsRepo.removeExpired(tx, ctx.clock.now())),

    admin: {
      list: registry.adminList,
      redirectUriBase,
      save: registry.save,
      remove: registry.remove,
    },
  };
}

export type SsoService = ReturnType<typeof createSsoService>;
