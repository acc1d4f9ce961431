// Demo media made on the spot: photos drawn as SVG and rendered by sharp (a different picture for every
// post: each creator has a style, each photo its own colours, shapes and caption), and short videos made by
// ffmpeg from such a picture with a slow zoom and a soft tone. Nothing is shipped or downloaded.
import { spawn } from "node:child_process";
import { rm, writeFile } from "node:fs/promises";
import sharp from "sharp";

export type PhotoStyle = "city" | "gym" | "music" | "plate" | "art" | "landscape";

/** A small deterministic random generator, so a photo depends only on its seed number. */
export function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

function scene(style: PhotoStyle, w: number, h: number, r: () => number): string {
  const hue = Math.floor(r() * 360);
  const hsl = (dh: number, s: number, l: number) => `hsl(${(hue + dh) % 360},${s}%,${l}%)`;
  const n = (lo: number, hi: number) => lo + r() * (hi - lo);
  const parts: string[] = [];
  const sky = (top: string, bottom: string) =>
    `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/>` +
    `<stop offset="1" stop-color="${bottom}"/></linearGradient></defs><rect width="${w}" height="${h}" fill="url(#g)"/>`;
  switch (style) {
    case "city": {
      parts.push(sky(hsl(220, 55, 18), hsl(20, 75, 62)));
      parts.push(
        `<circle cx="${n(0.2, 0.8) * w}" cy="${h * 0.35}" r="${h * 0.08}" fill="${hsl(40, 90, 80)}"/>`,
      );
      for (let x = 0; x < w;) {
        const bw = n(0.05, 0.12) * w;
        const bh = n(0.25, 0.7) * h;
        parts.push(
          `<rect x="${x}" y="${h - bh}" width="${bw - 6}" height="${bh}" fill="${hsl(230, 25, n(8, 18))}"/>`,
        );
        for (let wy = h - bh + 20; wy < h - 30; wy += 34)
          for (let wx = x + 12; wx < x + bw - 24; wx += 26)
            if (r() < 0.35)
              parts.push(`<rect x="${wx}" y="${wy}" width="12" height="18" fill="${hsl(50, 95, 70)}"/>`);
        x += bw;
      }
      break;
    }
    case "gym": {
      parts.push(sky(hsl(0, 20, 14), hsl(0, 30, 28)));
      for (let i = 0; i < 8; i++)
        parts.push(
          `<polygon points="${i * w * 0.18},0 ${i * w * 0.18 + w * 0.06},0 ${i * w * 0.18 - w * 0.3},${h} ${i * w * 0.18 - w * 0.36},${h}" fill="${hsl(0, 80, 50)}" opacity="0.18"/>`,
        );
      const y = n(0.45, 0.6) * h;
      parts.push(
        `<rect x="${w * 0.12}" y="${y - 10}" width="${w * 0.76}" height="20" rx="10" fill="#d8d8d8"/>`,
      );
      for (const side of [0.16, 0.78])
        for (let k = 0; k < 3; k++)
          parts.push(
            `<rect x="${w * side + k * 34 * (side < 0.5 ? 1 : -1)}" y="${y - h * (0.2 - k * 0.04)}" width="28" height="${h * (0.4 - k * 0.08)}" rx="6" fill="${hsl(k * 40, 70, 45)}"/>`,
          );
      break;
    }
    case "music": {
      parts.push(sky(hsl(280, 45, 75), hsl(200, 55, 82)));
      const cx = n(0.3, 0.7) * w;
      const cy = h * 0.42;
      const rr = h * 0.28;
      parts.push(`<circle cx="${cx}" cy="${cy}" r="${rr}" fill="#1d1d24"/>`);
      for (let k = 1; k < 6; k++)
        parts.push(
          `<circle cx="${cx}" cy="${cy}" r="${rr * (0.35 + k * 0.12)}" fill="none" stroke="#33333d" stroke-width="3"/>`,
        );
      parts.push(`<circle cx="${cx}" cy="${cy}" r="${rr * 0.3}" fill="${hsl(0, 70, 65)}"/>`);
      const bars = 24;
      for (let i = 0; i < bars; i++) {
        const bh = n(0.05, 0.25) * h;
        parts.push(
          `<rect x="${(i / bars) * w + 6}" y="${h - bh}" width="${w / bars - 12}" height="${bh}" rx="6" fill="${hsl(i * 8, 60, 55)}" opacity="0.85"/>`,
        );
      }
      break;
    }
    case "plate": {
      // A wooden table (always warm) under a plate of many colours.
      parts.push(sky(`hsl(${25 + hue / 30},35%,46%)`, `hsl(${20 + hue / 36},40%,28%)`));
      for (let y = 0; y < h; y += 60) parts.push(`<rect y="${y}" width="${w}" height="2" fill="#00000022"/>`);
      const cx = w / 2 + n(-0.1, 0.1) * w;
      const cy = h / 2;
      const pr = Math.min(w, h) * 0.36;
      parts.push(`<ellipse cx="${cx + 14}" cy="${cy + 18}" rx="${pr}" ry="${pr}" fill="#00000040"/>`);
      parts.push(`<circle cx="${cx}" cy="${cy}" r="${pr}" fill="#f4f1ea"/>`);
      parts.push(`<circle cx="${cx}" cy="${cy}" r="${pr * 0.78}" fill="#ebe6dc"/>`);
      for (let i = 0; i < 9; i++) {
        const a = r() * Math.PI * 2;
        const d = r() * pr * 0.45;
        parts.push(
          `<ellipse cx="${cx + Math.cos(a) * d}" cy="${cy + Math.sin(a) * d}" rx="${n(0.08, 0.2) * pr}" ry="${n(0.06, 0.15) * pr}" fill="${hsl(i * 37, 70, n(40, 60))}"/>`,
        );
      }
      parts.push(
        `<rect x="${cx + pr * 1.15}" y="${cy - pr * 0.8}" width="22" height="${pr * 1.6}" rx="10" fill="#c9c9c9"/>`,
      );
      break;
    }
    case "art": {
      parts.push(sky(hsl(0, 60, 92), hsl(40, 60, 85)));
      for (let i = 0; i < 14; i++) {
        const x = r() * w;
        const y = r() * h;
        const s = n(0.05, 0.22) * h;
        const fill = hsl(i * 29, n(55, 85), n(45, 65));
        const k = r();
        if (k < 0.4) parts.push(`<circle cx="${x}" cy="${y}" r="${s}" fill="${fill}" opacity="0.85"/>`);
        else if (k < 0.7)
          parts.push(
            `<polygon points="${x},${y - s} ${x + s},${y + s} ${x - s},${y + s}" fill="${fill}" opacity="0.85"/>`,
          );
        else
          parts.push(
            `<rect x="${x}" y="${y}" width="${s * 1.6}" height="${s}" rx="${s * 0.2}" fill="${fill}" opacity="0.85" transform="rotate(${n(-30, 30)} ${x} ${y})"/>`,
          );
      }
      break;
    }
    case "landscape": {
      parts.push(sky(hsl(0, 70, 55), hsl(60, 80, 80)));
      parts.push(
        `<circle cx="${n(0.2, 0.8) * w}" cy="${h * 0.32}" r="${h * 0.12}" fill="${hsl(180, 90, 72)}" opacity="0.9"/>`,
      );
      for (let k = 0; k < 3; k++) {
        const base = h * (0.62 + k * 0.12);
        parts.push(
          `<path d="M0 ${base} Q ${w * 0.25} ${base - n(0.05, 0.2) * h} ${w * 0.5} ${base} T ${w} ${base - n(0, 0.08) * h} V ${h} H 0 Z" fill="${hsl(120 + k * 15, 40, 38 - k * 9)}"/>`,
        );
      }
      break;
    }
  }
  return parts.join("");
}

