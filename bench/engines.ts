// The two engines side by side, in one run (`npm run bench:engines`): the feed and wallet purchases on
// SQLite and on PostgreSQL with one node, and purchases with two nodes on one PostgreSQL database. Each
// variant is bench/feed.ts or bench/purchases.ts in its own process, with its own Hono hello-world
// baseline measured just before it; the table compares each target with its own baseline.
//   npm run bench:engines [-- --no-write]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { fmt, fmtInt, machineFacts, writeResultsBlock, type LoadResult } from "./lib.ts";

const { values: args } = parseArgs({ options: { "no-write": { type: "boolean", default: false } } });
const repoRoot = resolve(import.meta.dirname, "..");

interface Variant {
  name: string;
  script: "feed" | "purchases";
  args: string[];
}

const VARIANTS: Variant[] = [
  { name: "feed, SQLite", script: "feed", args: ["--engine", "sqlite"] },
  { name: "feed, PostgreSQL, 1 node", script: "feed", args: ["--engine", "postgres"] },
  { name: "wallet purchases, SQLite", script: "purchases", args: ["--engine", "sqlite"] },
  { name: "wallet purchases, PostgreSQL, 1 node", script: "purchases", args: ["--engine", "postgres"] },
  {
    name: "wallet purchases, PostgreSQL, 2 nodes",
    script: "purchases",
    args: ["--engine", "postgres", "--nodes", "2"],
  },
];

interface Figures {
  hello: LoadResult;
  feed?: LoadResult;
  purchases?: LoadResult;
}

const dir = mkdtempSync(join(tmpdir(), "fanz-bench-engines-"));
const rows: string[] = [];
try {
  for (const [i, v] of VARIANTS.entries()) {
    const json = join(dir, `${i}.json`);
    const load = loadavg()[0] ?? 0;
    process.stdout.write(`${v.name}...\n`);
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", `bench/${v.script}.ts`, ...v.args, "--no-write", "--json", json],
      { cwd: repoRoot, stdio: ["ignore", "inherit", "inherit"] },
    );
    if (r.status !== 0) throw new Error(`${v.name} failed (exit ${r.status})`);
    const f = JSON.parse(readFileSync(json, "utf8")) as Figures;
    const target = (f.feed ?? f.purchases)!;
    rows.push(
      `| ${v.name} | ${fmtInt(target.requests.average)} | ${target.latency.p50} | ${target.latency.p99} | ` +
        `${fmtInt(f.hello.requests.average)} | ${fmt((100 * target.requests.average) / f.hello.requests.average, 2)} % | ${fmt(load, 2)} |`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const m = machineFacts();
const block = [
  `Run ${new Date().toISOString()} on ${m.nproc} CPUs, ${m.cpu}, Node ${m.node}; each variant is its own process (bench/feed.ts: 1,000 creators, 100,000 posts, 10,000 fans; bench/purchases.ts: PPV unlocks from funded wallets, a new fan/post pair each), 50 connections, 10 s after a 2 s warm-up, and its own Hono hello-world measured just before.`,
  "",
  "| target | req/s | p50 ms | p99 ms | hello-world req/s | target / hello-world | 1-min load at start |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...rows,
  "",
  "- PostgreSQL: the machine's server (127.0.0.1:5432, version 15) on the same 2 CPUs as the app nodes, the load generator and the baseline.",
  "- Rerun: `npm run bench:engines` (about four minutes; keep the machine otherwise idle).",
].join("\n");
console.log(`\n${block}\n`);
if (!args["no-write"])
  writeResultsBlock(
    join(repoRoot, "bench/RESULTS.md"),
    "engines",
    "Two engines: SQLite and PostgreSQL",
    block,
  );
