// The human-readable API reference at /api/docs: Scalar's self-contained browser bundle, served by the app
// itself (shipped like the web UI, src/lib/assets.ts), reading the document at /api/v1/openapi.json. No
// CDN: the appliance may run offline, and the page keeps the site's CSP ('self' only, no inline script).
import type { Context, Hono } from "hono";
import { shippedFile, type Asset } from "../lib/assets.ts";
import { assetResponse } from "./asset-response.ts";
import { NotFound } from "../lib/errors.ts";
import type { AppEnv } from "./types.ts";

/**
 * The receiver side of outgoing webhooks, as the reference shows it: a complete Node server that checks
 * `Fanz-Signature`. Kept runnable as it is (tests/integration/outgoing-webhooks.test.ts runs it).
 */
export const WEBHOOK_VERIFY_SNIPPET = `// node receiver.mjs  (FANZ_WEBHOOK_SECRET=whsec_… PORT=3000)
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

const secret = process.env.FANZ_WEBHOOK_SECRET;

// True when the Fanz-Signature header signs rawBody with the secret, made within 5 minutes.
function verifyFanzSignature(header, rawBody, toleranceSeconds = 300) {
  const parts = Object.fromEntries(header.split(",").map((kv) => kv.split("=")));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(t + "." + rawBody).digest();
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    const raw = Buffer.concat(chunks).toString("utf8"); // the exact bytes: verify before parsing
    if (!verifyFanzSignature(String(req.headers["fanz-signature"] ?? ""), raw)) {
      res.writeHead(400).end("bad signature");
      return;
    }
    const event = JSON.parse(raw); // { id, type, createdAt, data }
    // Deliveries are retried until answered 2xx: skip an event.id you have handled already.
    console.log(event.type, event.id);
    res.writeHead(200).end("ok");
  });
}).listen(Number(process.env.PORT ?? 3000));
`;

/** The reference's guide to API keys and webhooks (markdown, shown above the operations). */
export const INTEGRATIONS_GUIDE = `## API keys

For tools and integrations, create an API key (Settings › API keys, or \`POST /api/v1/api-keys\` while signed in)
and send it as \`Authorization: Bearer fanz_…\`. The key is shown once; the site keeps only its hash. A key acts
as its owner, limited to the scopes it was given: each operation below names the scope it needs (security
\`apiKey\`). An operation outside the key's scopes, or one that names no scope (sign-in settings, API keys,
webhooks, account deletion), answers 403 \`insufficient_scope\`. The \`admin\` scope works only for an admin's
key; every call that moves money needs \`payments:write\`. Key requests carry no cookie, so they need no
\`Origin\`. Revoked or expired keys, and keys of a banned or suspended owner, answer 401 \`invalid_token\`.

## Webhooks

Creators receive their own events, admins every event of the site (Settings › Webhooks, or
\`POST /api/v1/webhooks {url, events}\`). Each delivery is a \`POST\` of JSON \`{id, type, createdAt, data}\`
with the headers \`Fanz-Event-Id\`, \`Fanz-Event-Type\` and

    Fanz-Signature: t=<unix seconds>,v1=<signature>
    signature = hex(HMAC-SHA256(webhook secret, "<t>.<raw body>"))

Verify it on the raw body before parsing it, and refuse timestamps older than a few minutes. Answer 2xx
within 10 seconds; anything else (a redirect too: none is followed) is retried with exponential backoff for
3 days, and after many failures in a row the webhook is turned off and its owner notified. Retries carry
the same \`id\`. \`POST /api/v1/webhooks/{id}/test\` sends a \`webhook.test\` event; the delivery log is
\`GET /api/v1/webhooks/{id}/deliveries\`. Receivers must be on public addresses unless the operator sets
\`[webhooks] allow_private = true\`.

A complete receiver in Node (no dependencies):

\`\`\`js
${WEBHOOK_VERIFY_SNIPPET}\`\`\`
`;

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
    return assetResponse(c, asset, "no-cache");
  };
  app.get("/api/docs", (c) => c.html(PAGE));
  app.get("/api/docs/scalar.js", (c) => send(c, script()));
  app.get("/api/docs/init.js", (c) =>
    c.body(INIT, 200, { "Content-Type": "text/javascript; charset=utf-8" }),
  );
}
