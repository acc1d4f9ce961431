// Passkeys through the real app on both engines, with a software authenticator (tests/helpers/webauthn.ts):
// register from settings (the relying party is server.public_url, whatever the Host header says), list,
// rename, sign in without a password (no account named in the options), the counter must move forward,
// answers for another origin or a spent challenge are refused, only one's own passkeys can be removed, a
// removed passkey signs in no more; audit entries for add and remove.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";
import { softPasskey, type SoftPasskey } from "../helpers/webauthn.ts";

const SITE = "https://fans.example.com";

describe("passkeys", () => {
  let app: TestApp;
  let admin: Actor, uma: Actor;
  let key: SoftPasskey;
  let passkeyId = "";

  async function register(a: Actor, k: SoftPasskey, name = "My phone", origin = SITE) {
    const opts = await app.post("/api/v1/auth/passkeys/options", undefined, a.token);
    expect(opts.status).toBe(200);
    return app.post(
      "/api/v1/auth/passkeys",
      { flowId: opts.body.flowId, name, response: k.register(opts.body.options, origin) },
      a.token,
    );
  }
  async function signIn(
    k: SoftPasskey,
    opts: Parameters<SoftPasskey["authenticate"]>[2] = {},
    origin = SITE,
  ) {
    const o = await app.post("/api/v1/auth/passkeys/login/options");
    expect(o.status).toBe(200);
    return app.post("/api/v1/auth/passkeys/login", {
      flowId: o.body.flowId,
      response: k.authenticate(o.body.options, origin, opts),
    });
  }

  beforeAll(async () => {
    app = await startTestApp({ env: { FANZ_SERVER__PUBLIC_URL: SITE } });
    admin = await app.signupAdmin();
    uma = await app.signup("uma");
    key = softPasskey();
  });
  afterAll(() => app.close());

  it("registration options name the site of public_url, even when the Host header says otherwise", async () => {
    const r = await app.call("POST", "/api/v1/auth/passkeys/options", {
      token: uma.token,
      headers: { host: "evil.example.net", "x-forwarded-host": "evil.example.net" },
    });
    expect(r.status).toBe(200);
    expect(r.body.options.rp).toEqual({ id: "fans.example.com", name: "Test Site" });
    expect(r.body.options.authenticatorSelection).toMatchObject({ residentKey: "required" });
    const login = await app.post("/api/v1/auth/passkeys/login/options");
    expect(login.body.options.rpId).toBe("fans.example.com");
    expect(login.body.options.allowCredentials ?? []).toEqual([]);
  });

  it("registers, lists and renames a passkey; the same passkey twice is refused", async () => {
    const r = await register(uma, key);
    expect(r.status).toBe(201);
    expect(r.body.passkey).toMatchObject({ name: "My phone", lastUsedAt: null });
    passkeyId = r.body.passkey.id;
    const list = await app.get("/api/v1/auth/passkeys", uma.token);
    expect(list.body.items.map((p: any) => p.id)).toEqual([passkeyId]);
    const renamed = await app.patch(`/api/v1/auth/passkeys/${passkeyId}`, { name: "Pixel 8" }, uma.token);
    expect(renamed.body.passkey.name).toBe("Pixel 8");
    const twice = await register(uma, key);
    expect(twice.status).toBe(409);
    const audit = await app.get("/api/v1/admin/audit?action=auth.passkey.add", admin.token);
    expect(audit.body.items[0]).toMatchObject({
      actor: { id: uma.user.id },
      target: { type: "passkey", id: passkeyId },
    });
  });

  it("a registration answered for another origin, or with a spent flow, is refused", async () => {
    const other = softPasskey();
    const wrongOrigin = await register(uma, other, "Phishing", "https://fans.example.com.evil.net");
    expect(wrongOrigin.status).toBe(400);
    expect(wrongOrigin.body.error.code).toBe("passkey_rejected");
    const opts = await app.post("/api/v1/auth/passkeys/options", undefined, uma.token);
    const body = {
      flowId: opts.body.flowId,
      name: "Laptop",
      response: other.register(opts.body.options, SITE),
    };
    expect((await app.post("/api/v1/auth/passkeys", body, uma.token)).status).toBe(201);
    const replay = await app.post("/api/v1/auth/passkeys", body, uma.token);
    expect(replay.body.error.code).toBe("invalid_challenge");
    // Another person cannot finish Uma's registration.
    const vic = await app.signup("vic");
    const o2 = await app.post("/api/v1/auth/passkeys/options", undefined, uma.token);
    const stolen = await app.post(
      "/api/v1/auth/passkeys",
      { flowId: o2.body.flowId, name: "x", response: softPasskey().register(o2.body.options, SITE) },
      vic.token,
    );
    expect(stolen.body.error.code).toBe("invalid_challenge");
  });

  it("signs in without a password; the counter must move forward", async () => {
    const r = await signIn(key);
    expect(r.status).toBe(200);
    expect(r.body.user.id).toBe(uma.user.id);
    expect(r.headers.get("set-cookie")).toMatch(/^fanz_session=/);
    expect((await app.get("/api/v1/users/me", r.body.token)).body.user.username).toBe("uma");
    const listed = (await app.get("/api/v1/auth/passkeys", uma.token)).body.items.find(
      (p: any) => p.id === passkeyId,
    );
    expect(listed.lastUsedAt).toEqual(expect.any(Number));

    // A cloned authenticator replays an old count.
    const cloned = await signIn(key, { counter: 1 });
    expect(cloned.status).toBe(401);
    expect(cloned.body.error.code).toBe("passkey_rejected");
    expect((await signIn(key, { counter: 5 })).status).toBe(200);
  });

  it("refuses an answer for another origin, without user verification, or to a spent challenge", async () => {
    expect((await signIn(key, {}, "https://evil.example.net")).body.error.code).toBe("passkey_rejected");
    expect((await signIn(key, { userVerified: false })).body.error.code).toBe("passkey_rejected");
    const o = await app.post("/api/v1/auth/passkeys/login/options");
    const body = { flowId: o.body.flowId, response: key.authenticate(o.body.options, SITE) };
    expect((await app.post("/api/v1/auth/passkeys/login", body)).status).toBe(200);
    const again = await app.post("/api/v1/auth/passkeys/login", body);
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe("invalid_challenge");
  });

  it("only its owner removes a passkey; a removed one no longer signs in", async () => {
    const wes = await app.signup("wes");
    expect((await app.del(`/api/v1/auth/passkeys/${passkeyId}`, wes.token)).status).toBe(404);
    expect((await app.del(`/api/v1/auth/passkeys/${passkeyId}`, uma.token)).status).toBe(204);
    expect((await app.del(`/api/v1/auth/passkeys/${passkeyId}`, uma.token)).status).toBe(404);
    const r = await signIn(key);
    expect(r.status).toBe(401);
    expect(r.body.error.message).toMatch(/not registered/);
    const audit = await app.get("/api/v1/admin/audit?action=auth.passkey.remove", admin.token);
    expect(audit.body.items).toHaveLength(1);
  });

  it("a banned person's passkey does not sign in", async () => {
    const xia = await app.signup("xia");
    const k = softPasskey();
    expect((await register(xia, k)).status).toBe(201);
    await app.ctx.db.write((tx) =>
      app.services.users.setStatusTx(tx, xia.user.id, { status: "banned", reason: "spam", until: null }),
    );
    const r = await signIn(k);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("banned");
  });
});
