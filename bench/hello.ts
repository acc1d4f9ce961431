// The baseline of the feed benchmark: the smallest Hono app on @hono/node-server, the same stack the
// real server runs on, so "feed / hello" says how much the feed's own work costs.
// With a JSON file, `GET /page` also answers that document, serialised per request as the feed is: the
// cost of the transport and JSON alone for a response of the feed page's size.
// Usage: node --import tsx bench/hello.ts PORT [PAGE_JSON_FILE]
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { readFileSync } from "node:fs";

const port = Number(process.argv[2] ?? "0");
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`usage: node --import tsx bench/hello.ts PORT (got ${process.argv[2]})\n`);
  process.exit(2);
}

const app = new Hono();
app.get("/", (c) => c.text("Hello"));
const pageFile = process.argv[3];
if (pageFile) {
  const page: unknown = JSON.parse(readFileSync(pageFile, "utf8"));
  app.get("/page", (c) => c.json(page));
}

const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`hello-world listening on 127.0.0.1:${info.port}\n`);
});

const stop = () => {
  server.close(() => process.exit(0));
  // Keep-alive connections from the load generator must not hold the exit.
  if ("closeAllConnections" in server) server.closeAllConnections();
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
