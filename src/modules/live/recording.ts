// After a stream ends (and the reconnect window passed without the publisher coming back), the
// `live.finalize` job: with `record` on, the whole-stream playlist of the source rendition is joined into
// one MP4 (stream copy, no re-encoding) and filed in the creator's vault like an upload, so the media
// pipeline makes its HLS renditions and poster; a draft post carrying it is linked as the stream's
// `recordingPostId`, for the creator to publish or delete. Then the stream's live files are removed.
import { spawn } from "node:child_process";
import { appendFile, readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { AppContext } from "../../context.ts";
import { newId } from "../../lib/ids.ts";
import { findFfmpeg } from "../../lib/ffmpeg.ts";
import type { JobHandler } from "../../jobs/registry.ts";
import type { MediaService } from "../media/service.ts";
import type { PostsService } from "../posts/service.ts";
import type { LiveService } from "./service.ts";

function run(ffmpeg: string, args: string[]): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(ffmpeg, ["-hide_banner", "-nostdin", "-loglevel", "error", ...args], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-1000)));
    child.once("error", fail);
    child.once("exit", (code) => (code === 0 ? ok() : fail(new Error(`ffmpeg exited ${code}: ${err}`))));
  });
}

export function finalizeJobHandler(
  ctx: AppContext,
  deps: {
    live: Pick<LiveService, "stream" | "updateRecording">;
    media: Pick<MediaService, "importFile">;
    posts: Pick<PostsService, "create">;
  },
): JobHandler {
  return {
    async run(payload) {
      const { streamId } = payload as { streamId: string };
      const dir = join(ctx.paths.live, streamId);
      const row = await deps.live.stream(streamId);
      // Live again (the publisher came back): its next end queues another finalize.
      if (row?.status === "live") return { skipped: "live" };
      if (row?.status === "ended" && row.record && row.recording !== "done") {
        const playlist = join(dir, "src", "index.m3u8");
        const text = await readFile(playlist, "utf8").catch(() => null);
        if (text === null || !text.includes(".ts")) {
          await deps.live.updateRecording(streamId, { recording: "failed" });
        } else {
          // A crash leaves the playlist open: close it, or ffmpeg would wait for more segments.
          if (!text.includes("#EXT-X-ENDLIST")) await appendFile(playlist, "#EXT-X-ENDLIST\n");
          const ffmpeg = findFfmpeg(ctx.config.media.ffmpeg_path).found;
          if (!ffmpeg) throw new Error("no ffmpeg for the recording");
          const out = join(ctx.paths.tmp, `${newId()}.recording.mp4`);
          try {
            await run(ffmpeg.path, ["-i", playlist, "-c", "copy", "-movflags", "+faststart", "-y", out]);
            await stat(out);
            const owner = { id: row.creatorId, role: "creator" as const };
            const medium = await deps.media.importFile(owner, out, `${row.title}.mp4`.slice(0, 200));
            const post = await deps.posts.create(owner, {
              text: row.title,
              visibility: row.access === "public" ? "public" : "subscribers",
              draft: true,
              mediaIds: [medium.id],
            });
            await deps.live.updateRecording(streamId, { recording: "done", recordingPostId: post.id });
          } finally {
            await rm(out, { force: true });
          }
        }
      }
      await rm(dir, { recursive: true, force: true });
      return { done: true };
    },
  };
}
