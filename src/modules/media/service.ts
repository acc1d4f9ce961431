// Media: streamed uploads into the creator's vault, processing into delivery variants (on the job queue
// and the worker pool), attachment to posts, and the per-request access decision for delivery (asked of
// the entitlement function). Originals are never served: viewers only get re-encoded variants, so
// whatever else an uploaded file carries (EXIF, GPS, an appended payload) never leaves the server.
import { createReadStream } from "node:fs";
import { mkdir, open, readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import sharp from "sharp";
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import {
  AppError,
  Forbidden,
  Invalid,
  NotFound,
  Unauthorized,
  UnsupportedMediaType,
} from "../../lib/errors.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import { newId, isId } from "../../lib/ids.ts";
import { configuredCache } from "../../lib/cache.ts";
import { port } from "../../lib/port.ts";
import { DAY, HOUR } from "../../lib/clock.ts";
import { findFfmpeg, type FfmpegLookup } from "../../lib/ffmpeg.ts";
import type { Incoming, StoredFile } from "../../lib/storage/index.ts";
import type { JobQueue } from "../../jobs/queue.ts";
import type { RateLimitService } from "../ratelimit/service.ts";
import type { SiteService } from "../site/service.ts";
import type { EntitlementViewer, UsersService } from "../users/service.ts";
import { DRAIN_CAP, discard, receiveFile, tooLarge, type ReceivedFile } from "./multipart.ts";
import { mediaOrphans } from "./orphans.ts";
import { createMediaPrivacy } from "./privacy.ts";
import { createProcessingHandler } from "./processing.ts";
import { createProfileImages, type ProfilePurpose, type ProfileUpload } from "./profile-images.ts";
import { mediaRepo } from "./repo.ts";
import { sniffUpload } from "./sniff.ts";
import { view, type MediaView, type OwnMediaView } from "./views.ts";

export type { MediaUrls, MediaView, OwnMediaView } from "./views.ts";
import type { MediaRow } from "./tables.ts";

/** Multipart framing and small fields around the file. */
const MULTIPART_SLACK = 64 * 1024;
export const MAX_MEDIA_PER_POST = 20;
const PROCESS_JOB = "media.process";
const HLS_FILE = /^(?:\d{3,4}p\.m3u8|\d{3,4}p_\d{4,6}\.ts)$/;
/**
 * Without a local file (the bucket driver) an image's header is checked in memory when the whole file
 * fits in these first bytes; a longer one is left to processing, which fails an unreadable image with a
 * reason (nothing of it is ever served).
 */
const HEAD_CHECK_BYTES = 1024 * 1024;
/** A client's file name made safe to show: no path, no control characters, bounded length. */
export function sanitizeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const clean = base
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/^\.+/, "")
    .trim()
    .slice(0, 200);
  return clean || "upload";
}

/**
 * Who may see a vault medium: decided by what carries it, posts and messages (their modules and
 * entitlement sit above media, so each answers through a gate connected at composition). Avatars and
 * banners are public and never ask.
 */
export type MediaGate = (
  viewer: EntitlementViewer | null,
  media: { id: string; ownerId: string },
) => Promise<"full" | "preview" | "none">;

/** Throws 451 when the owner blocks the viewer's country (entitlement's rule, connected at composition). */
export type MediaGeoGate = (
  viewer: EntitlementViewer | null,
  country: string | null,
  ownerId: string,
) => Promise<void>;

