// Media processing cost against bare tools, measured in the same run:
// (a) images: the worker's task function (`processImage`, run in this process) on N generated ~12 MP
//     photos vs a hand-written sharp script writing the same files (variants as WebP + JPEG, the blurred
//     preview); runs alternate image by image so drifting machine load hits both alike. Then the full
//     path (upload -> job queue -> piscina worker -> ready) through the real app, per image.
// (b) video: the worker's `processVideo` on a generated 10 s 1280x720 clip vs the exact ffmpeg rendition
//     commands it runs, spawned directly; alternated R times, medians reported.
// Wall time and CPU time (this process's threads plus reaped ffmpeg children, from /proc/self/stat) are
// both reported: on a shared machine wall times swing with other load, CPU times much less.
//   npm run bench:pipeline [-- --images 8 --video-runs 5 --no-write]
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { IMAGE_VARIANTS, processImage } from "../src/workers/image.worker.ts";
import { processVideo, RENDITION_HEIGHTS } from "../src/workers/video.worker.ts";
import { startTestApp } from "../tests/helpers/api.ts";
import { fmt, machineFacts, writeResultsBlock } from "./lib.ts";

const { values: args } = parseArgs({
  options: {
    images: { type: "string", default: "8" },
    "video-runs": { type: "string", default: "5" },
    "no-write": { type: "boolean", default: false },
  },
});
const IMAGES = Math.max(1, Number(args.images));
const VIDEO_RUNS = Math.max(1, Number(args["video-runs"]));
const FFMPEG = "/usr/bin/ffmpeg";
const PHOTO = { width: 4000, height: 3000 };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const overhead = (x: number, base: number) => `${x >= base ? "+" : ""}${fmt((100 * (x - base)) / base, 1)} %`;

/** A photo-like 12 MP JPEG: smooth shapes from upscaled noise plus per-pixel grain (seeded per image). */
async function makePhoto(seed: number, file: string): Promise<void> {
  let s = seed * 2654435761 + 1;
  const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 24) & 0xff;
  const coarse = Buffer.alloc(80 * 60 * 3);
  for (let i = 0; i < coarse.length; i++) coarse[i] = rnd();
  const smooth = await sharp(coarse, { raw: { width: 80, height: 60, channels: 3 } })
    .resize(PHOTO.width, PHOTO.height)
    .blur(8)
    .raw()
    .toBuffer();
  for (let i = 0; i < smooth.length; i++)
    smooth[i] = Math.max(0, Math.min(255, smooth[i]! + (rnd() >> 4) - 8));
  await sharp(smooth, { raw: { ...PHOTO, channels: 3 } })
    .jpeg({ quality: 90 })
    .toFile(file);
}

/** The same files as processImage (no watermark), written the plainest way with sharp. */
async function bareSharp(input: string, outDir: string): Promise<void> {
  for (const [name, max] of Object.entries(IMAGE_VARIANTS)) {
    const base = sharp(input)
      .rotate()
      .resize({ width: max, height: max, fit: "inside", withoutEnlargement: true });
    await base
      .clone()
      .webp({ quality: 82 })
      .toFile(join(outDir, `${name}.webp`));
    await base
      .clone()
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 84, mozjpeg: true })
      .toFile(join(outDir, `${name}.jpg`));
  }
  await sharp(input)
    .rotate()
    .resize({ width: 64, height: 64, fit: "inside", withoutEnlargement: true })
    .blur(3)
    .webp({ quality: 50 })
    .toFile(join(outDir, "preview.webp"));
}

interface Sample {
  /** Wall time, ms. */
  ms: number;
  /** CPU time of this process (all threads) and of the child processes it reaped (ffmpeg), ms. */
  cpu: number;
}

let clockTick = 0;
/** From /proc/self/stat: utime + stime + cutime + cstime. */
function cpuNow(): number {
  clockTick ||= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  const stat = readFileSync("/proc/self/stat", "utf8");
  const f = stat
    .slice(stat.lastIndexOf(")") + 2)
    .split(" ")
    .map(Number);
  return ((f[11]! + f[12]! + f[13]! + f[14]!) * 1000) / clockTick;
}

async function timed(fn: () => Promise<unknown>): Promise<Sample> {
  const c0 = cpuNow();
  const t0 = performance.now();
  await fn();
  return { ms: performance.now() - t0, cpu: cpuNow() - c0 };
}

