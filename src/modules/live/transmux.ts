// The live HLS of one stream: our own ffmpeg reads the ingest's RTMP and writes, under the stream's
// directory, `src/` (the publisher's video and audio copied: no decoding, a few % of a core), optionally
// `low/` (a 480p rendition, transcoded: `[live] transcode`) and `poster.jpg` / `poster-blur.jpg` (a still
// every few seconds, decoded from keyframes only). Each rendition's playlist keeps every segment
// (`hls_list_size 0`): it is the recording, and the live playlist players get is its last few segments
// (hls.ts). A reconnect starts a new ffmpeg with `append_list`, so the same playlist and recording go on.
// `-rw_timeout`: without it ffmpeg waits forever when the publisher vanishes.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

export interface TransmuxOptions {
  ffmpeg: string;
  input: string;
  dir: string;
  segmentSeconds: number;
  transcode: boolean;
}

/** How long ffmpeg waits for data before it gives up on a publisher (microseconds). */
const READ_TIMEOUT_US = 5_000_000;
/** Seconds between poster stills. */
const POSTER_EVERY_S = 5;

export const RENDITIONS = {
  src: { name: "Source" },
  low: { name: "480p", width: 854, height: 480, videoKbps: 800, audioKbps: 96 },
} as const;
export type Rendition = keyof typeof RENDITIONS;

function hlsOutput(dir: string, rendition: Rendition, segmentSeconds: number): string[] {
  return [
    "-f",
    "hls",
    "-hls_time",
    String(segmentSeconds),
    "-hls_list_size",
    "0",
    "-hls_flags",
    "append_list+independent_segments+program_date_time",
    "-hls_segment_type",
    "mpegts",
    "-hls_segment_filename",
    join(dir, rendition, "%d.ts"),
    join(dir, rendition, "index.m3u8"),
  ];
}

export function transmuxArgs(o: TransmuxOptions): string[] {
  const low = RENDITIONS.low;
  const args = ["-hide_banner", "-loglevel", "error", "-nostats", "-rw_timeout", String(READ_TIMEOUT_US)];
  // Without a transcode the only decoding is the poster's: keyframes are enough for it.
  if (!o.transcode) args.push("-skip_frame", "nokey");
  args.push("-i", o.input);
  args.push("-map", "0:v:0", "-map", "0:a:0?", "-c", "copy", ...hlsOutput(o.dir, "src", o.segmentSeconds));
  if (o.transcode) {
    args.push(
      "-map",
      "0:v:0",
      "-map",
      "0:a:0?",
      "-c:v",
      "libx264",
      "-preset",
      "veryfast",
      "-tune",
      "zerolatency",
      "-vf",
      `scale=-2:${low.height}`,
      "-b:v",
      `${low.videoKbps}k`,
      "-maxrate",
      `${Math.round(low.videoKbps * 1.1)}k`,
      "-bufsize",
      `${low.videoKbps * 2}k`,
      "-force_key_frames",
      `expr:gte(t,n_forced*${o.segmentSeconds})`,
      "-c:a",
      "aac",
      "-b:a",
      `${low.audioKbps}k`,
      "-ac",
      "2",
      ...hlsOutput(o.dir, "low", o.segmentSeconds),
    );
  }
  args.push(
    "-filter_complex",
    `[0:v:0]fps=1/${POSTER_EVERY_S},scale=640:-2,split=2[p][q];[q]boxblur=24:2[b]`,
    "-map",
    "[p]",
    "-update",
    "1",
    "-q:v",
    "5",
    join(o.dir, "poster.jpg"),
    "-map",
    "[b]",
    "-update",
    "1",
    "-q:v",
    "8",
    join(o.dir, "poster-blur.jpg"),
  );
  return args;
}

export interface Transmuxer {
  child: ChildProcess;
  /** Resolves when ffmpeg has exited (with its code and the end of its error output). */
  exited: Promise<{ code: number | null; stderr: string }>;
  stop(): void;
}

export function startTransmux(o: TransmuxOptions): Transmuxer {
  mkdirSync(join(o.dir, "src"), { recursive: true });
  if (o.transcode) mkdirSync(join(o.dir, "low"), { recursive: true });
  const child = spawn(o.ffmpeg, transmuxArgs(o), { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2000);
  });
  const exited = new Promise<{ code: number | null; stderr: string }>((ok) => {
    child.once("exit", (code) => ok({ code, stderr }));
    child.once("error", (err) => ok({ code: -1, stderr: String(err) }));
  });
  return {
    child,
    exited,
    stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // "q" is not available (stdin ignored): SIGTERM lets ffmpeg finish the playlist; SIGKILL if it hangs.
      child.kill("SIGTERM");
      const hard = setTimeout(() => child.kill("SIGKILL"), 3000);
      hard.unref();
      void exited.then(() => clearTimeout(hard));
    },
  };
}
