// sqlmap (the Debian package) against every parameterised route of the API on 127.0.0.1: the app on SQLite
// in a temporary data dir, seeded with an admin, a creator, a fan, posts, a subscription and a conversation
// so that routes have real ids; then, for each operation of /api/v1/openapi.json, one sqlmap run over its
// path parameters (marked with *), its query parameters and (POST/PUT/PATCH) its JSON body's values, with
// the session cookie of the person the route is for. Bounded: --level/--risk, a time limit per route.
// Prints one line per route ("not injectable", a finding, or why it was not tested) and the figures; the
// exit code is 1 when any route is injectable or the app answered 5xx to anything sqlmap sent.
//
//   npm run security:sqlmap [-- --level 3 --risk 2 --dbms SQLite --route-seconds 600 --only posts,lists --json out.json]
import { serve } from "@hono/node-server";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config/load.ts";
import { createLogger } from "../src/lib/logger.ts";
import { buildApp } from "../src/main.ts";
import { encodeCursor } from "../src/lib/cursor.ts";
import { plausible, type OpenApiDocument, type Schema } from "../tests/helpers/openapi-fuzz.ts";
import { prng } from "../tests/helpers/prng.ts";

const { values: opt } = parseArgs({
  options: {
    level: { type: "string", default: "3" },
    risk: { type: "string", default: "2" },
    /** The engine the site runs on (SQLite): sqlmap spends its requests on that engine's payloads. */
    dbms: { type: "string", default: "SQLite" },
    "route-seconds": { type: "string", default: "600" },
    only: { type: "string" },
    json: { type: "string" },
    sqlmap: { type: "string", default: "/usr/bin/sqlmap" },
    /** Print sqlmap's own output of every route. */
    show: { type: "boolean", default: false },
  },
});

/** Operations that end the cookie's session (it is needed for every later route) or read no parameters. */
const SKIPPED: Record<string, string> = {
  logout: "ends the session the run uses",
  logoutEverywhere: "ends the session the run uses",
  removeOtherSessions: "ends sessions the run uses",
  receiveWebhook: "a signed raw body, not parameters",
};

const dir = mkdtempSync(join(tmpdir(), "fanz-sqlmap-"));
const { config } = loadConfig({
  file: "/dev/null",
  env: {
    FANZ_DATA_DIR: dir,
    FANZ_PORT: "0",
    // sqlmap sends thousands of requests from one address: limits would answer 429 instead of the route.
    FANZ_AUTH__SIGNUPS_PER_IP_PER_HOUR: "100000",
    FANZ_AUTH__LOGIN_MAX_FAILURES: "1000",
    FANZ_PAYMENTS__PURCHASES_PER_MINUTE: "1000000",
    FANZ_MESSAGES__PER_MINUTE: "10000",
    FANZ_COMPLIANCE__DMCA_NOTICES_PER_HOUR: "10000",
  },
});
const built = await buildApp(config, { logger: createLogger("error"), web: null });

/** Requests and 5xx answers, per route being tested (the app counts what sqlmap really sent). */
const traffic = { requests: 0, serverErrors: 0, examples: [] as string[] };
const server = await new Promise<Server>((ok) => {
  const s = serve(
    {
      fetch: async (req: Request) => {
        traffic.requests++;
        const res = await built.app.fetch(req);
        if (res.status >= 500 && res.status !== 503) {
          traffic.serverErrors++;
          if (traffic.examples.length < 3) traffic.examples.push(`${req.method} ${req.url} -> ${res.status}`);
        }
        return res;
      },
      port: 0,
      hostname: "127.0.0.1",
    },
    () => ok(s as Server),
  ) as Server;
});
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

