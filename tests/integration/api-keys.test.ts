// Scoped API keys on a real database (both engines), through real HTTP: a key is shown once and stored
// hashed, acts as its owner within its scopes (every scope's boundary: allowed with it, 403
// `insufficient_scope` without it), never mints keys or reaches sign-in settings, reaches admin routes only
// as an admin's key with `admin`, needs `payments:write` to move money, needs no Origin, and stops working
// when revoked, expired or its owner banned. The OpenAPI document names each operation's scope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/lib/crypto.ts";
import { API_SCOPE_NAMES, scopeFor, type ApiScope } from "../../src/lib/scopes.ts";
import { png } from "../fixtures/media.ts";
import { startTestApp, TestClock, type Actor, type TestApp } from "../helpers/api.ts";

describe("API keys", () => {
  let app: TestApp;
  let clock: TestClock;
  let admin: Actor;
  let creator: Actor;
  let fan: Actor;
  let postId: string;
  let image: Buffer;

  const mint = async (who: Actor, scopes: string[], extra: Record<string, unknown> = {}) => {
    const r = await app.post(
      "/api/v1/api-keys",
      { name: `key ${scopes.length}`, scopes, ...extra },
      who.token,
    );
    if (r.status !== 201) throw new Error(`mint: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.apiKey as { id: string; key: string; prefix: string; scopes: string[] };
  };
  const allBut = (s: ApiScope) => API_SCOPE_NAMES.filter((x) => x !== s && x !== "admin");

  beforeAll(async () => {
    clock = new TestClock();
    app = await startTestApp({ clock });
    admin = await app.signupAdmin();
    creator = await app.creator("keycreator");
    fan = await app.signup("keyfan");
    postId = (await app.postAs(creator, { text: "Public hello", visibility: "public" })).id;
    await app.topup(fan, 5000);
    await app.grant(fan, creator);
    image = await png(40, 30);
  });
  afterAll(() => app.close());

  it("creates a key shown once, stored as its SHA-256 only, listed with last use and address", async () => {
    const r = await app.post(
      "/api/v1/api-keys",
      { name: "Agency tool", scopes: ["posts:read", "profile:read", "posts:read"] },
      creator.token,
    );
    expect(r.status).toBe(201);
    const k = r.body.apiKey;
    expect(k).toMatchObject({ name: "Agency tool", scopes: ["profile:read", "posts:read"], expiresAt: null });
    expect(k.key).toMatch(/^fanz_[a-z2-7]{52}$/);
    expect(k.key.startsWith(k.prefix)).toBe(true);

    const stored = (await app.raw.prepare("SELECT * FROM api_keys WHERE id = ?").all(k.id)) as any[];
    expect(stored).toHaveLength(1);
    expect(stored[0].key_hash).toBe(sha256Hex(k.key));
    expect(JSON.stringify(stored)).not.toContain(k.key);

    expect((await app.get("/api/v1/users/me", k.key)).body.user.username).toBe("keycreator");
    const list = await app.get("/api/v1/api-keys", creator.token);
    expect(list.status).toBe(200);
    const listed = list.body.items.find((i: { id: string }) => i.id === k.id);
    expect(listed).toMatchObject({ prefix: k.prefix, lastUsedAt: clock.now(), lastUsedIp: "127.0.0.1" });
    expect(listed.key).toBeUndefined();
    expect(JSON.stringify(list.body)).not.toContain(k.key);
  });

  it("refuses bad input whole: unknown scope, no scope, an expiry in the past", async () => {
    for (const body of [
      { name: "x", scopes: ["posts:delete-everything"] },
      { name: "x", scopes: [] },
      { name: "", scopes: ["posts:read"] },
      { name: "x", scopes: ["posts:read"], expiresAt: clock.now() - 1 },
    ]) {
      const r = await app.post("/api/v1/api-keys", body, creator.token);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe("invalid_request");
    }
    expect((await app.get("/api/v1/api-keys", fan.token)).body.items).toEqual([]);
  });

  // One operation per scope, called as the owner who can use it; each `ok` is what the call answers.
  const cases: Record<
    ApiScope,
    { who: () => Actor; method: string; path: () => string; body?: unknown; upload?: boolean; ok: number }
  > = {
    "profile:read": { who: () => fan, method: "GET", path: () => "/api/v1/users/me", ok: 200 },
    "posts:read": { who: () => fan, method: "GET", path: () => `/api/v1/posts/${postId}`, ok: 200 },
    "posts:write": {
      who: () => fan,
      method: "POST",
      path: () => `/api/v1/posts/${postId}/likes`,
      ok: 200,
    },
    "messages:read": { who: () => fan, method: "GET", path: () => "/api/v1/conversations", ok: 200 },
    "messages:write": {
      who: () => fan,
      method: "POST",
      path: () => "/api/v1/conversations",
      body: { username: "keycreator" },
      ok: 201,
    },
    "media:read": { who: () => creator, method: "GET", path: () => "/api/v1/media", ok: 200 },
    "media:write": {
      who: () => creator,
      method: "POST",
      path: () => "/api/v1/media",
      upload: true,
      ok: 201,
    },
    "earnings:read": { who: () => creator, method: "GET", path: () => "/api/v1/earnings", ok: 200 },
    "payments:read": { who: () => fan, method: "GET", path: () => "/api/v1/wallet", ok: 200 },
    "payments:write": {
      who: () => fan,
      method: "POST",
      path: () => "/api/v1/tips",
      body: { creator: "keycreator", amountCents: 100 },
      ok: 201,
    },
    admin: { who: () => admin, method: "GET", path: () => "/api/v1/admin/status", ok: 200 },
  };

  it("every scope opens its operations and only with it: 403 insufficient_scope without", async () => {
    expect(Object.keys(cases).sort()).toEqual([...API_SCOPE_NAMES].sort());
    for (const scope of API_SCOPE_NAMES) {
      const c = cases[scope];
      expect(scopeFor(c.method, c.path()), scope).toBe(scope);
      const without = await mint(
        c.who(),
        API_SCOPE_NAMES.filter((x) => x !== scope && (x !== "admin" || c.who() === admin)),
      );
      const send = (key: string) =>
        c.upload
          ? app.upload({ ...c.who(), token: key }, image)
          : app.call(c.method, c.path(), { token: key, body: c.body });
      const refused = await send(without.key);
      expect(refused.status, `${scope} refused`).toBe(403);
      expect(refused.body.error.code).toBe("insufficient_scope");
      expect(refused.body.error.message).toContain(scope);

      const only = await mint(c.who(), [scope]);
      const allowed = await send(only.key);
      expect(allowed.status, `${scope} allowed: ${JSON.stringify(allowed.body)}`).toBe(c.ok);
    }
  });

  it("moving money needs payments:write even where the path's other operations need less", async () => {
    const ppv = await app.postAs(creator, { text: "Paid set", visibility: "ppv", priceCents: 300 });
    const posts = await mint(fan, allBut("payments:write"));
    for (const [path, body] of [
      [`/api/v1/posts/${ppv.id}/unlock`, {}],
      ["/api/v1/wallet/topups", { amountCents: 1000 }],
      ["/api/v1/subscriptions", { creator: "keycreator" }],
    ] as const) {
      const r = await app.post(path, body, posts.key);
      expect(r.status, path).toBe(403);
      expect(r.body.error.code).toBe("insufficient_scope");
    }
    const pay = await mint(fan, ["payments:write"]);
    expect((await app.post(`/api/v1/posts/${ppv.id}/unlock`, {}, pay.key)).status).toBe(200);
    expect(await app.ledgerHealth()).toEqual({ unbalanced: [], drifted: [] });
  });

  it("admin routes: only an admin's key with the admin scope", async () => {
    const r = await app.post("/api/v1/api-keys", { name: "x", scopes: ["admin"] }, creator.token);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("admin_scope_forbidden");

    const adminNoScope = await mint(admin, allBut("admin"));
    const creatorAll = await mint(creator, allBut("admin"));
    for (const key of [adminNoScope.key, creatorAll.key]) {
      const denied = await app.get("/api/v1/admin/users", key);
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe("insufficient_scope");
    }
    const adminKey = await mint(admin, ["admin"]);
    expect((await app.get("/api/v1/admin/users", adminKey.key)).status).toBe(200);
    // An admin demoted later: the scope no longer opens anything.
    const second = await app.signup("demoted");
    await app.put(`/api/v1/admin/users/${second.user.id}/role`, { role: "admin" }, admin.token);
    const demotedKey = await mint(second, ["admin"]);
    expect((await app.get("/api/v1/admin/users", demotedKey.key)).status).toBe(200);
    expect(
      (await app.put(`/api/v1/admin/users/${second.user.id}/role`, { role: "fan" }, admin.token)).status,
    ).toBe(200);
    expect((await app.get("/api/v1/admin/users", demotedKey.key)).status).toBe(403);
  });

  it("a key cannot mint keys, manage webhooks or reach sign-in settings; it needs no Origin", async () => {
    const k = await mint(creator, allBut("admin"));
    for (const [method, path, body] of [
      ["POST", "/api/v1/api-keys", { name: "child", scopes: ["posts:read"] }],
      ["GET", "/api/v1/api-keys", undefined],
      ["DELETE", `/api/v1/api-keys/${k.id}`, undefined],
      ["POST", "/api/v1/webhooks", { url: "https://example.com/hook", events: ["post.published"] }],
      ["GET", "/api/v1/auth/sessions", undefined],
      ["POST", "/api/v1/auth/password", { currentPassword: "password-123", newPassword: "another-pass-9" }],
      ["DELETE", "/api/v1/users/me", undefined],
    ] as const) {
      const r = await app.call(method, path, { token: k.key, body });
      expect(r.status, path).toBe(403);
      expect(r.body.error.code).toBe("insufficient_scope");
    }
    // Cross-site Origin, no cookie: a key request is not a browser's, so no CSRF check applies.
    const r = await app.call("POST", "/api/v1/posts", {
      token: k.key,
      body: { text: "Posted by a tool", visibility: "public" },
      headers: { origin: "https://evil.example" },
    });
    expect(r.status).toBe(201);
    expect(r.body.post.text).toBe("Posted by a tool");
  });

  it("stops working when revoked, expired, or its owner is banned", async () => {
    const k = await mint(fan, ["profile:read"]);
    expect((await app.get("/api/v1/users/me", k.key)).status).toBe(200);
    expect((await app.del(`/api/v1/api-keys/${k.id}`, creator.token)).status).toBe(404);
    expect((await app.del(`/api/v1/api-keys/${k.id}`, fan.token)).status).toBe(204);
    const gone = await app.get("/api/v1/users/me", k.key);
    expect(gone.status).toBe(401);
    expect(gone.body.error.code).toBe("invalid_token");
    expect((await app.get("/api/v1/users/me", "fanz_notakeyatall")).status).toBe(401);

    const soon = await mint(fan, ["profile:read"], { expiresAt: clock.now() + 60_000 });
    expect((await app.get("/api/v1/users/me", soon.key)).status).toBe(200);
    clock.advance(60_001);
    expect((await app.get("/api/v1/users/me", soon.key)).status).toBe(401);

    const victim = await app.signup("keyvictim");
    const vk = await mint(victim, ["profile:read"]);
    expect((await app.get("/api/v1/users/me", vk.key)).status).toBe(200);
    expect(
      (await app.post(`/api/v1/admin/users/${victim.user.id}/ban`, { reason: "spam" }, admin.token)).status,
    ).toBe(200);
    expect((await app.get("/api/v1/users/me", vk.key)).status).toBe(401);
  });

  it("the OpenAPI document declares each operation's scope from the table the middleware enforces", async () => {
    const doc = (await app.get("/api/v1/openapi.json")).body;
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    const scopeOf = (method: string, path: string) =>
      (doc.paths[path][method].security as Record<string, string[]>[]).find((s) => s.apiKey)?.apiKey;
    expect(scopeOf("get", "/api/v1/posts/{id}")).toEqual(["posts:read"]);
    expect(scopeOf("post", "/api/v1/posts/{id}/unlock")).toEqual(["payments:write"]);
    expect(scopeOf("post", "/api/v1/tips")).toEqual(["payments:write"]);
    expect(scopeOf("get", "/api/v1/admin/users")).toEqual(["admin"]);
    expect(scopeOf("post", "/api/v1/api-keys")).toBeUndefined();
    expect(scopeOf("post", "/api/v1/auth/password")).toBeUndefined();
    let declared = 0;
    for (const [path, item] of Object.entries<Record<string, { security?: Record<string, string[]>[] }>>(
      doc.paths,
    ))
      for (const [method, op] of Object.entries(item)) {
        const s = op.security?.find((x) => x.apiKey)?.apiKey;
        if (s) declared++;
        expect(s?.[0] ?? null, `${method} ${path}`).toBe(op.security?.length ? scopeFor(method, path) : null);
      }
    expect(declared).toBeGreaterThan(60);
  });
});
