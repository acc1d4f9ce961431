// Lighthouse 12 on the web UI as a visitor gets it: a site filled by `fanzctl seed --demo`, served by
// `fanzctl serve` on this machine, measured by Debian's Chromium (headless, through chrome-launcher)
// with Lighthouse's mobile (simulated slow 4G, 4x CPU) and desktop settings. Pages: the landing page and
// a creator page, anonymous; the feed, signed in as the demo fan. Lighthouse has no log-in step: the
// demo fan's session goes in as a cookie header on every request of the run (`extraHeaders`), so the
// page, its API calls and its media are all fetched signed in, with nothing cached beforehand.
// Each page is measured `--runs` times (3 by default: the machine may be shared) and the run with the
// median performance score is reported, with the range of scores beside it.
//   node --import tsx bench/lighthouse.ts [--no-write] [--runs 3] [--only feed] [--device mobile] [--data-dir DIR] [--details]
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Flags, type Result } from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { apiCall, startApp } from "../tests/helpers/app-process.ts";
import { CHROMIUM } from "../tests/helpers/browser.ts";
import { fanzctl } from "../tests/helpers/site.ts";
import { fmtInt, machineFacts, writeResultsBlock } from "./lib.ts";

const { values: args } = parseArgs({
  options: {
    "no-write": { type: "boolean", default: false },
    /** A data directory to reuse (seeded on the first run, kept afterwards). */
    "data-dir": { type: "string" },
    /** Print each page's requests, largest first. */
    details: { type: "boolean", default: false },
    /** Runs per page and device; the median run (by performance score) is reported. */
    runs: { type: "string", default: "3" },
    /** Only the pages whose name contains this. */
    only: { type: "string" },
    device: { type: "string" },
  },
});
const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
const DEMO_FAN = { email: "demo_fan@demo.fanz.local", password: "demo-password" };

interface Row {
  page: string;
  device: "mobile" | "desktop";
  scores: Record<(typeof CATEGORIES)[number], number>;
  transferKiB: number;
  requests: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** What kept a score from 100: the failing audits' ids. */
  misses: string[];
  /** The lowest and highest performance score over the runs. */
  perfRange: [number, number];
}

function row(page: string, device: Row["device"], lhr: Result): Row {
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
  ) as Row["scores"];
  const misses = CATEGORIES.flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((r) => r.weight > 0)
      .map((r) => lhr.audits[r.id])
      .filter((a) => a && a.score !== null && a.score < 0.9)
      .map((a) => `${c}:${a!.id}`),
  );
  const network = lhr.audits["network-requests"]?.details as { items?: unknown[] } | undefined;
  return {
    page,
    device,
    scores,
    transferKiB: audit("total-byte-weight") / 1024,
    requests: network?.items?.length ?? 0,
    fcpMs: audit("first-contentful-paint"),
    lcpMs: audit("largest-contentful-paint"),
    tbtMs: audit("total-blocking-time"),
    cls: audit("cumulative-layout-shift"),
    misses,
    perfRange: [scores.performance, scores.performance],
  };
}

/** The run with the median performance score, carrying the range of all runs' scores. */
function median(runs: Row[]): Row {
  const sorted = [...runs].sort((a, b) => a.scores.performance - b.scores.performance);
  const mid = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return {
    ...mid,
    perfRange: [sorted[0]!.scores.performance, sorted[sorted.length - 1]!.scores.performance],
  };
}

function printDiagnostics(lhr: Result): void {
  for (const id of [
    "largest-contentful-paint-element",
    "render-blocking-resources",
    "unused-javascript",
    "uses-responsive-images",
    "bootup-time",
    "long-tasks",
    "mainthread-work-breakdown",
    "layout-shifts",
  ]) {
    const a = lhr.audits[id];
    if (a)
      console.error(`  ${id}: ${a.displayValue ?? ""} ${(JSON.stringify(a.details) ?? "").slice(0, 1800)}`);
  }
}

function printRequests(lhr: Result): void {
  const items = ((
    lhr.audits["network-requests"]?.details as { items?: Record<string, unknown>[] } | undefined
  )?.items ?? []) as { url: string; transferSize: number; resourceSize: number; mimeType: string }[];
  for (const i of [...items].sort((a, b) => b.transferSize - a.transferSize))
    console.error(
      `  ${(i.transferSize / 1024).toFixed(1).padStart(7)} KiB  ${(i.resourceSize / 1024).toFixed(1).padStart(7)} KiB raw  ${i.url.replace(/^https?:\/\/[^/]+/, "")}`,
    );
  for (const r of lhr.categories.accessibility?.auditRefs ?? []) {
    const a = lhr.audits[r.id];
    if (a && a.score !== null && a.score < 1 && r.weight > 0)
      console.error(`  a11y ${a.id}: ${JSON.stringify(a.details).slice(0, 600)}`);
  }
}

