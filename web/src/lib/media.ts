// Small helpers for media: counts ("3 photos · 1 video"), durations ("1:05") and the failure message.
import type { Media, OwnMedia } from "../api/schema.gen";
import { t } from "../i18n";

/** A medium as a post shows it, or the owner's own view of one (file name, size, progress…). */
export type AnyMedia = Media | OwnMedia;

/** The owner's view of their own medium. */
export const isOwnMedia = (m: AnyMedia): m is OwnMedia => "fileName" in m;

/** The file name, where the view carries it (the owner's). */
export const fileNameOf = (m: AnyMedia): string | undefined => (isOwnMedia(m) ? m.fileName : undefined);

/** "Processing…", with the server's percentage once the job reports one. */
export function processingLabel(m: AnyMedia | null | undefined): string {
  const p = m && isOwnMedia(m) ? m.progress : null;
  return p ? t("post.processingPct", { pct: Math.round(p) }) : t("post.processing");
}

/** "3 photos · 1 video", or "" without media. */
export function mediaCount(items: readonly Pick<Media, "kind">[]): string {
  const photos = items.filter((m) => m.kind === "image").length;
  const videos = items.length - photos;
  const parts: string[] = [];
  if (photos) parts.push(t("post.photos", { count: photos }));
  if (videos) parts.push(t("post.videos", { count: videos }));

  return parts.join(" · ");
}

/** "0:07", "1:05", "1:02:09". */
export function formatDuration(seconds: number | null | undefined): string {
  const s = Math.max(0, Math.round(seconds ?? 0));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

/** Why processing failed, in the server's words when it gave any. */
export function failureText(m: Pick<Media, "reason">): string {
  return m.reason || "Processing failed. Try uploading the file again.";
}

/** The best picture to show for a medium at a size: the variant asked for, else smaller ones. */
export function pictureUrl(m: Media, want: "thumb" | "feed" | "full"): string | null {
  const u = m.urls;
  const order =
    want === "full"
      ? [u.full, u.feed, u.poster, u.thumb]
      : want === "feed"
        ? [u.feed, u.poster, u.full, u.thumb]
        : [u.thumb, u.poster, u.feed];
  return order.find((x): x is string => !!x) ?? null;
}

/** Width / height for reserving space; square when the server does not know yet. */
export function aspect(m: Pick<Media, "width" | "height">): number {
  return m.width && m.height ? m.width / m.height : 1;
}

export function mediaAlt(m: Media, index: number, total: number): string {
  const what = m.kind === "video" ? "Video" : "Photo";
  return total > 1 ? `${what} ${index + 1} of ${total}` : what;
}
