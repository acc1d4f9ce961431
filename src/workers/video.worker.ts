// Video to HLS, run in a worker thread (which drives ffmpeg child processes): H.264/AAC renditions at
// 360p and 720p (never above the source), a master playlist, a poster and a blurred poster for locked
// posts. Pure: input file and ffmpeg path in, files in outDir out; progress goes back over a port.
import { spawn } from "node:child_process";
import { readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { MessagePort } from "node:worker_threads";
import sharp from "sharp";

export interface VideoTask {
  kind: "video";
  input: string;
  outDir: string;
  ffmpeg: string;
  /** Receives progress numbers 0..100. */
  progress?: MessagePort;
}

export type VideoResult =
  | { ok: true; width: number; height: number; durationMs: number; files: Record<string, string> }
  | { ok: false; reason: string };

export const RENDITION_HEIGHTS = [360, 720] as const;
/** ffmpeg steps may take long on big files, but a hung one must not hold the job forever. */
const STEP_TIMEOUT_MS = 60 * 60 * 1000;

interface Probe {
  width: number;
  height: number;
  durationMs: number;
  hasAudio: boolean;
}

function run(
  ffmpeg: string,
  args: string[],
  onStdout?: (line: string) => void,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, ["-hide_banner", "-nostdin", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let pending = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), STEP_TIMEOUT_MS);
    child.stderr.on("data", (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-20_000);
    });
    child.stdout.on("data", (d: Buffer) => {
      pending += d.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const l of lines) onStdout?.(l);
    });
    child.once("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/** Reads duration, display size and audio presence from `ffmpeg -i` (works with any ffmpeg build). */
export function parseProbe(stderr: string): Probe | null {
  const d = /Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(stderr);
  const v = /Stream #\d+:\d+[^\n]*: Video: [^\n]*?, (\d{2,5})x(\d{2,5})/.exec(stderr);
  if (!d || !v) return null;
  let width = Number(v[1]);
  let height = Number(v[2]);
  const rotation = /rotation of (-?\d+(?:\.\d+)?) degrees|rotate\s*:\s*(-?\d+)/.exec(stderr);
  const deg = Math.abs(Number(rotation?.[1] ?? rotation?.[2] ?? 0)) % 180;
  if (deg === 90) [width, height] = [height, width];
  const durationMs = Math.round((Number(d[1]) * 3600 + Number(d[2]) * 60 + Number(d[3])) * 1000);
  return { width, height, durationMs, hasAudio: /Stream #\d+:\d+[^\n]*: Audio: /.test(stderr) };
}

const lastLine = (stderr: string): string =>
  stderr
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("built with") && !l.startsWith("configuration:"))
    .slice(-1)[0]
    ?.slice(0, 300) ?? "unknown error";

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

export async function processVideo(task: VideoTask): Promise<VideoResult> {
  // Reasons are shown to the creator: never a server path.
  const firstError = (stderr: string): string =>
    lastLine(stderr).split(task.input).join("the file").split(task.outDir).join("output");
  const report = (p: number) => task.progress?.postMessage(Math.round(p));
  try {
    const probed = await run(task.ffmpeg, ["-i", task.input]);
    const info = parseProbe(probed.stderr);
    if (!info || info.durationMs <= 0) {
      return { ok: false, reason: `The video could not be read: ${firstError(probed.stderr)}` };
    }
    const heights: number[] = RENDITION_HEIGHTS.filter((h) => h <= info.height);
    if (heights.length === 0) heights.push(even(info.height));
    const variants: { height: number; width: number; bandwidth: number }[] = [];
    for (const [i, h] of heights.entries()) {
      const name = `${h}p`;
      const args = [
        "-y",
        "-i",
        task.input,
        "-map",
        "0:v:0",
        ...(info.hasAudio ? ["-map", "0:a:0", "-c:a", "aac", "-b:a", "128k", "-ac", "2"] : ["-an"]),
        "-vf",
        `scale=-2:${h}`,
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-profile:v",
        "main",
        "-pix_fmt",
        "yuv420p",
        "-crf",
        "23",
        "-g",
        "48",
        "-keyint_min",
        "48",
        "-sc_threshold",
        "0",
        "-map_metadata",
        "-1",
        "-f",
        "hls",
        "-hls_time",
        "4",
        "-hls_playlist_type",
        "vod",
        "-hls_segment_filename",
        join(task.outDir, `${name}_%04d.ts`),
        "-progress",
        "pipe:1",
        "-nostats",
        join(task.outDir, `${name}.m3u8`),
      ];
      const r = await run(task.ffmpeg, args, (line) => {
        const m = /^out_time_us=(\d+)/.exec(line);
        if (m) report(((i + Math.min(1, Number(m[1]) / 1000 / info.durationMs)) / heights.length) * 90);
      });
      if (r.code !== 0)
        return { ok: false, reason: `The video could not be converted: ${firstError(r.stderr)}` };
      const bytes = readdirSync(task.outDir)
        .filter((f) => f.startsWith(`${name}_`) && f.endsWith(".ts"))
        .reduce((sum, f) => sum + statSync(join(task.outDir, f)).size, 0);
      variants.push({
        height: h,
        width: even((info.width * h) / info.height),
        bandwidth: Math.max(1, Math.round((bytes * 8) / (info.durationMs / 1000))),
      });
    }
    writeFileSync(
      join(task.outDir, "master.m3u8"),
      "#EXTM3U\n#EXT-X-VERSION:3\n" +
        variants
          .map(
            (v) =>
              `#EXT-X-STREAM-INF:BANDWIDTH=${v.bandwidth},RESOLUTION=${v.width}x${v.height},` +
              `CODECS="avc1.4d401f${info.hasAudio ? ",mp4a.40.2" : ""}"\n${v.height}p.m3u8\n`,
          )
          .join(""),
    );

    const at = Math.min(1, info.durationMs / 2000).toFixed(2);
    const frame = join(task.outDir, "poster-frame.png");
    const pf = await run(task.ffmpeg, ["-y", "-ss", at, "-i", task.input, "-frames:v", "1", frame]);
    if (pf.code !== 0) return { ok: false, reason: `No poster frame: ${firstError(pf.stderr)}` };
    const box = (n: number) => ({ width: n, height: n, fit: "inside" as const, withoutEnlargement: true });
    await sharp(frame).resize(box(1280)).webp({ quality: 80 }).toFile(join(task.outDir, "poster.webp"));
    await sharp(frame).resize(box(320)).webp({ quality: 80 }).toFile(join(task.outDir, "thumb.webp"));
    await sharp(frame)
      .resize(box(64))
      .blur(3)
      .webp({ quality: 50 })
      .toFile(join(task.outDir, "preview.webp"));
    rmSync(frame, { force: true });
    report(100);
    return {
      ok: true,
      width: info.width,
      height: info.height,
      durationMs: info.durationMs,
      files: { hls: "master.m3u8", poster: "poster.webp", thumb: "thumb.webp", preview: "preview.webp" },
    };
  } finally {
    task.progress?.close();
  }
}
