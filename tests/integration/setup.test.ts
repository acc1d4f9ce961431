import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync, statSync } from "node:fs";
import { startTestApp, type TestApp } from "../helpers/api.ts";

describe("setup wizard", () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await startTestApp({ setup: false });
    token = (await app.services.setup.issueTokenIfNeeded())!;
  });
  afterAll(() => app.close());

  it("writes the one-time token to <data_dir>/setup-token with mode 0600", () => {
    const file = app.ctx.paths.setupToken;
    expect(readFileSync(file, "utf8").trim()).toBe(token);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("answers 503 setup_required on other API routes until setup is done", async () => {
    for (const [method, path] of [
      ["GET", "/api/v1/feed"],
      ["GET", "/api/v1/creators"],
      ["POST", "/api/v1/auth/signup"],
      ["GET", "/api/v1/users/me"],
    ] as const) {
      const r = await app.call(method, path, { body: method === "POST" ? {} : undefined });
      expect(r.status, path).toBe(503);
      expect(r.body.error.code).toBe("setup_required");
    }
    const site = await app.get("/api/v1/site");
    expect(site.status).toBe(200);
    expect(site.body.site.setupRequired).toBe(true);
  });

  it("validates input and refuses a wrong token", async () => {
    const bad = await app.post("/api/v1/setup", {
      token,
      siteName: "",
      admin: { email: "nope", username: "a", password: "x" },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details.fields)).toEqual(
      expect.arrayContaining(["siteName", "admin.email", "admin.username", "admin.password"]),
    );
    const wrong = await app.post("/api/v1/setup", {
      token: "not-the-token",
      siteName: "Site",
      admin: { email: "boss@example.com", username: "boss", password: "boss-password" },
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe("bad_setup_token");
    expect(await app.services.users.anyAdmin()).toBe(false);
  });

  it("creates the first admin and the site, logs them in, then voids the token (409)", async () => {
    const body = {
      token,
      siteName: "My Fan Site",
      admin: { email: "Boss@Example.com", username: "Boss", password: "boss-password" },
    };
    const r = await app.post("/api/v1/setup", body);
    expect(r.status).toBe(201);
    expect(r.body.user).toMatchObject({ role: "admin", username: "boss", email: "boss@example.com" });
    expect(r.body.site).toMatchObject({ name: "My Fan Site", setupRequired: false });
    expect(r.headers.get("set-cookie")).toMatch(/fanz_session=[^;]+;.*HttpOnly/);
    expect(existsSync(app.ctx.paths.setupToken)).toBe(false);

    const me = await app.get("/api/v1/users/me", r.body.token);
    expect(me.body.user.role).toBe("admin");

    const again = await app.post("/api/v1/setup", body);
    expect(again.status).toBe(409);
    expect((await app.get("/api/v1/site")).body.site.name).toBe("My Fan Site");
    expect((await app.get("/api/v1/creators")).status).toBe(200);
  });

  it("issues no token once an admin exists", async () => {
    expect(await app.services.setup.issueTokenIfNeeded()).toBeNull();
  });
});
