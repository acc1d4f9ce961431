// fanzctl seed --demo: a few demo creators with posts (public, subscribers-only, pay-per-view) and a demo
// fan, so a newcomer sees a living site. Safe to run twice: existing demo accounts are left alone.
import type { Command } from "commander";
import { buildApp } from "../../src/main.ts";
import { HOUR } from "../../src/lib/clock.ts";
import type { Visibility } from "../../src/modules/posts/tables.ts";
import { CliError } from "../errors.ts";
import { configFrom, withCommonOptions, type CommonOptions } from "../options.ts";

const DEMO_PASSWORD = "demo-password";

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
            // Spread the demo posts over the past days so timelines look lived-in.
            const at = ctx.clock.now() - (j * 7 + i) * 3 * HOUR;
            await s.posts.create(viewer, { ...p, priceCents: p.priceCents ?? null }, { at });
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
        ctx.db.close();
      }
    });
}
