// Creator profile images, run in a worker thread: the chosen region (or the centre) cut to the shape
// (square avatar, 3:1 banner), auto-rotated, re-encoded as WebP at each width the UI asks for, metadata
// stripped. Pure: input file in, files in outDir out.
import sharp from "sharp";
import { rm } from "node:fs/promises";
import { join } from "node:path";

sharp.concurrency(1);
sharp.cache(false);

export type ProfileShape = "avatar" | "banner";

/** A region of the upright image, as fractions of its width and height. */
export interface Crop {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ProfileImageTask {
  kind: "profile-image";
  shape: ProfileShape;
  input: string;
  outDir: string;
  crop: Crop | null;
}

export type ProfileImageResult =
  { ok: true; width: number; height: number; files: Record<string, string> } | { ok: false; reason: string };

/** Widths per shape (avatars: 34–112 CSS px at 1x and 2x; banners: a creator card's strip, then a 640 px column up to 3x). */
export const PROFILE_VARIANTS: Record<ProfileShape, { aspect: number; widths: number[] }> = {
  avatar: { aspect: 1, widths: [64, 128, 256] },
  banner: { aspect: 3, widths: [320, 640, 1280, 1920] },
};

interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The largest region of the given aspect centred inside `r` (absorbs rounding in the client's crop). */
function fit(r: Region, aspect: number): Region {
  const width = Math.max(1, Math.min(r.width, Math.floor(r.height * aspect)));
  const height = Math.max(1, Math.min(r.height, Math.floor(width / aspect)));
  return {
    left: r.left + Math.floor((r.width - width) / 2),
    top: r.top + Math.floor((r.height - height) / 2),
    width,
    height,
  };
}

export function cropRegion(
  imageWidth: number,
  imageHeight: number,
  crop: Crop | null,
  aspect: number,
): Region {
  if (!crop) return fit({ left: 0, top: 0, width: imageWidth, height: imageHeight }, aspect);
  const left = Math.min(imageWidth - 1, Math.round(crop.x * imageWidth));
  const top = Math.min(imageHeight - 1, Math.round(crop.y * imageHeight));
  return fit(
    {
      left,
      top,
      width: Math.max(1, Math.min(imageWidth - left, Math.round(crop.w * imageWidth))),
      height: Math.max(1, Math.min(imageHeight - top, Math.round(crop.h * imageHeight))),
    },
    aspect,
  );
}

export async function processProfileImage(task: ProfileImageTask): Promise<ProfileImageResult> {
  const { aspect, widths } = PROFILE_VARIANTS[task.shape];
  const written: string[] = [];
  try {
    const meta = await sharp(task.input).metadata();
    const region = cropRegion(meta.autoOrient.width, meta.autoOrient.height, task.crop, aspect);
    // Never upscaled, except a tiny source, which still gets the smallest size.
    const sizes = widths.filter((w) => w <= region.width);
    if (sizes.length === 0) sizes.push(widths[0]!);
    const files: Record<string, string> = {};
    for (const width of sizes) {
      const name = `${task.shape}_${width}`;
      await sharp(task.input, { failOn: "truncated" })
        .rotate()
        .extract(region)
        .resize(width, Math.round(width / aspect), { fit: "fill" })
        .webp({ quality: 82 })
        .toFile(join(task.outDir, `${name}.webp`));
      written.push(`${name}.webp`);
      files[name] = `${name}.webp`;
    }
    return { ok: true, width: region.width, height: region.height, files };
  } catch (err) {
    await Promise.all(written.map((f) => rm(join(task.outDir, f), { force: true })));
    return { ok: false, reason: `The image could not be read: ${(err as Error).message.split("\n")[0]}` };
  }
}