interface Thing {
  id: string;
}
/** What the seeding reads of the API's answers. */
interface Answer {
  token: string;
  checkoutId: string;
  user: Thing;
  post: Thing;
  comment?: Thing;
  subscription?: Thing;
  conversation: Thing;
  message?: Thing;
  stream?: Thing;
  list?: Thing;
}
interface Operation {
  operationId?: string;
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

async function call(method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as Answer;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

// The seeded site.
const setupToken = await built.services.setup.issueTokenIfNeeded();
const admin = await call("POST", "/api/v1/setup", {
  token: setupToken,
  siteName: "sqlmap",
  admin: { email: "admin@example.com", username: "admin", password: "admin-password-1" },
});
const signup = (username: string) =>
  call("POST", "/api/v1/auth/signup", {
    email: `${username}@example.com`,
    username,
    password: "password-123",
    ageConfirmed: true,
  });
const creator = await signup("sqlcreator");
await call("PUT", "/api/v1/creators/me", { priceCents: 500 }, creator.token);
const fan = await signup("sqlfan");
const victim = await signup("sqlvictim");
const topup = await call("POST", "/api/v1/wallet/topups", { amountCents: 50_000 }, fan.token);
await call("POST", `/sandbox/checkout/${topup.checkoutId}/pay`, { cardNumber: "4242 4242 4242 4242" });
const post = (
  await call("POST", "/api/v1/posts", { text: "hello #sql", visibility: "public" }, creator.token)
).post;
const ppv = (
  await call("POST", "/api/v1/posts", { text: "paid", visibility: "ppv", priceCents: 300 }, creator.token)
).post;
const comment = (await call("POST", `/api/v1/posts/${post.id}/comments`, { text: "nice" }, fan.token))
  .comment;
const sub = (await call("POST", "/api/v1/subscriptions", { creator: "sqlcreator" }, fan.token)).subscription;
const conv = (await call("POST", "/api/v1/conversations", { username: "sqlcreator" }, fan.token))
  .conversation;
const msg = (
  await call(
    "POST",
    `/api/v1/conversations/${conv.id}/messages`,
    { text: "hi", clientId: "sql-1" },
    fan.token,
  )
).message;
const stream = (await call("POST", "/api/v1/live/streams", { title: "Soon" }, creator.token)).stream;
const list = (await call("POST", "/api/v1/lists", { name: "Best" }, creator.token)).list;

/** Real values for path parameters, by the segment before them. */
const ids: Record<string, string> = {
  posts: post.id,
  comments: comment?.id ?? post.id,
  subscriptions: sub?.id ?? post.id,
  conversations: conv.id,
  messages: msg?.id ?? ppv.id,
  streams: stream?.id ?? post.id,
  chat: msg?.id ?? post.id,
  lists: list?.id ?? post.id,
  members: fan.user.id,
  users: victim.user.id,
  creators: victim.user.id,
};
const pools = {
  ids: (kind: string) => [ids[kind] ?? ids[`${kind}s`] ?? post.id],
  names: () => ["sqlcreator"],
};

const doc = (await call("GET", "/api/v1/openapi.json")) as unknown as OpenApiDocument;
const rnd = prng(4);

interface Target {
  id: string;
  method: string;
  url: string;
  data?: string;
  token: string;
}

/** The person a route is for: admins for /admin, the fan for what fans buy, else the creator. */
function tokenFor(path: string, method: string): string {
  if (path.startsWith("/api/v1/admin")) return admin.token;
  if (/\/(subscriptions|tips|wallet|unlock|tickets|conversations|messages\/\{id\}\/unlock)/.test(path))
    return fan.token;
  return method === "GET" ? fan.token : creator.token;
}

const targets: Target[] = [];
const untested: { id: string; why: string }[] = [];
for (const [path, item] of Object.entries(doc.paths)) {
  for (const [method, op] of Object.entries<Operation>(item)) {
    const id = op.operationId ?? `${method} ${path}`;
    const params = op.parameters ?? [];
    const content = op.requestBody?.content ?? {};
    const json = ["post", "put", "patch"].includes(method) ? content["application/json"] : undefined;
    if (SKIPPED[id]) {
      untested.push({ id, why: SKIPPED[id] });
      continue;
    }
    if (!params.length && !json) continue; // nothing parameterised
    if (opt.only && !opt.only.split(",").some((part) => path.includes(part))) continue;
    let url = path;
    const segments = path.split("/");
    for (const p of params.filter((x) => x.in === "path")) {
      const before = segments[segments.indexOf(`{${p.name}}`) - 1] ?? "";
      const value =
        p.name === "username"
          ? "sqlcreator"
          : p.name === "image"
            ? "avatar"
            : p.name === "provider"
              ? "sandbox"
              : p.name === "tag"
                ? "sql"
                : p.name === "code"
                  ? "WELCOME10"
                  : p.name === "userId"
                    ? fan.user.id
                    : (ids[before] ?? post.id);
      url = url.replace(`{${p.name}}`, `${value}*`);
    }
    const query = params
      .filter((x) => x.in === "query")
      .map(
        (p) =>
          `${p.name}=${encodeURIComponent(String(p.name === "cursor" ? encodeCursor(Date.now(), post.id) : plausible(doc, p.schema, rnd, pools, p.name)))}`,
      );
    const data = json ? JSON.stringify(plausible(doc, json.schema, rnd, pools)) : undefined;
    if (data === "{}" && !params.length) {
      untested.push({ id, why: "a JSON body without fields" });
      continue;
    }
    targets.push({
      id,
      method: method.toUpperCase(),
      url: base + url + (query.length ? `?${query.join("&")}` : ""),
      data,
      token: tokenFor(path, method.toUpperCase()),
    });
  }
}

// Deletions last: they take the seeded things away from the routes after them.
targets.sort((a, b) => Number(a.method === "DELETE") - Number(b.method === "DELETE"));

interface Outcome {
  id: string;
  method: string;
  url: string;
  verdict: "not injectable" | "INJECTABLE" | "timed out" | "no parameter tested" | "sqlmap failed";
  requests: number;
  serverErrors: number;
  seconds: number;
  detail?: string;
}

function runSqlmap(t: Target): Promise<{ output: string; timedOut: boolean; code: number | null }> {
  const out = mkdtempSync(join(dir, "sqlmap-out-"));
  const args = [
    "-u",
    t.url,
    "--method",
    t.method,
    ...(t.data ? ["--data", t.data] : []),
    "--cookie",
    `fanz_session=${t.token}`,
    // The CSRF check wants the site's own Origin on cookie-authenticated writes.
    "--headers",
    `Origin: ${base}\nAccept: application/json`,
    "--batch",
    `--level=${opt.level}`,
    `--risk=${opt.risk}`,
    "--technique=BEUST",
    ...(opt.dbms ? [`--dbms=${opt.dbms}`] : []),
    "--time-sec=2",
    "--timeout=10",
    "--retries=0",
    // A refusal (bad id, not yours, already done) is an answer to compare payloads against, not a dead end.
    "--ignore-code=400,401,403,404,409,415,429",
    "--threads=1",
    "--flush-session",
    "--disable-coloring",
    "--skip=fanz_session",
    `--output-dir=${out}`,
    "-v",
    "1",
  ];
  return new Promise((ok) => {
    const child = spawn(opt.sqlmap!, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    let timedOut = false;
    const timer = setTimeout(
      () => {
        timedOut = true;
        child.kill("SIGKILL");
      },
      Number(opt["route-seconds"]) * 1000,
    );
    child.on("close", (code) => {
      clearTimeout(timer);
      rmSync(out, { recursive: true, force: true });
      ok({ output, timedOut, code });
    });
  });
}

/** sqlmap's conclusion: only what it confirmed counts ("appears to be" is a step it may rule out again). */
const INJECTABLE = /identified the following injection point/i;
const SUSPECTED = /parameter '[^']+' appears to be '[^']+' injectable/i;
const NOT_INJECTABLE = /do(?:es)? not (?:seem|appear) to be injectable/i;
const NOTHING = /no parameter\(s\) found for testing|all testing parameters|not exist in the provided/i;

const t0 = performance.now();
const outcomes: Outcome[] = [];
console.log(`sqlmap ${opt.level}/${opt.risk} against ${targets.length} routes on ${base}`);
for (const t of targets) {
  const before = { ...traffic };
  const started = performance.now();
  const r = await runSqlmap(t);
  if (opt.show) console.log(r.output);
  const o: Outcome = {
    id: t.id,
    method: t.method,
    url: t.url.replace(base, ""),
    verdict: INJECTABLE.test(r.output)
      ? "INJECTABLE"
      : r.timedOut
        ? "timed out"
        : NOT_INJECTABLE.test(r.output)
          ? "not injectable"
          : NOTHING.test(r.output)
            ? "no parameter tested"
            : "sqlmap failed",
    requests: traffic.requests - before.requests,
    serverErrors: traffic.serverErrors - before.serverErrors,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
  if (o.verdict === "INJECTABLE")
    o.detail = r.output
      .split("\n")
      .filter((l) => /Parameter:|Type:|Payload:/.test(l))
      .join(" | ");
  else if (SUSPECTED.test(r.output))
    // Worth a look by hand, but sqlmap's own confirmation (or false-positive check) ruled it out.
    o.detail = `suspected, then ruled out by sqlmap: ${r.output
      .split("\n")
      .find((l) => SUSPECTED.test(l))
      ?.trim()}`;
  if (o.verdict === "sqlmap failed")
    o.detail = r.output
      .split("\n")
      .filter((l) => /CRITICAL|ERROR/.test(l))
      .slice(0, 3)
      .join(" | ");
  outcomes.push(o);
  console.log(
    `${o.verdict.padEnd(19)} ${o.method.padEnd(6)} ${o.url.slice(0, 90).padEnd(90)} ${String(o.requests).padStart(6)} req ${o.seconds} s` +
      (o.serverErrors ? ` ${o.serverErrors} x 5xx` : "") +
      (o.detail ? `  ${o.detail}` : ""),
  );
}
for (const u of untested) console.log(`${"not tested".padEnd(19)} ${u.id}: ${u.why}`);

const seconds = Math.round((performance.now() - t0) / 1000);
const count = (v: Outcome["verdict"]) => outcomes.filter((o) => o.verdict === v).length;
const summary = {
  routes: outcomes.length,
  notInjectable: count("not injectable"),
  injectable: count("INJECTABLE"),
  timedOut: count("timed out"),
  noParameterTested: count("no parameter tested"),
  sqlmapFailed: count("sqlmap failed"),
  skipped: untested.length,
  requests: outcomes.reduce((n, o) => n + o.requests, 0),
  serverErrors: traffic.serverErrors,
  serverErrorExamples: traffic.examples,
  seconds,
  level: Number(opt.level),
  risk: Number(opt.risk),
};
console.log(JSON.stringify(summary));
if (opt.json) writeFileSync(opt.json, JSON.stringify({ summary, outcomes, untested }, null, 1));

await new Promise<void>((ok) => {
  server.close(() => ok());
  server.closeAllConnections();
});
await built.ctx.db.close();
rmSync(dir, { recursive: true, force: true });
process.exit(summary.injectable > 0 || summary.serverErrors > 0 ? 1 : 0);
