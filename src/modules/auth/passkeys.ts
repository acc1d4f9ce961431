// Passkeys (WebAuthn, @simplewebauthn/server): a person registers them from their settings and signs in
// with one instead of the password (a discoverable credential: the sign-in options name nobody, the
// authenticator says whose credential it is). The relying party is the site's public URL from the config
// (its host is the RP ID, its origin the expected origin), never the request's Host header. Challenges
// are single-use rows with a few minutes to live; the signature counter must move forward.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { publicUrl } from "../../config/load.ts";
import { MINUTE } from "../../lib/clock.ts";
import { Conflict, Invalid, NotFound, Unauthorized } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import type { UserRow } from "../users/tables.ts";
import type { AccountFlowDeps } from "./reset.ts";
import { challengesRepo, passkeysRepo } from "./repo.ts";
import type { PasskeyRow } from "./tables.ts";

const CHALLENGE_TTL_MS = 5 * MINUTE;
const MAX_PASSKEYS = 20;

export interface PasskeyView {
  id: string;
  name: string;
  deviceType: "singleDevice" | "multiDevice";
  backedUp: boolean;
  createdAt: number;
  lastUsedAt: number | null;
}

export const presentPasskey = (r: PasskeyRow): PasskeyView => ({
  id: r.id,
  name: r.name,
  deviceType: r.deviceType === "multiDevice" ? "multiDevice" : "singleDevice",
  backedUp: r.backedUp,
  createdAt: r.createdAt,
  lastUsedAt: r.lastUsedAt,
});

/** The WebAuthn user handle of a person: their id's bytes (no e-mail or name in it). */
const userHandle = (userId: string) => new TextEncoder().encode(userId);

