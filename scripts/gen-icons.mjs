// Renders the web app's icons (the manifest's, the home-screen's and the notification badge) from the
// brand mark in web/public/favicon.svg with sharp, into web/public/icons/. Run after changing the mark:
// `node scripts/gen-icons.mjs`; the PNGs are committed so a build needs no image tools.
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "web/public/icons");
mkdirSync(out, { recursive: true });
const mark = readFileSync(join(root, "web/public/favicon.svg"), "utf8");
const glyph = 'd="M22 46V18h22v6H29v6h13v6H29v10z"';
if (!mark.includes(glyph)) throw new Error("favicon.svg changed: update the glyph in gen-icons.mjs");

// Full-bleed square with the glyph inside the maskable safe zone (the inner 80 % circle).
const square = (scale) =>
  mark
    .replace('rx="16"', "")
    .replace(
      `<path ${glyph}`,
      `<path transform="translate(32 32) scale(${scale}) translate(-32 -32)" ${glyph}`,
    );
// The glyph alone, white on transparent: Android draws the badge as a silhouette.
const badge = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="14 14 36 36"><path ${glyph} fill="#fff"/></svg>`;

const render = (svg, size, name) =>
  sharp(Buffer.from(svg), { density: 72 * (size / 64) * 2 })
    .resize(size, size)
    .png({ compressionLevel: 9, palette: true })
    .toFile(join(out, name));

await Promise.all([
  render(mark, 192, "icon-192.png"),
  render(mark, 512, "icon-512.png"),
  render(square(0.75), 512, "maskable-512.png"),
  render(square(0.85), 180, "apple-touch-icon.png"),
  render(badge, 96, "badge-96.png"),
]);
console.log(`icons written to ${out}`);
