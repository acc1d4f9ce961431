// Main-thread blocking on a first visit, in Chromium with a 4x CPU slowdown (what Lighthouse's mobile run
// applies), measured from the browser's own trace rather than Lighthouse's simulation: the longest task
// and the blocking time (each task's time over 50 ms, summed) of the renderer's main thread. Several
// running sites (e.g. two checkouts serving copies of one demo data dir) are measured alternately, so
// an A/B shares the machine's state.
//   node --import tsx bench/main-thread.ts --base http://127.0.0.1:8098 --base http://127.0.0.1:8099
//        [--path /ava_lens] [--cookie SESSION_TOKEN] [--runs 4]
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const { values: args } = parseArgs({
  options: {
    base: { type: "string", multiple: true, default: [] },
    path: { type: "string", default: "/" },
    cookie: { type: "string" },
    runs: { type: "string", default: "4" },
  },
});
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

interface TraceEvent {
  name: string;
  tid: number;
  ts: number;
  dur?: number;
  ph: string;
}

async function measure(url: string): Promise<{ longest: number; blocking: number }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  try {
    const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
    if (args.cookie)
      await ctx.addCookies([{ name: "fanz_session", value: args.cookie, url: new URL(url).origin }]);
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    const events: TraceEvent[] = [];
    cdp.on("Tracing.dataCollected", (d) => events.push(...(d.value as unknown as TraceEvent[])));
    await cdp.send("Tracing.start", {
      categories: "devtools.timeline,disabled-by-default-devtools.timeline",
      transferMode: "ReportEvents",
    });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForTimeout(5000);
    const done = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.end");
    await done;
    // The renderer's main thread is the one that parses the HTML.
    const parsing = new Map<number, number>();
    for (const e of events) if (e.name === "ParseHTML") parsing.set(e.tid, (parsing.get(e.tid) ?? 0) + 1);
    const main = [...parsing].sort((a, b) => b[1] - a[1])[0]?.[0];
    const tasks = events
      .filter((e) => e.name === "RunTask" && e.tid === main)
      .map((e) => (e.dur ?? 0) / 1000);
    return {
      longest: Math.max(0, ...tasks),
      blocking: tasks.reduce((sum, ms) => sum + Math.max(0, ms - 50), 0),
    };
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results = new Map<string, { longest: number[]; blocking: number[] }>(
  args.base.map((b) => [b, { longest: [], blocking: [] }]),
);
for (let run = 0; run < Number(args.runs); run++) {
  for (const base of run % 2 ? [...args.base].reverse() : args.base) {
    const r = await measure(base + args.path);
    results.get(base)!.longest.push(r.longest);
    results.get(base)!.blocking.push(r.blocking);
  }
}
console.log(`| site | path | longest task ms (median) | blocking ms (median) | blocking ms, each run |`);
console.log(`| --- | --- | ---: | ---: | --- |`);
for (const [base, r] of results)
  console.log(
    `| ${base} | ${args.path} | ${median(r.longest).toFixed(0)} | ${median(r.blocking).toFixed(0)} | ${r.blocking.map((b) => b.toFixed(0)).join(", ")} |`,
  );
