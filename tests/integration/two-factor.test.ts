// Two-factor sign-in through the real app on both engines: set-up (secret sealed, QR code), enable with a
// code (ten recovery codes, shown once, stored hashed), log-in in two steps (no token, no cookie after the
// password), each code accepted once (a replay is refused, ±1 step of drift), wrong codes counting
// against the log-in limit, recovery codes used once, challenges used once and expiring, disable with the
// password and a code; audit entries and the notice mail.
import { generateHOTP } from "@oslojs/otp";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MINUTE } from "../../src/lib/clock.ts";
import { startTestApp, TestClock, type Actor, type TestApp } from "../helpers/api.ts";
import { sentMails } from "../helpers/mail.ts";

const PASSWORD = "password-123";

describe("two-factor sign-in", () => {
  let app: TestApp;
  let admin: Actor;
  const clock = new TestClock();
  const step = (offset = 0) => Math.floor(clock.now() / 30_000) + offset;
  const codeFor = (secret: string, offset = 0) =>
    generateHOTP(decodeBase32IgnorePadding(secret), BigInt(step(offset)), 6);
  const login = (email: string, password = PASSWORD) => app.post("/api/v1/auth/login", { email, password });
  const second = (body: Record<string, string>) => app.post("/api/v1/auth/login/2fa", body);
  /** A fresh account with two-factor sign-in on: its secret and recovery codes. */
  async function withTwoFactor(name: string) {
    const a = await app.signup(name);
    const setup = await app.post("/api/v1/auth/2fa/setup", undefined, a.token);
    const on = await app.post("/api/v1/auth/2fa/enable", { code: codeFor(setup.body.secret) }, a.token);
    expect(on.status).toBe(200);
    return { ...a, secret: setup.body.secret as string, recovery: on.body.recoveryCodes as string[] };
  }
  const audit = async (action: string) =>
    (await app.get(`/api/v1/admin/audit?action=${action}`, admin.token)).body.items as {
      actor: { id: string } | null;
      action: string;
    }[];

  beforeAll(async () => {
    app = await startTestApp({ clock, env: { FANZ_AUTH__LOGIN_MAX_FAILURES: "5" } });
    admin = await app.signupAdmin();
  });
  afterAll(() => app.close());

  it("set-up shows a secret and a QR code, sealed and pending until a right code turns it on", async () => {
    const fan = await app.signup("alice");
    expect((await app.get("/api/v1/users/me", fan.token)).body.user.twoFactorEnabled).toBe(false);
    const setup = await app.post("/api/v1/auth/2fa/setup", undefined, fan.token);
    expect(setup.status).toBe(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Test%20Site:alice%40example\.com\?/);
    expect(setup.body.otpauthUrl).toContain(`secret=${setup.body.secret}`);
    expect(setup.body.qrSvg).toMatch(/^<svg[^>]*>.*<\/svg>$/s);
    const stored = (await app.raw
      .prepare("SELECT secret_sealed, pending_sealed FROM totp_credentials WHERE user_id = ?")
      .get(fan.user.id)) as { secret_sealed: string | null; pending_sealed: string };
    expect(stored.secret_sealed).toBeNull();
    expect(stored.pending_sealed).not.toContain(setup.body.secret);
    expect(app.ctx.sealer.open(stored.pending_sealed)).toBe(setup.body.secret);

    // Not on yet: the password alone still logs in.
    expect((await login("alice@example.com")).body.token).toBeTruthy();
    const wrong = await app.post("/api/v1/auth/2fa/enable", { code: "000000" }, fan.token);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe("invalid_code");

    const on = await app.post("/api/v1/auth/2fa/enable", { code: codeFor(setup.body.secret) }, fan.token);
    expect(on.status).toBe(200);
    const codes = on.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    const hashes = (await app.raw
      .prepare("SELECT code_hash FROM recovery_codes WHERE user_id = ?")
      .all(fan.user.id)) as { code_hash: string }[];
    expect(hashes).toHaveLength(10);
    for (const h of hashes) for (const c of codes) expect(h.code_hash).not.toContain(c.replace(/-/g, ""));

    expect((await app.get("/api/v1/users/me", fan.token)).body.user.twoFactorEnabled).toBe(true);
    expect((await app.get("/api/v1/auth/2fa", fan.token)).body.twoFactor).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 10,
    });
    expect((await app.post("/api/v1/auth/2fa/setup", undefined, fan.token)).body.error.code).toBe(
      "two_factor_enabled",
    );
    expect((await audit("auth.2fa.enable")).map((e) => e.actor?.id)).toContain(fan.user.id);
  });

  it("log-in asks for the code: no token and no cookie until the second step", async () => {
    const bob = await withTwoFactor("bob");
    clock.advance(30_000);
    const first = await login("bob@example.com");
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ twoFactorRequired: true, challenge: expect.any(String) });
    expect(first.headers.get("set-cookie")).toBeNull();

    const done = await second({ challenge: first.body.challenge, code: codeFor(bob.secret) });
    expect(done.status).toBe(200);
    expect(done.body.user).toMatchObject({ id: bob.user.id, twoFactorEnabled: true });
    expect(done.headers.get("set-cookie")).toMatch(/^fanz_session=/);
    expect((await app.get("/api/v1/users/me", done.body.token)).status).toBe(200);

    // The challenge worked once.
    const again = await second({ challenge: first.body.challenge, code: codeFor(bob.secret, 1) });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe("invalid_challenge");
  });

  it("a code is accepted once; the step before is still fine (drift), two steps back is not", async () => {
    const carol = await withTwoFactor("carol");
    clock.advance(30_000);
    const code = codeFor(carol.secret);
    const a = await login("carol@example.com");
    expect((await second({ challenge: a.body.challenge, code })).status).toBe(200);

    const b = await login("carol@example.com");
    const replay = await second({ challenge: b.body.challenge, code });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe("invalid_code");
    // The challenge survives a wrong code (a typo may be corrected) and the next step's code works.
    clock.advance(30_000);
    expect((await second({ challenge: b.body.challenge, code: codeFor(carol.secret) })).status).toBe(200);

    // One step late (the clock of the phone lags 30 s): accepted, if that step is newer than the last used.
    clock.advance(60_000);
    const c = await login("carol@example.com");
    expect((await second({ challenge: c.body.challenge, code: codeFor(carol.secret, -1) })).status).toBe(200);
    clock.advance(90_000);
    const d = await login("carol@example.com");
    const stale = await second({ challenge: d.body.challenge, code: codeFor(carol.secret, -2) });
    expect(stale.body.error.code).toBe("invalid_code");
    expect((await second({ challenge: d.body.challenge, code: codeFor(carol.secret, 1) })).status).toBe(200);
  });

  it("a challenge expires after 5 minutes", async () => {
    const dave = await withTwoFactor("dave");
    clock.advance(30_000);
    const a = await login("dave@example.com");
    clock.advance(5 * MINUTE + 1000);
    const late = await second({ challenge: a.body.challenge, code: codeFor(dave.secret) });
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe("invalid_challenge");
    const unknown = await second({ challenge: "a".repeat(32), code: codeFor(dave.secret) });
    expect(unknown.body.error.code).toBe("invalid_challenge");
  });

  it("wrong codes count against the log-in limit: after 5 the right code and the password get 429", async () => {
    clock.advance(16 * MINUTE); // a fresh window for the address's count too
    const erin = await withTwoFactor("erin");
    clock.advance(30_000);
    const a = await login("erin@example.com");
    for (let i = 0; i < 5; i++) {
      const r = await second({ challenge: a.body.challenge, code: String(100000 + i) });
      expect(r.status).toBe(401);
    }
    const blocked = await second({ challenge: a.body.challenge, code: codeFor(erin.secret) });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe("rate_limited");
    expect((await login("erin@example.com")).status).toBe(429);
    // The window passes: the right code works again.
    clock.advance(16 * MINUTE);
    const b = await login("erin@example.com");
    expect((await second({ challenge: b.body.challenge, code: codeFor(erin.secret) })).status).toBe(200);
  });

  it("a recovery code signs in once, is audited, and then is spent", async () => {
    clock.advance(16 * MINUTE);
    const fred = await withTwoFactor("fred");
    const a = await login("fred@example.com");
    const used = await second({ challenge: a.body.challenge, recoveryCode: fred.recovery[3]!.toUpperCase() });
    expect(used.status).toBe(200);
    expect((await app.get("/api/v1/auth/2fa", used.body.token)).body.twoFactor.recoveryCodesLeft).toBe(9);
    const b = await login("fred@example.com");
    const twice = await second({ challenge: b.body.challenge, recoveryCode: fred.recovery[3]! });
    expect(twice.status).toBe(401);
    expect(twice.body.error.code).toBe("invalid_code");
    expect((await second({ challenge: b.body.challenge, recoveryCode: fred.recovery[4]! })).status).toBe(200);
    expect((await audit("auth.recovery_code.used")).filter((e) => e.actor?.id === fred.user.id)).toHaveLength(
      2,
    );
    // Both a code and a recovery code, or neither: refused before anything is counted.
    expect((await second({ challenge: b.body.challenge })).status).toBe(400);
  });

  it("new recovery codes replace the old ones", async () => {
    clock.advance(16 * MINUTE);
    const gus = await withTwoFactor("gus");
    clock.advance(30_000);
    const r = await app.post("/api/v1/auth/2fa/recovery-codes", { code: codeFor(gus.secret) }, gus.token);
    expect(r.status).toBe(200);
    expect(r.body.recoveryCodes).toHaveLength(10);
    const a = await login("gus@example.com");
    expect((await second({ challenge: a.body.challenge, recoveryCode: gus.recovery[0]! })).status).toBe(401);
    expect(
      (await second({ challenge: a.body.challenge, recoveryCode: r.body.recoveryCodes[0] })).status,
    ).toBe(200);
  });

  it("disable needs the password and a code (or a recovery code); then the password alone logs in", async () => {
    clock.advance(16 * MINUTE);
    const hana = await withTwoFactor("hana");
    clock.advance(30_000);
    const badPassword = await app.post(
      "/api/v1/auth/2fa/disable",
      { password: "not-it-at-all", code: codeFor(hana.secret) },
      hana.token,
    );
    expect(badPassword.status).toBe(400);
    expect(badPassword.body.error.code).toBe("invalid_password");
    const badCode = await app.post(
      "/api/v1/auth/2fa/disable",
      { password: PASSWORD, code: "123456" },
      hana.token,
    );
    expect(badCode.body.error.code).toBe("invalid_code");
    const off = await app.post(
      "/api/v1/auth/2fa/disable",
      { password: PASSWORD, code: hana.recovery[0]! },
      hana.token,
    );
    expect(off.status).toBe(204);
    expect((await app.get("/api/v1/users/me", hana.token)).body.user.twoFactorEnabled).toBe(false);
    const plain = await login("hana@example.com");
    expect(plain.body.token).toBeTruthy();
    expect(plain.body.twoFactorRequired).toBeUndefined();
    const n = (await app.raw
      .prepare("SELECT count(*) AS n FROM recovery_codes WHERE user_id = ?")
      .get(hana.user.id)) as {
      n: number;
    };
    expect(Number(n.n)).toBe(0);
    expect((await audit("auth.2fa.disable")).map((e) => e.actor?.id)).toContain(hana.user.id);
    const notice = (await sentMails(app, "hana@example.com")).find((m) => /turned off/.test(m.subject));
    expect(notice?.text).toContain("Two-factor sign-in was turned off");
    expect(
      (await app.post("/api/v1/auth/2fa/disable", { password: PASSWORD, code: "123456" }, hana.token)).body
        .error.code,
    ).toBe("two_factor_disabled");
  });

  it("a suspended account with two-factor sign-in cannot finish the second step", async () => {
    clock.advance(16 * MINUTE);
    const ivy = await withTwoFactor("ivy");
    clock.advance(30_000);
    const a = await login("ivy@example.com");
    await app.ctx.db.write((tx) =>
      app.services.users.setStatusTx(tx, ivy.user.id, { status: "banned", reason: "test", until: null }),
    );
    const r = await second({ challenge: a.body.challenge, code: codeFor(ivy.secret) });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("banned");
  });
});
