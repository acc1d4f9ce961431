// How a medium is shown: its delivery URLs at an access level, and the public and owner views.
import { IMAGE_VARIANTS, variantWidth, type ImageVariant } from "../../workers/image-variants.ts";
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
  /** Images: thumb, feed and full with their widths ("… 320w, … 1080w"), for `<img srcset>`. */
  srcset: string | null;
}

/** Each distinct width once, smallest variant first: a small original makes equal variants. */
function srcsetOf(row: MediaRow, url: (key: string) => string | null): string | null {
  if (!row.width || !row.height) return null;
  const byWidth = new Map<number, string>();
  for (const name of Object.keys(IMAGE_VARIANTS) as ImageVariant[]) {
    const u = url(name);
    const w = variantWidth(row.width, row.height, name);
    if (u && !byWidth.has(w)) byWidth.set(w, u);
  }
  return byWidth.size ? [...byWidth].map(([w, u]) => `${u} ${w}w`).join(", ") : null;
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
    return { thumb: null, feed: null, full: null, preview: url("preview"), fallback: null, srcset: null };
  if (row.kind === "video")
    return {
      thumb: url("thumb"),
      feed: null,
      full: null,
      preview: url("preview"),
      poster: url("poster"),
      hls: url("hls"),
      fallback: null,
      srcset: null,
    };
  return {
    thumb: url("thumb"),
    feed: url("feed"),
    full: url("full"),
    preview: url("preview"),
    fallback: f.thumb_jpeg
      ? { thumb: url("thumb_jpeg"), feed: url("feed_jpeg"), full: url("full_jpeg") }
      : null,
    srcset: srcsetOf(row, url),
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
