// The one table of what an API key's scopes open: each operation (method and path) that a key may call
// and the scope it needs. The session middleware enforces it on every request made with a key, and the
// OpenAPI document declares it on every operation (`security: [{apiKey: [scope]}]`), from these same rules.
// An operation no rule names is closed to keys (403 `insufficient_scope`): new routes start closed, and
// what only a person should do (sign-in settings, minting keys, webhooks, erasure) stays that way.
import { Forbidden } from "./errors.ts";

export const API_SCOPES = {
  "profile:read": "Read the key owner's own account and notifications.",
  "posts:read": "Read posts, the feed, tags, search, creator pages and live streams.",
  "posts:write": "Create, edit and delete posts; like, comment and bookmark.",
  "messages:read": "Read conversations and messages.",
  "messages:write": "Send messages and mass messages; mark conversations read.",
  "media:read": "List the vault's media and their processing state.",
  "media:write": "Upload media to the vault.",
  "earnings:read": "Read earnings, statements, analytics, fans, payouts and referrals.",
  "payments:read": "Read the wallet and subscriptions.",
  "payments:write": "Move money: subscribe, unlock, tip, top up, buy tickets, request payouts.",
  admin: "The admin console's API (only when the key's owner is an admin).",
} as const;

export type ApiScope = keyof typeof API_SCOPES;
export const API_SCOPE_NAMES = Object.keys(API_SCOPES) as [ApiScope, ...ApiScope[]];

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * First match wins. A path is matched segment by segment: `{…}` is any one segment, a final `**` any
 * rest (also none). Paths are the full ones (`/api/v1/…`), as the OpenAPI document has them.
 */
const RULES: { methods: Method[]; path: string; scope: ApiScope }[] = [
  // Money first: these live under paths whose other operations need lesser scopes.
  { methods: ["POST"], path: "/api/v1/posts/{id}/unlock", scope: "payments:write" },
  { methods: ["POST"], path: "/api/v1/messages/{id}/unlock", scope: "payments:write" },
  { methods: ["POST"], path: "/api/v1/live/streams/{id}/tickets", scope: "payments:write" },
  { methods: ["POST"], path: "/api/v1/tips", scope: "payments:write" },
  { methods: ["POST"], path: "/api/v1/wallet/topups", scope: "payments:write" },
  { methods: ["POST", "DELETE"], path: "/api/v1/subscriptions/**", scope: "payments:write" },
  { methods: ["POST", "PUT", "DELETE"], path: "/api/v1/payouts/**", scope: "payments:write" },
  { methods: ["GET"], path: "/api/v1/wallet", scope: "payments:read" },
  { methods: ["GET"], path: "/api/v1/subscriptions", scope: "payments:read" },

  { methods: ["GET"], path: "/api/v1/users/me", scope: "profile:read" },
  { methods: ["GET"], path: "/api/v1/users/current", scope: "profile:read" },
  { methods: ["GET"], path: "/api/v1/notifications", scope: "profile:read" },

  { methods: ["GET"], path: "/api/v1/posts/**", scope: "posts:read" },
  { methods: ["GET"], path: "/api/v1/feed", scope: "posts:read" },
  { methods: ["GET"], path: "/api/v1/tags/**", scope: "posts:read" },
  { methods: ["GET"], path: "/api/v1/bookmarks", scope: "posts:read" },
  { methods: ["GET"], path: "/api/v1/search", scope: "posts:read" },
  { methods: ["GET"], path: "/api/v1/creators/**", scope: "posts:read" },
  { methods: ["GET"], path: "/api/v1/live/now", scope: "posts:read" },
  { methods: ["GET"], path: "/api/v1/live/streams/{id}", scope: "posts:read" },
  // Media files and live playlists outside the JSON API, for a key that reads posts.
  { methods: ["GET"], path: "/media/**", scope: "posts:read" },
  { methods: ["POST", "PATCH", "DELETE"], path: "/api/v1/posts/**", scope: "posts:write" },

  { methods: ["GET"], path: "/api/v1/conversations/**", scope: "messages:read" },
  { methods: ["GET"], path: "/api/v1/messages/**", scope: "messages:read" },
  { methods: ["POST"], path: "/api/v1/conversations/**", scope: "messages:write" },
  { methods: ["POST", "DELETE"], path: "/api/v1/messages/**", scope: "messages:write" },

  { methods: ["GET"], path: "/api/v1/media/**", scope: "media:read" },
  { methods: ["POST"], path: "/api/v1/media", scope: "media:write" },

  { methods: ["GET"], path: "/api/v1/earnings/**", scope: "earnings:read" },
  { methods: ["GET"], path: "/api/v1/analytics", scope: "earnings:read" },
  { methods: ["GET"], path: "/api/v1/fans", scope: "earnings:read" },
  { methods: ["GET"], path: "/api/v1/lists", scope: "earnings:read" },
  { methods: ["GET"], path: "/api/v1/payouts/**", scope: "earnings:read" },
  { methods: ["GET"], path: "/api/v1/referrals", scope: "earnings:read" },

  { methods: ["GET", "POST", "PUT", "PATCH", "DELETE"], path: "/api/v1/admin/**", scope: "admin" },
];

const segments = (path: string) => path.replace(/\/+$/, "").split("/").slice(1);

function matches(pattern: string, path: string): boolean {
  const want = segments(pattern);
  const got = segments(path);
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    if (w === "**") return true;
    const g = got[i];
    if (g === undefined) return false;
    if (!(w.startsWith("{") && w.endsWith("}")) && w !== g) return false;
  }
  return want.length === got.length;
}

/** The scope an operation needs from a key, or null when keys may not call it. */
export function scopeFor(method: string, path: string): ApiScope | null {
  const m = method.toUpperCase() === "HEAD" ? "GET" : method.toUpperCase();
  return RULES.find((r) => (r.methods as string[]).includes(m) && matches(r.path, path))?.scope ?? null;
}

/** A key's scopes that its owner may hold now (`admin` only for an admin). */
export function effectiveScopes(scopes: readonly string[], role: string): Set<string> {
  return new Set(scopes.filter((s) => s !== "admin" || role === "admin"));
}

/** Throws 403 `insufficient_scope` unless a key with `scopes`, owned by a `role`, may call this operation. */
export function assertScope(method: string, path: string, scopes: readonly string[], role: string): void {
  const needed = scopeFor(method, path);
  if (!needed)
    throw new Forbidden("API keys cannot call this operation; sign in to do it.", "insufficient_scope");
  if (!effectiveScopes(scopes, role).has(needed))
    throw new Forbidden(`This API key lacks the scope ${needed}.`, "insufficient_scope");
}
