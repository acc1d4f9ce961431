// Every mutating route, tried by anonymous / fan / another creator / the owner / an admin:
// nobody changes what is not theirs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicUrl } from "../../src/config/load.ts";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";
import { sendForm, submitKyc } from "../helpers/compliance.ts";
import { softPasskey } from "../helpers/webauthn.ts";

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
  const NO_ID = "a".repeat(26);
  const PDF = Buffer.from("%PDF-1.4\n%%EOF\n");
  const COUNTER = {
    name: "Owner",
    address: "1 Road",
    phone: "555",
    email: "owner@example.com",
    material: "My post",
    mistakeStatement: true,
    jurisdictionConsent: true,
    signature: "Owner",
  };
  /** A post of the owner naming the other creator (verified here) as co-performer: the request's id. */
  async function coPerformerRequest(): Promise<string> {
    const mine = await app.get("/api/v1/kyc", actors.otherCreator.token);
    if (mine.body.kyc?.status !== "approved") {
      const k = mine.body.kyc ?? (await submitKyc(app, actors.otherCreator)).body.kyc;
      await app.post(`/api/v1/admin/kyc/${k.id}/approve`, undefined, actors.admin.token);
    }
    const p = await app.postAs(actors.owner, {
      text: "duo",
      visibility: "public",
      coPerformers: [{ username: "other" }],
    });
    const asks = (await app.get("/api/v1/records/requests", actors.otherCreator.token)).body.items;
    return asks.find((r: { postId: string }) => r.postId === p.id).id;
  }
  let ownerNotice: string | null = null;
  /** One DMCA notice that took a post of the owner down. */
  async function noticeAboutOwner(): Promise<string> {
    if (ownerNotice) return ownerNotice;
    const p = await freshPost();
    const n = await app.post("/api/v1/dmca", {
      claimant: { name: "C", email: "c@example.com", address: "1 Road" },
      work: "A work",
      urls: [`${app.base}/posts/${p.id}`],
      goodFaith: true,
      accuracy: true,
      signature: "C",
    });
    await app.post(`/api/v1/admin/dmca/${n.body.notice.id}/takedown`, undefined, actors.admin.token);
    return (ownerNotice = n.body.notice.id as string);
  }

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
    // Compliance: the admin's console is for admins; a creator's records, requests and notices are theirs.
    ...(
      [
        ["GET", "/admin/kyc", 200],
        ["GET", `/admin/kyc/${NO_ID}`, 404],
        ["POST", `/admin/kyc/${NO_ID}/approve`, 404],
        ["POST", `/admin/kyc/${NO_ID}/reject`, 404, { reason: "No." }],
        ["GET", `/admin/documents/${NO_ID}`, 404],
        ["GET", "/admin/records/2257", 200],
        ["GET", "/admin/dmca", 200],
        ["GET", `/admin/dmca/${NO_ID}`, 404],
        ["POST", `/admin/dmca/${NO_ID}/takedown`, 404],
        ["POST", `/admin/dmca/${NO_ID}/reject`, 404, { reason: "No." }],
        ["POST", `/admin/dmca/${NO_ID}/restore`, 404],
      ] as const
    ).map(([method, path, ok, body]): Case => ({
      name: `${method} ${path.replace(NO_ID, ":id")} (admins only)`,
      run: (w) => app.call(method, `/api/v1${path}`, { body, token: token(w) }),
      expected: { anonymous: 401, fan: 403, otherCreator: 403, owner: 403, admin: ok },
    })),
    {
      name: "POST /kyc (anyone but an admin verifies themselves)",
      run: async (w) => (w === "anonymous" ? app.post("/api/v1/kyc", {}) : submitKyc(app, actors[w])),
      expected: { anonymous: 401, fan: 201, otherCreator: 201, owner: 201, admin: 403 },
    },
    {
      // Everyone signed in has a creator profile by now (PUT /creators/me above): releases are per caller.
      name: "POST /releases (a creator keeps their own)",
      run: (w) =>
        sendForm(
          app,
          w === "anonymous" ? null : actors[w],
          "/api/v1/releases",
          { legalName: "R", dateOfBirth: "1990-01-01" },
          {
            idDocument: { bytes: PDF, name: "id.pdf" },
            releaseDocument: { bytes: PDF, name: "release.pdf" },
          },
        ),
      expected: { anonymous: 401, fan: 201, otherCreator: 201, owner: 201, admin: 201 },
    },
    {
      name: "POST /records/requests/:id/confirm (only the named co-performer)",
      run: async (w) => {
        const asked = await coPerformerRequest();
        return app.post(`/api/v1/records/requests/${asked}/confirm`, undefined, token(w));
      },
      expected: { anonymous: 401, fan: 404, otherCreator: 204, owner: 404, admin: 404 },
    },
    {
      name: "POST /dmca/:id/counter (only the creator whose content it took)",
      run: async (w) => app.post(`/api/v1/dmca/${await noticeAboutOwner()}/counter`, COUNTER, token(w)),
      expected: { anonymous: 401, fan: 404, otherCreator: 404, owner: 200, admin: 404 },
    },
    {
      name: "DELETE /auth/sessions/:id of the owner (others: 404)",
      run: async (w) => {
        const login = await app.post("/api/v1/auth/login", {
          email: "owner@example.com",
          password: "password-123",
        });
        return app.del(`/api/v1/auth/sessions/${login.body.token.split(".")[0]}`, token(w));
      },
      expected: { anonymous: 401, fan: 404, otherCreator: 404, owner: 204, admin: 404 },
    },
    {
      name: "PATCH and DELETE /auth/passkeys/:id of the owner (others: 404)",
      run: async (w) => {
        const opts = await app.post("/api/v1/auth/passkeys/options", undefined, actors.owner.token);
        const origin = new URL(publicUrl(app.ctx.config)).origin;
        const added = await app.post(
          "/api/v1/auth/passkeys",
          {
            flowId: opts.body.flowId,
            name: "key",
            response: softPasskey().register(opts.body.options, origin),
          },
          actors.owner.token,
        );
        const id = added.body.passkey.id as string;
        const renamed = await app.patch(`/api/v1/auth/passkeys/${id}`, { name: `by ${w}` }, token(w));
        const removed = await app.del(`/api/v1/auth/passkeys/${id}`, token(w));
        return { status: renamed.status === 200 ? removed.status : renamed.status };
      },
      expected: { anonymous: 401, fan: 404, otherCreator: 404, owner: 204, admin: 404 },
    },
    {
      name: "POST /auth/2fa/setup (acts on the caller only)",
      run: (w) => app.post("/api/v1/auth/2fa/setup", undefined, token(w)),
      expected: { anonymous: 401, fan: 200, otherCreator: 200, owner: 200, admin: 200 },
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

  it("every admin route (from the API document): anonymous 401, fans and creators 403, admins get through", async () => {
    const doc = (await app.get("/api/v1/openapi.json")).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const ops = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith("/api/v1/admin/"))
      .flatMap(([path, methods]) =>
        Object.keys(methods)
          .filter((m) => ["get", "post", "put", "patch", "delete"].includes(m))
          .map((m) => ({ method: m.toUpperCase(), path: path.replace(/\{[^}]+\}/g, "a".repeat(26)) })),
      );
    expect(ops.length).toBeGreaterThanOrEqual(24);
    const got: Record<string, Record<Who, number>> = {};
    for (const op of ops) {
      const row = {} as Record<Who, number>;
      for (const w of WHO) {
        // Bodies are whatever the route needs of a refusal: refusals come before validation.
        row[w] = (
          await app.call(op.method, op.path, { token: token(w), body: op.method === "GET" ? undefined : {} })
        ).status;
      }
      got[`${op.method} ${op.path}`] = row;
    }
    for (const [name, row] of Object.entries(got)) {
      expect({
        name,
        anonymous: row.anonymous,
        fan: row.fan,
        otherCreator: row.otherCreator,
        owner: row.owner,
      }).toEqual({ name, anonymous: 401, fan: 403, otherCreator: 403, owner: 403 });
      expect([401, 403], `${name} refused the admin`).not.toContain(row.admin);
    }
  });

  it("nothing was changed by those who were refused", async () => {
    const posts = await app.get("/api/v1/creators/owner/posts?limit=100");
    const texts = posts.body.items.map((p: { text: string }) => p.text);
    expect(texts).toContain("edited by owner");
    for (const w of ["anonymous", "fan", "otherCreator", "admin"])
      expect(texts).not.toContain(`edited by ${w}`);
  });
});
