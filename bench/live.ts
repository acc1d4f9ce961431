// Live streaming figures, each against a baseline taken in the same run:
//  1. publish -> first segment an entitled viewer can fetch (playlist polled every 50 ms), against a bare
//     ffmpeg cutting the same input into HLS on disk (no RTMP, no app);
//  2. CPU per stream with 1, 4 and 8 simultaneous streams transmuxed (`-c copy`), and 1 with the 480p
//     transcode on: the transmuxers' ffmpeg plus the app's own share (RTMP parsing and fan-out), against
//     bare `ffmpeg -c copy -f hls` processes doing the same cut;
//  3. segment throughput to simulated viewers (autocannon, entitled session) through nginx with
//     auth_request, and from the app itself, against nginx serving the same files without auth.
// Publishers send a pre-encoded 720p30 clip (2.5 Mbit/s, keyframe every second) in real time with
// `-c copy`, so they cost next to nothing and the machine's cores go to what is measured.
//   npm run bench:live [-- --no-write]
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startApp, type AppProcess } from "../tests/helpers/app-process.ts";
import { testFfmpeg } from "../tests/helpers/ffmpeg.ts";
import { startNginx } from "../tests/helpers/nginx.ts";
import { fmt, fmtInt, machineFacts, processCpuMs, runLoad, sleep, writeResultsBlock } from "./lib.ts";

const { values: args } = parseArgs({ options: { "no-write": { type: "boolean", default: false } } });
const FFMPEG = testFfmpeg();
const WINDOW_S = 15;
const LATENCY_RUNS = 5;
const CONNECTIONS = 50;
const LOAD_S = 10;

const run = (argv: string[]) =>
  spawn(FFMPEG, ["-hide_banner", "-loglevel", "error", ...argv], { stdio: "ignore" });
const exited = (c: ChildProcess) =>
  c.exitCode !== null ? Promise.resolve() : new Promise<void>((ok) => c.once("exit", () => ok()));
async function stopAll(children: ChildProcess[]) {
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  await Promise.all(children.map(exited));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function makeClip(dir: string): Promise<string> {
  const clip = join(dir, "clip.flv");
  const c = run([
    "-f",
    "lavfi",
    "-i",
    "testsrc2=size=1280x720:rate=30",
    "-f",
    "lavfi",
    "-i",
    "sine=frequency=440:sample_rate=44100",
    "-c:v",
    "libx264",
    "-preset",
    "veryfast",
    "-b:v",
    "2500k",
    "-maxrate",
    "2500k",
    "-bufsize",
    "5000k",
    "-g",
    "30",
    "-pix_fmt",
    "yuv420p",
    "-c:a",
    "aac",
    "-b:a",
    "128k",
    "-t",
    "40",
    "-f",
    "flv",
    clip,
  ]);
  await exited(c);
  if (!existsSync(clip)) throw new Error("could not make the clip");
  return clip;
}

const publish = (clip: string, url: string) =>
  run(["-re", "-stream_loop", "-1", "-i", clip, "-c", "copy", "-f", "flv", url]);
const bareHls = (clip: string, dir: string) => {
  mkdirSync(dir, { recursive: true });
  return run([
    "-re",
    "-stream_loop",
    "-1",
    "-i",
    clip,
    "-map",
    "0",
    "-c",
    "copy",
    "-f",
    "hls",
    "-hls_time",
    "1",
    "-hls_list_size",
    "0",
    "-hls_segment_filename",
    join(dir, "%d.ts"),
    join(dir, "index.m3u8"),
  ]);
};

/** The pids of running ffmpeg processes whose command line mentions `text`. */
function ffmpegPids(text: string): number[] {
  const out: number[] = [];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, "utf8").split("\0");
      if (cmd[0]?.endsWith("ffmpeg") && cmd.some((a: string) => a.includes(text))) out.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return out;
}

/** CPU (ms) the processes use over the window, as a share of one core. */
async function cpuShare(pids: () => number[]): Promise<number> {
  const before = new Map(pids().map((p) => [p, processCpuMs(p) ?? 0]));
  const t0 = Date.now();
  await sleep(WINDOW_S * 1000);
  let used = 0;
  for (const [p, ms] of before) used += (processCpuMs(p) ?? ms) - ms;
  return used / (Date.now() - t0);
}

/** The few fields of the API's answers the benchmark reads. */
interface Answer {
  token: string;
  streamKey: string;
  rtmpUrl: string;
  stream?: { id: string; status: string } | null;
}

interface Site {
  app: AppProcess;
  keys: string[];
  rtmp: string;
  token: string;
  api(path: string, body?: unknown, token?: string): Promise<Answer>;
}

