// The crash campaign (tests/helpers/crash-campaign.ts) from the command line:
//   node --import tsx scripts/crash-campaign.ts [--kills N] [--seed S] [--engine sqlite|postgres]
//        [--subscribers N] [--json FILE]
// Prints the figures (and writes them as JSON); exits 1 when anything was lost, doubled, left half-done
// or orphaned, or when doctor failed.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { runCampaign } from "../tests/helpers/crash-campaign.ts";

const { values } = parseArgs({
  options: {
    kills: { type: "string", default: "100" },
    seed: { type: "string", default: String(Date.now() % 1_000_000) },
    engine: { type: "string", default: "sqlite" },
    subscribers: { type: "string", default: "300" },
    json: { type: "string" },
  },
});
const engine = values.engine;
if (engine !== "sqlite" && engine !== "postgres") {
  process.stderr.write(`--engine must be sqlite or postgres, not ${engine}\n`);
  process.exit(2);
}
const kills = Number(values.kills);
const seed = Number(values.seed);
const subscribers = Number(values.subscribers);
if (![kills, seed, subscribers].every((v) => Number.isInteger(v) && v >= 0) || kills < 1) {
  process.stderr.write("--kills, --seed and --subscribers take whole numbers (kills at least 1)\n");
  process.exit(2);
}

const log = (line: string) => process.stdout.write(`${line}\n`);
log(`crash campaign: ${kills} kills on ${engine}, seed ${seed}, ${subscribers} subscribers`);
const r = await runCampaign({ kills, seed, engine, subscribers, log });
const figures = {
  engine: r.engine,
  seed: r.seed,
  kills: r.kills,
  killsSurvived: r.killsSurvived,
  writesAcknowledged: r.writesAcknowledged,
  acknowledgedByKind: r.acknowledgedByKind,
  writesChecked: r.writesChecked,
  retriesChecked: r.retriesChecked,
  replaysChecked: r.replaysChecked,
  renewalsChecked: r.renewalsChecked,
  lost: r.lost,
  doubled: r.doubled,
  halfDone: r.halfDone,
  orphans: r.orphans,
  crashLeftoversSwept: r.crashLeftoversSwept,
  doctorRuns: r.doctorRuns,
  doctorFailures: r.doctorFailures,
  unexpectedAnswers: r.unexpectedAnswers,
  workloadsRun: r.workloadsRun,
  durationSeconds: Math.round(r.durationMs / 100) / 10,
};
log("");
for (const [k, v] of Object.entries(figures))
  log(`${k.padEnd(22)} ${typeof v === "object" ? JSON.stringify(v) : v}`);
for (const p of r.problems) log(`problem: ${p}`);
if (values.json)
  writeFileSync(values.json, JSON.stringify({ ...figures, problems: r.problems }, null, 2) + "\n");
const failed =
  r.lost + r.doubled + r.halfDone + r.orphans + r.doctorFailures > 0 || r.killsSurvived < r.kills;
process.exit(failed ? 1 : 0);
