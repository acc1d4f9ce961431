// Publishing to the RTMP ingest as OBS would: ffmpeg sends a test pattern (a keyframe every second) with
// a tone, in real time, for `seconds` or until stopped.
import { spawn, type ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";
import { testFfmpeg } from "./ffmpeg.ts";

export interface Publisher {
  child: ChildProcess;
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

export function publishTestPattern(
  rtmpUrl: string,
  streamKey: string,
  opts: { seconds?: number; size?: string } = {},
): Publisher {
  const child = spawn(
    testFfmpeg(),
    [
      "-hide_banner",
      "-loglevel",
      "error",
      "-re",
      "-f",
      "lavfi",
      "-i",
      `testsrc=size=${opts.size ?? "640x360"}:rate=30`,
      "-f",
      "lavfi",
      "-i",
      "sine=frequency=440:sample_rate=44100",
      "-c:v",
      "libx264",
      "-preset",
      "ultrafast",
      "-tune",
      "zerolatency",
      "-g",
      "30",
      "-pix_fmt",
      "yuv420p",
      "-c:a",
      "aac",
      "-b:a",
      "64k",
      "-t",
      String(opts.seconds ?? 60),
      "-f",
      "flv",
      `${rtmpUrl}/${streamKey}`,
    ],
    { stdio: ["ignore", "ignore", "ignore"] },
  );
  const exited = new Promise<number | null>((ok) => child.once("exit", (code) => ok(code)));
  return {
    child,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

/** The command lines of running ffmpeg processes that mention `text` (e.g. a stream's directory). */
export function ffmpegProcesses(text: string): string[] {
  const out = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" });
  return out.split("\n").filter((l) => l.includes("ffmpeg") && l.includes(text));
}
