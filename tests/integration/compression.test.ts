// Compression as a browser gets it: the API's JSON in brotli or gzip when asked for (identity when not),
// and the built web UI's files served from the build's own .br/.gz (which must decode to the files).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { Hono } from "hono";
import { loadWebAssets } from "../../src/lib/assets.ts";
import { serveWeb } from "../../src/http/web.ts";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request whose answer is read as bytes (fetch would decode it). */
function raw(url: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((ok, fail) => {
    request(url, { headers }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () =>
        ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }),
      );
    })
      .on("error", fail)
      .end();
  });
}

const decode = (r: Raw) =>
  r.headers["content-encoding"] === "br"
    ? brotliDecompressSync(r.body)
    : r.headers["content-encoding"] === "gzip"
      ? gunzipSync(r.body)
      : r.body;

describe("compressed answers", () => {
  let app: TestApp;
  let fan: Actor;

  beforeAll(async () => {
    app = await startTestApp();
    fan = await app.signup("zipfan");
    const creator = await app.creator("zipper");
    for (let i = 0; i < 20; i++)
      await app.postAs(creator, { text: `post number ${i} `.repeat(10), visibility: "public" });
    await app.grant(fan, creator);
  });
  afterAll(() => app?.close());

  it("sends a feed page in brotli, gzip or identity as the client accepts, the same JSON each way", async () => {
    const url = `${app.base}/api/v1/feed?limit=20`;
    const auth = { authorization: `Bearer ${fan.token}` };
    const plain = await raw(url, auth);
    const br = await raw(url, { ...auth, "accept-encoding": "gzip, deflate, br" });
    const gz = await raw(url, { ...auth, "accept-encoding": "gzip" });
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(br.headers["content-encoding"]).toBe("br");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    for (const r of [plain, br, gz]) expect(r.headers.vary).toMatch(/Accept-Encoding/);
    const json = JSON.parse(plain.body.toString());
    expect(json.items).toHaveLength(20);
    expect(JSON.parse(decode(br).toString())).toEqual(json);
    expect(JSON.parse(decode(gz).toString())).toEqual(json);
    expect(br.body.byteLength).toBeLessThan(plain.body.byteLength / 3);
  });

  it("leaves small answers and errors readable, uncompressed under 1 KB", async () => {
    const me = await raw(`${app.base}/api/v1/users/me`, { "accept-encoding": "br" });
    expect(me.status).toBe(401);
    expect(me.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(me.body.toString()).error.code).toBeTruthy();
  });

  it("compresses the API document", async () => {
    const doc = await raw(`${app.base}/api/v1/openapi.json`, { "accept-encoding": "br" });
    expect(doc.status).toBe(200);
    expect(doc.headers["content-encoding"]).toBe("br");
    expect(JSON.parse(decode(doc).toString()).openapi).toMatch(/^3\./);
  });
});

describe("the built web UI", () => {
  const assets = loadWebAssets();

  it("has a .br and a .gz of every text file over 1 KB that decode to the file", () => {
    if (!assets) throw new Error("web/dist is missing: run `npm run build:web` first");
    let checked = 0;
    for (const [path, a] of assets) {
      if (!/(javascript|css|html|svg)/.test(a.type) || a.body.byteLength < 1024) continue;
      expect(a.encoded?.br, path).toBeDefined();
      expect(a.encoded?.gzip, path).toBeDefined();
      expect(brotliDecompressSync(a.encoded!.br!).equals(a.body), path).toBe(true);
      expect(gunzipSync(a.encoded!.gzip!).equals(a.body), path).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
    expect([...assets.keys()].some((p) => p.endsWith(".br") || p.endsWith(".gz"))).toBe(false);
  });

  it("serves the main script in brotli to a browser that accepts it", async () => {
    if (!assets) throw new Error("web/dist is missing: run `npm run build:web` first");
    const web = new Hono().all("*", serveWeb(assets));
    const html = await (await web.request("/")).text();
    const script = /src="(\/assets\/index-[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const res = await web.request(script!, { headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(res.headers.get("content-encoding")).toBe("br");
    const body = Buffer.from(await res.arrayBuffer());
    expect(brotliDecompressSync(body).equals(assets.get(script!)!.body)).toBe(true);
    expect(body.byteLength).toBeLessThan(assets.get(script!)!.body.byteLength / 3);
  });
});
