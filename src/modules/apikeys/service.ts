// API keys: long-lived bearer credentials (`fanz_…`) that act as their owner within the scopes granted
// (src/lib/scopes.ts is the table of what each scope opens; the session middleware enforces it). Only a
// signed-in person mints keys (a key cannot: the scope table opens no key route to keys); the key is
// shown once and stored as its SHA-256. A key stops working when revoked, expired, or its owner is held.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { MINUTE } from "../../lib/clock.ts";
import { sha256Hex } from "../../lib/crypto.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { newId, newSecret } from "../../lib/ids.ts";
import { API_SCOPE_NAMES, type ApiScope } from "../../lib/scopes.ts";
import { accountBlock, type Viewer } from "../auth/service.ts";
import type { UsersService } from "../users/service.ts";
import { apiKeysRepo } from "./repo.ts";
import type { ApiKeyRow } from "./tables.ts";

export const API_KEY_PREFIX = "fanz_";
/** Keys one person may hold. */
export const MAX_KEYS = 25;
/** The characters of a key shown in lists (`fanz_` and the first random ones). */
const SHOWN = 12;

export interface ApiKeyView {
  id: string;
  name: string;
  scopes: string[];
  prefix: string;
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
  lastUsedIp: string | null;
}

const present = (r: ApiKeyRow): ApiKeyView => ({
  id: r.id,
  name: r.name,
  scopes: r.scopes,
  prefix: r.prefix,
  createdAt: r.createdAt,
  expiresAt: r.expiresAt,
  lastUsedAt: r.lastUsedAt,
  lastUsedIp: r.lastUsedIp,
});

/** A request made with a key: who it acts as, and what it may do. */
export interface KeyViewer {
  viewer: Viewer;
  keyId: string;
  scopes: string[];
}

export function createApiKeysService(ctx: AppContext, deps: { users: Pick<UsersService, "byId"> }) {
  const now = () => ctx.clock.now();
  return {
    async create(
      userId: string,
      input: { name: string; scopes: ApiScope[]; expiresAt?: number | null | undefined },
    ): Promise<ApiKeyView & { key: string }> {
      const owner = await deps.users.byId(userId);
      if (!owner) throw new NotFound("User");
      if (input.scopes.includes("admin") && owner.role !== "admin")
        throw new Forbidden("Only admins can grant a key the admin scope.", "admin_scope_forbidden");
      const t = now();
      if (input.expiresAt != null && input.expiresAt <= t)
        throw new Invalid("The expiry must be in the future.", {
          fields: { expiresAt: "The expiry must be in the future." },
        });
      // In the scope table's order, once each: the list reads the same however the client sent it.
      const scopes = API_SCOPE_NAMES.filter((s) => input.scopes.includes(s));
      const key = API_KEY_PREFIX + newSecret(32);
      const row: ApiKeyRow = {
        id: newId(),
        userId,
        name: input.name.trim(),
        scopes,
        prefix: key.slice(0, SHOWN),
        keyHash: sha256Hex(key),
        createdAt: t,
        expiresAt: input.expiresAt ?? null,
        lastUsedAt: null,
        lastUsedIp: null,
      };
      await ctx.db.write(async (tx) => {
        if ((await apiKeysRepo.countOf(tx, userId)) >= MAX_KEYS)
          throw new Conflict(
            `A person may hold ${MAX_KEYS} API keys; revoke one first.`,
            "too_many_api_keys",
          );
        await apiKeysRepo.insert(tx, row);
      });
      return { ...present(row), key };
    },

    list: async (userId: string): Promise<ApiKeyView[]> =>
      (await apiKeysRepo.ofUser(ctx.db.read, userId)).map(present),

    /** GDPR export: the person's keys as listed (never a secret or its hash). */
    personalData: async (userId: string) => ({
      apiKeys: (await apiKeysRepo.ofUser(ctx.db.read, userId)).map(present),
    }),
    /** GDPR erasure: every key of the person goes (with the addresses it was last used from). */
    eraseTx: (tx: DrizzleDb, userId: string) => apiKeysRepo.removeAllOf(tx, userId),

    async revoke(userId: string, id: string): Promise<void> {
      const gone = await ctx.db.write((tx) => apiKeysRepo.remove(tx, userId, id));
      if (!gone) throw new NotFound("API key");
    },

    /** Whether a bearer credential is an API key (rather than a session token). */
    isApiKey: (token: string): boolean => token.startsWith(API_KEY_PREFIX),

    /**
     * Resolves a key to the person it acts as, or null (unknown, expired, owner banned or suspended).
     * Last use and its address move at most once a minute.
     */
    async validate(key: string, client: { ip: string | null }): Promise<KeyViewer | null> {
      if (key.length > 200) return null;
      const row = await apiKeysRepo.byHash(ctx.db.read, sha256Hex(key));
      const t = now();
      if (!row || (row.expiresAt !== null && row.expiresAt <= t)) return null;
      const user = await deps.users.byId(row.userId);
      if (!user || accountBlock(user, t)) return null;
      if (row.lastUsedAt === null || t - row.lastUsedAt >= MINUTE) {
        const ip = client.ip && client.ip !== "unknown" ? client.ip : row.lastUsedIp;
        await ctx.db.write((tx) => apiKeysRepo.touch(tx, row.id, t, ip));
      }
      // A key has no session; this stand-in names the key, so nothing mistakes it for a sign-in.
      const session = {
        id: `apikey:${row.id}`,
        userId: user.id,
        secretHash: "",
        createdAt: row.createdAt,
        expiresAt: row.expiresAt ?? Number.MAX_SAFE_INTEGER,
        userAgent: null,
        ip: client.ip,
        country: null,
        lastSeenAt: t,
      };
      return { viewer: { user, session }, keyId: row.id, scopes: row.scopes };
    },
  };
}

export type ApiKeysService = ReturnType<typeof createApiKeysService>;
