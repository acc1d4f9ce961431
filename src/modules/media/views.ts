// How a medium is shown: its delivery URLs at an access level, and the public and owner views.
import type { MediaKind, MediaRow, MediaStatus } from "./tables.ts";

export interface MediaUrls {
  thumb: string | null;
  feed: string | null;
  full: string | null;
  preview: string | null;
  /** Videos: a still frame (1280 max) and the HLS master playlist. */
  poster?: string | null;
  hls?: string | null;
  /** JPEG versions of thumb/feed/full for clients without WebP. */
  fallback: { thumb: string | null; feed: string | null; full: string | null } | null;
}

export interface MediaView {
  id: string;
  kind: MediaKind;
  status: MediaStatus;
  /** Why processing failed, for the owner. */
  reason: string | null;
  width: number | null;
  height: number | null;
  /** Seconds, videos only. */
  duration: number | null;
  /** True when the viewer gets the blurred preview only. */
  locked: boolean;
  urls: MediaUrls;
}

/** The owner's view adds what only they need. */
export interface OwnMediaView extends MediaView {
  /** While processing: how far the processing job got, 0–100 (videos report as they transcode). */
  progress: number | null;
  fileName: string;
  sizeBytes: number;
  mime: string;
  createdAt: number;
}

/** The delivery URLs of a ready medium at an access level (files are named by processing). */
export function urls(row: MediaRow, level: "full" | "preview"): MediaUrls {
  const f = row.status === "ready" ? (row.files ?? {}) : {};
  const url = (key: string) => (f[key] ? `/media/${row.id}/${f[key]}` : null);
  if (level === "preview")
    return { thumb: null, feed: null, full: null, preview: url("preview"), fallback: null };
  if (row.kind === "video")
    return {
      thumb: url("thumb"),
      feed: null,
      full: null,
      preview: url("preview"),
      poster: url("poster"),
      hls: url("hls"),
      fallback: null,
    };
  return {
    thumb: url("thumb"),
    feed: url("feed"),
    full: url("full"),
    preview: url("preview"),
    fallback: f.thumb_jpeg
      ? { thumb: url("thumb_jpeg"), feed: url("feed_jpeg"), full: url("full_jpeg") }
      : null,
  };
}

/** A medium as a viewer sees it: everything (`full`) or only the blurred preview. */
export function view(row: MediaRow, level: "full" | "preview"): MediaView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    reason: level === "full" ? row.failureReason : null,
    width: row.width,
    height: row.height,
    duration: row.durationMs === null ? null : row.durationMs / 1000,
    locked: level === "preview",
    urls: urls(row, level),
  };
}
