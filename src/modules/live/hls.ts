// Live HLS delivery, always after the entitlement check: the master playlist (written here: the source
// and, with `[live] transcode`, the 480p rendition), each rendition's live playlist (the last few segments
// of ffmpeg's whole-stream playlist, numbered as ffmpeg numbered them, so a player moves on smoothly and a
// reconnect shows as a discontinuity), its segments, and the poster stills (the blurred one for anyone who
// may see the stream's card, the clear one only for those who may watch). Segment URLs carry nothing but
// the stream id: the session cookie goes with every request of hls.js (same origin), and nginx asks
// /internal/live-auth for each one before serving it from disk (no token to lose on fragment URLs).
import { readFile } from "node:fs/promises";
import type { AppContext } from "../../context.ts";
import { NotFound } from "../../lib/errors.ts";
import { localStorage } from "../../lib/storage/local.ts";
import type { StoredFile } from "../../lib/storage/types.ts";
import type { EntitlementService } from "../entitlement/service.ts";
import type { EntitlementViewer } from "../users/service.ts";
import type { LiveService } from "./service.ts";
import { gated } from "./views.ts";
import { RENDITIONS, type Rendition } from "./transmux.ts";

/** `<stream id>/<file>` under /live-hls/: what a path may name. */
const LIVE_PATH =
  /^([a-z2-7]{26})\/((?:(src|low)\/(index\.m3u8|\d{1,9}\.ts))|master\.m3u8|poster\.jpg|poster-blur\.jpg)$/;

export interface LivePath {
  streamId: string;
  file: string;
  rendition: Rendition | null;
}

export function parseLivePath(path: string): LivePath | null {
  const m = LIVE_PATH.exec(path);
  if (!m) return null;
  return { streamId: m[1]!, file: m[2]!, rendition: (m[3] as Rendition | undefined) ?? null };
}

/** The live window of a whole-stream playlist: its header, then the last `keep` segments. */
export function liveWindow(playlist: string, keep: number): string {
  const lines = playlist.split("\n").map((l) => l.trimEnd());
  const header: string[] = [];
  const segments: { lines: string[]; discontinuity: boolean }[] = [];
  let mediaSequence = 0;
  let pending: string[] = [];
  let discontinuity = false;
  let ended = false;
  for (const line of lines) {
    if (line === "") continue;
    if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) mediaSequence = Number(line.split(":")[1]) || 0;
    else if (line === "#EXT-X-ENDLIST") ended = true;
    else if (line === "#EXT-X-DISCONTINUITY") discontinuity = true;
    else if (line.startsWith("#EXTINF") || line.startsWith("#EXT-X-PROGRAM-DATE-TIME")) pending.push(line);
    else if (!line.startsWith("#")) {
      segments.push({ lines: [...pending, line], discontinuity });
      pending = [];
      discontinuity = false;
    } else if (segments.length === 0 && pending.length === 0) header.push(line);
  }
  const first = Math.max(0, segments.length - keep);
  // Discontinuities up to the window's first segment (whose own tag is not repeated) are counted instead.
  const discontinuities = segments.slice(0, first + 1).filter((s) => s.discontinuity).length;
  const out = [
    ...header.filter((l) => !l.startsWith("#EXT-X-PLAYLIST-TYPE")),
    `#EXT-X-MEDIA-SEQUENCE:${mediaSequence + first}`,
    `#EXT-X-DISCONTINUITY-SEQUENCE:${discontinuities}`,
  ];
  for (const [i, s] of segments.slice(first).entries()) {
    if (s.discontinuity && i > 0) out.push("#EXT-X-DISCONTINUITY");
    out.push(...s.lines);
  }
  if (ended) out.push("#EXT-X-ENDLIST");
  return out.join("\n") + "\n";
}

export function masterPlaylist(transcode: boolean): string {
  const lines = ["#EXTM3U", "#EXT-X-VERSION:6", "#EXT-X-INDEPENDENT-SEGMENTS"];
  lines.push(`#EXT-X-STREAM-INF:BANDWIDTH=3000000,NAME="${RENDITIONS.src.name}"`, "src/index.m3u8");
  if (transcode) {
    const low = RENDITIONS.low;
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${(low.videoKbps + low.audioKbps) * 1100},RESOLUTION=${low.width}x${low.height},NAME="${low.name}"`,
      "low/index.m3u8",
    );
  }
  return lines.join("\n") + "\n";
}

export function createLiveDelivery(
  ctx: AppContext,
  deps: {
    live: Pick<LiveService, "stream">;
    entitlement: Pick<EntitlementService, "canView" | "assertGeoAllowed">;
  },
) {
  const cfg = ctx.config.live;
  const disk = localStorage({ media: ctx.paths.live, tmp: ctx.paths.tmp });

  /** May this viewer fetch this live file? Throws NotFound / Forbidden / Unauthorized-like errors. */
  async function authorize(
    viewer: EntitlementViewer | null,
    p: LivePath,
    country: string | null = null,
  ): Promise<void> {
    const stream = await deps.live.stream(p.streamId);
    if (!stream || stream.status !== "live") throw new NotFound("Live stream");
    await deps.entitlement.assertGeoAllowed(viewer, country, stream.creatorId);
    if (p.file === "poster-blur.jpg") return;
    if (!(await deps.entitlement.canView(viewer, gated(stream)))) throw new NotFound("Live stream");
  }

  return {
    authorize,
    /** What a GET of /live-hls/<path> answers: generated playlists as text, other files from disk. */
    async fetch(
      viewer: EntitlementViewer | null,
      p: LivePath,
      country: string | null = null,
    ): Promise<{ text: string; type: string } | { file: StoredFile }> {
      await authorize(viewer, p, country);
      if (p.file === "master.m3u8")
        return { text: masterPlaylist(cfg.transcode), type: "application/vnd.apple.mpegurl" };
      if (p.file.endsWith("index.m3u8")) {
        const whole = await readFile(`${ctx.paths.live}/${p.streamId}/${p.file}`, "utf8").catch(() => null);
        // Not written yet (the first segment is still being cut): the player retries.
        if (whole === null) throw new NotFound("Playlist");
        return { text: liveWindow(whole, cfg.playlist_segments), type: "application/vnd.apple.mpegurl" };
      }
      return { file: disk.file(`${p.streamId}/${p.file}`) };
    },
  };
}

export type LiveDelivery = ReturnType<typeof createLiveDelivery>;
