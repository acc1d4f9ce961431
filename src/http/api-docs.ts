// The human-readable API reference at /api/docs: Scalar's self-contained browser bundle, served by the app
// itself (shipped like the web UI, src/lib/assets.ts), reading the document at /api/v1/openapi.json. No
// CDN: the appliance may run offline, and the page keeps the site's CSP ('self' only, no inline script).
import type { Context, Hono } from "hono";
import { shippedFile, type Asset } from "../lib/assets.ts";
import { NotFound } from "../lib/errors.ts";
import type { AppEnv } from "./types.ts";

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Fanz API reference</title>
  </head>
  <body>
    <div id="app"></div>
    <script src="/api/docs/scalar.js"></script>
    <script src="/api/docs/init.js"></script>
  </body>
</html>
`;

// Nothing from elsewhere: no web fonts (fonts.scalar.com), no telemetry, no request proxy
// (proxy.scalar.com; "Try it" calls this same origin directly), no AI agent, no MCP generator.
const INIT = `Scalar.createApiReference("#app", ${JSON.stringify({
  url: "/api/v1/openapi.json",
  withDefaultFonts: false,
  telemetry: false,
  proxyUrl: "",
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: "never",
  metaData: { title: "Fanz API reference" },
})});\n`;

export function apiDocsRoutes(app: Hono<AppEnv>) {
  const script = shippedFile("apiReference");
  const send = (c: Context, asset: Asset | null) => {
    if (!asset) throw new NotFound("The API reference's script");
    c.header("ETag", asset.etag);
    c.header("Cache-Control", "no-cache");
    if (c.req.header("if-none-match") === asset.etag) return c.body(null, 304);
    return c.body(new Uint8Array(asset.body), 200, { "Content-Type": asset.type });
  };
  app.get("/api/docs", (c) => c.html(PAGE));
  app.get("/api/docs/scalar.js", (c) => send(c, script()));
  app.get("/api/docs/init.js", (c) =>
    c.body(INIT, 200, { "Content-Type": "text/javascript; charset=utf-8" }),
  );
}
