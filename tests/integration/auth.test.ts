import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "../../src/lib/clock.ts";
import { startTestApp, TestClock, type TestApp } from "../helpers/api.ts";

const signupBody = (u: string, extra: Record<string, unknown> = {}) => ({
  email: `${u}@example.com`,
  username: u,
  password: "correct-horse",
  ageConfirmed: true,
  ...extra,
});

describe("accounts and sessions", () => {
  let app: TestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    app = await startTestApp({ clock });
  });
  afterAll(() => app.close());

  it("signs up with 201 {user, token}, sets the cookie, and stores an argon2id hash", async () => {
    const r = await app.post("/api/v1/auth/signup", signupBody("alice", { displayName: "Alice A." }));
    expect(r.status).toBe(201);
    expect(r.body.user).toMatchObject({
      username: "alice",
      displayName: "Alice A.",
      role: "fan",
      email: "alice@example.com",
    });
    expect(r.body.user.passwordHash).toBeUndefined();
    expect(r.body.token).toMatch(/^[a-z2-7]{26}\.[a-z2-7]{32}$/);
    const cookie = r.headers.get("set-cookie")!;
    expect(cookie).toContain("fanz_session=");
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect((await app.services.users.byUsername("alice"))!.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("refuses sign-up without ageConfirmed, with bad fields, and with a taken email or username", async () => {
    const noAge = await app.post("/api/v1/auth/signup", signupBody("bob", { ageConfirmed: false }));
    expect(noAge.status).toBe(400);
    expect(noAge.body.error.details.fields.ageConfirmed).toMatch(/18/);

    const bad = await app.post("/api/v1/auth/signup", {
      email: "x",
      username: "a b",
      password: "short",
      ageConfirmed: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_request");
    expect(Object.keys(bad.body.error.details.fields).sort()).toEqual(["email", "password", "username"]);

    const takenEmail = await app.post(
      "/api/v1/auth/signup",
      signupBody("alice2", { email: "ALICE@example.com" }),
    );
    expect(takenEmail.status).toBe(409);
    expect(takenEmail.body.error.details.fields.email).toBeDefined();
    const takenName = await app.post(
      "/api/v1/auth/signup",
      signupBody("ALICE", { email: "other@example.com" }),
    );
    expect(takenName.status).toBe(409);
    expect(takenName.body.error.details.fields.username).toBeDefined();

    const malformed = await app.call("POST", "/api/v1/auth/signup", { raw: "{not json" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toBeTruthy();
  });

  it("logs in; wrong password and unknown email get the same 401", async () => {
    const ok = await app.post("/api/v1/auth/login", {
      email: "Alice@Example.com",
      password: "correct-horse",
    });
    expect(ok.status).toBe(200);
    expect(ok.body.user.username).toBe("alice");
    const wrong = await app.post("/api/v1/auth/login", { email: "alice@example.com", password: "nope-nope" });
    const unknown = await app.post("/api/v1/auth/login", {
      email: "ghost@example.com",
      password: "nope-nope",
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it("authenticates by cookie or bearer; GET /users/me is 401 without either", async () => {
    const r = await app.post("/api/v1/auth/login", { email: "alice@example.com", password: "correct-horse" });
    const cookie = r.headers.get("set-cookie")!.split(";")[0]!;
    expect((await app.call("GET", "/api/v1/users/me", { headers: { cookie } })).body.user.username).toBe(
      "alice",
    );
    expect((await app.get("/api/v1/users/me", r.body.token)).body.user.username).toBe("alice");
    const anon = await app.get("/api/v1/users/me");
    expect(anon.status).toBe(401);
    expect(anon.body.error.code).toBe("unauthorized");
    expect((await app.get("/api/v1/users/me", "bogus.token")).status).toBe(401);
  });

  it("answers GET /users/current with the account, or 200 {user: null} for a visitor or a stale cookie", async () => {
    const r = await app.post("/api/v1/auth/login", { email: "alice@example.com", password: "correct-horse" });
    const cookie = r.headers.get("set-cookie")!.split(";")[0]!;
    const signedIn = await app.call("GET", "/api/v1/users/current", { headers: { cookie } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.username).toBe("alice");
    const anon = await app.get("/api/v1/users/current");
    expect(anon.status).toBe(200);
    expect(anon.body).toEqual({ user: null });
    const stale = await app.call("GET", "/api/v1/users/current", {
      headers: { cookie: "fanz_session=gone.secret" },
    });
    expect(stale.status).toBe(200);
    expect(stale.body).toEqual({ user: null });
    // A bearer token is a deliberate credential: a wrong one is still refused.
    expect((await app.get("/api/v1/users/current", "bogus.token")).status).toBe(401);
  });

  it("requires a matching Origin on cookie-authenticated mutations; bearer requests are exempt", async () => {
    const r = await app.post("/api/v1/auth/login", { email: "alice@example.com", password: "correct-horse" });
    const cookie = r.headers.get("set-cookie")!.split(";")[0]!;
    const body = { priceCents: 500 };
    const none = await app.call("PUT", "/api/v1/creators/me", { body, headers: { cookie } });
    expect(none.status).toBe(403);
    expect(none.body.error.code).toBe("bad_origin");
    const evil = await app.call("PUT", "/api/v1/creators/me", {
      body,
      headers: { cookie, origin: "https://evil.example" },
    });
    expect(evil.status).toBe(403);
    const same = await app.call("PUT", "/api/v1/creators/me", {
      body,
      headers: { cookie, origin: app.base },
    });
    expect(same.status).toBe(200);
    const bearer = await app.put("/api/v1/creators/me", body, r.body.token);
    expect(bearer.status).toBe(200);
  });

  it("logout revokes that session; logout-all revokes every session", async () => {
    const a = await app.post("/api/v1/auth/login", { email: "alice@example.com", password: "correct-horse" });
    const b = await app.post("/api/v1/auth/login", { email: "alice@example.com", password: "correct-horse" });
    expect((await app.post("/api/v1/auth/logout", undefined, a.body.token)).status).toBe(204);
    expect((await app.get("/api/v1/users/me", a.body.token)).status).toBe(401);
    expect((await app.get("/api/v1/users/me", b.body.token)).status).toBe(200);
    const c = await app.post("/api/v1/auth/login", { email: "alice@example.com", password: "correct-horse" });
    expect((await app.post("/api/v1/auth/logout-all", undefined, c.body.token)).status).toBe(204);
    expect((await app.get("/api/v1/users/me", b.body.token)).status).toBe(401);
    expect((await app.get("/api/v1/users/me", c.body.token)).status).toBe(401);
    expect((await app.post("/api/v1/auth/logout")).status).toBe(401);
  });

  it("stores only a hash of the session secret, and slides the expiry on use", async () => {
    const r = await app.post("/api/v1/auth/login", { email: "alice@example.com", password: "correct-horse" });
    const [id, secret] = (r.body.token as string).split(".");
    const row = (await app.raw.prepare("SELECT * FROM sessions WHERE id = ?").get(id)) as Record<
      string,
      unknown
    >;
    expect(row.secret_hash).not.toContain(secret);
    expect(JSON.stringify(row)).not.toContain(secret!);
    const firstExpiry = row.expires_at as number;

    clock.advance(20 * DAY); // past half of the 30-day lifetime: the next use extends it
    expect((await app.get("/api/v1/users/me", r.body.token)).status).toBe(200);
    const after = (await app.raw.prepare("SELECT expires_at FROM sessions WHERE id = ?").get(id)) as {
      expires_at: number;
    };
    expect(after.expires_at).toBeGreaterThan(firstExpiry);

    clock.advance(31 * DAY); // unused for longer than a lifetime: gone
    expect((await app.get("/api/v1/users/me", r.body.token)).status).toBe(401);
  });

  it("rate-limits repeated failed logins with 429 and Retry-After", async () => {
    await app.post("/api/v1/auth/signup", signupBody("carol"));
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (await app.post("/api/v1/auth/login", { email: "carol@example.com", password: "wrong-pass" })).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const blocked = await app.post("/api/v1/auth/login", {
      email: "carol@example.com",
      password: "correct-horse",
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe("rate_limited");
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    clock.advance(16 * 60_000);
    expect(
      (await app.post("/api/v1/auth/login", { email: "carol@example.com", password: "correct-horse" }))
        .status,
    ).toBe(200);
  });

  it("limits sign-ups per address and refuses oversized bodies", async () => {
    const limited = await startTestApp({ env: { FANZ_AUTH__SIGNUPS_PER_IP_PER_HOUR: "2" } });
    try {
      await limited.signup();
      await limited.signup();
      const third = await limited.post("/api/v1/auth/signup", signupBody("third"));
      expect(third.status).toBe(429);
      expect(await limited.services.users.byUsername("third")).toBeUndefined();
      const huge = await limited.post("/api/v1/auth/login", {
        email: "a@b.c",
        password: "x".repeat(2 * 1024 * 1024),
      });
      expect(huge.status).toBe(413);
      expect(huge.body.error.code).toBe("payload_too_large");
    } finally {
      await limited.close();
    }
  });

  it("sends security headers on every response", async () => {
    for (const path of ["/api/v1/site", "/api/v1/nope", "/healthz"]) {
      const r = await app.get(path);
      expect(r.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("referrer-policy")).toBeTruthy();
    }
    expect((await app.get("/api/v1/nope")).status).toBe(404);
  });
});