export function createPasskeys(
  ctx: AppContext,
  deps: Pick<AccountFlowDeps, "audit" | "site" | "rateLimit"> & {
    users: { byId: (id: string) => Promise<UserRow | undefined> };
  },
) {
  const { audit, site, rateLimit, users } = deps;
  const rp = () => {
    const url = new URL(publicUrl(ctx.config));
    return { rpID: url.hostname, origin: url.origin };
  };

  async function takeChallenge(
    tx: DrizzleDb,
    flowId: string,
    purpose: "register" | "login",
    userId: string | null,
  ) {
    const row = await challengesRepo.take(tx, flowId, ctx.clock.now());
    return row && row.purpose === purpose && row.userId === userId ? row : undefined;
  }

  return {
    list: async (userId: string) => (await passkeysRepo.ofUser(ctx.db.read, userId)).map(presentPasskey),

    /** Options for the browser's `navigator.credentials.create()`, and the flow id to verify with. */
    async registrationOptions(user: UserRow) {
      const existing = await passkeysRepo.ofUser(ctx.db.read, user.id);
      if (existing.length >= MAX_PASSKEYS)
        throw new Conflict(`You have ${MAX_PASSKEYS} passkeys; remove one first.`, "too_many_passkeys");
      const options = await generateRegistrationOptions({
        rpName: (await site.settings()).name,
        rpID: rp().rpID,
        userName: user.email,
        userDisplayName: user.displayName,
        userID: userHandle(user.id),
        attestationType: "none",
        excludeCredentials: existing.map((p) => ({
          id: p.credentialId,
          transports: JSON.parse(p.transports) as string[],
        })),
        authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
        timeout: CHALLENGE_TTL_MS,
      });
      const flowId = newId();
      await ctx.db.write((tx) =>
        challengesRepo.insert(tx, {
          id: flowId,
          userId: user.id,
          purpose: "register",
          challenge: options.challenge,
          expiresAt: ctx.clock.now() + CHALLENGE_TTL_MS,
        }),
      );
      return { flowId, options };
    },

    /** Checks the browser's answer to the registration options and keeps the passkey under a name. */
    async register(
      user: UserRow,
      input: { flowId: string; name: string; response: RegistrationResponseJSON },
      ip: string,
    ): Promise<PasskeyView> {
      const challenge = await ctx.db.write((tx) => takeChallenge(tx, input.flowId, "register", user.id));
      if (!challenge)
        throw new Invalid("This passkey set-up has expired. Try again.", undefined, "invalid_challenge");
      const { rpID, origin } = rp();
      let verified;
      try {
        verified = await verifyRegistrationResponse({
          response: input.response,
          expectedChallenge: challenge.challenge,
          expectedOrigin: origin,
          expectedRPID: rpID,
          requireUserVerification: false,
        });
      } catch (err) {
        throw new Invalid(
          `The passkey was not accepted: ${(err as Error).message}`,
          undefined,
          "passkey_rejected",
        );
      }
      if (!verified.verified)
        throw new Invalid("The passkey was not accepted.", undefined, "passkey_rejected");
      const info = verified.registrationInfo;
      const now = ctx.clock.now();
      const row: PasskeyRow = {
        id: newId(),
        userId: user.id,
        credentialId: info.credential.id,
        publicKey: encodeBase64urlNoPadding(info.credential.publicKey),
        counter: info.credential.counter,
        transports: JSON.stringify(info.credential.transports ?? input.response.response.transports ?? []),
        name: input.name.trim(),
        deviceType: info.credentialDeviceType,
        backedUp: info.credentialBackedUp,
        createdAt: now,
        lastUsedAt: null,
      };
      await ctx.db.write(async (tx) => {
        if (await passkeysRepo.byCredentialId(tx, row.credentialId))
          throw new Conflict("This passkey is registered already.", "passkey_exists");
        await passkeysRepo.insert(tx, row);
        await audit.recordTx(tx, {
          actorId: user.id,
          ip,
          action: "auth.passkey.add",
          target: { type: "passkey", id: row.id },
          details: { name: row.name, deviceType: row.deviceType },
        });
      });
      return presentPasskey(row);
    },

    async rename(userId: string, id: string, name: string): Promise<PasskeyView> {
      await ctx.db.write(async (tx) => {
        if ((await passkeysRepo.rename(tx, userId, id, name.trim())) === 0) throw new NotFound("Passkey");
      });
      const row = (await passkeysRepo.ofUser(ctx.db.read, userId)).find((p) => p.id === id);
      if (!row) throw new NotFound("Passkey");
      return presentPasskey(row);
    },

    async remove(userId: string, id: string, ip: string): Promise<void> {
      await ctx.db.write(async (tx) => {
        if ((await passkeysRepo.remove(tx, userId, id)) === 0) throw new NotFound("Passkey");
        await audit.recordTx(tx, {
          actorId: userId,
          ip,
          action: "auth.passkey.remove",
          target: { type: "passkey", id },
        });
      });
    },

    /** Options for `navigator.credentials.get()` that name no one (the browser offers the site's passkeys). */
    async loginOptions(ip: string) {
      await rateLimit.consume(
        [[`passkey:ip:${ip}`, { max: 60, windowMs: 10 * MINUTE }]],
        "Too many passkey sign-ins from your network. Try again later.",
      );
      const options = await generateAuthenticationOptions({
        rpID: rp().rpID,
        userVerification: "required",
        timeout: CHALLENGE_TTL_MS,
      });
      const flowId = newId();
      await ctx.db.write((tx) =>
        challengesRepo.insert(tx, {
          id: flowId,
          userId: null,
          purpose: "login",
          challenge: options.challenge,
          expiresAt: ctx.clock.now() + CHALLENGE_TTL_MS,
        }),
      );
      return { flowId, options };
    },

    /**
     * Checks a signed sign-in answer: the challenge (once), the credential, whose it is (the user
     * handle), the signature with the stored key, user verification and the counter. `finish` makes the
     * session inside the write that stores the new counter.
     */
    async login<T>(
      input: { flowId: string; response: AuthenticationResponseJSON },
      finish: (tx: DrizzleDb, user: UserRow) => Promise<T>,
    ): Promise<T> {
      const rejected = (why = "This passkey cannot sign in here.") =>
        new Unauthorized(why, "passkey_rejected");
      const challenge = await ctx.db.write((tx) => takeChallenge(tx, input.flowId, "login", null));
      if (!challenge)
        throw new Unauthorized("This passkey sign-in has expired. Try again.", "invalid_challenge");
      const key = await passkeysRepo.byCredentialId(ctx.db.read, input.response.id);
      if (!key) throw rejected("This passkey is not registered on this site (it may have been removed).");
      const handle = input.response.response.userHandle;
      if (handle && encodeBase64urlNoPadding(userHandle(key.userId)) !== handle.replace(/=+$/, ""))
        throw rejected();
      const { rpID, origin } = rp();
      let verified;
      try {
        verified = await verifyAuthenticationResponse({
          response: input.response,
          expectedChallenge: challenge.challenge,
          expectedOrigin: origin,
          expectedRPID: rpID,
          requireUserVerification: true,
          credential: {
            id: key.credentialId,
            publicKey: new Uint8Array(decodeBase64urlIgnorePadding(key.publicKey)),
            counter: key.counter,
            transports: JSON.parse(key.transports) as string[],
          },
        });
      } catch (err) {
        throw rejected(`The passkey's answer was not accepted: ${(err as Error).message}`);
      }
      if (!verified.verified) throw rejected();
      const user = await users.byId(key.userId);
      if (!user) throw rejected();
      return ctx.db.write(async (tx) => {
        const n = await passkeysRepo.used(
          tx,
          key.id,
          key.counter,
          verified.authenticationInfo.newCounter,
          ctx.clock.now(),
        );
        // Another sign-in with this passkey moved the counter meanwhile: this answer may be a copy.
        if (n !== 1) throw rejected("The passkey's counter did not move forward. Try again.");
        return finish(tx, user);
      });
    },

    removeExpiredTx: (tx: DrizzleDb) => challengesRepo.removeExpired(tx, ctx.clock.now()),
  };
}

export type Passkeys = ReturnType<typeof createPasskeys>;
