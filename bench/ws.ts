// /ws benchmark (`npm run bench:ws`): sockets, delivery latency and a mass message, against a bare `ws`
// server in the same run (bench/ws-bare.ts: node:http + ws with the same shape of protocol and nothing
// else).
//
// For each target, in its own process: 10,000 idle authenticated sockets are opened from this process
// (RSS per connection = the server's resident memory after minus before, over the count); then, with
// them connected, 100 sender/receiver pairs exchange messages at a fixed, evenly paced rate (default 50
// per second for 10 s): latency is from the HTTP POST that sends a message to the frame's arrival on the
// receiver's socket; last, one mass message to the 10,000 (time from the POST to the last socket's frame).
// Fanz runs as `fanzctl serve` on a seeded data dir (10,000 fans subscribed to one creator, 100 pairs of a
// creator and a subscribed fan, one session each). Only 127.0.0.1; every loop is bounded.
//
// Options: --connections N (10000), --rate R (50 messages/s), --seconds S (10), --engine sqlite|postgres,
//          --no-write (print only), --json FILE
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { WebSocket } from "ws";
import { loadConfig } from "../src/config/load.ts";
import { creatorProfiles, subscriptions, users, type UserRow } from "../src/db/schema.ts";
import { newId } from "../src/lib/ids.ts";
import { createLogger } from "../src/lib/logger.ts";
import { buildApp } from "../src/main.ts";
import {
  benchDatabase,
  benchEngine,
  fmt,
  fmtInt,
  freePort,
  machineFacts,
  processRssMb,
  sleep,
  startChild,
  startFanz,
  writeJsonFigures,
  writeResultsBlock,
  type ChildServer,
} from "./lib.ts";

const { values: args } = parseArgs({
  options: {
    connections: { type: "string", default: "10000" },
    rate: { type: "string", default: "50" },
    seconds: { type: "string", default: "10" },
    engine: { type: "string", default: "sqlite" },
    "no-write": { type: "boolean", default: false },
    json: { type: "string" },
  },
});
const CONNECTIONS = Number(args.connections);
const PAIRS = 100;
const RATE = Number(args.rate);
const SECONDS = Number(args.seconds);
const engine = benchEngine(args.engine);
const repoRoot = resolve(import.meta.dirname, "..");

interface Client {
  ws: WebSocket;
  /** Arrival time of each frame by its text. */
  arrivals: Map<string, number>;
}

/** Opens `tokens.length` sockets, `parallel` at a time, each authenticated and `ready`. */
async function openClients(url: string, tokens: string[], parallel = 250): Promise<Client[]> {
  const clients: Client[] = new Array(tokens.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < tokens.length) {
      const i = next++;
      const ws = new WebSocket(url, { perMessageDeflate: false });
      const arrivals = new Map<string, number>();
      await new Promise<void>((ok, fail) => {
        const t = setTimeout(() => fail(new Error(`socket ${i} not ready in 30 s`)), 30_000);
        ws.once("error", fail);
        ws.once("open", () => ws.send(JSON.stringify({ type: "auth", token: tokens[i] })));
        ws.on("message", (raw) => {
          const f = JSON.parse(raw.toString()) as { type: string; message?: { text?: string } };
          if (f.type === "ready") {
            clearTimeout(t);
            ok();
          } else if (f.type === "message" && f.message?.text) arrivals.set(f.message.text, performance.now());
        });
      });
      clients[i] = { ws, arrivals };
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker));
  return clients;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

interface Figures {
  rssBeforeMb: number;
  rssAfterMb: number;
  kbPerConnection: number;
  connectS: number;
  sent: number;
  delivered: number;
  p50: number;
  p99: number;
  max: number;
  massS: number;
  massDelivered: number;
}

/**
 * One target: its sockets, the paced pair messages and the mass message. `send(i, text)` sends one
 * message from pair i's sender to its receiver; `mass(text)` starts the mass message.
 */
