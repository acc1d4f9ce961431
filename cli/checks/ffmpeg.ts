// Doctor: the ffmpeg that video processing will use, found the way the server finds it.
import { findFfmpeg } from "../../src/lib/ffmpeg.ts";
import type { Check } from "./types.ts";

export const ffmpegCheck: Check = {
  title: "ffmpeg",
  run(ctx) {
    const { found, problems } = findFfmpeg(ctx.config.media.ffmpeg_path);
    if (!found) {
      return {
        status: "fail",
        message: `not found (${problems.join("; ")})`,
        suggestion:
          "Install it (apt-get install ffmpeg) or set media.ffmpeg_path; video uploads cannot be processed without it.",
      };
    }
    const message = `${found.version} at ${found.path} (${found.source})`;
    if (found.source === "bundled") {
      return {
        status: "warn",
        message,
        suggestion:
          "This is the old build bundled with npm; install the system one (apt-get install ffmpeg).",
      };
    }
    return { status: "pass", message };
  },
};