async function main(): Promise<void> {
  const facts = machineFacts();
  const loads: number[] = [];
  const noteLoad = () => loads.push(loadavg()[0]!);
  const dataDir = args["data-dir"] ?? mkdtempSync(join(tmpdir(), "fanz-lighthouse-"));
  console.error("seeding the demo site…");
  const seeded = await fanzctl(["seed", "--demo", "--data-dir", dataDir]);
  if (seeded.status !== 0) throw new Error(`seed --demo failed:\n${seeded.stderr}`);
  const app = await startApp({ dataDir });
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const rows: Row[] = [];
  const runs = Math.max(1, Number(args.runs));
  try {
    const { site } = await apiCall(app.baseUrl, "GET", "/site");
    if (site.setupRequired)
      await apiCall(app.baseUrl, "POST", "/setup", {
        token: app.setupToken(),
        siteName: "Fanz Demo",
        admin: { email: "admin@example.test", username: "site_admin", password: "admin-password-1" },
      });
    const fan = await apiCall(app.baseUrl, "POST", "/auth/login", DEMO_FAN);
    const pages: [string, string, Record<string, string> | undefined][] = [
      ["landing (anonymous)", "/", undefined],
      ["creator page (anonymous)", "/ava_lens", undefined],
      ["feed (signed in)", "/", { Cookie: `fanz_session=${fan.token as string}` }],
    ];
    for (const [name, path, extraHeaders] of pages) {
      if (args.only && !name.includes(args.only)) continue;
      for (const device of ["mobile", "desktop"] as const) {
        if (args.device && device !== args.device) continue;
        const tries: Row[] = [];
        noteLoad();
        for (let run = 0; run < runs; run++) {
          const flags: Flags = {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: [...CATEGORIES],
            ...(extraHeaders ? { extraHeaders } : {}),
          };
          // Lighthouse sometimes loses a trace (NO_NAVSTART) on a busy machine: such a run is taken again.
          let result: Awaited<ReturnType<typeof lighthouse>>;
          for (let attempt = 1; ; attempt++) {
            result = await lighthouse(
              app.baseUrl + path,
              flags,
              device === "desktop" ? desktopConfig : undefined,
            );
            if (!result) throw new Error(`no Lighthouse result for ${path}`);
            if (!result.lhr.runtimeError || attempt === 3) break;
            console.error(`${name} ${device}: ${result.lhr.runtimeError.code}, again`);
          }
          const r = row(name, device, result.lhr);
          if (result.lhr.runtimeError)
            throw new Error(`${name} ${device}: ${result.lhr.runtimeError.message}`);
          if (args.details) {
            printRequests(result.lhr);
            printDiagnostics(result.lhr);
          }
          tries.push(r);
          console.error(
            `${name} ${device}: ${CATEGORIES.map((c) => `${c} ${r.scores[c]}`).join(", ")}; ${r.transferKiB.toFixed(1)} KiB; ` +
              `LCP ${fmtInt(r.lcpMs)} ms, TBT ${fmtInt(r.tbtMs)} ms, CLS ${r.cls.toFixed(3)}` +
              (r.misses.length ? `; below 0.9: ${r.misses.join(", ")}` : ""),
          );
        }
        rows.push(median(tries));
      }
    }
  } finally {
    chrome.kill();
    await app.stop();
    if (!args["data-dir"]) rmSync(dataDir, { recursive: true, force: true });
  }

  const lines = [
    `Run ${new Date().toISOString()} on ${facts.nproc} CPUs (1-min load average ${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)} during the runs), ${facts.cpu}, Node ${facts.node}, Lighthouse 12.2.3, ` +
      `Chromium headless; a \`fanzctl seed --demo\` site served by \`fanzctl serve\` (no nginx). Mobile: Lighthouse's ` +
      `default (Moto G Power, simulated slow 4G, 4x CPU); desktop: its desktop preset. Transfer: every byte fetched ` +
      `on a first visit (cold cache), compressed as sent. The feed is signed in through a session cookie sent with ` +
      `every request (Lighthouse's \`extraHeaders\`). Each row is the median of ${runs} runs by performance score ` +
      `(the range in brackets).`,
    "",
    "| page | device | performance | accessibility | best practices | transfer KiB | requests | FCP ms | LCP ms | TBT ms | CLS |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.page} | ${r.device} | ${r.scores.performance} (${r.perfRange[0]}–${r.perfRange[1]}) | ${r.scores.accessibility} | ${r.scores["best-practices"]} | ` +
        `${r.transferKiB.toFixed(1)} | ${r.requests} | ${fmtInt(r.fcpMs)} | ${fmtInt(r.lcpMs)} | ${fmtInt(r.tbtMs)} | ${r.cls.toFixed(3)} |`,
    ),
    "",
    `- Targets: mobile performance >= 95 and accessibility 100 on these three pages; first visit of the landing page under 100 KiB.`,
    ...rows
      .filter((r) => r.misses.length)
      .map((r) => `- ${r.page}, ${r.device}: audits below 0.9: ${r.misses.join(", ")}.`),
    "- Rerun: `node --import tsx bench/lighthouse.ts` (seeds its own demo site; needs Chromium at /usr/bin/chromium or CHROMIUM_PATH).",
  ];
  const block = lines.join("\n");
  console.log(block);
  if (!args["no-write"])
    writeResultsBlock("bench/RESULTS.md", "lighthouse", "Web quality: Lighthouse", block);
}

await main();
