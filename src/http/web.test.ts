import { brotliCompressSync, brotliDecompressSync, gunzipSync } from "node:zlib";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { Asset } from "../lib/assets.ts";
import { createLogger } from "../lib/logger.ts";
import { errorHandler } from "./middleware/errors.ts";
import { serveWeb } from "./web.ts";

describe("serveWeb", () => {
  const index: Asset = { body: Buffer.from("<!doctype html>"), type: "text/html", etag: '"i"' };
  const app = new Hono().onError(errorHandler(createLogger("error"))).all(
    "*",
    serveWeb(
      new Map([
        ["/index.html", index],
        ["/sw.js", { body: Buffer.from("self.addEventListener"), type: "text/javascript", etag: '"s"' }],
      ]),
    ),
  );

  it("answers a missing hashed asset with the JSON 404, and any other path with index.html", async () => {
    const missing = await app.request("/assets/gone-1234.js");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "not_found", message: "Not found." } });
    const page = await app.request("/creators/someone");
    expect(page.status).toBe(200);
    expect(await page.text()).toBe("<!doctype html>");
  });

  it("serves the service worker as JavaScript for the whole site, revalidated on every visit", async () => {
    const sw = await app.request("/sw.js");
    expect(sw.headers.get("content-type")).toBe("text/javascript");
    expect(sw.headers.get("service-worker-allowed")).toBe("/");
    expect(sw.headers.get("cache-control")).toBe("no-cache");
  });
});

describe("serveWeb compression", () => {
  const js = Buffer.from("export const x = 1;\n".repeat(400));
  const app = new Hono().all(
    "*",
    serveWeb(
      new Map<string, Asset>([
        ["/index.html", { body: Buffer.from("<!doctype html>"), type: "text/html", etag: '"i"' }],
        // Pre-compressed by the build: served as it is (these bytes are not what compressing would give).
        [
          "/assets/app-1.js",
          { body: js, type: "text/javascript", etag: '"a"', encoded: { br: brotliCompressSync(js) } },
        ],
        ["/assets/logo-1.png", { body: Buffer.alloc(4096, 7), type: "image/png", etag: '"p"' }],
      ]),
    ),
  );
  const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

  it("answers with the build's brotli file, gzip made once when only gzip is accepted, else identity", async () => {
    const br = await get("/assets/app-1.js", { "accept-encoding": "gzip, br" });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("vary")).toBe("Accept-Encoding");
    expect(br.headers.get("etag")).toBe('"a-br"');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).equals(js)).toBe(true);

    const gz = await get("/assets/app-1.js", { "accept-encoding": "gzip" });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gz.headers.get("etag")).toBe('"a-gzip"');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(js)).toBe(true);

    const plain = await get("/assets/app-1.js");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("etag")).toBe('"a"');
    expect(Buffer.from(await plain.arrayBuffer()).equals(js)).toBe(true);
  });

  it("revalidates each encoding by its own ETag, and leaves images and tiny files alone", async () => {
    expect(
      (await get("/assets/app-1.js", { "accept-encoding": "br", "if-none-match": '"a-br"' })).status,
    ).toBe(304);
    expect((await get("/assets/app-1.js", { "accept-encoding": "br", "if-none-match": '"a"' })).status).toBe(
      200,
    );
    const png = await get("/assets/logo-1.png", { "accept-encoding": "br" });
    expect(png.headers.get("content-encoding")).toBeNull();
    expect(png.headers.get("vary")).toBeNull();
    const tiny = await get("/", { "accept-encoding": "br" });
    expect(tiny.headers.get("content-encoding")).toBeNull();
    expect(await tiny.text()).toBe("<!doctype html>");
  });
});
