// Creator avatars and banners as media: public, never in the vault, never on a post. The newest upload of
// each kind wins once it is processed; every other one (the replaced image, one superseded while it was
// processing, a failed one) is removed with its files once the profile points at the winner, so profile
// images leave no orphans and a profile never shows none in between.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import type { Cache } from "../../lib/cache.ts";
import { PermanentJobError } from "../../jobs/registry.ts";
import type { Crop, ProfileImageResult } from "../../workers/profile-image.worker.ts";
import { inWorkspace } from "./workspace.ts";
import { mediaRepo } from "./repo.ts";
import type { MediaRow } from "./tables.ts";

export type ProfilePurpose = "avatar" | "banner";

/** What the UI needs to show a profile image: the largest variant and a srcset to pick by size. */
export interface ProfileImage {
  url: string;
  srcset: string;
}

/** A creator's avatar or banner upload; `crop` is the region they chose (null: the centre). */
export interface ProfileUpload {
  purpose: ProfilePurpose;
  crop: Crop | null;
}

export const isProfilePurpose = (p: MediaRow["purpose"]): p is ProfilePurpose => p !== "post";

export function createProfileImages(
  ctx: AppContext,
  rowsById: Cache<string, MediaRow>,
  updateRow: (tx: DrizzleDb, id: string, patch: Partial<Omit<MediaRow, "id">>) => Promise<void>,
) {
  /** Files go once the removal is committed: a hook also runs after a rollback, so it checks first. */
  function removeFilesAfterCommit(tx: DrizzleDb, ids: string[]): void {
    ctx.db.onTxEnd(tx, () => {
      for (const id of ids) rowsById.delete(id);
      void (async () => {
        for (const id of ids) {
          if (await mediaRepo.byId(ctx.db.read, id)) continue;
          await ctx.storage.deletePrefix(`${id}/`);
        }
      })().catch((err: unknown) =>
        ctx.logger.warn("could not remove a profile image's files", { mediaIds: ids, err: String(err) }),
      );
    });
  }

  async function drop(tx: DrizzleDb, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await mediaRepo.deleteMany(tx, ids);
    removeFilesAfterCommit(tx, ids);
  }

  function image(row: MediaRow): ProfileImage | null {
    if (row.status !== "ready" || !row.files) return null;
    const sizes = Object.entries(row.files)
      .map(([key, file]) => ({ width: Number(/_(\d+)$/.exec(key)?.[1]), file }))
      .filter((s) => s.width > 0)
      .sort((a, b) => a.width - b.width);
    if (sizes.length === 0) return null;
    const url = (file: string) => `/media/${row.id}/${file}`;
    return {
      url: url(sizes.at(-1)!.file),
      srcset: sizes.map((s) => `${url(s.file)} ${s.width}w`).join(", "),
    };
  }

  return {
    /** The processing job's work: the pure worker cuts the variants from the original. */
    async process(id: string, purpose: ProfilePurpose, crop: Crop | null): Promise<ProfileImageResult> {
      const result = await inWorkspace(ctx.storage, id, (input, outDir) =>
        ctx.workers.run({ kind: "profile-image", shape: purpose, input, outDir, crop }),
      );
      if (!result.ok) throw new PermanentJobError(result.reason);
      return result;
    },

    /** Processing finished (inside the job's transaction): the newest upload becomes the profile image. */
    async settle(tx: DrizzleDb, row: MediaRow, result: ProfileImageResult & { ok: true }): Promise<void> {
      if (!isProfilePurpose(row.purpose)) return;
      const all = await mediaRepo.profileMediaOf(tx, row.ownerId, row.purpose);
      if (all[0]?.id !== row.id) {
        // A newer upload came in while this one was processing.
        await drop(tx, [row.id]);
        return;
      }
      await updateRow(tx, row.id, {
        status: "ready",
        failureReason: null,
        width: result.width,
        height: result.height,
        files: result.files,
        updatedAt: ctx.clock.now(),
      });
      // The replaced ones stay until the profile points at this one (supersede, in the consumer's
      // transaction): dropped here, readers would see no image between the two commits.
      await ctx.events.publish(tx, "media.ready", {
        mediaId: row.id,
        ownerId: row.ownerId,
        purpose: row.purpose,
      });
    },

    /**
     * The profile now shows `keepId` (inside the write that points it there): every other avatar (or
     * banner) of the owner goes with its files. Older ones still processing settle later and drop
     * themselves (no deleting under a worker).
     */
    async supersede(tx: DrizzleDb, ownerId: string, purpose: ProfilePurpose, keepId: string): Promise<void> {
      const all = await mediaRepo.profileMediaOf(tx, ownerId, purpose);
      await drop(
        tx,
        all.flatMap((r) => (r.id === keepId || r.status === "processing" ? [] : [r.id])),
      );
    },

    /** A processing job ended without its row (removed meanwhile): whatever it wrote goes too. */
    forgetFilesTx(tx: DrizzleDb, mediaId: string): void {
      removeFilesAfterCommit(tx, [mediaId]);
    },

    /** Removes every avatar (or banner) of the owner, processing ones included, inside the caller's write. */
    async removeAll(tx: DrizzleDb, ownerId: string, purpose: ProfilePurpose): Promise<void> {
      await drop(
        tx,
        (await mediaRepo.profileMediaOf(tx, ownerId, purpose)).map((r) => r.id),
      );
    },

    /** Ready profile images by media id (ids that are not ready, or unknown, are left out). */
    async images(ids: string[], tx?: DrizzleDb): Promise<Map<string, ProfileImage>> {
      const out = new Map<string, ProfileImage>();
      if (ids.length === 0) return out;
      // Inside a write the rows come from its transaction and bypass the cache (they may not be committed).
      const rows = tx
        ? new Map((await mediaRepo.byIds(tx, ids)).map((r) => [r.id, r] as const))
        : await rowsById.getMany(ids, async (missing) =>
            (await mediaRepo.byIds(ctx.db.read, missing)).map((r) => [r.id, r] as const),
          );
      for (const [id, row] of rows) {
        const img = image(row);
        if (img) out.set(id, img);
      }
      return out;
    },
  };
}