async function site(creators: number, env: Record<string, string> = {}): Promise<Site> {
  const app = await startApp({ env: { FANZ_LOG__LEVEL: "error", ...env } });
  const api = async (path: string, body?: unknown, token?: string) => {
    const res = await fetch(app.baseUrl + path, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await res.json()) as Answer;
  };
  await api("/api/v1/setup", {
    token: app.setupToken(),
    siteName: "Bench",
    admin: { email: "a@example.com", username: "admin", password: "admin-password-1" },
  });
  const admin = (await api("/api/v1/auth/login", { email: "a@example.com", password: "admin-password-1" }))
    .token;
  const keys: string[] = [];
  let rtmp = "";
  for (let i = 0; i < creators; i++) {
    const { token } = await api("/api/v1/auth/signup", {
      email: `c${i}@example.com`,
      username: `livebench${i}`,
      password: "password-123",
      ageConfirmed: true,
    });
    await fetch(`${app.baseUrl}/api/v1/creators/me`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ priceCents: 500 }),
    });
    const k = await api("/api/v1/live/key", undefined, token);
    keys.push(k.streamKey);
    rtmp = k.rtmpUrl.replace("localhost", "127.0.0.1");
  }
  return { app, keys, rtmp, token: admin, api };
}

async function liveStreamOf(s: Site, i: number): Promise<string> {
  for (;;) {
    const r = await s.api(`/api/v1/creators/livebench${i}/live`, undefined, s.token);
    if (r.stream?.status === "live") return r.stream.id as string;
    await sleep(50);
  }
}