export function createMediaService(
  ctx: AppContext,
  deps: {
    jobs: Pick<JobQueue, "enqueue" | "progressOf">;
    rateLimit: Pick<RateLimitService, "consume">;
    site: Pick<SiteService, "settings">;
    users: Pick<UsersService, "byId">;
  },
) {
  const { jobs, rateLimit } = deps;
  const gates: MediaGate[] = [];
  const geoGate = port<MediaGeoGate>("media.geoGate");
  const now = () => ctx.clock.now();
  const maxPostBytes = ctx.config.media.max_upload_mb * 1024 * 1024;
  const maxProfileBytes = ctx.config.media.max_profile_image_mb * 1024 * 1024;
  let ffmpegLookup: { at: number; result: FfmpegLookup } | null = null;
  /** Looked up on first need (a video job or /readyz); while missing, again at most once a minute. */
  const ffmpeg = (): FfmpegLookup => {
    const t = Date.now();
    if (!ffmpegLookup || (!ffmpegLookup.result.found && t - ffmpegLookup.at > 60_000))
      ffmpegLookup = { at: t, result: findFfmpeg(ctx.config.media.ffmpeg_path) };
    return ffmpegLookup.result;
  };

  // Every post on every page asks for its media: the links and rows are cached, and forgotten when a
  // write to them ends (attach, processing done or failed).
  const linksOfPost = configuredCache<string[]>(ctx, "media.postLinks", 20_000);
  const rowsById = configuredCache<MediaRow>(ctx, "media.rows", 20_000);
  async function updateRow(tx: DrizzleDb, id: string, patch: Partial<Omit<MediaRow, "id">>): Promise<void> {
    await mediaRepo.update(tx, id, patch);
    ctx.db.onTxEnd(tx, () => rowsById.delete(id));
  }
  const profileImages = createProfileImages(ctx, rowsById, updateRow);

  const ownView = async (row: MediaRow): Promise<OwnMediaView> => ({
    ...view(row, "full"),
    progress: row.status === "processing" && row.jobId ? ((await jobs.progressOf(row.jobId)) ?? 0) : null,
    fileName: row.originalName,
    sizeBytes: row.sizeBytes,
    mime: row.mime,
    createdAt: row.createdAt,
  });

  async function accessTo(
    viewer: EntitlementViewer | null,
    row: MediaRow,
  ): Promise<"full" | "preview" | "none"> {
    if (row.purpose !== "post") return "full";
    if (viewer && (viewer.id === row.ownerId || viewer.role === "admin")) return "full";
    let best: "full" | "preview" | "none" = "none";
    for (const gate of gates) {
      const level = await gate(viewer, row);
      if (level === "full") return level;
      if (level === "preview") best = level;
    }
    return best;
  }

  /** Views of the media each carrier (post, message) links to, in order, at its access level. */
  // The views of a cached row, made once per row object and level: the same objects come back until the row
  // is forgotten, which lets the posts module reuse a post's serialised form while its media are unchanged.
  const viewMemo = new WeakMap<MediaRow, Partial<Record<"full" | "preview", MediaView>>>();
  function memoView(row: MediaRow, level: "full" | "preview"): MediaView {
    let memo = viewMemo.get(row);
    if (!memo) viewMemo.set(row, (memo = {}));
    return (memo[level] ??= Object.freeze(view(row, level)));
  }

  async function viewsOf(
    links: Map<string, string[]>,
    locked: Set<string>,
  ): Promise<Map<string, MediaView[]>> {
    const out = new Map<string, MediaView[]>();
    const mediaIds = [...links.values()].flat();
    if (mediaIds.length === 0) return out;
    const rows = await rowsById.getMany(mediaIds, async (missing) =>
      (await mediaRepo.byIds(ctx.db.read, missing)).map((r) => [r.id, r] as const),
    );
    for (const [carrier, ids] of links) {
      const level = locked.has(carrier) ? "preview" : "full";
      const list = ids.flatMap((id) => {
        const row = rows.get(id);
        return row ? [memoView(row, level)] : [];
      });
      if (list.length > 0) out.set(carrier, list);
    }
    return out;
  }

  /** The owner's own, not failed, vault media, each listed once. */
  async function checkAttachable(
    tx: DrizzleDb,
    ownerId: string,
    mediaIds: string[],
    to: "post" | "message",
  ): Promise<void> {
    if (new Set(mediaIds).size !== mediaIds.length) {
      throw new Invalid("The same media is listed twice.", { fields: { mediaIds: "Duplicates" } });
    }
    const rows = new Map((await mediaRepo.byIds(tx, mediaIds)).map((r) => [r.id, r]));
    for (const id of mediaIds) {
      const r = rows.get(id);
      if (!r || r.ownerId !== ownerId) {
        throw new Invalid("Attach only media from your own vault.", {
          fields: { mediaIds: `Unknown media ${id}` },
        });
      }
      if (r.purpose !== "post") {
        throw new Invalid(`A profile image cannot be attached to a ${to}.`, {
          fields: { mediaIds: `Profile image ${id}` },
        });
      }
      if (r.status === "failed") {
        throw new Invalid(
          `This media failed to process and cannot be ${to === "post" ? "posted" : "sent"}.`,
          {
            fields: { mediaIds: `Failed media ${id}` },
          },
        );
      }
    }
  }

  const processingHandler = () =>
    createProcessingHandler(ctx, { ffmpeg, updateRow, profileImages, site: deps.site, users: deps.users });

  /** The refusal is the answer; what could not be removed has no row, so the orphan sweep takes it later. */
  const discardQuietly = (incoming: Incoming) =>
    incoming
      .discard()
      .catch((err: unknown) =>
        ctx.logger.warn("could not remove a refused upload's file", { err: String(err) }),
      );

  /** Checks what an uploaded (or imported) file really is, files it under its media id and queues processing. */
  async function fileInVault(
    viewer: EntitlementViewer,
    id: string,
    incoming: Incoming,
    received: ReceivedFile,
    profile?: ProfileUpload,
  ): Promise<OwnMediaView> {
    let row: MediaRow;
    try {
      const sniffed = sniffUpload(received.head, Boolean(profile));
      if (sniffed instanceof UnsupportedMediaType) throw sniffed;
      // The header must parse (this also refuses files that only start like an image). It is read from
      // the whole file: the local one, or the bytes kept in memory when they are all of it.
      const whole = incoming.localPath ?? (received.size <= received.head.length ? received.head : null);
      if (sniffed.kind === "image" && whole) {
        await sharp(whole)
          .metadata()
          .catch(() => {
            throw new UnsupportedMediaType("This image cannot be read.");
          });
      }
      await incoming.commit();
      const t = now();
      row = {
        id,
        ownerId: viewer.id,
        kind: sniffed.kind,
        mime: sniffed.mime,
        sizeBytes: received.size,
        originalName: sanitizeFileName(received.fileName),
        status: "processing",
        purpose: profile?.purpose ?? "post",
        failureReason: null,
        width: null,
        height: null,
        durationMs: null,
        files: null,
        jobId: null,
        createdAt: t,
        updatedAt: t,
      };
      const r = row;
      await ctx.db.write(async (tx) => {
        // The job starts only once this transaction commits, so the row is there when it runs.
        r.jobId = await jobs.enqueue(
          tx,
          PROCESS_JOB,
          profile ? { mediaId: id, purpose: profile.purpose, crop: profile.crop } : { mediaId: id },
        );
        await mediaRepo.insert(tx, r);
      });
    } catch (err) {
      await discardQuietly(incoming);
      throw err;
    }
    return ownView(row);
  }

  /** Bytes kept from the start of an upload: enough to sniff, or to check an image header in memory. */
  const headBytes = () => (ctx.storage.localDir ? undefined : HEAD_CHECK_BYTES);

  const orphans = mediaOrphans(ctx);

  return {
    /** GDPR: the person's media for an export, and their erasure (privacy.ts). */
    privacy: createMediaPrivacy(ctx, { rowsById, linksOfPost }),
    processingHandler,
    ffmpeg,
    /** Media directories without a row, past the grace period (doctor reports them). */
    orphanDirs: orphans.find,
    /** Scheduler step and `fanzctl doctor --fix`: removes those directories. */
    removeOrphanDirs: orphans.remove,

    /**
     * Scheduler step: removes what a crash left behind for more than a day: partial uploads and worker
     * copies in data_dir/tmp, unfinished multipart uploads in the bucket.
     */
    async cleanStaleUploads(): Promise<number> {
      const names = await readdir(ctx.paths.tmp).catch(() => [] as string[]);
      let removed = 0;
      for (const name of names) {
        if (!name.endsWith(".upload") && !name.endsWith(".work")) continue;
        const file = join(ctx.paths.tmp, name);
        const st = await stat(file).catch(() => null);
        if (st && Date.now() - st.mtimeMs > DAY) {
          await rm(file, { recursive: true, force: true });
          removed++;
        }
      }
      return removed + (await ctx.storage.abortStaleUploads(DAY));
    },

    /**
     * Streams an upload to disk, checks what it really is, files it in the vault and queues processing.
     * With `profile`: a creator's avatar or banner (images only, the smaller size limit, outside the vault).
     * Only creators upload; the caller says whether the viewer is one (creators sit above media).
     */
    async upload(
      viewer: EntitlementViewer & { isCreator: boolean },
      req: UploadRequest,
      profile?: ProfileUpload,
    ): Promise<OwnMediaView> {
      const maxBytes = profile ? maxProfileBytes : maxPostBytes;
      const declared = Number(req.contentLength);
      // Refusals before reading: drain what the client is still sending (bounded) so it reads our answer.
      const refuse = async (err: AppError): Promise<never> => {
        if (req.body && !(Number.isFinite(declared) && declared > maxBytes + DRAIN_CAP))
          await discard(req.body.getReader());
        else await req.body?.cancel().catch(() => undefined);
        throw err;
      };
      if (!viewer.isCreator) {
        await refuse(new Forbidden("Set up your creator profile before uploading.", "not_a_creator"));
      }
      if (req.contentLength && Number.isFinite(declared) && declared > maxBytes + MULTIPART_SLACK) {
        await refuse(tooLarge(maxBytes));
      }
      const limitKey = `upload:${viewer.id}`;
      const limit = { max: ctx.config.media.uploads_per_hour, windowMs: HOUR };
      try {
        await rateLimit.consume([[limitKey, limit]], "Too many uploads; try again later.");
      } catch (err) {
        await refuse(err as AppError);
      }
      const id = newId();
      await mkdir(ctx.paths.tmp, { recursive: true });
      let incoming: Incoming | null = null;
      const received = await receiveFile(
        req.body,
        req.contentType,
        () => (incoming = ctx.storage.receive(`${id}/original`, maxBytes)),
        maxBytes,
        {
          headBytes: headBytes(),
          // Not media by its first bytes: nothing more is stored (the answer still waits for the end).
          check: (head) => {
            const sniffed = sniffUpload(head, Boolean(profile));
            return sniffed instanceof UnsupportedMediaType ? sniffed : null;
          },
        },
      );
      return fileInVault(viewer, id, incoming!, received, profile);
    },

    /**
     * Files a local file (e.g. generated demo images) in the creator's vault as if it was uploaded.
     * The file is taken: stored like an upload, then removed.
     */
    async importFile(viewer: EntitlementViewer, path: string, fileName: string): Promise<OwnMediaView> {
      const id = newId();
      await mkdir(ctx.paths.tmp, { recursive: true });
      const size = (await stat(path)).size;
      const head = Buffer.alloc(Math.min(size, headBytes() ?? 64));
      const fh = await open(path, "r");
      try {
        await fh.read(head, 0, head.length, 0);
      } finally {
        await fh.close();
      }
      const incoming = ctx.storage.receive(`${id}/original`);
      try {
        await pipeline(createReadStream(path), incoming.writable);
      } catch (err) {
        await discardQuietly(incoming);
        throw err;
      }
      await rm(path, { force: true });
      return fileInVault(viewer, id, incoming, { fileName, size, head });
    },

    /** One medium as this viewer may see it: the owner's full view, a viewer's full or locked view. */
    async get(viewer: EntitlementViewer | null, id: string): Promise<MediaView | OwnMediaView> {
      const row = await mediaRepo.byId(ctx.db.read, id);
      if (!row) throw new NotFound("Media");
      if (viewer?.id === row.ownerId) return ownView(row);
      const level = await accessTo(viewer, row);
      if (level === "none") throw new NotFound("Media");
      return view(row, level);
    },

    /** The creator's own uploads, newest first. */
    async vault(viewer: EntitlementViewer, cursor: Cursor | null, limit: number) {
      const rows = await mediaRepo.byOwner(ctx.db.read, viewer.id, cursor, limit + 1);
      const p = page(rows, limit, (r) => ({ key: r.createdAt, id: r.id }));
      return { items: await Promise.all(p.items.map(ownView)), nextCursor: p.nextCursor };
    },

    /** Sets a post's media (in order) inside the post's transaction: the owner's own, not failed, media. */
    async attachToPost(tx: DrizzleDb, ownerId: string, postId: string, mediaIds: string[]): Promise<void> {
      await checkAttachable(tx, ownerId, mediaIds, "post");
      await mediaRepo.setAttachments(tx, postId, mediaIds);
      ctx.db.onTxEnd(tx, () => linksOfPost.delete(postId));
    },
    /** Attaches media (in order) to new messages inside their transaction, on the same terms as posts. */
    async attachToMessages(
      tx: DrizzleDb,
      ownerId: string,
      messageIds: string[],
      mediaIds: string[],
    ): Promise<void> {
      if (mediaIds.length === 0 || messageIds.length === 0) return;
      await checkAttachable(tx, ownerId, mediaIds, "message");
      await mediaRepo.attachToMessages(tx, messageIds, mediaIds);
    },
    /** Which of these media the owner may still attach (a welcome or mass message sent later). */
    async attachableIds(tx: DrizzleDb, ownerId: string, mediaIds: string[]): Promise<string[]> {
      const rows = new Map((await mediaRepo.byIds(tx, mediaIds)).map((r) => [r.id, r]));
      return mediaIds.filter((id) => {
        const r = rows.get(id);
        return r && r.ownerId === ownerId && r.purpose === "post" && r.status !== "failed";
      });
    },

    /** Connects an access rule for vault media (composition root: posts and messages answer it). */
    connectGate(g: MediaGate): void {
      gates.push(g);
    },
    /** Connects the geo-blocking rule (entitlement.assertGeoAllowed). */
    connectGeoGate: (g: MediaGeoGate): void => geoGate.connect(g),

    /** Which of these media ids have a row (`fanzctl storage migrate` copies only those). */
    existingIds: (ids: string[]) => mediaRepo.existingIds(ctx.db.read, ids),

    /** The ids of the posts a medium is attached to (for the post-media gate). */
    postIdsOf: (mediaId: string) => mediaRepo.postIdsOf(ctx.db.read, mediaId),
    /** The ids of the messages a medium is attached to (for the message-media gate). */
    messageIdsOf: (mediaId: string) => mediaRepo.messageIdsOf(ctx.db.read, mediaId),

    /** Ready avatars / banners by media id, for creator and author cards. */
    profileImages: (ids: string[], tx?: DrizzleDb) => profileImages.images(ids, tx),
    /** The profile points at `keepId` now (inside that write): the owner's other avatars (or banners) go. */
    supersedeProfileImages: (tx: DrizzleDb, ownerId: string, purpose: ProfilePurpose, keepId: string) =>
      profileImages.supersede(tx, ownerId, purpose, keepId),
    /** Removes the owner's avatars (or banners) and their files, inside the caller's write. */
    removeProfileImages: (tx: DrizzleDb, ownerId: string, purpose: ProfilePurpose) =>
      profileImages.removeAll(tx, ownerId, purpose),

    /** Each post's media as the viewer may see it: locked posts show blurred previews only. */
    async forPosts(postIds: string[], locked: Set<string>): Promise<Map<string, MediaView[]>> {
      const links = await linksOfPost.getMany(postIds, async (missing) => {
        const found = new Map<string, string[]>(missing.map((id) => [id, []]));
        for (const l of await mediaRepo.attachmentsOf(ctx.db.read, missing))
          found.get(l.postId)!.push(l.mediaId);
        return found;
      });
      return viewsOf(links, locked);
    },

    /** These media, in order, at one access level (a message being sent: its links are not committed yet). */
    async viewsOfIds(mediaIds: string[], level: "full" | "preview"): Promise<MediaView[]> {
      const views = await viewsOf(new Map([["", mediaIds]]), level === "preview" ? new Set([""]) : new Set());
      return views.get("") ?? [];
    },

    /** Each message's media as the viewer may see it: locked (unbought PPV) ones show previews only. */
    async forMessages(messageIds: string[], locked: Set<string>): Promise<Map<string, MediaView[]>> {
      const links = new Map<string, string[]>();
      for (const l of await mediaRepo.messageAttachmentsOf(ctx.db.read, messageIds)) {
        const list = links.get(l.ownerId);
        if (list) list.push(l.mediaId);
        else links.set(l.ownerId, [l.mediaId]);
      }
      return viewsOf(links, locked);
    },

    /**
     * Delivery check for one file of a medium: the file name, resolved against what processing produced
     * (never a path from the request). Throws Unauthorized, Forbidden or NotFound as the viewer's rights dictate.
     *
     * The file is streamed by the process (or nginx) on both drivers, never handed out as a presigned
     * bucket URL: such a URL works for anyone who has it until it expires, HLS playlists name their
     * segments relative to the playlist's URL (a redirected playlist would send the player to the bucket
     * for unsigned segments), and the CSP keeps media at 'self'. The cost is the bucket's bandwidth
     * through the process.
     */
    async authorizeFile(
      viewer: EntitlementViewer | null,
      id: string,
      file: string,
      country: string | null = null,
    ): Promise<{ file: StoredFile; public: boolean }> {
      if (!isId(id)) throw new NotFound("Media");
      const row = await mediaRepo.byId(ctx.db.read, id);
      const files = row?.status === "ready" ? Object.entries(row.files ?? {}) : [];
      // HLS renditions and segments are named by the video worker; the pattern admits nothing else.
      const entry =
        files.find(([, name]) => name === file) ??
        (row?.kind === "video" && files.length > 0 && HLS_FILE.test(file)
          ? (["hls", file] as const)
          : undefined);
      if (!row || !entry) throw new NotFound("Media");
      // Avatars and banners stay public (they appear beside names everywhere); vault media are the content.
      if (row.purpose === "post") await geoGate.get()(viewer, country, row.ownerId);
      const level = await accessTo(viewer, row);
      const allowed = level === "full" || (level === "preview" && entry[0] === "preview");
      if (!allowed) {
        if (level === "none") throw new NotFound("Media");
        if (!viewer) throw new Unauthorized("Log in to see this media.");
        throw new Forbidden("Subscribe or unlock the post to see this media.", "not_entitled");
      }
      // Profile images are public and their URLs change with every upload: shared caches may keep them.
      return { file: ctx.storage.file(`${row.id}/${entry[1]}`), public: row.purpose !== "post" };
    },
  };
}

export type MediaService = ReturnType<typeof createMediaService>;

/** An upload as the route hands it over: the raw body, streamed, and the headers that frame it. */
export interface UploadRequest {
  body: ReadableStream<Uint8Array> | null;
  contentType?: string | undefined;
  contentLength?: string | undefined;
}