/** A JPEG "photo" in the creator's style with a caption; `seed` makes it unique. */
export async function demoPhoto(style: PhotoStyle, seed: number, caption: string): Promise<Buffer> {
  const r = randomFrom(seed);
  const portrait = r() < 0.3;
  const [w, h] = portrait ? [1080, 1350] : [1440, 1080];
  const size = Math.round(w / 26);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${scene(style, w, h, r)}` +
    // Centred, so it survives the square crop of gallery tiles.
    `<text x="${w / 2}" y="${h - size}" text-anchor="middle" font-family="sans-serif" font-size="${size}" font-weight="bold" ` +
    `fill="#ffffff" stroke="#000000" stroke-opacity="0.4" stroke-width="2">${xml(caption)}</text></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/** A 4-second 640x360 MP4: a demo picture with a slow zoom and a quiet tone. */
export async function demoVideo(
  ffmpeg: string,
  style: PhotoStyle,
  seed: number,
  title: string,
  out: string,
): Promise<void> {
  const still = `${out}.png`;
  const r = randomFrom(seed);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720">${scene(style, 1280, 720, r)}` +
    `<text x="640" y="672" text-anchor="middle" font-family="sans-serif" font-size="52" font-weight="bold" fill="#ffffff" ` +
    `stroke="#000000" stroke-opacity="0.4" stroke-width="2">${xml(title)}</text></svg>`;
  await writeFile(still, await sharp(Buffer.from(svg)).png().toBuffer());
  const seconds = 4;
  const fps = 24;
  const args = [
    ...["-hide_banner", "-nostdin", "-y", "-loop", "1", "-i", still],
    ...["-f", "lavfi", "-i", `sine=frequency=${220 + (seed % 5) * 55}:duration=${seconds}`],
    "-filter_complex",
    `[0:v]zoompan=z='min(zoom+0.0012,1.15)':d=${seconds * fps}:s=640x360:fps=${fps},format=yuv420p[v];[1:a]volume=0.15[a]`,
    ...["-map", "[v]", "-map", "[a]", "-t", String(seconds)],
    ...[
      "-c:v",
      "libx264",
      "-preset",
      "veryfast",
      "-c:a",
      "aac",
      "-b:a",
      "96k",
      "-movflags",
      "+faststart",
      out,
    ],
  ];
  await new Promise<void>((ok, fail) => {
    const child = spawn(ffmpeg, args, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    child.once("error", fail);
    child.once("close", (code) =>
      code === 0
        ? ok()
        : fail(new Error(`ffmpeg could not make the demo video: ${err.trim().split("\n").pop()}`)),
    );
  }).finally(() => rm(still, { force: true }));
}