async function firstSegmentMs(
  s: Site,
  clip: string,
  i: number,
): Promise<{ ms: number; pub: ChildProcess; id: string }> {
  const t0 = Date.now();
  const pub = publish(clip, `${s.rtmp}/${s.keys[i]}`);
  const id = await liveStreamOf(s, i);
  for (;;) {
    const r = await fetch(`${s.app.baseUrl}/live-hls/${id}/src/index.m3u8`, {
      headers: { authorization: `Bearer ${s.token}` },
    });
    if (r.status === 200 && /^\d+\.ts$/m.test(await r.text())) return { ms: Date.now() - t0, pub, id };
    await sleep(50);
  }
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), "fanz-live-bench-"));
  const load = loadavg()[0] ?? 0;
  const clip = await makeClip(work);
  const s = await site(8, { FANZ_LIVE__RECONNECT_SECONDS: "0" });
  const liveDir = join(s.app.dataDir, "live");
  const rows: string[] = [];
  try {
    // 1. Latency.
    const bare: number[] = [];
    const fanz: number[] = [];
    for (let r = 0; r < LATENCY_RUNS; r++) {
      const dir = join(work, `lat${r}`);
      const t0 = Date.now();
      const c = bareHls(clip, dir);
      while (!existsSync(join(dir, "index.m3u8"))) await sleep(20);
      bare.push(Date.now() - t0);
      await stopAll([c]);
      const got = await firstSegmentMs(s, clip, 0);
      fanz.push(got.ms);
      await stopAll([got.pub]);
      while ((await s.api("/api/v1/creators/livebench0/live", undefined, s.token)).stream) await sleep(100);
    }

    // 2. CPU per stream. The app's own background (scheduler, viewer counts) first, with no stream.
    const idleBefore = processCpuMs(s.app.child.pid) ?? 0;
    const idleT0 = Date.now();
    await sleep(WINDOW_S * 1000);
    const appIdle = ((processCpuMs(s.app.child.pid) ?? 0) - idleBefore) / (Date.now() - idleT0);
    const cpu: { n: number; bare: number; fanz: number; app: number }[] = [];
    for (const n of [1, 4, 8]) {
      const baseDir = join(work, `cpu${n}`);
      const bares = Array.from({ length: n }, (_, i) => bareHls(clip, join(baseDir, String(i))));
      await sleep(3000);
      const bareShare = await cpuShare(() => bares.map((c) => c.pid!));
      await stopAll(bares);
      rmSync(baseDir, { recursive: true, force: true });

      const pubs = Array.from({ length: n }, (_, i) => publish(clip, `${s.rtmp}/${s.keys[i]}`));
      for (let i = 0; i < n; i++) await liveStreamOf(s, i);
      await sleep(3000);
      const appBefore = processCpuMs(s.app.child.pid) ?? 0;
      const t0 = Date.now();
      const tmShare = await cpuShare(() => ffmpegPids(liveDir));
      const appShare = ((processCpuMs(s.app.child.pid) ?? 0) - appBefore) / (Date.now() - t0);
      cpu.push({ n, bare: bareShare / n, fanz: tmShare / n, app: Math.max(0, appShare - appIdle) / n });
      await stopAll(pubs);
      for (let i = 0; i < n; i++)
        while ((await s.api(`/api/v1/creators/livebench${i}/live`, undefined, s.token)).stream)
          await sleep(100);
    }

    // 3. Segment throughput, one stream live.
    const { pub, id } = await firstSegmentMs(s, clip, 0);
    await sleep(3000);
    const playlist = await (
      await fetch(`${s.app.baseUrl}/live-hls/${id}/src/index.m3u8`, {
        headers: { authorization: `Bearer ${s.token}` },
      })
    ).text();
    const seg = playlist.split("\n").filter((l) => /^\d+\.ts$/.test(l))[0]!;
    const path = `/live-hls/${id}/src/${seg}`;
    const nginx = await startNginx({
      appPort: s.app.port,
      mediaDir: join(s.app.dataDir, "media"),
      extraServer: `server { listen 127.0.0.1:{{PORT}}; location ^~ /live-hls/ { alias ${liveDir}/; types { video/mp2t ts; } } }`,
    });
    const headers = { authorization: `Bearer ${s.token}` };
    const measure = async (url: string, h: Record<string, string> = {}) => {
      const probe = await fetch(url, { headers: h });
      if (probe.status !== 200) throw new Error(`${url} answered ${probe.status}`);
      await runLoad({ url, connections: CONNECTIONS, duration: 2, headers: h });
      return runLoad({ url, connections: CONNECTIONS, duration: LOAD_S, headers: h });
    };
    const segBytes = (await (await fetch(nginx.extraBase! + path)).arrayBuffer()).byteLength;
    const baseline = await measure(nginx.extraBase! + path);
    const guarded = await measure(nginx.base + path, headers);
    const inProcess = await measure(s.app.baseUrl + path, headers);
    await nginx.stop();
    await stopAll([pub]);

    // The transcode, on its own site.
    const t = await site(1, { FANZ_LIVE__TRANSCODE: "true" });
    let transcode = 0;
    try {
      const p = publish(clip, `${t.rtmp}/${t.keys[0]}`);
      await liveStreamOf(t, 0);
      await sleep(3000);
      transcode = await cpuShare(() => ffmpegPids(join(t.app.dataDir, "live")));
      await stopAll([p]);
    } finally {
      await t.app.stop();
    }

    const m = machineFacts();
    const pct = (x: number) => `${fmt(100 * x, 1)} %`;
    const loadRow = (name: string, r: Awaited<ReturnType<typeof runLoad>>) =>
      `| ${name} | ${fmtInt(r.requests.average)} | ${fmt((r.requests.average * segBytes * 8) / 1e9, 2)} | ${r.latency.p50} | ${r.latency.p99} | ${r.non2xx} | ${fmt((100 * r.requests.average) / baseline.requests.average, 1)} % |`;
    rows.push(
      `Run ${new Date().toISOString()} on ${m.nproc} CPUs, ${m.cpu}, Node ${m.node}; 1-min load average ${fmt(load, 2)} at the start. Input: a 720p30 H.264 clip at 2.5 Mbit/s with AAC, keyframe every second, published in real time with \`-c copy\`; segments of 1 s.`,
      "",
      `**Publish -> first segment** (median of ${LATENCY_RUNS}; Fanz: from starting the publisher to the first segment listed in the playlist an entitled viewer fetches): Fanz ${fmtInt(median(fanz))} ms (runs ${fanz.join(", ")}); baseline, a bare ffmpeg writing HLS from the same input: ${fmtInt(median(bare))} ms (${bare.join(", ")}). Target: under 6,000 ms.`,
      "",
      `**CPU per stream** (share of one core over ${WINDOW_S} s; Fanz = the stream's ffmpeg + its share of the app process above the app's idle ${pct(appIdle)}):`,
      "",
      "| streams | Fanz transmuxer | + app (ingest) | Fanz total | baseline: bare ffmpeg -c copy -f hls |",
      "| ---: | ---: | ---: | ---: | ---: |",
      ...cpu.map(
        (c) => `| ${c.n} | ${pct(c.fanz)} | ${pct(c.app)} | ${pct(c.fanz + c.app)} | ${pct(c.bare)} |`,
      ),
      `| 1, \`[live] transcode\` on (source copied + 480p libx264 veryfast) | ${pct(transcode)} | | | |`,
      "",
      `**Segment throughput** (one ${fmtInt(segBytes)}-byte segment, ${CONNECTIONS} connections, ${LOAD_S} s after a 2 s warm-up, entitled session):`,
      "",
      "| path | req/s | Gbit/s | p50 ms | p99 ms | non-2xx | vs baseline |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
      loadRow("baseline: nginx serving the segment, no auth", baseline),
      loadRow("nginx + `auth_request` to `/internal/live-auth`", guarded),
      loadRow("in-process: the app streams the segment itself", inProcess),
      "",
      ...(Math.abs(guarded.requests.average / baseline.requests.average - 1) < 0.05
        ? [
            "- The two nginx rows are equal: at this rate the load generator (one Node process on the same 2 cores) is the limit, and the auth_request check costs nothing measurable.",
          ]
        : []),
      "- Rerun: `npm run bench:live` (needs ffmpeg and nginx).",
    );
    const block = rows.join("\n");
    console.log(block);
    if (!args["no-write"])
      writeResultsBlock(join(import.meta.dirname, "RESULTS.md"), "live", "Live streaming", block);
  } finally {
    await s.app.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
