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
