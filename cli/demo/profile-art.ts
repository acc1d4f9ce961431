// Demo creators' avatars and banners, drawn as SVG and rendered by sharp: each creator's avatar is an
// emblem of what they do (a lens, a dumbbell, a record, a plate, a robot, a mountain) in their colours,
// bold enough to read at feed-card size, and their banner a wide scene in the same palette. Deterministic,
// so every demo site looks the same.
import sharp from "sharp";
import type { PhotoStyle } from "./media.ts";
import { randomFrom } from "./media.ts";

/** Pixel sizes of the drawings: larger than the largest variant the site cuts (256 px, 1920 px). */
const AVATAR = 768;
const BANNER_W = 2400;
const BANNER_H = 800;

const svg = (w: number, h: number, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${body}</svg>`;

const linear = (id: string, stops: string[], vertical = true) =>
  `<linearGradient id="${id}" x1="0" y1="0" x2="${vertical ? 0 : 1}" y2="${vertical ? 1 : 0}">` +
  stops.map((c, i) => `<stop offset="${i / (stops.length - 1)}" stop-color="${c}"/>`).join("") +
  `</linearGradient>`;

const radial = (id: string, inner: string, outer: string, cx = 0.5, cy = 0.5) =>
  `<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="0.75"><stop offset="0" stop-color="${inner}"/>` +
  `<stop offset="1" stop-color="${outer}"/></radialGradient>`;

/** A soft drop shadow under an emblem. */
const SHADOW = `<filter id="shadow" x="-20%" y="-20%" width="140%" height="140%"><feDropShadow dx="0" dy="10" stdDeviation="14" flood-color="#000" flood-opacity="0.35"/></filter>`;

/** A skyline of buildings with lit windows along the bottom of a w×h picture. */
function skyline(w: number, h: number, r: () => number, fill: string, lit: string, top: number): string {
  const parts: string[] = [];
  for (let x = -10; x < w;) {
    const bw = (0.04 + r() * 0.06) * w;
    const bh = (top + r() * 0.3) * h;
    parts.push(`<rect x="${x}" y="${h - bh}" width="${bw - 4}" height="${bh}" fill="${fill}"/>`);
    for (let wy = h - bh + 18; wy < h - 24; wy += 30)
      for (let wx = x + 10; wx < x + bw - 22; wx += 22)
        if (r() < 0.3) parts.push(`<rect x="${wx}" y="${wy}" width="10" height="15" fill="${lit}"/>`);
    x += bw;
  }
  return parts.join("");
}

/** Mountain ranges, back to front, lighter (further) to darker (nearer); the furthest has snow on its peaks. */
function ranges(w: number, h: number, r: () => number, colours: string[], from: number): string {
  return colours
    .map((c, k) => {
      const base = h * (from + k * 0.1);
      const peaks: [number, number][] = [[0, base]];
      for (let x = 0; x < w;) {
        x += w * (0.06 + r() * 0.08);
        peaks.push([x, base - h * (0.08 + r() * 0.22) * (1 - k * 0.25)]);
        x += w * (0.04 + r() * 0.06);
        peaks.push([x, base - h * r() * 0.06]);
      }
      const line = peaks.map(([x, y]) => `${x},${y}`).join(" ");
      const snow =
        k === 0
          ? peaks
              .filter((_, i) => i % 2 === 1)
              .map(
                ([x, y]) =>
                  `<polygon points="${x},${y} ${x - 34},${y + 40} ${x + 30},${y + 36}" fill="#f4f7fb"/>`,
              )
              .join("")
          : "";
      return `<polygon points="${line} ${w},${h} 0,${h}" fill="${c}"/>${snow}`;
    })
    .join("");
}

function avatarBody(style: PhotoStyle): string {
  const s = AVATAR;
  const c = s / 2;
  switch (style) {
    case "city": {
      // A camera lens: dark barrel, glass with an iris and a coloured sheen, on a dusk gradient.
      const blades = Array.from({ length: 6 }, (_, i) => {
        const a = (i / 6) * Math.PI * 2;
        return `${c + Math.cos(a) * s * 0.13},${c + Math.sin(a) * s * 0.13}`;
      }).join(" ");
      return (
        `<defs>${linear("bg", ["hsl(228,55%,24%)", "hsl(330,45%,42%)", "hsl(18,85%,62%)"])}` +
        `${radial("glass", "hsl(190,70%,45%)", "hsl(250,60%,12%)", 0.4, 0.35)}${SHADOW}</defs>` +
        `<rect width="${s}" height="${s}" fill="url(#bg)"/>` +
        `<g filter="url(#shadow)"><circle cx="${c}" cy="${c}" r="${s * 0.36}" fill="#16171d"/></g>` +
        `<circle cx="${c}" cy="${c}" r="${s * 0.33}" fill="none" stroke="#3a3d4a" stroke-width="${s * 0.018}"/>` +
        `<circle cx="${c}" cy="${c}" r="${s * 0.27}" fill="url(#glass)"/>` +
        `<polygon points="${blades}" fill="#0b0c12" stroke="hsl(190,60%,55%)" stroke-opacity="0.5" stroke-width="4"/>` +
        `<ellipse cx="${c - s * 0.09}" cy="${c - s * 0.11}" rx="${s * 0.07}" ry="${s * 0.035}" fill="#fff" opacity="0.75" transform="rotate(-35 ${c - s * 0.09} ${c - s * 0.11})"/>` +
        `<circle cx="${c + s * 0.1}" cy="${c + s * 0.1}" r="${s * 0.022}" fill="#ffd7a8" opacity="0.8"/>`
      );
    }
    case "gym": {
      // A dumbbell at an angle, plates in red and orange, on charcoal with a red glow.
      const plate = (x: number, w: number, h: number, fill: string) =>
        `<rect x="${x}" y="${c - h / 2}" width="${w}" height="${h}" rx="${w * 0.3}" fill="${fill}"/>`;
      return (
        `<defs>${radial("bg", "hsl(2,65%,34%)", "hsl(0,10%,8%)", 0.5, 0.4)}${SHADOW}` +
        `${linear("steel", ["#f4f4f4", "#9a9a9a"])}</defs>` +
        `<rect width="${s}" height="${s}" fill="url(#bg)"/>` +
        `<g filter="url(#shadow)" transform="rotate(-32 ${c} ${c})">` +
        `<rect x="${s * 0.2}" y="${c - s * 0.03}" width="${s * 0.6}" height="${s * 0.06}" rx="${s * 0.03}" fill="url(#steel)"/>` +
        plate(s * 0.19, s * 0.07, s * 0.38, "hsl(6,80%,52%)") +
        plate(s * 0.265, s * 0.055, s * 0.28, "hsl(28,90%,56%)") +
        plate(s * 0.68, s * 0.055, s * 0.28, "hsl(28,90%,56%)") +
        plate(s * 0.74, s * 0.07, s * 0.38, "hsl(6,80%,52%)") +
        `</g>`
      );
    }
    case "music": {
      // A vinyl record with a pink label, grooves catching the light, on lavender to sky.
      const grooves = Array.from(
        { length: 7 },
        (_, k) =>
          `<circle cx="${c}" cy="${c}" r="${s * (0.17 + k * 0.025)}" fill="none" stroke="#3b3b48" stroke-width="3"/>`,
      ).join("");
      return (
        `<defs>${linear("bg", ["hsl(275,55%,78%)", "hsl(205,65%,80%)"])}${SHADOW}</defs>` +
        `<rect width="${s}" height="${s}" fill="url(#bg)"/>` +
        `<g filter="url(#shadow)"><circle cx="${c}" cy="${c}" r="${s * 0.36}" fill="#1c1c24"/></g>` +
        grooves +
        `<path d="M ${c - s * 0.3} ${c - s * 0.12} A ${s * 0.32} ${s * 0.32} 0 0 1 ${c - s * 0.1} ${c - s * 0.31}" fill="none" stroke="#fff" stroke-opacity="0.35" stroke-width="${s * 0.02}" stroke-linecap="round"/>` +
        `<circle cx="${c}" cy="${c}" r="${s * 0.13}" fill="hsl(340,75%,66%)"/>` +
        `<circle cx="${c}" cy="${c}" r="${s * 0.085}" fill="none" stroke="#fff" stroke-opacity="0.6" stroke-width="3"/>` +
        `<circle cx="${c}" cy="${c}" r="${s * 0.018}" fill="#1c1c24"/>`
      );
    }
    case "plate": {
      // A bowl seen from above on a warm table: greens, tomato, an egg, herbs, and a fork beside it.
      const r = randomFrom(17);
      const leaves = Array.from({ length: 9 }, (_, i) => {
        const a = (i / 9) * Math.PI * 2 + r() * 0.4;
        const d = s * (0.08 + r() * 0.1);
        const x = c + Math.cos(a) * d;
        const y = c + Math.sin(a) * d;
        return `<ellipse cx="${x}" cy="${y}" rx="${s * 0.06}" ry="${s * 0.03}" fill="hsl(${95 + i * 6},55%,${34 + (i % 3) * 8}%)" transform="rotate(${(a * 180) / Math.PI} ${x} ${y})"/>`;
      }).join("");
      return (
        `<defs>${linear("bg", ["hsl(28,45%,50%)", "hsl(20,45%,30%)"])}${SHADOW}</defs>` +
        `<rect width="${s}" height="${s}" fill="url(#bg)"/>` +
        [0.22, 0.47, 0.72]
          .map((y) => `<rect y="${s * y}" width="${s}" height="3" fill="#0000002a"/>`)
          .join("") +
        `<g filter="url(#shadow)"><circle cx="${c}" cy="${c}" r="${s * 0.33}" fill="#f6f2ea"/></g>` +
        `<circle cx="${c}" cy="${c}" r="${s * 0.27}" fill="#ece5d8"/>` +
        leaves +
        `<circle cx="${c + s * 0.09}" cy="${c - s * 0.07}" r="${s * 0.055}" fill="hsl(4,78%,52%)"/>` +
        `<circle cx="${c - s * 0.1}" cy="${c + s * 0.08}" r="${s * 0.045}" fill="hsl(4,78%,52%)"/>` +
        `<ellipse cx="${c - s * 0.02}" cy="${c - s * 0.01}" rx="${s * 0.085}" ry="${s * 0.075}" fill="#fffdf6"/>` +
        `<circle cx="${c - s * 0.02}" cy="${c - s * 0.01}" r="${s * 0.042}" fill="hsl(40,95%,55%)"/>`
      );
    }
    case "art": {
      // A cozy robot head: rounded screen face, glowing eyes, a smile and an antenna, on a pastel sky.
      return (
        `<defs>${linear("bg", ["hsl(195,70%,82%)", "hsl(320,60%,85%)"])}${SHADOW}` +
        `${linear("head", ["hsl(40,40%,97%)", "hsl(220,15%,80%)"])}</defs>` +
        `<rect width="${s}" height="${s}" fill="url(#bg)"/>` +
        `<circle cx="${s * 0.18}" cy="${s * 0.2}" r="${s * 0.05}" fill="#fff" opacity="0.6"/>` +
        `<line x1="${c}" y1="${s * 0.25}" x2="${c}" y2="${s * 0.14}" stroke="#5b6075" stroke-width="${s * 0.02}" stroke-linecap="round"/>` +
        `<circle cx="${c}" cy="${s * 0.13}" r="${s * 0.035}" fill="hsl(350,85%,65%)"/>` +
        `<g filter="url(#shadow)"><rect x="${s * 0.2}" y="${s * 0.25}" width="${s * 0.6}" height="${s * 0.5}" rx="${s * 0.13}" fill="url(#head)"/></g>` +
        `<rect x="${s * 0.12}" y="${s * 0.42}" width="${s * 0.08}" height="${s * 0.16}" rx="${s * 0.03}" fill="#5b6075"/>` +
        `<rect x="${s * 0.8}" y="${s * 0.42}" width="${s * 0.08}" height="${s * 0.16}" rx="${s * 0.03}" fill="#5b6075"/>` +
        `<rect x="${s * 0.27}" y="${s * 0.32}" width="${s * 0.46}" height="${s * 0.34}" rx="${s * 0.09}" fill="#262a3b"/>` +
        `<circle cx="${s * 0.4}" cy="${s * 0.46}" r="${s * 0.05}" fill="hsl(175,85%,62%)"/>` +
        `<circle cx="${s * 0.6}" cy="${s * 0.46}" r="${s * 0.05}" fill="hsl(175,85%,62%)"/>` +
        `<path d="M ${s * 0.43} ${s * 0.56} Q ${c} ${s * 0.61} ${s * 0.57} ${s * 0.56}" fill="none" stroke="hsl(175,85%,62%)" stroke-width="${s * 0.02}" stroke-linecap="round"/>` +
        `<circle cx="${s * 0.33}" cy="${s * 0.56}" r="${s * 0.025}" fill="hsl(350,85%,70%)" opacity="0.7"/>` +
        `<circle cx="${s * 0.67}" cy="${s * 0.56}" r="${s * 0.025}" fill="hsl(350,85%,70%)" opacity="0.7"/>`
      );
    }
    case "landscape": {
      // Snow-capped peaks under a low sun, a trail winding up the green foothills.
      return (
        `<defs>${linear("bg", ["hsl(200,70%,55%)", "hsl(35,90%,75%)"])}</defs>` +
        `<rect width="${s}" height="${s}" fill="url(#bg)"/>` +
        `<circle cx="${s * 0.68}" cy="${s * 0.34}" r="${s * 0.1}" fill="hsl(45,100%,88%)"/>` +
        `<polygon points="${s * 0.05},${s * 0.78} ${s * 0.38},${s * 0.3} ${s * 0.7},${s * 0.78}" fill="hsl(215,30%,38%)"/>` +
        `<polygon points="${s * 0.38},${s * 0.3} ${s * 0.3},${s * 0.42} ${s * 0.35},${s * 0.4} ${s * 0.39},${s * 0.44} ${s * 0.44},${s * 0.39} ${s * 0.46},${s * 0.42}" fill="#f4f7fb"/>` +
        `<polygon points="${s * 0.35},${s * 0.8} ${s * 0.66},${s * 0.4} ${s * 0.98},${s * 0.8}" fill="hsl(215,28%,30%)"/>` +
        `<polygon points="${s * 0.66},${s * 0.4} ${s * 0.6},${s * 0.48} ${s * 0.64},${s * 0.47} ${s * 0.67},${s * 0.5} ${s * 0.7},${s * 0.46} ${s * 0.72},${s * 0.48}" fill="#f4f7fb"/>` +
        `<path d="M0 ${s * 0.72} Q ${s * 0.3} ${s * 0.62} ${s * 0.55} ${s * 0.72} T ${s} ${s * 0.68} V ${s} H 0 Z" fill="hsl(140,40%,38%)"/>` +
        `<path d="M0 ${s * 0.84} Q ${s * 0.35} ${s * 0.74} ${s * 0.6} ${s * 0.84} T ${s} ${s * 0.8} V ${s} H 0 Z" fill="hsl(150,45%,26%)"/>` +
        `<path d="M ${s * 0.44} ${s} C ${s * 0.36} ${s * 0.9}, ${s * 0.62} ${s * 0.86}, ${s * 0.5} ${s * 0.74}" fill="none" stroke="hsl(40,60%,80%)" stroke-width="${s * 0.022}" stroke-linecap="round" stroke-dasharray="${s * 0.03} ${s * 0.025}"/>`
      );
    }
  }
}

/** Wide scenes whose subject sits in the middle band: Discover cards show only a strip across the centre. */
function bannerBody(style: PhotoStyle): string {
  const w = BANNER_W;
  const h = BANNER_H;
  const r = randomFrom(style.length * 131 + 7);
  switch (style) {
    case "city": {
      // Dusk over the rooftops: the same palette as the lens, a low sun, the first stars.
      const stars = Array.from(
        { length: 40 },
        () =>
          `<circle cx="${r() * w}" cy="${r() * h * 0.35}" r="${1.5 + r() * 2}" fill="#fff" opacity="${0.3 + r() * 0.5}"/>`,
      ).join("");
      return (
        `<defs>${linear("bg", ["hsl(228,55%,20%)", "hsl(330,45%,40%)", "hsl(18,85%,64%)"])}</defs>` +
        `<rect width="${w}" height="${h}" fill="url(#bg)"/>${stars}` +
        `<circle cx="${w * 0.72}" cy="${h * 0.58}" r="${h * 0.16}" fill="hsl(40,95%,80%)"/>` +
        skyline(w, h, r, "hsl(250,30%,26%)", "hsl(45,80%,70%)", 0.3) +
        skyline(w, h, r, "hsl(232,32%,13%)", "hsl(48,95%,70%)", 0.12)
      );
    }
    case "gym": {
      // Beams of red light across a dark gym, a loaded barbell on the floor.
      const beams = Array.from({ length: 10 }, (_, i) => {
        const x = i * w * 0.13;
        return `<polygon points="${x},0 ${x + w * 0.04},0 ${x - w * 0.16},${h} ${x - w * 0.2},${h}" fill="hsl(5,85%,55%)" opacity="${0.08 + r() * 0.1}"/>`;
      }).join("");
      const y = h * 0.56;
      const plates = [0.2, 0.25, 0.72, 0.77]
        .map(
          (x, k) =>
            `<rect x="${w * x}" y="${y - h * (k % 3 === 0 ? 0.24 : 0.18)}" width="${w * 0.03}" height="${h * (k % 3 === 0 ? 0.48 : 0.36)}" rx="14" fill="${k % 3 === 0 ? "hsl(6,80%,50%)" : "hsl(28,90%,55%)"}"/>`,
        )
        .join("");
      return (
        `<defs>${linear("bg", ["hsl(0,12%,10%)", "hsl(2,40%,22%)"])}${linear("steel", ["#f0f0f0", "#8c8c8c"])}${SHADOW}</defs>` +
        `<rect width="${w}" height="${h}" fill="url(#bg)"/>${beams}` +
        `<rect y="${h * 0.9}" width="${w}" height="${h * 0.1}" fill="#00000055"/>` +
        `<g filter="url(#shadow)"><rect x="${w * 0.14}" y="${y - 12}" width="${w * 0.72}" height="24" rx="12" fill="url(#steel)"/>${plates}</g>`
      );
    }
    case "music": {
      // A pastel sky with a sound wave running across it and records drifting in front like moons.
      const bars = 64;
      const wave = Array.from({ length: bars }, (_, i) => {
        const bh = h * (0.08 + 0.3 * Math.abs(Math.sin(i * 0.35)) * (0.6 + r() * 0.4));
        return `<rect x="${(i / bars) * w + 8}" y="${h * 0.56 - bh / 2}" width="${w / bars - 16}" height="${bh}" rx="${w / bars / 2 - 8}" fill="hsl(${280 + i * 1.5},55%,${58 + (i % 4) * 4}%)" opacity="0.85"/>`;
      }).join("");
      const record = (x: number, y: number, rr: number) =>
        `<circle cx="${x}" cy="${y}" r="${rr}" fill="#1c1c24"/><circle cx="${x}" cy="${y}" r="${rr * 0.7}" fill="none" stroke="#3b3b48" stroke-width="4"/>` +
        `<circle cx="${x}" cy="${y}" r="${rr * 0.36}" fill="hsl(340,75%,66%)"/>`;
      return (
        `<defs>${linear("bg", ["hsl(275,55%,80%)", "hsl(205,65%,84%)"], false)}</defs>` +
        `<rect width="${w}" height="${h}" fill="url(#bg)"/>` +
        wave +
        record(w * 0.83, h * 0.42, h * 0.17) +
        record(w * 0.62, h * 0.34, h * 0.08)
      );
    }
    case "plate": {
      // A long wooden table laid with bowls, a board of lemons and sprigs of herbs.
      const planks = Array.from(
        { length: 5 },
        (_, i) => `<rect y="${(i * h) / 5}" width="${w}" height="4" fill="#00000030"/>`,
      ).join("");
      const bowl = (x: number, y: number, rr: number, food: string) =>
        `<g filter="url(#shadow)"><circle cx="${x}" cy="${y}" r="${rr}" fill="#f6f2ea"/></g>` +
        `<circle cx="${x}" cy="${y}" r="${rr * 0.8}" fill="${food}"/>` +
        Array.from(
          { length: 6 },
          () =>
            `<circle cx="${x + (r() - 0.5) * rr}" cy="${y + (r() - 0.5) * rr}" r="${rr * (0.08 + r() * 0.1)}" fill="hsl(${r() < 0.5 ? 100 : 8},60%,${40 + r() * 15}%)"/>`,
        ).join("");
      const lemons = Array.from(
        { length: 3 },
        (_, i) =>
          `<ellipse cx="${w * 0.5 + i * 110}" cy="${h * 0.55 + (i % 2) * 60}" rx="60" ry="46" fill="hsl(50,90%,58%)"/>`,
      ).join("");
      return (
        `<defs>${linear("bg", ["hsl(28,42%,48%)", "hsl(20,45%,30%)"])}${SHADOW}</defs>` +
        `<rect width="${w}" height="${h}" fill="url(#bg)"/>${planks}` +
        bowl(w * 0.2, h * 0.5, h * 0.3, "hsl(15,70%,45%)") +
        `<g filter="url(#shadow)"><rect x="${w * 0.44}" y="${h * 0.3}" width="${w * 0.2}" height="${h * 0.5}" rx="30" fill="hsl(32,50%,62%)"/></g>${lemons}` +
        bowl(w * 0.82, h * 0.45, h * 0.26, "hsl(95,45%,40%)")
      );
    }
    case "art": {
      // Soft sci-fi: a pastel sky with ringed planets, stars and a little robot's moon.
      const stars = Array.from(
        { length: 60 },
        () =>
          `<circle cx="${r() * w}" cy="${r() * h}" r="${1.5 + r() * 3}" fill="#fff" opacity="${0.5 + r() * 0.5}"/>`,
      ).join("");
      return (
        `<defs>${linear("bg", ["hsl(195,70%,80%)", "hsl(260,55%,84%)", "hsl(320,60%,86%)"], false)}</defs>` +
        `<rect width="${w}" height="${h}" fill="url(#bg)"/>${stars}` +
        `<circle cx="${w * 0.78}" cy="${h * 0.45}" r="${h * 0.22}" fill="hsl(20,85%,72%)"/>` +
        `<ellipse cx="${w * 0.78}" cy="${h * 0.45}" rx="${h * 0.42}" ry="${h * 0.07}" fill="none" stroke="hsl(45,90%,80%)" stroke-width="18" transform="rotate(-14 ${w * 0.78} ${h * 0.45})"/>` +
        `<circle cx="${w * 0.55}" cy="${h * 0.36}" r="${h * 0.07}" fill="hsl(175,60%,62%)"/>` +
        `<circle cx="${w * 0.95}" cy="${h * 0.66}" r="${h * 0.05}" fill="hsl(260,50%,66%)"/>` +
        `<path d="M0 ${h * 0.85} Q ${w * 0.3} ${h * 0.72} ${w * 0.6} ${h * 0.86} T ${w} ${h * 0.8} V ${h} H 0 Z" fill="hsl(250,35%,62%)" opacity="0.55"/>`
      );
    }
    case "landscape": {
      // A range at golden hour, a lake below, pines in front.
      const pines = Array.from({ length: 18 }, (_, i) => {
        const x = (i / 18) * w + r() * 60;
        const ph = h * (0.12 + r() * 0.1);
        return `<polygon points="${x},${h - ph - 20} ${x - ph * 0.3},${h - 20} ${x + ph * 0.3},${h - 20}" fill="hsl(155,40%,${14 + r() * 6}%)"/>`;
      }).join("");
      return (
        `<defs>${linear("bg", ["hsl(200,70%,58%)", "hsl(30,90%,76%)"])}</defs>` +
        `<rect width="${w}" height="${h}" fill="url(#bg)"/>` +
        `<circle cx="${w * 0.3}" cy="${h * 0.26}" r="${h * 0.1}" fill="hsl(45,100%,88%)"/>` +
        ranges(w, h, r, ["hsl(215,28%,58%)", "hsl(215,28%,44%)", "hsl(215,30%,32%)"], 0.52) +
        `<rect y="${h * 0.8}" width="${w}" height="${h * 0.2}" fill="hsl(200,45%,45%)"/>` +
        `<rect y="${h * 0.83}" width="${w}" height="4" fill="#fff" opacity="0.35"/>` +
        `<path d="M0 ${h} V ${h * 0.92} Q ${w * 0.5} ${h * 0.86} ${w} ${h * 0.93} V ${h} Z" fill="hsl(150,40%,18%)"/>${pines}`
      );
    }
  }
}

/** The creator's avatar: a square JPEG emblem of their style. */
export function demoAvatar(style: PhotoStyle): Promise<Buffer> {
  return sharp(Buffer.from(svg(AVATAR, AVATAR, avatarBody(style))))
    .jpeg({ quality: 92 })
    .toBuffer();
}

/** The creator's banner: a 3:1 JPEG scene in the avatar's palette. */
export function demoBanner(style: PhotoStyle): Promise<Buffer> {
  return sharp(Buffer.from(svg(BANNER_W, BANNER_H, bannerBody(style))))
    .jpeg({ quality: 90 })
    .toBuffer();
}
