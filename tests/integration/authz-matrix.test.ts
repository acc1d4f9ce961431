// Every mutating route, tried by anonymous / fan / another creator / the owner / an admin:
// nobody changes what is not theirs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";

type Who = "anonymous" | "fan" | "otherCreator" | "owner" | "admin";
const WHO: Who[] = ["anonymous", "fan", "otherCreator", "owner", "admin"];

describe("authorization matrix", () => {
  let app: TestApp;
  const actors = {} as Record<Exclude<Who, "anonymous">, Actor>;
  const token = (w: Who) => (w === "anonymous" ? undefined : actors[w].token);

  beforeAll(async () => {
    app = await startTestApp();
    actors.admin = (
      await app.post("/api/v1/auth/login", { email: "admin@example.com", password: "admin-password-1" })
    ).body;
    actors.owner = await app.creator("owner", { priceCents: 0 });
    actors.otherCreator = await app.creator("other", { priceCents: 0 });
    actors.fan = await app.signup("plainfan");
  });
  afterAll(() => app.close());

  const freshPost = () => app.postAs(actors.owner, { text: "owned", visibility: "public" });

  interface Case {
    name: string;
    run: (w: Who) => Promise<{ status: number }>;
    expected: Record<Who, number>;
  }

  const cases: Case[] = [
    {
      name: "PATCH /posts/:id",
      run: async (w) =>
        app.patch(`/api/v1/posts/${(await freshPost()).id}`, { text: `edited by ${w}` }, token(w)),
      expected: { anonymous: 401, fan: 403, otherCreator: 403, owner: 200, admin: 403 },
    },
    {
      name: "DELETE /posts/:id",
      run: async (w) => app.del(`/api/v1/posts/${(await freshPost()).id}`, token(w)),
      expected: { anonymous: 401, fan: 403, otherCreator: 403, owner: 204, admin: 204 },
    },
    {
      name: "PATCH a draft of someone else (hidden: 404)",
      run: async (w) => {
        const d = await app.postAs(actors.owner, { text: "draft", visibility: "public", draft: true });
        return app.patch(`/api/v1/posts/${d.id}`, { draft: false }, token(w));
      },
      expected: { anonymous: 401, fan: 404, otherCreator: 404, owner: 200, admin: 404 },
    },
    {
      name: "POST /posts",
      run: (w) => app.post("/api/v1/posts", { text: "new", visibility: "public" }, token(w)),
      expected: { anonymous: 401, fan: 403, otherCreator: 201, owner: 201, admin: 403 },
    },
    {
      name: "PUT /creators/me (acts on the caller only)",
      run: (w) => app.put("/api/v1/creators/me", { priceCents: 0 }, token(w)),
      expected: { anonymous: 401, fan: 200, otherCreator: 200, owner: 200, admin: 200 },
    },
    {
      name: "POST /posts/:id/likes",
      run: async (w) => app.post(`/api/v1/posts/${(await freshPost()).id}/likes`, undefined, token(w)),
      expected: { anonymous: 401, fan: 200, otherCreator: 200, owner: 200, admin: 200 },
    },
    {
      name: "POST /posts/:id/comments",
      run: async (w) =>
        app.post(`/api/v1/posts/${(await freshPost()).id}/comments`, { text: "hi" }, token(w)),
      expected: { anonymous: 401, fan: 201, otherCreator: 201, owner: 201, admin: 201 },
    },
    {
      name: "DELETE /subscriptions/:id of the fan",
      run: async (w) => {
        const fan = await app.signup();
        const sub = await app.post("/api/v1/subscriptions", { creator: "owner" }, fan.token);
        return app.del(`/api/v1/subscriptions/${sub.body.subscription.id}`, token(w));
      },
      expected: { anonymous: 401, fan: 404, otherCreator: 404, owner: 404, admin: 404 },
    },
    {
      name: "PUT /admin/settings",
      run: (w) => app.put("/api/v1/admin/settings", { watermark: false }, token(w)),
      expected: { anonymous: 401, fan: 403, otherCreator: 403, owner: 403, admin: 200 },
    },
    {
      name: "POST /admin/payouts/:id/approve (no such payout: 404 for the admin)",
      run: (w) => app.post(`/api/v1/admin/payouts/${"a".repeat(26)}/approve`, undefined, token(w)),
      expected: { anonymous: 401, fan: 403, otherCreator: 403, owner: 403, admin: 404 },
    },
    {
      name: "POST /admin/transactions/:id/refund (no such transaction: 404 for the admin)",
      run: (w) => app.post(`/api/v1/admin/transactions/${"a".repeat(26)}/refund`, undefined, token(w)),
      expected: { anonymous: 401, fan: 403, otherCreator: 403, owner: 403, admin: 404 },
    },
    {
      name: "GET /users/me/exports/:id of the owner's export (others: 404)",
      run: async (w) => {
        const pending = await app.get("/api/v1/users/me/exports", actors.owner.token);
        const id =
          pending.body.items[0]?.id ??
          (await app.post("/api/v1/users/me/export", undefined, actors.owner.token)).body.export.id;
        return app.get(`/api/v1/users/me/exports/${id}`, token(w));
      },
      expected: { anonymous: 401, fan: 404, otherCreator: 404, owner: 200, admin: 404 },
    },
    {
      name: "DELETE /users/me (acts on the caller only; a wrong password changes nothing)",
      run: (w) =>
        app.call("DELETE", "/api/v1/users/me", { token: token(w), body: { password: "not-it-at-all" } }),
      expected: { anonymous: 401, fan: 403, otherCreator: 403, owner: 403, admin: 403 },
    },
    {
      name: "POST /auth/logout",
      run: (w) => app.post("/api/v1/auth/logout", undefined, token(w)),
      expected: { anonymous: 401, fan: 204, otherCreator: 204, owner: 204, admin: 204 },
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const got: Partial<Record<Who, number>> = {};
      for (const w of WHO) {
        // logout revokes the session, so it runs on a throwaway login of the same person
        if (c.name === "POST /auth/logout" && w !== "anonymous") {
          const email = w === "admin" ? "admin@example.com" : `${actors[w].user.username}@example.com`;
          const password = w === "admin" ? "admin-password-1" : "password-123";
          const login = await app.post("/api/v1/auth/login", { email, password });
          got[w] = (await app.post("/api/v1/auth/logout", undefined, login.body.token)).status;
          continue;
        }
        got[w] = (await c.run(w)).status;
      }
      expect(got).toEqual(c.expected);
    });
  }

  it("nothing was changed by those who were refused", async () => {
    const posts = await app.get("/api/v1/creators/owner/posts?limit=100");
    const texts = posts.body.items.map((p: { text: string }) => p.text);
    expect(texts).toContain("edited by owner");
    for (const w of ["anonymous", "fan", "otherCreator", "admin"])
      expect(texts).not.toContain(`edited by ${w}`);
  });
});
