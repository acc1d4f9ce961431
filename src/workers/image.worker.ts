// Image variants, run in a worker thread: auto-rotated, metadata (EXIF, GPS, ICC comments) stripped by
// re-encoding, never upscaled. WebP for browsers that take it plus a JPEG fallback, a tiny blurred
// preview for locked posts, and an optional text watermark on the large variants.
import sharp, { type Sharp } from "sharp";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { IMAGE_VARIANTS } from "./image-variants.ts";

export { IMAGE_VARIANTS };

// One libvips thread per worker: the pool already runs one worker per core.
sharp.concurrency(1);
sharp.cache(false);

export interface ImageTask {
  kind: "image";
  input: string;
  outDir: string;
  /** Text drawn on the feed and full variants, or null. */
  watermark: string | null;
}

export type ImageResult =
  { ok: true; width: number; height: number; files: Record<string, string> } | { ok: false; reason: string };

const PREVIEW_SIZE = 64;

const xml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (ch) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[ch]!,
  );

function watermarkSvg(text: string, width: number, height: number): Buffer {
  const size = Math.max(12, Math.round(Math.min(width, height) / 28));
  const pad = Math.round(size * 0.8);
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<text x="${width - pad}" y="${height - pad}" text-anchor="end" font-family="sans-serif" ` +
      `font-size="${size}" fill="#ffffff" fill-opacity="0.55" stroke="#000000" stroke-opacity="0.35" ` +
      `stroke-width="${Math.max(1, Math.round(size / 16))}">${xml(text)}</text></svg>`,
  );
}

export async function processImage(task: ImageTask): Promise<ImageResult> {
  const source = () => sharp(task.input, { failOn: "truncated" }).rotate();
  let width: number;
  let height: number;
  try {
    const meta = await sharp(task.input).metadata();
    width = meta.autoOrient.width;
    height = meta.autoOrient.height;
  } catch (err) {
    return { ok: false, reason: readError(err) };
  }
  try {
    return { ok: true, width, height, files: await writeVariants(task, source) };
  } catch (err) {
    // A truncated or corrupt file fails on its first (largest) variant: no separate validation decode.
    await Promise.all(
      [...Object.keys(IMAGE_VARIANTS).flatMap((n) => [`${n}.webp`, `${n}.jpg`]), "preview.webp"].map((f) =>
        rm(join(task.outDir, f), { force: true }),
      ),
    );
    return { ok: false, reason: readError(err) };
  }
}

const readError = (err: unknown) => `The image could not be read: ${(err as Error).message.split("\n")[0]}`;

/** Writes every variant, largest first, then the blurred preview. */
async function writeVariants(task: ImageTask, source: () => Sharp): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const largestFirst = Object.entries(IMAGE_VARIANTS).sort((a, b) => b[1] - a[1]);
  for (const [name, max] of largestFirst) {
    let base = source().resize({ width: max, height: max, fit: "inside", withoutEnlargement: true });
    if (task.watermark && name !== "thumb") {
      // Render at the final size first so the overlay's dimensions match exactly.
      const sized = await base.png().toBuffer({ resolveWithObject: true });
      base = sharp(sized.data).composite([
        { input: watermarkSvg(task.watermark, sized.info.width, sized.info.height), top: 0, left: 0 },
      ]);
    }
    await base
      .clone()
      .webp({ quality: 82 })
      .toFile(join(task.outDir, `${name}.webp`));
    await base
      .clone()
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 84, mozjpeg: true })
      .toFile(join(task.outDir, `${name}.jpg`));
    files[name] = `${name}.webp`;
    files[`${name}_jpeg`] = `${name}.jpg`;
  }
  await source()
    .resize({ width: PREVIEW_SIZE, height: PREVIEW_SIZE, fit: "inside", withoutEnlargement: true })
    .blur(3)
    .webp({ quality: 50 })
    .toFile(join(task.outDir, "preview.webp"));
  files.preview = "preview.webp";
  return files;
}
