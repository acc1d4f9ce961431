// The ffmpeg video tests use to make clips and to read what the app produced. Found the way the app finds
// it (config, FFMPEG_PATH, PATH, then the static build inside @ffmpeg-installer/ffmpeg), so a video test
// runs wherever the app can process video and fails, never skips, where it cannot. Only ffmpeg itself
// is used (no ffprobe): the bundled build ships ffmpeg alone.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { findFfmpeg } from "../../src/lib/ffmpeg.ts";

const execFileAsync = promisify(execFile);

/** The ffmpeg binary's path; throws, saying why, when there is none. */
export function testFfmpeg(): string {
  const { found, problems } = findFfmpeg("");
  if (!found) throw new Error(`No ffmpeg for the video tests (${problems.join("; ")}); run npm ci.`);
  return found.path;
}

export interface Probed {
  /** The demuxer ffmpeg chose: "hls", "mpegts", "mov,mp4,m4a,3gp,3g2,mj2"… */
  format: string;
  durationSec: number;
  streams: { type: "video" | "audio"; codec: string; width?: number; height?: number }[];
}

/**
 * What ffmpeg reads from a file or URL: container, duration and streams. It reads the input to the end
 * (copied to a null output), so a playlist whose segments cannot be fetched or parsed fails. `headers` go
 * with every HTTP request it makes (the playlist and each segment).
 */
export async function probe(input: string, headers?: Record<string, string>): Promise<Probed> {
  const headerArgs = headers
    ? [
        "-headers",
        Object.entries(headers)
          .map(([k, v]) => `${k}: ${v}\r\n`)
          .join(""),
      ]
    : [];
  // Asynchronous: in integration tests the server answering ffmpeg runs in this process.
  const { stderr } = await execFileAsync(
    testFfmpeg(),
    ["-hide_banner", "-nostdin", ...headerArgs, "-i", input, "-map", "0", "-c", "copy", "-f", "null", "-"],
    { encoding: "utf8", timeout: 60_000 },
  );
  // Only the input's description: what follows describes the output.
  const described = stderr.split(/^Output #0|^Stream mapping:/m)[0]!;
  const format = /^Input #0, (.+?), from /m.exec(described)?.[1];
  const d = /^\s*Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)/m.exec(described);
  if (!format || !d) throw new Error(`ffmpeg did not describe ${input}:\n${stderr}`);
  const streams = [...described.matchAll(/^\s*Stream #0:\d+.*?: (Video|Audio): (\w+)(.*)$/gm)].map((m) => {
    const size = /, (\d+)x(\d+)(?=[ ,]|$)/.exec(m[3]!);
    return {
      type: m[1] === "Video" ? ("video" as const) : ("audio" as const),
      codec: m[2]!,
      ...(size ? { width: Number(size[1]), height: Number(size[2]) } : {}),
    };
  });
  return { format, durationSec: Number(d[1]) * 3600 + Number(d[2]) * 60 + Number(d[3]), streams };
}
