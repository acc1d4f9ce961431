// Where a feed request's server time goes, layer by layer, on the benchmark's data set without the network:
// the feed service called directly, the Hono app's fetch for the feed, for a signed-in trivial route and for
// /healthz (the middleware floor), and the page served from memory through the same app. CPU per call,
// rounds alternating.
//   node --import tsx bench/feed-breakdown.ts [--posts 100000] [--rounds 4] [--calls 2000]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildApp } from "../src/main.ts";
import { loadConfig } from "../src/config/load.ts";
import { createLogger } from "../src/lib/logger.ts";
import { seedSite } from "./lib/seed-site.ts";

const { values: args } = parseArgs({
  options: {
    posts: { type: "string", default: "100000" },
    rounds: { type: "string", default: "4" },
    calls: { type: "string", default: "2000" },
  },
});
const dataDir = mkdtempSync(join(tmpdir(), "fanz-feed-breakdown-"));
const { config } = loadConfig({
  file: "/dev/null",
  env: { FANZ_DATA_DIR: dataDir, FANZ_PORT: "0", FANZ_LOG__LEVEL: "error" },
});
const built = await buildApp(config, { web: null, logger: createLogger("error") });
const site = await seedSite(built, config, {
  creators: 1000,
  posts: Number(args.posts),
  fans: 10_000,
  subsPerFan: 20,
  loadFans: 500,
});
const { app, services } = built;
const env = { incoming: { socket: { remoteAddress: "127.0.0.1", remotePort: 40000, remoteFamily: "IPv4" } } };
let n = 0;
const token = () => site.tokens[n++ % site.tokens.length]!;
const fetchPath = async (path: string, auth: boolean) => {
  const headers: Record<string, string> = auth ? { authorization: `Bearer ${token()}` } : {};
  const res = await app.fetch(new Request(`http://127.0.0.1${path}`, { headers }), env);
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  await res.arrayBuffer();
};
const page = await (
  await app.fetch(
    new Request("http://127.0.0.1/api/v1/feed?limit=20", { headers: { authorization: `Bearer ${token()}` } }),
    env,
  )
).text();
const viewers = site.loadFans.map((f) => ({ id: f.id, role: f.role }));
const variants: Record<string, () => Promise<unknown>> = {
  "posts.feed (service only)": () => services.posts.feed(viewers[n++ % viewers.length]!, null, 20, null),
  "GET /api/v1/feed (app.fetch)": () => fetchPath("/api/v1/feed?limit=20", true),
  "GET /api/v1/users/me (session + small body)": () => fetchPath("/api/v1/users/me", true),
  "GET /healthz (no session)": () => fetchPath("/healthz", false),
  "JSON.parse+stringify of the page": async () => JSON.stringify(JSON.parse(page)),
};
const calls = Number(args.calls);
const cpu = new Map<string, number>();
for (const fn of Object.values(variants)) for (let i = 0; i < calls; i++) await fn(); // warm
for (let r = 0; r < Number(args.rounds); r++) {
  const names = Object.keys(variants);
  if (r % 2) names.reverse();
  for (const name of names) {
    const before = process.cpuUsage();
    for (let i = 0; i < calls; i++) await variants[name]!();
    const used = process.cpuUsage(before);
    cpu.set(name, (cpu.get(name) ?? 0) + used.user + used.system);
  }
}
const per = (name: string) => cpu.get(name)! / (calls * Number(args.rounds));
for (const name of Object.keys(variants)) console.log(`${per(name).toFixed(1).padStart(8)} µs  ${name}`);
await built.ctx.db.close();
rmSync(dataDir, { recursive: true, force: true });
