// fanzctl seed --demo: a living demo site. Six creators with their own avatar, banner and posts (text,
// generated photos and short videos; free, subscribers-only, pay-per-view, one scheduled), payout methods
// and payouts (paid, approved, waiting for the admin), and twenty fans who spent twelve weeks
// subscribing, liking, commenting, unlocking and tipping, plus a demo fan with a wallet. It runs the real
// services on a clock that starts weeks ago and moves forward, so every payment goes through the ledger
// and renewals, releases of held earnings, payouts and notifications happen when they would have. The media is
// processed before it ends, so the site shows every picture on its first start. It adds nothing when
// demo accounts already exist.
import type { Command } from "commander";
import { mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { DAY } from "../../src/lib/clock.ts";
import { buildApp, startJobs } from "../../src/main.ts";
import type { AppContext } from "../../src/context.ts";
import type { Services } from "../../src/services.ts";
import { createActions, demoEmail } from "../demo/actions.ts";
import { CREATORS, DEMO_CREATOR, DEMO_EMAIL_DOMAIN, DEMO_FAN, FANS } from "../demo/catalog.ts";
import { DEMO_DAYS, planDemo } from "../demo/story.ts";
import { createTimeline, SeedClock } from "../demo/timeline.ts";
import { CliError } from "../errors.ts";
import { createSteps } from "../lib/steps.ts";
import { configFrom, withCommonOptions, type CommonOptions } from "../options.ts";
import { returnToServiceUser } from "../lib/system-user.ts";

const DEMO_PASSWORD = "demo-password";
/** Media left unprocessed after this is finished by the server's job queue. */
const MEDIA_WAIT_MS = 3 * 60_000;

const WEEKS = Math.round(DEMO_DAYS / 7);
const DEMO_USERNAMES = [
  ...CREATORS.map((c) => c.username),
  ...FANS.map((f) => f.username),
  DEMO_FAN.username,
];

/** Runs the job queue until the seed's photos and videos are processed (or the wait is over). */
async function processMedia(ctx: AppContext, services: Services): Promise<Record<string, number>> {
  const stop = startJobs(ctx, services);
  const deadline = Date.now() + MEDIA_WAIT_MS;
  try {
    for (;;) {
      const c = await services.jobs.counts();
      if (!c.queued && !c.running) return c;
      if (Date.now() > deadline) return c;
      await new Promise((ok) => setTimeout(ok, 100));
    }
  } finally {
    await stop(10_000);
  }
}

export function registerSeed(program: Command): void {
  withCommonOptions(program.command("seed").description("fill the site with demo content"))
    .option("--demo", "twelve weeks of demo activity: creators, posts, media, fans, sales and a demo fan")
    .action(async (opts: CommonOptions & { demo?: boolean }) => {
      if (!opts.demo) throw new CliError("Nothing to seed.", "Run `fanzctl seed --demo`.");
      const config = configFrom(opts);
      if (config.payments.provider !== "sandbox") {
        throw new CliError(
          `Demo payments go through the sandbox provider, but this site takes real payments (payments.provider = "${config.payments.provider}").`,
          "Seed a separate data directory that uses the sandbox: `fanzctl seed --demo --data-dir ./demo-data`.",
        );
      }
      const end = Date.now();
      const clock = new SeedClock(end - DEMO_DAYS * DAY);
      const { ctx, services } = await buildApp(config, { web: null, clock });
      const s = services;
      try {
        const taken = [];
        for (const u of DEMO_USERNAMES) {
          const found = (await s.users.byUsername(u)) ?? (await s.users.byEmail(demoEmail(u)));
          if (found) taken.push(found);
        }
        if (taken.some((u) => u.email.endsWith(`@${DEMO_EMAIL_DOMAIN}`))) {
          console.log(`Demo content is already there (@${taken[0]!.username} exists); nothing was added.`);
          return;
        }
        if (taken.length > 0) {
          throw new CliError(
            `The demo needs the username @${taken[0]!.username}, which a real account on this site has.`,
            "Seed an empty data directory instead: `fanzctl seed --demo --data-dir ./demo-data`.",
          );
        }
        const steps = createSteps();
        const workDir = await mkdtemp(join(ctx.paths.tmp, "seed-"));
        try {
          const ffmpeg = s.media.ffmpeg().found?.path ?? null;
          const a = createActions(ctx, services, {
            passwordHash: await s.auth.hashPassword(DEMO_PASSWORD),
            workDir,
            ffmpeg,
          });
          const timeline = createTimeline(ctx, services, clock);
          const demo = planDemo(ctx, services, timeline, a, end);
          let step = steps.step(`Playing ${WEEKS} weeks of demo activity`);
          try {
            const played = await timeline.play();
            clock.goLive();
            await timeline.tick();
            await demo.scheduleAhead();
            step.done(`${played} events`);
          } catch (err) {
            step.fail();
            throw new CliError(
              `Seeding stopped halfway: ${(err as Error).message}`,
              "The demo data is incomplete: seed an empty data directory (`--data-dir`), or restore a backup.",
            );
          }
          const t = a.tally;
          step = steps.step(
            `Processing ${t.photos} photos, ${t.videos} videos and ${t.profileImages} avatars and banners`,
          );
          const jobs = await processMedia(ctx, services);
          step.done(
            `${jobs.done ?? 0} done, ${jobs.failed ?? 0} failed, ${jobs.queued ?? 0} left for the server`,
          );

          const others = CREATORS.map((c) => c.username).filter((u) => u !== DEMO_CREATOR);
          console.log(
            [
              `Created ${CREATORS.length} demo creators and ${FANS.length + 1} fans, with ${WEEKS} weeks of activity:`,
              `  ${t.posts} posts (${t.photos} photos, ${t.videos} videos), ${t.likes} likes, ${t.comments} comments`,
              `  ${t.subscriptions} subscriptions, ${t.unlocks} unlocked posts, ${t.tips} tips, ${t.topups} wallet top-ups, ${t.payouts} payouts, ${t.messages} messages`,
              `Log in with password "${DEMO_PASSWORD}" as:`,
              `  ${demoEmail(DEMO_FAN.username)}  a fan: wallet, subscriptions, unlocked posts, notifications`,
              `  ${demoEmail(DEMO_CREATOR)}  a creator: earnings, payouts, subscribers, notifications`,
              `  or ${others.map((u) => `${u}@…`).join(", ")}`,
            ].join("\n"),
          );
          if (!ffmpeg)
            console.log("ffmpeg was not found, so the demo has no videos (`fanzctl doctor` says why).");
        } finally {
          await rm(workDir, { recursive: true, force: true });
        }
      } finally {
        // Mails the demo's notifications woke are written (or left queued for the server) before closing.
        await s.notifications.outbox.stop();
        await ctx.db.close();
        returnToServiceUser(config.data.dir);
      }
    });
}
