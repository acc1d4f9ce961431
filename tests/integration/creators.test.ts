import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/api.ts";

describe("creators", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it("PUT /creators/me turns a fan into a creator with price, bundles and trial", async () => {
    const fan = await app.signup("maya");
    const r = await app.put(
      "/api/v1/creators/me",
      {
        displayName: "Maya M",
        bio: "Photos and stories",
        priceCents: 1000,
        currency: "EUR",
        bundles: [
          { months: 12, discountPercent: 25 },
          { months: 3, discountPercent: 10 },
        ],
        trialDays: 7,
      },
      fan.token,
    );
    expect(r.status).toBe(200);
    expect(r.body.creator).toMatchObject({
      username: "maya",
      displayName: "Maya M",
      bio: "Photos and stories",
      priceCents: 1000,
      currency: "EUR",
      trialDays: 7,
      postsCount: 0,
      bundles: [
        { months: 3, discountPercent: 10, priceCents: 2700 },
        { months: 12, discountPercent: 25, priceCents: 9000 },
      ],
    });
    expect((await app.get("/api/v1/users/me", fan.token)).body.user).toMatchObject({
      role: "creator",
      isCreator: true,
    });
    const post = await app.postAs(fan, { text: "priced", visibility: "ppv", priceCents: 300 });
    expect(post).toMatchObject({ priceCents: 300, currency: "EUR" });

    const update = await app.put("/api/v1/creators/me", { priceCents: 0 }, fan.token);
    expect(update.body.creator).toMatchObject({ priceCents: 0, bio: "Photos and stories", currency: "EUR" });

    // An admin who opens a creator page stays an admin but is flagged as a creator.
    const admin = await app.post("/api/v1/auth/login", {
      email: "admin@example.com",
      password: "admin-password-1",
    });
    expect(admin.body.user).toMatchObject({ role: "admin", isCreator: false });
    await app.put("/api/v1/creators/me", { priceCents: 100 }, admin.body.token);
    expect((await app.get("/api/v1/users/me", admin.body.token)).body.user).toMatchObject({
      role: "admin",
      isCreator: true,
    });
  });

  it("rejects bad profiles with field details", async () => {
    const fan = await app.signup();
    const r = await app.put(
      "/api/v1/creators/me",
      { priceCents: -5, currency: "XYZ", bundles: [{ months: 2, discountPercent: 10 }], trialDays: 1000 },
      fan.token,
    );
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.error.details.fields)).toEqual(
      expect.arrayContaining(["priceCents", "currency", "bundles.0.months", "trialDays"]),
    );
    const dup = await app.put(
      "/api/v1/creators/me",
      {
        priceCents: 100,
        bundles: [
          { months: 3, discountPercent: 5 },
          { months: 3, discountPercent: 9 },
        ],
      },
      fan.token,
    );
    expect(dup.status).toBe(400);
    expect((await app.put("/api/v1/creators/me", { priceCents: 100 })).status).toBe(401);
    expect((await app.get("/api/v1/users/me", fan.token)).body.user).toMatchObject({
      role: "fan",
      isCreator: false,
    });
  });

  it("GET /creators/:username tells the viewer whether they are subscribed", async () => {
    const creator = await app.creator("nina", { priceCents: 500, trialDays: 5 });
    const fan = await app.signup();
    expect((await app.get("/api/v1/creators/nina", fan.token)).body.viewer).toEqual({
      subscribed: false,
      isOwner: false,
      trialEligible: true,
    });
    await app.grant(fan, creator);
    const r = await app.get("/api/v1/creators/NINA", fan.token);
    expect(r.body.viewer).toEqual({ subscribed: true, isOwner: false, trialEligible: false });
    expect(r.body.creator.username).toBe("nina");
    expect((await app.get("/api/v1/creators/nina", creator.token)).body.viewer).toEqual({
      subscribed: false,
      isOwner: true,
      trialEligible: false,
    });
    expect((await app.get("/api/v1/creators/nina")).body.viewer.subscribed).toBe(false);
    expect((await app.get("/api/v1/creators/nobody-here")).status).toBe(404);
    const plainFan = await app.signup("justafan");
    expect(plainFan.user.username).toBe("justafan");
    expect((await app.get("/api/v1/creators/justafan")).status).toBe(404);
  });

  it("lists and searches creators with keyset cursors", async () => {
    for (let i = 0; i < 5; i++) await app.creator(`painter${i}`, { priceCents: 100 * i });
    const all: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const r: any = await app.get(
        `/api/v1/creators?query=painter&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(r.status).toBe(200);
      expect(r.body.items.length).toBeLessThanOrEqual(2);
      all.push(...r.body.items.map((c: { username: string }) => c.username));
      cursor = r.body.nextCursor;
    }
    expect(all.sort()).toEqual(["painter0", "painter1", "painter2", "painter3", "painter4"]);
    const everyone = await app.get("/api/v1/creators");
    expect(everyone.body.items.length).toBeGreaterThanOrEqual(7);
    expect((await app.get("/api/v1/creators?query=%25")).body.items).toEqual([]);
    await app.creator("under_score", { priceCents: 0 });
    await app.creator("underxscore", { priceCents: 0 });
    const literal = await app.get("/api/v1/creators?query=r_s");
    expect(literal.body.items.map((c: { username: string }) => c.username)).toEqual(["under_score"]);
    const bad = await app.get("/api/v1/creators?cursor=garbage!!");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("bad_cursor");
  });
});
