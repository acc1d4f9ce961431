// Serves the built Solid SPA: hashed files under /assets are immutable, every other path gets index.html
// (the service worker /sw.js and the icons are files of web/public, served as they are).
import type { Context } from "hono";
import type { Asset } from "../lib/assets.ts";
import { assetResponse } from "./asset-response.ts";
import { NotFound } from "../lib/errors.ts";

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Fanz</title>
<p>The web UI has not been built. Run <code>npm run build:web</code> (or <code>npm start</code>, which builds it).</p>`;

export function serveWeb(assets: Map<string, Asset> | null) {
  return (c: Context) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") throw new NotFound();
    if (!assets) return c.html(NOT_BUILT, 503);
    const path = c.req.path;
    const file = assets.get(path);
    const asset = file ?? (path.startsWith("/assets/") ? undefined : assets.get("/index.html"));
    if (!asset) throw new NotFound();
    const immutable = file !== undefined && path.startsWith("/assets/");
    // The service worker lives at the root, so its scope is the whole site.
    if (path === "/sw.js") c.header("Service-Worker-Allowed", "/");
    return assetResponse(c, asset, immutable ? "public, max-age=31536000, immutable" : "no-cache");
  };
}
