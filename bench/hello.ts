// The baseline of the feed benchmark: the smallest Hono app on @hono/node-server, the same stack the
// real server runs on, so "feed / hello" says how much the feed's own work costs.
// Usage: node --import tsx bench/hello.ts PORT
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const port = Number(process.argv[2] ?? "0");
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`usage: node --import tsx bench/hello.ts PORT (got ${process.argv[2]})\n`);
  process.exit(2);
}

const app = new Hono();
app.get("/", (c) => c.text("Hello"));

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