const sum = (...xs: Sample[]): Sample => ({
  ms: xs.reduce((a, x) => a + x.ms, 0),
  cpu: xs.reduce((a, x) => a + x.cpu, 0),
});

function fresh(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function imageBench(work: string) {
  const photos: string[] = [];
  for (let i = 0; i < IMAGES; i++) {
    const file = join(work, `photo${i}.jpg`);
    await makePhoto(i + 1, file);
    photos.push(file);
  }
  const photoBytes = mean(photos.map((p) => readFileSync(p).length));
  // Warm-up of both paths (libvips caches, code paths), not measured.
  await processImage({ kind: "image", input: photos[0]!, outDir: fresh(join(work, "w")), watermark: null });
  await bareSharp(photos[0]!, fresh(join(work, "b")));

  const worker: Sample[] = [];
  const bare: Sample[] = [];
  for (const [i, input] of photos.entries()) {
    // Alternate which goes first, so neither always runs on a warmer page cache.
    const runWorker = async () => {
      const outDir = fresh(join(work, "w"));
      worker.push(
        await timed(async () => {
          const r = await processImage({ kind: "image", input, outDir, watermark: null });
          if (!r.ok) throw new Error(r.reason);
        }),
      );
    };
    const runBare = async () => {
      bare.push(await timed(() => bareSharp(input, fresh(join(work, "b")))));
    };
    if (i % 2) {
      await runBare();
      await runWorker();
    } else {
      await runWorker();
      await runBare();
    }
  }
  const wFiles = readdirSync(join(work, "w")).sort();
  const bFiles = readdirSync(join(work, "b")).sort();
  if (wFiles.join() !== bFiles.join()) throw new Error(`outputs differ: ${wFiles} vs ${bFiles}`);

  // The full path through the app: HTTP upload, sniff, job queue, piscina worker thread, DB update.
  const app = await startTestApp({ jobs: true, env: { FANZ_JOBS__WORKERS: "1" } });
  const full: Sample[] = [];
  const uploadOnly: number[] = [];
  try {
    const creator = await app.creator("pipelinebench", { priceCents: 500 });
    const uploadReady = async (file: string) => {
      const c0 = cpuNow();
      const t0 = performance.now();
      const up = await app.upload(creator, readFileSync(file), "photo.jpg");
      if (up.status !== 201) throw new Error(`upload: ${up.status} ${JSON.stringify(up.body)}`);
      const uploaded = performance.now() - t0;
      for (;;) {
        const m = (await app.get(`/api/v1/media/${up.body.media.id}`, creator.token)).body.media;
        if (m.status === "ready") break;
        if (m.status !== "processing") throw new Error(`processing failed: ${m.reason}`);
        if (performance.now() - t0 > 120_000) throw new Error("not ready after 120 s");
        await new Promise((r) => setTimeout(r, 25));
      }
      return { total: { ms: performance.now() - t0, cpu: cpuNow() - c0 }, uploaded };
    };
    await uploadReady(photos[0]!); // starts the worker thread
    for (const p of photos) {
      const r = await uploadReady(p);
      full.push(r.total);
      uploadOnly.push(r.uploaded);
    }
  } finally {
    await app.close();
  }
  return { worker, bare, full, uploadOnly, photoBytes };
}

/** The worker's ffmpeg arguments for one rendition (src/workers/video.worker.ts), audio present. */
function renditionArgs(input: string, outDir: string, h: number): string[] {
  const name = `${h}p`;
  return [
    ...["-hide_banner", "-nostdin", "-y", "-i", input, "-map", "0:v:0"],
    ...["-map", "0:a:0", "-c:a", "aac", "-b:a", "128k", "-ac", "2"],
    ...["-vf", `scale=-2:${h}`, "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "main"],
    ...["-pix_fmt", "yuv420p", "-crf", "23", "-g", "48", "-keyint_min", "48", "-sc_threshold", "0"],
    ...["-map_metadata", "-1", "-f", "hls", "-hls_time", "4", "-hls_playlist_type", "vod"],
    ...["-hls_segment_filename", join(outDir, `${name}_%04d.ts`), "-progress", "pipe:1", "-nostats"],
    join(outDir, `${name}.m3u8`),
  ];
}

function ffmpeg(argv: string[]): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(FFMPEG, argv, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    child.once("error", fail);
    child.once("close", (code) => (code === 0 ? ok() : fail(new Error(`ffmpeg exited ${code}: ${err}`))));
  });
}

