// fanzctl seed --demo: a few demo creators with posts (public, subscribers-only, pay-per-view) and generated
// photos, and a demo fan, so a newcomer sees a living site. Safe to run twice: existing demo accounts are left alone.
import type { Command } from "commander";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { buildApp } from "../../src/main.ts";
import { HOUR } from "../../src/lib/clock.ts";
import type { Visibility } from "../../src/modules/posts/tables.ts";
import { CliError } from "../errors.ts";
import { configFrom, withCommonOptions, type CommonOptions } from "../options.ts";

const DEMO_PASSWORD = "demo-password";

/** A colourful abstract "photo" (gradient sky, sun, hills), different for every seed number. */
async function demoPhoto(n: number): Promise<Buffer> {
  const hue = (n * 47) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="hsl(${hue},70%,55%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},80%,80%)"/>
    </linearGradient></defs>
    <rect width="1600" height="1200" fill="url(#sky)"/>
    <circle cx="${400 + ((n * 131) % 800)}" cy="380" r="150" fill="hsl(${(hue + 180) % 360},90%,70%)" opacity="0.9"/>
    <path d="M0 900 Q 400 ${700 + (n % 5) * 30} 800 880 T 1600 860 V 1200 H 0 Z" fill="hsl(${(hue + 120) % 360},45%,35%)"/>
    <path d="M0 1000 Q 500 900 1000 1010 T 1600 990 V 1200 H 0 Z" fill="hsl(${(hue + 140) % 360},40%,25%)"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

const CREATORS = [
  {
    username: "ava_lens",
    displayName: "Ava Lens",
    bio: "Street and travel photographer. New sets every week, behind-the-scenes for subscribers.",
    priceCents: 799,
    bundles: [
      { months: 3 as const, discountPercent: 10 },
      { months: 12 as const, discountPercent: 25 },
    ],
    trialDays: 7,
  },
  {
    username: "fitwithmarco",
    displayName: "Marco Ruiz",
    bio: "Coach. Daily workouts, meal plans and form checks.",
    priceCents: 1299,
    bundles: [{ months: 6 as const, discountPercent: 15 }],
    trialDays: 0,
  },
  {
    username: "lofi_june",
    displayName: "June",
    bio: "Free lo-fi beats and sketches. Tips keep the lights on.",
    priceCents: 0,
    bundles: [],
    trialDays: 0,
  },
];

const POSTS: { text: string; visibility: Visibility; priceCents?: number }[] = [
  { text: "Welcome to my page! Here is what to expect this month.", visibility: "public" },
  { text: "Subscribers: the full set from last weekend is up.", visibility: "subscribers" },
  { text: "Exclusive: the uncut behind-the-scenes of the big shoot.", visibility: "ppv", priceCents: 500 },
  { text: "Thank you for 1,000 followers. Q&A on Friday!", visibility: "public" },
  { text: "Work in progress, tell me what you think.", visibility: "subscribers" },
];

export function registerSeed(program: Command): void {
  withCommonOptions(program.command("seed").description("fill the site with demo content"))
    .option("--demo", "create demo creators, posts and a demo fan")
    .action(async (opts: CommonOptions & { demo?: boolean }) => {
      if (!opts.demo) throw new CliError("Nothing to seed.", "Run `fanzctl seed --demo`.");
      const { ctx } = buildApp(configFrom(opts), { web: null });
      const s = ctx.services;
      const tmp = await mkdtemp(join(tmpdir(), "fanz-seed-"));
      try {
        const passwordHash = await s.auth.hashPassword(DEMO_PASSWORD);
        let made = 0;
        for (const [i, c] of CREATORS.entries()) {
          if (s.users.byUsername(c.username)) continue;
          const user = await ctx.db.write((tx) =>
            s.users.insert(tx, {
              email: `${c.username}@demo.fanz.local`,
              username: c.username,
              displayName: c.displayName,
              passwordHash,
              role: "fan",
            }),
          );
          await s.creators.upsertMine(user.id, c);
          const viewer = { id: user.id, role: "creator" as const };
          for (const [j, p] of POSTS.entries()) {
            // Every other post carries generated photos (processed when the server runs its job queue).
            const mediaIds: string[] = [];
            for (let k = 0; k < (j % 2 === 0 ? 2 : 0); k++) {
              const file = join(tmp, `demo-${i}-${j}-${k}.jpg`);
              await writeFile(file, await demoPhoto(i * 10 + j * 2 + k));
              mediaIds.push((await s.media.importFile(viewer, file, `demo-${k + 1}.jpg`)).id);
            }
            // Spread the demo posts over the past days so timelines look lived-in.
            const at = ctx.clock.now() - (j * 7 + i) * 3 * HOUR;
            await s.posts.create(viewer, { ...p, priceCents: p.priceCents ?? null, mediaIds }, { at });
          }
          made++;
        }
        if (!s.users.byUsername("demo_fan")) {
          const fan = await ctx.db.write((tx) =>
            s.users.insert(tx, {
              email: "demo_fan@demo.fanz.local",
              username: "demo_fan",
              displayName: "Demo Fan",
              passwordHash,
              role: "fan",
            }),
          );
          await s.subscriptions.subscribe(fan.id, { creator: "lofi_june" });
        }
        console.log(
          made
            ? `Created ${made} demo creator(s) and a demo fan. Log in as demo_fan@demo.fanz.local or <creator>@demo.fanz.local with password "${DEMO_PASSWORD}".`
            : "Demo content is already there.",
        );
      } finally {
        await rm(tmp, { recursive: true, force: true });
        ctx.db.close();
      }
    });
}
