// The feed's own cost without the network: the Hono app's fetch called directly, on a small seeded
// site (5 creators x 8 posts, one subscribed fan), so a change to the read path can be compared A/B with
// another checkout in the same session (copy this file there and run both, alternating).
//   node --import tsx bench/feed-inprocess.ts [--rounds 3] [--calls 6000] [--promises] [--queries]
//   [--no-metrics]
import { createHook } from "node:async_hooks";
import { startTestApp } from "../tests/helpers/api.ts";

const arg = (name: string, dflt: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : dflt;
};
const rounds = arg("rounds", 3);
const calls = arg("calls", 6000);

// --no-metrics: without the per-request metrics middleware (to see its share of the figure).
const app = await startTestApp(
  process.argv.includes("--no-metrics") ? { env: { FANZ_METRICS__ENABLED: "false" } } : {},
);
const fan = await app.signup("bench_fan");
for (let c = 0; c < 5; c++) {
  const creator = await app.creator(`bench_creator_${c}`);
  for (let p = 0; p < 8; p++) {
    await app.postAs(creator, {
      text: `Post ${p} of creator ${c} with a few words #bench`,
      visibility: p % 3 === 0 ? "public" : "subscribers",
    });
  }
  if (c % 2 === 0) await app.grant(fan, creator);
}

const request = () =>
  new Request("http://127.0.0.1/api/v1/feed?limit=20", { headers: { authorization: `Bearer ${fan.token}` } });
// What @hono/node-server hands the app for a real connection (the client's address is read per request).
const env = { incoming: { socket: { remoteAddress: "127.0.0.1", remotePort: 40000, remoteFamily: "IPv4" } } };
const once = async () => {
  const res = await app.http.fetch(request(), env);
  if (res.status !== 200) throw new Error(`feed answered ${res.status}`);
  await res.text();
};
for (let i = 0; i < 3000; i++) await once();

// Wall time and this process's CPU time per request (CPU time is what other work on the machine
// disturbs least).
const perRound: number[] = [];
const cpuPerRound: number[] = [];
for (let r = 0; r < rounds; r++) {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for (let i = 0; i < calls; i++) await once();
  const used = process.cpuUsage(cpu);
  perRound.push(Number(process.hrtime.bigint() - start) / 1e6 / calls);
  cpuPerRound.push((used.user + used.system) / 1000 / calls);
}
let promises = 0;
if (process.argv.includes("--promises")) {
  const hook = createHook({
    init(_id, type) {
      if (type === "PROMISE") promises++;
    },
  }).enable();
  for (let i = 0; i < 100; i++) await once();
  hook.disable();
}
// The SQL one feed request runs (--queries): better-sqlite3's statement methods, counted for one call.
if (process.argv.includes("--queries")) {
  const Database = (await import("better-sqlite3")).default;
  const proto = Object.getPrototypeOf(new Database(":memory:").prepare("SELECT 1")) as Record<
    string,
    (this: unknown, ...args: unknown[]) => unknown
  >;
  const seen: string[] = [];
  for (const m of ["all", "get", "run", "iterate"]) {
    const orig = proto[m]!;
    proto[m] = function (this: unknown, ...args: unknown[]) {
      seen.push(`${m}: ${(this as { source: string }).source.slice(0, 140)}`);
      return orig.apply(this as unknown, args);
    };
  }
  await once();
  console.log(`${seen.length} statements per feed request:\n${seen.join("\n")}`);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => Number(x.toFixed(4));
console.log(
  JSON.stringify({
    msPerRequest: ms(median(perRound)),
    cpuMsPerRequest: ms(median(cpuPerRound)),
    rounds: perRound.map(ms),
    ...(promises ? { promisesPerRequest: promises / 100 } : {}),
  }),
);
await app.close();