async function measure(
  name: string,
  server: ChildServer,
  tokens: { idle: string[]; receivers: string[] },
  send: (pair: number, text: string) => Promise<unknown>,
  mass: (text: string) => Promise<unknown>,
): Promise<Figures> {
  const url = server.baseUrl.replace("http", "ws") + "/ws";
  await sleep(500);
  const rssBeforeMb = processRssMb(server.child.pid)!;
  const t0 = performance.now();
  const idle = await openClients(url, tokens.idle);
  const connectS = (performance.now() - t0) / 1000;
  const receivers = await openClients(url, tokens.receivers);
  await sleep(2000);
  const rssAfterMb = processRssMb(server.child.pid)!;
  process.stdout.write(
    `  ${name}: ${fmtInt(idle.length)} sockets in ${fmt(connectS, 1)} s, RSS ${fmt(rssBeforeMb, 0)} -> ${fmt(rssAfterMb, 0)} MB\n`,
  );

  // Paced messages: message k leaves at k / RATE seconds, whatever the previous ones are doing.
  const total = RATE * SECONDS;
  const sentAt = new Map<string, { at: number; pair: number }>();
  const start = performance.now();
  const inflight: Promise<unknown>[] = [];
  for (let k = 0; k < total; k++) {
    const due = start + (k * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const text = `lat-${k}`;
    const pair = k % receivers.length;
    sentAt.set(text, { at: performance.now(), pair });
    inflight.push(
      send(pair, text).catch((err: unknown) => void process.stderr.write(`send failed: ${String(err)}\n`)),
    );
  }
  await Promise.all(inflight);
  await sleep(1000);
  const latencies: number[] = [];
  for (const [text, s] of sentAt) {
    const got = receivers[s.pair]!.arrivals.get(text);
    if (got !== undefined) latencies.push(got - s.at);
  }
  latencies.sort((a, b) => a - b);

  // The mass message to every idle socket.
  const massText = `mass-${name}`;
  const m0 = performance.now();
  await mass(massText);
  const everyone = [...idle, ...receivers];
  const deadline = m0 + 120_000;
  let delivered = 0;
  while (performance.now() < deadline) {
    delivered = everyone.filter((c) => c.arrivals.has(massText)).length;
    if (delivered === everyone.length) break;
    await sleep(20);
  }
  const last = Math.max(
    ...everyone.flatMap((c) => (c.arrivals.has(massText) ? [c.arrivals.get(massText)!] : [])),
  );
  const massS = (last - m0) / 1000;
  process.stdout.write(
    `  ${name}: p50 ${fmt(pct(latencies, 50))} ms, p99 ${fmt(pct(latencies, 99))} ms over ${latencies.length}/${total}; ` +
      `mass to ${fmtInt(delivered)} in ${fmt(massS)} s\n`,
  );
  for (const c of [...idle, ...receivers]) c.ws.terminate();
  return {
    rssBeforeMb,
    rssAfterMb,
    kbPerConnection: ((rssAfterMb - rssBeforeMb) * 1024) / (idle.length + receivers.length),
    connectS,
    sent: total,
    delivered: latencies.length,
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    massS,
    massDelivered: delivered,
  };
}

interface Seeded {
  fanTokens: string[];
  pairs: { senderToken: string; receiverToken: string; receiverUsername: string }[];
  massToken: string;
}

async function seed(dataDir: string, dbEnv: Record<string, string>): Promise<Seeded> {
  const { config } = loadConfig({
    file: "/dev/null",
    env: { ...dbEnv, FANZ_DATA_DIR: dataDir, FANZ_PORT: "0", FANZ_LOG__LEVEL: "error" },
  });
  const { ctx, services } = await buildApp(config, { web: null, logger: createLogger("error") });
  try {
    const now = Date.now();
    const passwordHash = await services.auth.hashPassword("bench-password");
    const user = (name: string, role: UserRow["role"]): UserRow => ({
      id: newId(),
      email: `${name}@bench.invalid`,
      username: name,
      displayName: name,
      passwordHash,
      role,
      ageConfirmedAt: now,
      status: "active",
      statusReason: null,
      suspendedUntil: null,
      emailVerifiedAt: null,
      twoFactorEnabledAt: null,
      createdAt: now,
      updatedAt: now,
    });
    const massCreator = user("masscreator", "creator");
    const pairCreators = Array.from({ length: PAIRS }, (_, i) => user(`paircreator${i}`, "creator"));
    const fans = Array.from({ length: CONNECTIONS }, (_, i) => user(`fan${i}`, "fan"));
    const profile = (u: UserRow) => ({
      userId: u.id,
      bio: "",
      priceCents: 500,
      currency: config.payments.currency,
      bundles: [],
      trialDays: 0,
      avatarMediaId: null,
      bannerMediaId: null,
      dmPolicy: "subscribers" as const,
      welcomeMessage: null,
      createdAt: now,
      updatedAt: now,
    });
    const sub = (fan: UserRow, creator: UserRow) => ({
      id: newId(),
      fanId: fan.id,
      creatorId: creator.id,
      status: "active" as const,
      priceCents: 500,
      currency: config.payments.currency,
      months: 1,
      autoRenew: true,
      providerRef: null,
      currentPeriodStart: now,
      currentPeriodEnd: now + 30 * 86_400_000,
      createdAt: now,
      updatedAt: now,
    });
    const all = [massCreator, ...pairCreators, ...fans];
    await ctx.db.write(async (tx) => {
      for (let i = 0; i < all.length; i += 1000) await tx.insert(users).values(all.slice(i, i + 1000));
      await tx.insert(creatorProfiles).values([massCreator, ...pairCreators].map(profile));
      const subs = [...fans.map((f) => sub(f, massCreator)), ...pairCreators.map((c, i) => sub(fans[i]!, c))];
      for (let i = 0; i < subs.length; i += 1000)
        await tx.insert(subscriptions).values(subs.slice(i, i + 1000));
      await services.site.update(tx, { name: "Bench", setupCompletedAt: now });
    });
    const session = async (u: UserRow) =>
      (await ctx.db.write((tx) => services.auth.createSession(tx, u.id))).token;
    const fanTokens: string[] = [];
    await ctx.db.write(async (tx) => {
      for (const f of fans) fanTokens.push((await services.auth.createSession(tx, f.id)).token);
    });
    const pairs = [];
    for (const [i, c] of pairCreators.entries())
      pairs.push({ senderToken: await session(c), receiverToken: "", receiverUsername: fans[i]!.username });
    // The receivers are the first fans; they get a second session for their second socket.
    for (const [i, p] of pairs.entries()) p.receiverToken = await session(fans[i]!);
    return { fanTokens, pairs, massToken: await session(massCreator) };
  } finally {
    await ctx.db.close();
  }
}

/** The JSON answer, loosely typed: the benchmark reads one or two fields of it. */
type Answer = { conversation: { id: string } } & Record<string, unknown>;

async function post(base: string, path: string, body: unknown, token?: string): Promise<Answer> {
  const res = await fetch(base + path, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as Answer;
}

function report(bare: Figures, fanz: Figures): string {
  const m = machineFacts();
  const row = (name: string, f: Figures) =>
    `| ${name} | ${fmt(f.kbPerConnection, 1)} | ${fmt(f.connectS, 1)} | ${fmt(f.p50)} | ${fmt(f.p99)} | ${fmt(f.max)} | ${f.delivered}/${f.sent} | ${fmt(f.massS, 2)} | ${fmtInt(f.massDelivered)} |`;
  const ratio = fanz.kbPerConnection / bare.kbPerConnection;
  return [
    `Run ${new Date().toISOString()} on ${m.nproc} CPUs, ${m.cpu}, Node ${m.node}, ${engine === "sqlite" ? "SQLite" : "PostgreSQL"}.`,
    "",
    `${fmtInt(CONNECTIONS)} idle authenticated sockets plus ${PAIRS} receivers; ${RATE} messages/s for ${SECONDS} s between ${PAIRS} pairs while they are connected; then one mass message to the ${fmtInt(CONNECTIONS)}.`,
    "",
    "| target | RSS KB per connection | connect s | p50 ms | p99 ms | max ms | delivered | mass s | mass delivered |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    row("bare `ws` server (baseline)", bare),
    row("Fanz `/ws` (`fanzctl serve`)", fanz),
    "",
    `- RSS per connection: Fanz ${fmt(ratio, 2)}× the bare server (target ≤ 1.5×). Fanz RSS ${fmt(fanz.rssBeforeMb, 0)} → ${fmt(fanz.rssAfterMb, 0)} MB; bare ${fmt(bare.rssBeforeMb, 0)} → ${fmt(bare.rssAfterMb, 0)} MB.`,
    `- Delivery p99 ${fmt(fanz.p99)} ms (target < 50 ms): from the HTTP POST that sends the message (stored, counted, in both people's streams) to its frame on the receiver's socket.`,
    `- Mass message to ${fmtInt(fanz.massDelivered)} subscribers: ${fmt(fanz.massS, 2)} s to the last delivery (target < 10 s): a persistent job writes a copy per fan in batches, each copy a conversation, a message and a stream event.`,
    "- Rerun: `npm run bench:ws` (about two minutes; keep the machine otherwise idle).",
  ].join("\n");
}

async function main(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), "fanz-bench-ws-"));
  const database = await benchDatabase(engine, dataDir);
  const children: ChildServer[] = [];
  try {
    process.stdout.write(`Seeding ${fmtInt(CONNECTIONS)} fans, ${PAIRS} pairs...\n`);
    const seeded = await seed(dataDir, database.env);
    const env: NodeJS.ProcessEnv = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith("FANZ_")),
    );

    process.stdout.write("Bare ws server:\n");
    const barePort = await freePort();
    const bare = await startChild({
      name: "ws-bare",
      args: ["--import", "tsx", "bench/ws-bare.ts", String(barePort)],
      port: barePort,
      readyPath: "/",
      env,
      cwd: repoRoot,
    });
    children.push(bare);
    const bareFigures = await measure(
      "bare",
      bare,
      { idle: seeded.fanTokens.slice(PAIRS), receivers: seeded.pairs.map((p) => `r${p.receiverToken}`) },
      (i, text) => post(bare.baseUrl, "/send", { to: `r${seeded.pairs[i]!.receiverToken}`, text }),
      (text) => post(bare.baseUrl, "/mass", { text }),
    );
    await bare.stop();
    children.splice(0);

    process.stdout.write("Fanz:\n");
    const fanz = await startFanz({
      dataDir,
      env: {
        ...env,
        ...database.env,
        FANZ_LOG__LEVEL: "error",
        FANZ_MESSAGES__PER_MINUTE: "10000",
        FANZ_JOBS__POLL_MS: "100",
      },
      cwd: repoRoot,
    });
    children.push(fanz);
    const conversations: string[] = [];
    for (const p of seeded.pairs)
      conversations.push(
        (await post(fanz.baseUrl, "/api/v1/conversations", { username: p.receiverUsername }, p.senderToken))
          .conversation.id,
      );
    const fanzFigures = await measure(
      "fanz",
      fanz,
      { idle: seeded.fanTokens.slice(PAIRS), receivers: seeded.pairs.map((p) => p.receiverToken) },
      (i, text) =>
        post(
          fanz.baseUrl,
          `/api/v1/conversations/${conversations[i]}/messages`,
          { text },
          seeded.pairs[i]!.senderToken,
        ),
      (text) =>
        post(fanz.baseUrl, "/api/v1/messages/mass", { text, audience: "subscribers" }, seeded.massToken),
    );
    await fanz.stop();
    children.splice(0);

    const block = report(bareFigures, fanzFigures);
    process.stdout.write(`\n${block}\n`);
    if (args.json) writeJsonFigures(args.json, { bare: bareFigures, fanz: fanzFigures });
    if (!args["no-write"])
      writeResultsBlock(
        join(repoRoot, "bench/RESULTS.md"),
        "ws",
        "## Real time: `/ws` sockets, delivery, mass messages",
        block,
      );
    return 0;
  } finally {
    for (const c of children) await c.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  }
}

process.exitCode = await main();
