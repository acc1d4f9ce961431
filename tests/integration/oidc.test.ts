// Sign-in with an OpenID provider, against a real one (node-oidc-provider on 127.0.0.1) on both engines,
// driven like a browser (a cookie jar, redirects followed by hand): a new person gets an account only
// after confirming their age; an existing account is linked only when the provider asserts a verified
// address that the account has proved too; tampered state, a nonce that does not match, a replayed
// callback, banned people, two-factor sign-in, linking and unlinking in settings, the admin's providers.
import { generateHOTP } from "@oslojs/otp";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";
import {
  browse,
  CookieJar,
  follow,
  startOidcProvider,
  startSigningProvider,
  TEST_CLIENT,
  type TestAccount,
  type TestOidcProvider,
} from "../helpers/oidc-provider.ts";

/** The site's public URL: the provider sends browsers there; the jar's requests go to the real port. */
const SITE = "http://site.test";

describe("sign-in with an OpenID provider", () => {
  let op: TestOidcProvider;
  let app: TestApp;
  let admin: Actor;

  beforeAll(async () => {
    op = await startOidcProvider();
    op.connect([`${SITE}/api/v1/auth/sso/test/callback`, `${SITE}/api/v1/auth/sso/second/callback`]);
    const provider = {
      id: "test",
      name: "Test ID",
      issuer: op.issuer,
      client_id: TEST_CLIENT.id,
      client_secret: TEST_CLIENT.secret,
    };
    app = await startTestApp({
      env: { FANZ_SERVER__PUBLIC_URL: SITE, FANZ_AUTH__OIDC: JSON.stringify({ providers: [provider] }) },
    });
    admin = await app.signupAdmin();
  });
  afterAll(async () => {
    await app?.close();
    await op?.close();
  });

  const toSite = (u: URL) => (u.origin === SITE ? new URL(u.pathname + u.search + u.hash, app.base) : u);

  /** Starts a flow in `jar` (as the log-in page's button does) and follows it to the page it ends on. */
  async function signIn(
    jar: CookieJar,
    account: TestAccount | null,
    opts: {
      intent?: "login" | "link";
      provider?: string;
      edit?: (u: URL) => URL;
      stopAt?: (u: URL) => boolean;
    } = {},
  ) {
    if (account) op.signInAs(account);
    const res = await browse(jar, `${app.base}/api/v1/auth/sso/${opts.provider ?? "test"}/start`, {
      method: "POST",
      body: { intent: opts.intent ?? "login" },
      origin: app.base,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const { url } = (await res.json()) as { url: string };
    const edit = opts.edit;
    return follow(jar, url, app.base, { edit: (u) => toSite(edit ? edit(u) : u), stopAt: opts.stopAt });
  }
  const sessionOf = (jar: CookieJar) => jar.get(app.base, "fanz_session");
  const me = async (jar: CookieJar) => {
    const res = await browse(jar, `${app.base}/api/v1/users/me`);
    return res.status === 200 ? ((await res.json()) as { user: { id: string; email: string } }).user : null;
  };
  const errorOf = (u: URL) => new URLSearchParams(u.hash.slice(1)).get("sso_error");
  /** A jar already signed in as `a` (the session cookie), as a browser would be. */
  const jarOf = (a: Actor) => {
    const jar = new CookieJar();
    jar.set(app.base, "fanz_session", a.token);
    return jar;
  };

  it("lists the configured provider for the log-in page", async () => {
    const r = await app.get("/api/v1/auth/sso/providers");
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([{ id: "test", name: "Test ID" }]);
  });

  it("sends the browser to the provider with PKCE (S256), state and nonce", async () => {
    const jar = new CookieJar();
    const res = await browse(jar, `${app.base}/api/v1/auth/sso/test/start`, {
      method: "POST",
      body: {},
      origin: app.base,
    });
    const url = new URL(((await res.json()) as { url: string }).url);
    expect(url.origin).toBe(op.issuer);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get("state")).toBeTruthy();
    expect(url.searchParams.get("nonce")).toBeTruthy();
    expect(url.searchParams.get("redirect_uri")).toBe(`${SITE}/api/v1/auth/sso/test/callback`);
    expect(url.searchParams.get("scope")?.split(" ")).toEqual(expect.arrayContaining(["openid", "email"]));
    expect(jar.get(app.base, "fanz_sso")).toBeTruthy();
    expect((await app.post("/api/v1/auth/sso/nope/start", {})).status).toBe(404);
  });

  it("a new person gets an account only after confirming their age, then signs in with the provider", async () => {
    const jar = new CookieJar();
    const account = {
      sub: "new-person-1",
      email: "newbie@example.com",
      email_verified: true,
      name: "New Bie",
      preferred_username: "newbie",
    };
    const end = await signIn(jar, account);
    expect(end.url.pathname).toBe("/signup/continue");
    expect(sessionOf(jar)).toBeUndefined();
    expect(await app.services.users.byEmail("newbie@example.com")).toBeUndefined();

    const pending = await browse(jar, `${app.base}/api/v1/auth/sso/signup`);
    expect(pending.status).toBe(200);
    expect(((await pending.json()) as { signup: unknown }).signup).toEqual({
      provider: { id: "test", name: "Test ID" },
      email: "newbie@example.com",
      emailVerified: true,
      suggestedUsername: "newbie",
      displayName: "New Bie",
    });
    const noAge = await browse(jar, `${app.base}/api/v1/auth/sso/signup`, {
      method: "POST",
      body: { username: "newbie" },
      origin: app.base,
    });
    expect(noAge.status).toBe(400);
    expect(await app.services.users.byEmail("newbie@example.com")).toBeUndefined();

    const made = await browse(jar, `${app.base}/api/v1/auth/sso/signup`, {
      method: "POST",
      body: { username: "newbie", ageConfirmed: true },
      origin: app.base,
    });
    expect(made.status).toBe(201);
    const user = await me(jar);
    expect(user?.email).toBe("newbie@example.com");
    const row = await app.services.users.byEmail("newbie@example.com");
    expect(row?.emailVerifiedAt).not.toBeNull();
    expect(row?.ageConfirmedAt).toBeGreaterThan(0);
    // The waiting sign-up is spent: it cannot make a second account.
    const again = await browse(jar, `${app.base}/api/v1/auth/sso/signup`, {
      method: "POST",
      body: { username: "newbie2", ageConfirmed: true },
      origin: app.base,
    });
    expect(again.status).toBe(401);

    const later = new CookieJar();
    const back = await signIn(later, account);
    expect(back.url.pathname).toBe("/");
    expect((await me(later))?.id).toBe(user?.id);
  });

  it("a provider without an address: the form asks for one, which then needs the mailed link", async () => {
    const jar = new CookieJar();
    expect((await signIn(jar, { sub: "no-mail-1", name: "Quiet" })).url.pathname).toBe("/signup/continue");
    const body = { username: "quiet_one", ageConfirmed: true };
    const noMail = await browse(jar, `${app.base}/api/v1/auth/sso/signup`, {
      method: "POST",
      body,
      origin: app.base,
    });
    expect(noMail.status).toBe(400);
    const made = await browse(jar, `${app.base}/api/v1/auth/sso/signup`, {
      method: "POST",
      body: { ...body, email: "quiet@example.com" },
      origin: app.base,
    });
    expect(made.status).toBe(201);
    expect((await app.services.users.byEmail("quiet@example.com"))?.emailVerifiedAt).toBeNull();
  });

  it("links an existing account by e-mail only when the provider and the account have both verified it", async () => {
    const alice = await app.signup("alice_sso");
    await app.verifyEmail(alice);
    const jar = new CookieJar();
    const end = await signIn(jar, { sub: "alice-ext", email: alice.user.email, email_verified: true });
    expect(end.url.pathname).toBe("/");
    expect((await me(jar))?.id).toBe(alice.user.id);
    const ids = await app.get("/api/v1/auth/sso/identities", alice.token);
    expect(ids.body.items).toMatchObject([
      { providerId: "test", providerName: "Test ID", email: alice.user.email },
    ]);
    expect(ids.body.hasPassword).toBe(true);
    const entry = (await app.raw
      .prepare("SELECT details FROM audit_log WHERE action = 'auth.identity.link' AND actor_id = ?")
      .get(alice.user.id)) as { details: string };
    expect(JSON.parse(entry.details)).toMatchObject({ provider: "test", automatic: true });
  });

  it("refuses an unverified e-mail (either side), and links nothing", async () => {
    const bob = await app.signup("bob_sso");
    await app.verifyEmail(bob);
    for (const email_verified of [false, "true", undefined]) {
      const jar = new CookieJar();
      const end = await signIn(jar, {
        sub: `bob-ext-${String(email_verified)}`,
        email: bob.user.email,
        email_verified,
      });
      expect(errorOf(end.url)).toBe("sso_email_unverified");
      expect(sessionOf(jar)).toBeUndefined();
    }
    // The provider verified it, but the account here never proved the address: it may not be theirs.
    const carol = await app.signup("carol_sso");
    const jar = new CookieJar();
    const end = await signIn(jar, { sub: "carol-ext", email: carol.user.email, email_verified: true });
    expect(errorOf(end.url)).toBe("sso_email_unverified");
    expect(sessionOf(jar)).toBeUndefined();
    for (const a of [bob, carol])
      expect((await app.get("/api/v1/auth/sso/identities", a.token)).body.items).toEqual([]);
  });

  it("refuses a tampered state, and the flow is spent", async () => {
    const jar = new CookieJar();
    const tamper = (u: URL) => {
      if (u.pathname.endsWith("/callback") && u.searchParams.has("state"))
        u.searchParams.set("state", "forged");
      return u;
    };
    const end = await signIn(
      jar,
      { sub: "state-1", email: "state1@example.com", email_verified: true },
      { edit: tamper },
    );
    expect(errorOf(end.url)).toBe("sso_state_mismatch");
    expect(sessionOf(jar)).toBeUndefined();
    expect(jar.get(app.base, "fanz_sso")).toBeUndefined();
    expect(await app.services.users.byEmail("state1@example.com")).toBeUndefined();
  });

  it("a person who declines at the provider comes back to the log-in page with the reason", async () => {
    const jar = new CookieJar();
    // The provider's error answer (RFC 6749 4.1.2.1) instead of a code, for this flow's state.
    const declined = (u: URL) => {
      if (u.pathname.endsWith("/callback") && u.searchParams.has("code")) {
        u.searchParams.delete("code");
        u.searchParams.set("error", "access_denied");
      }
      return u;
    };
    const end = await signIn(jar, { sub: "declines-1" }, { edit: declined });
    expect(end.url.pathname).toBe("/login");
    expect(errorOf(end.url)).toBe("sso_denied");
    expect(sessionOf(jar)).toBeUndefined();
  });

  it("refuses an ID token whose nonce is not the flow's", async () => {
    const jar = new CookieJar();
    // The provider is asked with another nonce than the one the flow keeps: its ID token carries that one.
    const tamper = (u: URL) => {
      if (u.origin === op.issuer && u.searchParams.has("nonce"))
        u.searchParams.set("nonce", "not-the-flows-nonce");
      return u;
    };
    const end = await signIn(
      jar,
      { sub: "nonce-1", email: "nonce1@example.com", email_verified: true },
      { edit: tamper },
    );
    expect(errorOf(end.url)).toBe("sso_rejected");
    expect(sessionOf(jar)).toBeUndefined();
    expect(await app.services.users.byEmail("nonce1@example.com")).toBeUndefined();
  });

  it("a replayed callback signs nobody in (same browser, or another one)", async () => {
    const dave = await app.signup("dave_sso");
    await app.verifyEmail(dave);
    const account = { sub: "dave-ext", email: dave.user.email, email_verified: true };
    const jar = new CookieJar();
    const atCallback = await signIn(jar, account, { stopAt: (u) => u.pathname.endsWith("/callback") });
    const callback = atCallback.url.href;
    const savedFlow = jar.get(app.base, "fanz_sso")!;
    const first = await follow(jar, callback, app.base);
    expect(first.url.pathname).toBe("/");
    expect((await me(jar))?.id).toBe(dave.user.id);

    const sameBrowser = new CookieJar();
    sameBrowser.set(app.base, "fanz_sso", savedFlow);
    expect(errorOf((await follow(sameBrowser, callback, app.base)).url)).toBe("sso_flow_expired");
    const other = new CookieJar();
    expect(errorOf((await follow(other, callback, app.base)).url)).toBe("sso_flow_expired");
    expect(sessionOf(sameBrowser)).toBeUndefined();
    expect(sessionOf(other)).toBeUndefined();
  });

  it("banned people stay out, by a linked identity or by their verified address", async () => {
    const erin = await app.signup("erin_sso");
    await app.verifyEmail(erin);
    const linked = { sub: "erin-ext", email: erin.user.email, email_verified: true };
    expect((await signIn(new CookieJar(), linked)).url.pathname).toBe("/");
    const frank = await app.signup("frank_sso");
    await app.verifyEmail(frank);
    for (const a of [erin, frank])
      expect(
        (await app.post(`/api/v1/admin/users/${a.user.id}/ban`, { reason: "spam" }, admin.token)).status,
      ).toBe(200);

    const jar = new CookieJar();
    expect(errorOf((await signIn(jar, linked)).url)).toBe("banned");
    const byMail = new CookieJar();
    expect(
      errorOf(
        (await signIn(byMail, { sub: "frank-ext", email: frank.user.email, email_verified: true })).url,
      ),
    ).toBe("banned");
    expect(sessionOf(jar)).toBeUndefined();
    expect(sessionOf(byMail)).toBeUndefined();
    expect((await app.get("/api/v1/auth/sso/identities", admin.token)).body.items).toEqual([]);
  });

  it("two-factor sign-in still asks for its code after the provider", async () => {
    const gina = await app.signup("gina_sso");
    await app.verifyEmail(gina);
    const setup = await app.post("/api/v1/auth/2fa/setup", undefined, gina.token);
    const code = (ahead = 0) =>
      generateHOTP(
        decodeBase32IgnorePadding(setup.body.secret),
        BigInt(Math.floor(Date.now() / 30_000) + ahead),
        6,
      );
    expect((await app.post("/api/v1/auth/2fa/enable", { code: code() }, gina.token)).status).toBe(200);
    const jar = new CookieJar();
    const end = await signIn(jar, { sub: "gina-ext", email: gina.user.email, email_verified: true });
    expect(end.url.pathname).toBe("/login");
    expect(sessionOf(jar)).toBeUndefined();
    const challenge = new URLSearchParams(end.url.hash.slice(1)).get("sso_2fa");
    expect(challenge).toBeTruthy();
    // The next step's code (one step of drift is accepted): the enabling code's step is spent.
    const second = await app.post("/api/v1/auth/login/2fa", { challenge, code: code(1) });
    expect(second.status).toBe(200);
    expect(second.body.user.id).toBe(gina.user.id);
  });

  it("the signed-in person links and unlinks in settings; the last way in cannot be unlinked", async () => {
    // A second provider saved by the admin (the same test issuer under another id).
    const saved = await app.put(
      "/api/v1/admin/sso/providers/second",
      { name: "Second ID", issuer: op.issuer, clientId: TEST_CLIENT.id, clientSecret: TEST_CLIENT.secret },
      admin.token,
    );
    expect(saved.status).toBe(200);

    // An account made through the provider has no password: its only identity cannot go.
    const jar = new CookieJar();
    const account = { sub: "henry-ext", email: "henry@example.com", email_verified: true };
    expect((await signIn(jar, account)).url.pathname).toBe("/signup/continue");
    const made = await browse(jar, `${app.base}/api/v1/auth/sso/signup`, {
      method: "POST",
      body: { username: "henry_sso", ageConfirmed: true },
      origin: app.base,
    });
    const henry: Actor = {
      token: ((await made.json()) as { token: string }).token,
      user: (await me(jar))! as never,
    };
    const list = await app.get("/api/v1/auth/sso/identities", henry.token);
    expect(list.body.hasPassword).toBe(false);
    const only = list.body.items[0].id as string;
    const refused = await app.del(`/api/v1/auth/sso/identities/${only}`, henry.token);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("last_sign_in_method");

    // Linking a second provider in settings (the signed-in browser, still signed in at the provider as
    // henry-ext: the provider's own session answers), then the first may go.
    const linked = await signIn(jar, null, { intent: "link", provider: "second" });
    expect(linked.url.pathname).toBe("/settings/security");
    expect(linked.url.hash).toBe("#sso=linked");
    const both = await app.get("/api/v1/auth/sso/identities", henry.token);
    expect(both.body.items.map((i: { providerId: string }) => i.providerId).sort()).toEqual([
      "second",
      "test",
    ]);
    expect((await app.del(`/api/v1/auth/sso/identities/${only}`, henry.token)).status).toBe(204);
    const last = both.body.items.find((i: { providerId: string }) => i.providerId === "second").id as string;
    expect((await app.del(`/api/v1/auth/sso/identities/${last}`, henry.token)).status).toBe(409);

    // An identity linked to someone else cannot be linked again; linking needs the person signed in.
    const ivy = await app.signup("ivy_sso");
    const taken = await signIn(jarOf(ivy), { sub: "henry-ext" }, { intent: "link", provider: "second" });
    expect(errorOf(taken.url)).toBe("identity_in_use");
    expect((await app.post("/api/v1/auth/sso/test/start", { intent: "link" })).status).toBe(401);

    // A person with a password may unlink their only identity.
    const mine = await signIn(jarOf(ivy), { sub: "ivy-ext" }, { intent: "link" });
    expect(mine.url.hash).toBe("#sso=linked");
    const ivyIds = await app.get("/api/v1/auth/sso/identities", ivy.token);
    expect((await app.del(`/api/v1/auth/sso/identities/${ivyIds.body.items[0].id}`, ivy.token)).status).toBe(
      204,
    );
    expect((await app.del(`/api/v1/auth/sso/identities/${ivyIds.body.items[0].id}`, ivy.token)).status).toBe(
      404,
    );
  });

  it("checks the ID token's signature against the issuer's JWKS (a forged signature signs nobody in)", async () => {
    const signer = await startSigningProvider();
    try {
      const body = { name: "Signer", issuer: signer.issuer, clientId: TEST_CLIENT.id, clientSecret: "s" };
      expect((await app.put("/api/v1/admin/sso/providers/signer", body, admin.token)).status).toBe(200);
      for (const forged of [true, false]) {
        const jar = new CookieJar();
        const start = await browse(jar, `${app.base}/api/v1/auth/sso/signer/start`, {
          method: "POST",
          body: {},
          origin: app.base,
        });
        const url = new URL(((await start.json()) as { url: string }).url);
        const sub = `signed-${String(forged)}`;
        const claims = { sub, email: `${sub}@example.com`, email_verified: true };
        signer.next({ claims, nonce: url.searchParams.get("nonce")!, forged });
        const state = url.searchParams.get("state")!;
        const end = await follow(
          jar,
          `${app.base}/api/v1/auth/sso/signer/callback?code=c&state=${state}`,
          app.base,
        );
        if (forged) {
          expect(errorOf(end.url)).toBe("sso_rejected");
          expect(jar.get(app.base, "fanz_sso")).toBeUndefined();
        } else {
          // The same answer signed with the published key is taken: only the signature differed.
          expect(end.url.pathname).toBe("/signup/continue");
          expect(jar.get(app.base, "fanz_sso")).toBeTruthy();
        }
      }
      expect((await app.del("/api/v1/admin/sso/providers/signer", admin.token)).status).toBe(204);
    } finally {
      await signer.close();
    }
  });

  it("the admin's providers: secrets sealed and never shown, the config file's read-only", async () => {
    const list = await app.get("/api/v1/admin/sso/providers", admin.token);
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { id: string; source: string }) => [p.id, p.source])).toEqual([
      ["test", "config"],
      ["second", "site"],
    ]);
    expect(JSON.stringify(list.body)).not.toContain(TEST_CLIENT.secret);
    expect(list.body.items[1].clientSecretSet).toBe(true);
    const stored = (await app.raw
      .prepare("SELECT client_secret_sealed AS sealed FROM sso_providers WHERE id = ?")
      .get("second")) as { sealed: string };
    expect(stored.sealed).toBeTruthy();
    expect(stored.sealed).not.toContain(TEST_CLIENT.secret);

    const body = { name: "X", issuer: op.issuer, clientId: "x" };
    const inConfig = await app.put("/api/v1/admin/sso/providers/test", body, admin.token);
    expect([inConfig.status, inConfig.body.error.code]).toEqual([409, "provider_in_config"]);
    const plainHttp = await app.put(
      "/api/v1/admin/sso/providers/other",
      { ...body, issuer: "http://idp.example.com" },
      admin.token,
    );
    expect(plainHttp.status).toBe(400);
    const fan = await app.signup();
    expect((await app.get("/api/v1/admin/sso/providers", fan.token)).status).toBe(403);
    // Turned off: gone from the log-in page, and its flows refused.
    const off = await app.put(
      "/api/v1/admin/sso/providers/second",
      { name: "Second ID", issuer: op.issuer, clientId: TEST_CLIENT.id, enabled: false },
      admin.token,
    );
    expect(off.body.provider).toMatchObject({ enabled: false, clientSecretSet: true });
    expect((await app.get("/api/v1/auth/sso/providers")).body.items.map((p: { id: string }) => p.id)).toEqual(
      ["test"],
    );
    expect((await app.post("/api/v1/auth/sso/second/start", {})).status).toBe(404);
    expect((await app.del("/api/v1/admin/sso/providers/second", admin.token)).status).toBe(204);
    expect((await app.del("/api/v1/admin/sso/providers/second", admin.token)).status).toBe(404);
  });
});
