// Visible text is normalised and cannot carry NUL, bidi overrides or invisible-only names (review defect 9).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type Actor } from "../helpers/api.ts";

describe("profile text fields", () => {
  let app: TestApp;
  let creator: Actor;
  let admin: Actor;
  beforeAll(async () => {
    app = await startTestApp({ setup: false });
    admin = await app.setup();
    creator = await app.creator("texty");
  });
  afterAll(() => app.close());

  const bad = {
    nul: "Ann\u0000a",
    override: "Eve\u202Egpj.exe",
    zeroWidth: "\u200B\u200C\u2060",
    blank: "   ",
  };

  it("refuses each bad display name with 400 naming the field, and changes nothing", async () => {
    for (const [what, displayName] of Object.entries(bad)) {
      const r = await app.put("/api/v1/creators/me", { priceCents: 999, displayName }, creator.token);
      expect(r.status, what).toBe(400);
      expect(r.body.error.code).toBe("invalid_request");
      expect(Object.keys(r.body.error.details.fields)).toEqual(["displayName"]);
    }
    const me = await app.get("/api/v1/creators/texty");
    expect(me.body.creator.displayName).toBe("texty");
  });

  it("refuses NUL or an override in a bio but keeps its lines", async () => {
    for (const bio of ["hi\u0000", "hi\u202Dthere"]) {
      const r = await app.put("/api/v1/creators/me", { priceCents: 999, bio }, creator.token);
      expect(r.status).toBe(400);
      expect(Object.keys(r.body.error.details.fields)).toEqual(["bio"]);
    }
    const ok = await app.put(
      "/api/v1/creators/me",
      { priceCents: 999, bio: "line one\nline two" },
      creator.token,
    );
    expect(ok.status).toBe(200);
    expect(ok.body.creator.bio).toBe("line one\nline two");
  });

  it("stores names in NFC, at sign-up and on the profile", async () => {
    const r = await app.post("/api/v1/auth/signup", {
      email: "zoe@example.com",
      username: "zoe",
      password: "password-123",
      displayName: " Zoe\u0308 ",
      ageConfirmed: true,
    });
    expect(r.status).toBe(201);
    expect(r.body.user.displayName).toBe("Zoë");
    const up = await app.put(
      "/api/v1/creators/me",
      { priceCents: 999, displayName: "Cafe\u0301" },
      creator.token,
    );
    expect(up.body.creator.displayName).toBe("Café");
    const signupBad = await app.post("/api/v1/auth/signup", {
      email: "mal@example.com",
      username: "mal",
      password: "password-123",
      displayName: bad.override,
      ageConfirmed: true,
    });
    expect(signupBad.status).toBe(400);
    expect(Object.keys(signupBad.body.error.details.fields)).toEqual(["displayName"]);
    expect(await app.services.users.byUsername("mal")).toBeUndefined();
  });

  it("refuses a site name that is blank or disguised", async () => {
    for (const name of [bad.zeroWidth, bad.override]) {
      const r = await app.put("/api/v1/admin/settings", { name }, admin.token);
      expect(r.status).toBe(400);
      expect(Object.keys(r.body.error.details.fields)).toEqual(["name"]);
    }
  });
});
