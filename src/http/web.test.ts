import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { Asset } from "../lib/assets.ts";
import { createLogger } from "../lib/logger.ts";
import { errorHandler } from "./middleware/errors.ts";
import { serveWeb } from "./web.ts";

describe("serveWeb", () => {
  const index: Asset = { body: Buffer.from("<!doctype html>"), type: "text/html", etag: '"i"' };
  const app = new Hono()
    .onError(errorHandler(createLogger("error")))
    .all("*", serveWeb(new Map([["/index.html", index]])));

  it("answers a missing hashed asset with the JSON 404, and any other path with index.html", async () => {
    const missing = await app.request("/assets/gone-1234.js");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "not_found", message: "Not found." } });
    const page = await app.request("/creators/someone");
    expect(page.status).toBe(200);
    expect(await page.text()).toBe("<!doctype html>");
  });
});
