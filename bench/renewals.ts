// Renewal run benchmark: seeds N subscriptions that fell due (each fan's wallet covers one renewal),
// then times one scheduler renewal pass in-process. Baseline in the same run: the same rows written
// by hand-prepared better-sqlite3 statements (the floor for this amount of SQLite work).
//   npm run bench:renewals [-- --count 100000]
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { fmt, fmtInt, machineFacts, writeResultsBlock } from "./lib.ts";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { randomBytes } from "node:crypto";
import { loadConfig } from "../src/config/load.ts";
import { buildApp } from "../src/main.ts";
import { createLogger } from "../src/lib/logger.ts";
import { seedDueRenewals } from "../tests/helpers/seed-renewals.ts";

const { values: args } = parseArgs({
  options: { count: { type: "string", default: "100000" }, "no-write": { type: "boolean", default: false } },
});
const COUNT = Number(args.count);

function baseline(count: number): number {
  const dir = mkdtempSync(join(tmpdir(), "fanz-bench-baseline-"));
  const db = new Database(join(dir, "b.db"));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec(`CREATE TABLE sub (id TEXT PRIMARY KEY, fan TEXT, price INT, end INT, status TEXT);
    CREATE INDEX sub_due ON sub(status, end);
    CREATE TABLE acct (id TEXT PRIMARY KEY, owner TEXT, kind TEXT, bal INT);
    CREATE UNIQUE INDEX acct_owner ON acct(owner, kind);
    CREATE TABLE txn (id TEXT PRIMARY KEY, key TEXT UNIQUE, amount INT, sub TEXT, at INT);
    CREATE TABLE entry (id TEXT PRIMARY KEY, txn TEXT, acct TEXT, amount INT);
    CREATE TABLE hold (txn TEXT PRIMARY KEY, amount INT, release INT);`);
  const id = () => randomBytes(16).toString("hex");
  const insSub = db.prepare("INSERT INTO sub VALUES (?, ?, 500, 0, 'active')");
  const insAcct = db.prepare("INSERT INTO acct VALUES (?, ?, ?, ?)");
  db.transaction(() => {
    insAcct.run("creator", "c", "pending", 0);
    insAcct.run("platform", "", "revenue", 0);
    for (let i = 0; i < count; i++) {
      insSub.run(`s${i}`, `f${i}`);
      insAcct.run(`w${i}`, `f${i}`, "wallet", 500);
    }
  })();
  const due = db.prepare("SELECT * FROM sub WHERE status = 'active' AND end <= 1 LIMIT 500");
  const acct = db.prepare("SELECT * FROM acct WHERE owner = ? AND kind = ?");
  const insTxn = db.prepare("INSERT INTO txn VALUES (?, ?, ?, ?, ?)");
  const insEntry = db.prepare("INSERT INTO entry VALUES (?, ?, ?, ?)");
  const bal = db.prepare("UPDATE acct SET bal = bal + ? WHERE id = ?");
  const hold = db.prepare("INSERT INTO hold VALUES (?, ?, ?)");
  const renew = db.prepare("UPDATE sub SET end = end + 2592000000 WHERE id = ?");
  const t0 = performance.now();
  for (;;) {
    const rows = db.transaction(() => {
      const batch = due.all() as { id: string; fan: string; price: number }[];
      for (const s of batch) {
        const w = acct.get(s.fan, "wallet") as { id: string; bal: number };
        if (w.bal < s.price) continue;
        const t = id();
        insTxn.run(t, `renewal:${s.id}`, s.price, s.id, Date.now());
        for (const [a, amt] of [
          [w.id, -500],
          ["creator", 400],
          ["platform", 100],
        ] as const) {
          insEntry.run(id(), t, a, amt);
          bal.run(amt, a);
        }
        hold.run(t, 400, Date.now());
        renew.run(s.id);
      }
      return batch.length;
    })();
    if (rows < 500) break;
  }
  const ms = performance.now() - t0;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "fanz-bench-renewals-"));
  try {
    const s0 = performance.now();
    await seedDueRenewals(dir, COUNT);
    const seedMs = performance.now() - s0;
    const { config } = loadConfig({ file: "/dev/null", env: { FANZ_DATA_DIR: dir } });
    const { ctx, services } = await buildApp(config, { web: null, logger: createLogger("error") });
    const t0 = performance.now();
    const result = await services.subscriptions.processDue();
    const runMs = performance.now() - t0;
    const health = await services.payments.ledgerHealth();
    await ctx.db.close();
    if (result.renewed !== COUNT || health.unbalanced.length || health.drifted.length) {
      throw new Error(`unexpected result: ${JSON.stringify(result)} ${JSON.stringify(health).slice(0, 200)}`);
    }
    const baseMs = baseline(COUNT);
    const m = machineFacts();
    const block = [
      `Run ${new Date().toISOString()} on ${m.nproc} CPUs, ${m.cpu}, Node ${m.node}; 1-min load average ${loadavg()[0]?.toFixed(2)}.`,
      "",
      "| run | due subscriptions | time | renewals/s |",
      "| --- | ---: | ---: | ---: |",
      `| fanz scheduler renewal pass (\`payments.renewDue\`, batches of 500 per transaction) | ${fmtInt(COUNT)} | ${fmt(runMs / 1000, 2)} s | ${fmtInt(COUNT / (runMs / 1000))} |`,
      `| baseline: the same rows written by hand-prepared better-sqlite3 statements | ${fmtInt(COUNT)} | ${fmt(baseMs / 1000, 2)} s | ${fmtInt(COUNT / (baseMs / 1000))} |`,
      "",
      `- fanz / baseline: ${fmt(runMs / baseMs, 2)}x. Each renewal: wallet balance check, a ledger transaction with three entries and cached balances, a held creator share, the new period. Seeding took ${fmt(seedMs / 1000, 1)} s.`,
      "- Rerun: `npm run bench:renewals -- --count 100000`.",
    ].join("\n");
    console.log(block);
    if (!args["no-write"])
      writeResultsBlock(join(import.meta.dirname, "RESULTS.md"), "renewals", "Renewal run", block);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
