// File type from the content's first bytes, never from the client's name or Content-Type.
import { UnsupportedMediaType } from "../../lib/errors.ts";
import type { MediaKind } from "./tables.ts";

export interface Sniffed {
  kind: MediaKind;
  mime: string;
}

const ISO_IMAGE_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif"]);
const ISO_VIDEO_BRANDS = new Set([
  "isom",
  "iso2",
  "iso4",
  "iso5",
  "iso6",
  "mp41",
  "mp42",
  "avc1",
  "M4V ",
  "dash",
  "mmp4",
]);

export function sniffBytes(b: Buffer): Sniffed | null {
  const ascii = (from: number, to: number) => b.subarray(from, to).toString("latin1");
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff)
    return { kind: "image", mime: "image/jpeg" };
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { kind: "image", mime: "image/png" };
  if (ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a") return { kind: "image", mime: "image/gif" };
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return { kind: "image", mime: "image/webp" };
  if (b.length >= 12 && ascii(4, 8) === "ftyp") {
    const brand = ascii(8, 12);
    if (ISO_IMAGE_BRANDS.has(brand))
      return { kind: "image", mime: brand === "avif" ? "image/avif" : "image/heic" };
    if (brand === "qt  ") return { kind: "video", mime: "video/quicktime" };
    if (ISO_VIDEO_BRANDS.has(brand)) return { kind: "video", mime: "video/mp4" };
    return null;
  }
  if (b.length >= 4 && b.readUInt32BE(0) === 0x1a45dfa3 && b.includes(Buffer.from("webm")))
    return { kind: "video", mime: "video/webm" };
  return null;
}

const NOT_MEDIA =
  "This file type is not supported. Upload a JPEG, PNG, WebP, GIF or HEIC image, or an MP4, MOV or WebM video.";
const NOT_AN_IMAGE = "A profile image must be a picture: upload a JPEG, PNG, WebP, GIF or HEIC image.";

/** What the first bytes say the file is, or why it is refused. */
export function sniffUpload(head: Buffer, profile: boolean): Sniffed | UnsupportedMediaType {
  const sniffed = head.length > 0 ? sniffBytes(head) : null;
  if (!sniffed) return new UnsupportedMediaType(NOT_MEDIA);
  if (profile && sniffed.kind !== "image") return new UnsupportedMediaType(NOT_AN_IMAGE);
  return sniffed;
}