async function videoBench(work: string) {
  const input = join(work, "clip.mp4");
  await ffmpeg([
    ...["-hide_banner", "-loglevel", "error", "-y"],
    ...["-f", "lavfi", "-i", "testsrc=size=1280x720:rate=24:duration=10"],
    ...["-f", "lavfi", "-i", "sine=frequency=440:duration=10"],
    ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"],
    input,
  ]);
  const worker: Sample[] = [];
  const bare: Sample[] = [];
  const poster: Sample[] = [];
  const allSteps: Sample[] = [];
  const runWorker = async () => {
    const outDir = fresh(join(work, "vw"));
    worker.push(
      await timed(async () => {
        const r = await processVideo({ kind: "video", input, outDir, ffmpeg: FFMPEG });
        if (!r.ok) throw new Error(r.reason);
      }),
    );
  };
  const runBare = async () => {
    const outDir = fresh(join(work, "vb"));
    bare.push(
      await timed(async () => {
        for (const h of RENDITION_HEIGHTS) await ffmpeg(renditionArgs(input, outDir, h));
      }),
    );
    // Every other step of the worker done bare too: probe, poster frame, the three poster images.
    const frame = join(outDir, "poster-frame.png");
    const probe = await timed(() => ffmpeg(["-hide_banner", "-nostdin", "-i", input]).catch(() => undefined));
    const posterRun = await timed(() =>
      ffmpeg(["-hide_banner", "-nostdin", "-y", "-ss", "1.00", "-i", input, "-frames:v", "1", frame]),
    );
    const stills = await timed(async () => {
      for (const [n, q, blur] of [
        [1280, 80, false],
        [320, 80, false],
        [64, 50, true],
      ] as const) {
        let p = sharp(frame).resize({ width: n, height: n, fit: "inside", withoutEnlargement: true });
        if (blur) p = p.blur(3);
        await p.webp({ quality: q }).toFile(join(outDir, `still${n}.webp`));
      }
    });
    poster.push(posterRun);
    allSteps.push(sum(bare.at(-1)!, probe, posterRun, stills));
  };
  for (let i = 0; i < VIDEO_RUNS; i++) {
    if (i % 2) {
      await runBare();
      await runWorker();
    } else {
      await runWorker();
      await runBare();
    }
  }
  const segs = (dir: string) => readdirSync(join(work, dir)).filter((f) => /^\d+p(_\d+\.ts|\.m3u8)$/.test(f));
  if (segs("vw").sort().join() !== segs("vb").sort().join()) throw new Error("video outputs differ");
  return { worker, bare, poster, allSteps };
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), "fanz-bench-pipeline-"));
  const m = machineFacts();
  const load0 = loadavg()[0] ?? 0;
  try {
    const img = await imageBench(work);
    const loadMid = loadavg()[0] ?? 0;
    const vid = await videoBench(work);
    const load1 = loadavg()[0] ?? 0;
    const ms = (xs: Sample[]) => median(xs.map((x) => x.ms));
    const cpu = (xs: Sample[]) => median(xs.map((x) => x.cpu));
    const row = (name: string, xs: Sample[], base: Sample[] | null, div = 1, digits = 0) =>
      `| ${name} | ${fmt(ms(xs) / div, digits)} | ${fmt(cpu(xs) / div, digits)} | ` +
      (base ? `${overhead(ms(xs), ms(base))} | ${overhead(cpu(xs), cpu(base))} |` : "— | — |");
    const iOver = (ms(img.worker) - ms(img.bare)) / ms(img.bare);
    const iOverCpu = (cpu(img.worker) - cpu(img.bare)) / cpu(img.bare);
    const vOver = (ms(vid.worker) - ms(vid.bare)) / ms(vid.bare);
    const vOverCpu = (cpu(vid.worker) - cpu(vid.bare)) / cpu(vid.bare);
    const paired = (a: Sample[], b: Sample[], k: keyof Sample) => {
      const r = median(a.map((x, i) => x[k] / b[i]![k]));
      return `${r >= 1 ? "+" : ""}${fmt(100 * (r - 1), 1)} %`;
    };
    const verdict = (x: number, target: number) =>
      `${x >= 0 ? "+" : ""}${fmt(100 * x, 1)} %: ${x < target ? "met" : "missed"}`;
    const block = [
      `Run ${new Date().toISOString()} on ${m.nproc} CPUs, ${m.cpu}, Node ${m.node}, ${m.os}; sharp ${sharp.versions.sharp ?? "?"} (libvips ${sharp.versions.vips}, concurrency 1 as the worker module sets it, for both sides), ${FFMPEG}. 1-min load average: ${fmt(load0)} at start, ${fmt(loadMid)} after images, ${fmt(load1)} at the end (2 CPUs: above ~2 means other work shared them, which inflates wall times; CPU times are steadier).`,
      "",
      `Images: ${IMAGES} generated ${PHOTO.width}x${PHOTO.height} JPEGs (mean ${fmt(img.photoBytes / 1048576, 1)} MB), no watermark; outputs thumb/feed/full as WebP + JPEG and the 64 px blurred preview (7 files). Medians per image; runs alternate image by image.`,
      "",
      "| images | wall ms/image | CPU ms/image | wall vs baseline | CPU vs baseline |",
      "| --- | ---: | ---: | ---: | ---: |",
      row("baseline: hand-written sharp, same 7 files", img.bare, null),
      row("worker task `processImage`, in-process", img.worker, img.bare),
      row(
        "full path: upload -> sniff -> job queue -> piscina worker (1 thread) -> ready, polled every 25 ms (the polling GETs count in its CPU)",
        img.full,
        img.bare,
      ),
      `| of which the upload until its 201 (HTTP, streaming to disk, sniff, header check) | ${fmt(median(img.uploadOnly), 0)} | | | |`,
      "",
      `Video: a generated 10 s 1280x720 24 fps H.264/AAC clip -> HLS 360p + 720p (libx264 veryfast, crf 23); ${VIDEO_RUNS} alternating runs, medians; CPU includes the ffmpeg children.`,
      "",
      "| video | wall s | CPU s | wall vs baseline | CPU vs baseline |",
      "| --- | ---: | ---: | ---: | ---: |",
      row("baseline: the worker's two rendition ffmpeg commands, spawned directly", vid.bare, null, 1000, 2),
      row(
        "worker task `processVideo`, in-process (probe, both renditions, master playlist, poster frame, 3 sharp stills)",
        vid.worker,
        vid.bare,
        1000,
        2,
      ),
      row(
        "every step of the worker done bare (probe, renditions, poster frame, 3 sharp stills)",
        vid.allSteps,
        vid.bare,
        1000,
        2,
      ),
      "",
      `- Wall times per run: images worker ${img.worker.map((x) => fmt(x.ms, 0)).join(", ")} ms vs baseline ${img.bare.map((x) => fmt(x.ms, 0)).join(", ")} ms; video worker ${vid.worker.map((x) => fmt(x.ms / 1000)).join(", ")} s vs baseline ${vid.bare.map((x) => fmt(x.ms / 1000)).join(", ")} s.`,
      `- Targets: image task overhead < 20 % (wall ${verdict(iOver, 0.2)}; CPU ${verdict(iOverCpu, 0.2)}), video task overhead < 10 % (wall ${verdict(vOver, 0.1)}; CPU ${verdict(vOverCpu, 0.1)}).`,
      `- Paired per image (worker / baseline on the same photo, median): wall ${paired(img.worker, img.bare, "ms")}, CPU ${paired(img.worker, img.bare, "cpu")}; per video run: wall ${paired(vid.worker, vid.bare, "ms")}, CPU ${paired(vid.worker, vid.bare, "cpu")}.`,
      `- The worker's poster-frame ffmpeg command alone: ${fmt(ms(vid.poster), 0)} ms wall (median).`,
      "- Rerun: `npm run bench:pipeline` (`-- --images 8 --video-runs 5`; `--no-write` only prints).",
    ].join("\n");
    console.log(block);
    if (!args["no-write"])
      writeResultsBlock(join(import.meta.dirname, "RESULTS.md"), "media-pipeline", "Media pipeline", block);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
