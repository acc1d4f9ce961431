// The media processing job: an upload's original becomes its delivery variants on the worker pool
// (images: sharp; videos: ffmpeg to HLS with progress; avatars and banners: profile-images.ts). The
// worker is pure (local files in, local files out); this handler reads the row, gets the worker its files
// from the storage (`inWorkspace`), runs the task and records what it produced.
import { MessageChannel } from "node:worker_threads";
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import type { FfmpegLookup } from "../../lib/ffmpeg.ts";
import { PermanentJobError, type JobHandler } from "../../jobs/registry.ts";
import type { ImageResult } from "../../workers/image.worker.ts";
import type { VideoResult } from "../../workers/video.worker.ts";
import type { Crop, ProfileImageResult } from "../../workers/profile-image.worker.ts";
import { isProfilePurpose, type createProfileImages, type ProfilePurpose } from "./profile-images.ts";
import { mediaRepo } from "./repo.ts";
import { inWorkspace } from "./workspace.ts";
import type { MediaRow } from "./tables.ts";
import type { SiteService } from "../site/service.ts";
import type { UsersService } from "../users/service.ts";

export interface ProcessingDeps {
  site: Pick<SiteService, "settings">;
  users: Pick<UsersService, "byId">;
  ffmpeg: () => FfmpegLookup;
  updateRow: (tx: DrizzleDb, id: string, patch: Partial<Omit<MediaRow, "id">>) => Promise<void>;
  profileImages: ReturnType<typeof createProfileImages>;
}

export function createProcessingHandler(
  ctx: AppContext,
  { ffmpeg, updateRow, profileImages, site: siteService, users }: ProcessingDeps,
): JobHandler {
  const now = () => ctx.clock.now();

  async function watermarkText(ownerId: string): Promise<string | null> {
    const site = await siteService.settings();
    if (!site.watermark) return null;
    const owner = await users.byId(ownerId);
    return owner ? `${site.name} · @${owner.username}` : site.name;
  }

  return {
    async run(payload, job) {
      const { mediaId, crop } = payload as { mediaId: string; crop?: Crop | null };
      const row = await mediaRepo.byId(ctx.db.read, mediaId);
      if (!row) return { skipped: "media deleted" };
      if (isProfilePurpose(row.purpose)) return profileImages.process(row.id, row.purpose, crop ?? null);
      if (row.kind === "video") {
        const ff = ffmpeg().found;
        // Retried with backoff: the operator may install ffmpeg and the job then completes.
        if (!ff)
          throw new Error("ffmpeg is not available on this server; videos wait until it is installed.");
        const channel = new MessageChannel();
        channel.port1.on("message", (p: number) => job.progress(p));
        try {
          const video: VideoResult = await inWorkspace(ctx.storage, row.id, (input, outDir) =>
            ctx.workers.run({ kind: "video", input, outDir, ffmpeg: ff.path, progress: channel.port2 }, [
              channel.port2,
            ]),
          );
          if (!video.ok) throw new PermanentJobError(video.reason);
          return video;
        } finally {
          channel.port1.close();
        }
      }
      const watermark = await watermarkText(row.ownerId);
      const result: ImageResult = await inWorkspace(ctx.storage, row.id, (input, outDir) =>
        ctx.workers.run({ kind: "image", input, outDir, watermark }),
      );
      if (!result.ok) throw new PermanentJobError(result.reason);
      return result;
    },
    async onDone(tx, payload, result) {
      const { mediaId, purpose } = payload as { mediaId: string; purpose?: ProfilePurpose };
      const r = result as ImageResult | VideoResult | ProfileImageResult | { skipped: string };
      if (purpose) {
        const row = await mediaRepo.byId(tx, mediaId);
        if (row && "ok" in r && r.ok) await profileImages.settle(tx, row, r);
        else if (!row) profileImages.forgetFilesTx(tx, mediaId);
        return;
      }
      if (!("ok" in r) || !r.ok) return;
      await updateRow(tx, mediaId, {
        status: "ready",
        failureReason: null,
        width: r.width,
        height: r.height,
        durationMs: "durationMs" in r ? r.durationMs : null,
        files: r.files,
        updatedAt: now(),
      });
      const row = await mediaRepo.byId(tx, mediaId);
      if (row)
        await ctx.events.publish(tx, "media.ready", { mediaId, ownerId: row.ownerId, purpose: "post" });
    },
    async onFailed(tx, payload, reason) {
      const { mediaId, purpose } = payload as { mediaId: string; purpose?: ProfilePurpose };
      if (purpose && !(await mediaRepo.byId(tx, mediaId))) profileImages.forgetFilesTx(tx, mediaId);
      await updateRow(tx, mediaId, { status: "failed", failureReason: reason, updatedAt: now() });
    },
  };
}
