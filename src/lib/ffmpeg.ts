// Which ffmpeg Fanz uses, found in this order: config media.ffmpeg_path, env FFMPEG_PATH, `ffmpeg` on
// PATH, and last the static build inside the npm package @ffmpeg-installer/ffmpeg (old, but it has libx264
// and the HLS muxer, so `npm ci && npm start` works on a machine without a system ffmpeg). Checked by
// running `-version` (a path that does not run is skipped, with the reason kept).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { runtimeRequire } from "./runtime.ts";

export interface FfmpegInfo {
  path: string;
  source: "config" | "env" | "path" | "bundled";
  version: string;
}

export interface FfmpegLookup {
  found: FfmpegInfo | null;
  /** Candidates that did not work, for /readyz and doctor. */
  problems: string[];
}

function probe(path: string): string | null {
  const r = spawnSync(path, ["-hide_banner", "-version"], { encoding: "utf8", timeout: 10_000 });
  if (r.status !== 0 || typeof r.stdout !== "string") return null;
  return /^ffmpeg version (\S+)/.exec(r.stdout)?.[1] ?? "unknown";
}

/** The binary shipped in @ffmpeg-installer's platform package, if that package is installed here. */
function bundledFfmpeg(): string | null {
  try {
    return (runtimeRequire("@ffmpeg-installer/ffmpeg") as { path: string }).path;
  } catch {
    return null;
  }
}

export function findFfmpeg(configured: string, env: NodeJS.ProcessEnv = process.env): FfmpegLookup {
  const candidates: [string, FfmpegInfo["source"]][] = [];
  if (configured) candidates.push([configured, "config"]);
  if (env.FFMPEG_PATH) candidates.push([env.FFMPEG_PATH, "env"]);
  const onPath = (env.PATH ?? "")
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, "ffmpeg"))
    .find((p) => existsSync(p));
  if (onPath) candidates.push([onPath, "path"]);
  const bundled = bundledFfmpeg();
  if (bundled) candidates.push([bundled, "bundled"]);
  const problems: string[] = onPath ? [] : ["path: no ffmpeg on PATH"];
  for (const [path, source] of candidates) {
    const version = probe(path);
    if (version) return { found: { path, source, version }, problems };
    problems.push(`${source} ${path}: does not run`);
  }
  return { found: null, problems };
}
