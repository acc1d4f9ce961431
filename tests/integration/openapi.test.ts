// The API contract as published: the OpenAPI 3.1 document at /api/v1/openapi.json covers exactly the
// routes the app has under /api/v1, each operation declares its answer and its errors, and the reference
// at /api/docs runs from this server alone (no CDN, the strict CSP).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/api.ts";

const ERROR_REF = "#/components/schemas/ErrorBody";
const METHODS = ["get", "post", "put", "patch", "delete"] as const;

interface Operation {
  operationId?: string;
  tags?: string[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

describe("the OpenAPI document", () => {
  let app: TestApp;
  let doc: { openapi: string; info: { title: string }; paths: Record<string, Record<string, Operation>> };
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => ({ key: `${m.toUpperCase()} ${path}`, op: item[m]! })),
    );

  beforeAll(async () => {
    // Not set up yet: the document is for whoever is about to set the site up, too.
    app = await startTestApp({ setup: false });
    const r = await app.get("/api/v1/openapi.json");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^application\/json/);
    doc = r.body;
  });
  afterAll(() => app.close());

  it("is OpenAPI 3.1, served before setup and without a session", async () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBe("Fanz API");
    expect((await app.get("/api/v1/feed")).body.error.code).toBe("setup_required");
    // Even a bad token does not stand in its way (the document is outside the session middleware).
    expect((await app.get("/api/v1/openapi.json", "bogus.token")).status).toBe(200);
  });

  it("lists every route the app has under /api/v1, and nothing else", () => {
    const routed = new Set(
      app.http.routes
        .filter((r) => r.path.startsWith("/api/v1/") && r.method !== "ALL")
        .map((r) => `${r.method} ${r.path.replace(/:([^/]+)/g, "{$1}")}`),
    );
    const documented = new Set(operations().map((o) => o.key));
    expect([...routed].filter((k) => !documented.has(k))).toEqual([]);
    expect([...documented].filter((k) => !routed.has(k))).toEqual([]);
    expect(documented.size).toBeGreaterThan(50);
  });

  it("gives every operation an id, a tag, its success body and its error responses", () => {
    const ids = new Set<string>();
    for (const { key, op } of operations()) {
      expect(op.operationId, key).toBeTruthy();
      expect(ids.has(op.operationId!), `${key}: duplicate operationId`).toBe(false);
      ids.add(op.operationId!);
      expect(op.tags?.length, key).toBeGreaterThan(0);
      // A success is a 2xx, or for the one browser redirect (a provider's callback) a 303 without a body.
      const success = Object.keys(op.responses).filter((s) => s.startsWith("2") || s === "303");
      expect(success.length, `${key}: no 2xx response`).toBeGreaterThan(0);
      for (const s of success) {
        if (s === "204" || s === "303")
          expect(op.responses[s]!.content, `${key} ${s} has a body`).toBeUndefined();
        else expect(Object.values(op.responses[s]!.content ?? {})[0]?.schema, `${key} ${s}`).toBeDefined();
      }
      // The document itself cannot fail; every other operation can, in the one error shape.
      if (key === "GET /api/v1/openapi.json") continue;
      const errors = Object.entries(op.responses).filter(([s]) => s.startsWith("4"));
      expect(errors.length, `${key}: no 4xx response`).toBeGreaterThan(0);
      for (const [s, r] of errors)
        expect(r.content?.["application/json"]?.schema?.$ref, `${key} ${s}`).toBe(ERROR_REF);
    }
  });

  it("documents uploads as multipart with a binary file, and the statement as CSV", () => {
    const upload = doc.paths["/api/v1/media"]!.post as unknown as {
      requestBody: { content: Record<string, { schema: { properties: { file: unknown } } }> };
    };
    expect(upload.requestBody.content["multipart/form-data"]!.schema.properties.file).toEqual({
      type: "string",
      format: "binary",
    });
    expect(Object.keys(doc.paths["/api/v1/earnings/statement.csv"]!.get!.responses["200"]!.content!)).toEqual(
      ["text/csv"],
    );
  });
});

describe("the API reference at /api/docs", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ setup: false });
  });
  afterAll(() => app.close());

  it("is an HTML page whose scripts this server serves, under a CSP that allows no other host", async () => {
    const page = await fetch(`${app.base}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, inline] of scripts) {
      expect(inline!.trim(), "no inline script").toBe("");
      const src = /\bsrc="([^"]+)"/.exec(attrs!)?.[1];
      expect(src, "a local script").toMatch(/^\/[^/]/);
      const js = await fetch(`${app.base}${src}`);
      expect(js.status, src).toBe(200);
      expect(js.headers.get("content-type"), src).toMatch(/^text\/javascript/);
      expect((await js.arrayBuffer()).byteLength, src).toBeGreaterThan(0);
    }
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    // Only keywords and data:/blob: — no host, no scheme that reaches one, no wildcard.
    for (const source of csp.split(";").flatMap((d) => d.trim().split(/\s+/).slice(1)))
      expect(source, `CSP source ${source}`).toMatch(/^('[a-z-]+'|data:|blob:)$/);
  });

  it("answers a revalidation of the script with 304", async () => {
    const first = await fetch(`${app.base}/api/docs/scalar.js`);
    await first.arrayBuffer();
    const etag = first.headers.get("etag")!;
    expect(etag).toBeTruthy();
    const again = await fetch(`${app.base}/api/docs/scalar.js`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
  });
});
