// The demo's weeks, planned as events on the timeline: creators join and post on their own days, fans
// join, top up, subscribe, come back every few days to like, comment, unlock and tip, and sometimes let a
// subscription lapse. The demo fan follows a fixed script, so what a newcomer sees when logging in as them
// is known: a wallet balance, live and lapsed subscriptions, unlocked posts, a refund and notifications.
import type { AppContext } from "../../src/context.ts";
import type { Services } from "../../src/services.ts";
import { DAY, HOUR, MINUTE } from "../../src/lib/clock.ts";
import type { PostView } from "../../src/modules/posts/service.ts";
import type { Actions, Person } from "./actions.ts";
import { CREATORS, DEMO_CREATOR, DEMO_FAN, FANS, GENERIC_COMMENTS, TIP_MESSAGES } from "./catalog.ts";
import type { DemoComment, DemoCreator, DemoPost } from "./types.ts";
import { randomFrom } from "./media.ts";
import { planPayouts } from "./payouts.ts";
import type { Timeline } from "./timeline.ts";

/** How far back the demo starts: long enough for renewals, released earnings and several months. */
export const DEMO_DAYS = 84;

export function planDemo(ctx: AppContext, services: Services, timeline: Timeline, a: Actions, end: number) {
  const r = randomFrom(2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const ago = (days: number) => end - days * DAY;
  const people = new Map<string, Person>();
  const who = (username: string) => people.get(username)!;
  const byUsername = new Map(CREATORS.map((c) => [c.username, c]));
  /** Post ids by their text (for the demo fan's script), and what each post is. */
  const postIds = new Map<string, string>();
  const posted = new Map<string, DemoPost>();
  const publish = async (c: DemoCreator, post: DemoPost, publishAt?: number) => {
    const id = await a.post(who(c.username), c, post, publishAt);
    postIds.set(post.text, id);
    posted.set(id, post);
  };

  for (const [i, c] of CREATORS.entries()) {
    // In reverse order: the demo creator (first in the list) joins last, so Discover (newest first) leads with them.
    timeline.at(ago(DEMO_DAYS - (CREATORS.length - 1 - i) * 0.3), async () => {
      const p = await a.person(c.username, c.displayName);
      await a.becomeCreator(p, c);
      people.set(c.username, p);
      if (c.username === DEMO_CREATOR)
        await a.welcome(p, "Welcome in! New sets go up every week; write to me any time.");
    });
    for (const post of c.posts) {
      // Posts go up in the daytime of their day, a few hours apart between creators.
      const at = ago(post.daysAgo) + (2 + i * 1.5 + r() * 2) * HOUR - 12 * HOUR;
      if (post.scheduledDaysEarlier) {
        timeline.at(at - post.scheduledDaysEarlier * DAY, () => publish(c, post, at));
      } else {
        timeline.at(at, () => publish(c, post));
      }
    }
    // Creators read their notifications now and then; the last few days' stay unread.
    for (const d of [50, 30, 12, 3])
      timeline.at(ago(d), () => services.notifications.markAllRead(who(c.username).id));
  }

  /** What each post already has in its comments: nobody repeats a line someone else wrote there. */
  const saidOn = new Map<string, Set<string>>();
  function commentFor(postId: string, c: DemoCreator | undefined): DemoComment | null {
    const said = saidOn.get(postId) ?? new Set<string>();
    saidOn.set(postId, said);
    const unsaid = (ls: DemoComment[]) => ls.filter((l) => !said.has(l.text));
    // What the post itself asks for first, then the creator's topics, then the generic lines.
    const pools = [
      unsaid(posted.get(postId)?.comments ?? []),
      unsaid(c?.comments ?? []),
      unsaid(GENERIC_COMMENTS.map((text) => ({ text }))),
    ].filter((p) => p.length > 0);
    const from = pools.find((p, i) => i === pools.length - 1 || r() < 0.6);
    if (!from) return null;
    const line = pick(from);
    said.add(line.text);
    return line;
  }

  /** A fan opens the site: scrolls the feed (and now and then a creator they don't follow) and reacts. */
  async function visit(fan: Person, spend: boolean): Promise<void> {
    const seen = new Map<string, PostView>((await a.feed(fan, 12)).map((p) => [p.id, p]));
    if (r() < 0.35) for (const p of await a.creatorPage(fan, pick(CREATORS).username, 6)) seen.set(p.id, p);
    const open: PostView[] = [];
    for (const post of seen.values()) {
      if (post.locked) {
        if (spend && post.visibility === "ppv" && r() < 0.12)
          await a.unlock(fan, post, r() < 0.3 ? "card" : "wallet");
        continue;
      }
      open.push(post);
      if (!post.viewer.liked && r() < 0.45) await a.like(fan, post.id);
      const creator = byUsername.get(post.creator.username);
      const line = r() < 0.05 ? commentFor(post.id, creator) : null;
      if (line) {
        await a.comment(fan, post.id, line.text);
        // Creators answer some comments a few hours later.
        const replyAt = ctx.clock.now() + (1 + r() * 8) * HOUR;
        if (creator && line.reply && r() < 0.5 && replyAt < end)
          timeline.at(replyAt, () => a.comment(who(creator.username), post.id, line.reply!));
      }
    }
    if (spend && open.length > 0 && r() < 0.12) {
      const post = pick(open);
      await a.tip(
        fan,
        post.creator.username,
        pick([200, 300, 500, 500, 1000, 1500]),
        r() < 0.6 ? pick(TIP_MESSAGES) : undefined,
        r() < 0.5 ? post.id : undefined,
      );
    }
    if (spend && (await a.balance(fan)) < 800 && r() < 0.4) await a.topUp(fan, pick([1500, 2000, 3000]));
  }

  for (const f of FANS) {
    const joinedAgo = 4 + r() * (DEMO_DAYS - 8);
    const firstTopUp = pick([2000, 2500, 3000, 5000, 7500]);
    timeline.at(ago(joinedAgo), async () => {
      people.set(f.username, await a.person(f.username, f.displayName));
      await a.topUp(who(f.username), firstTopUp);
    });
    for (const c of CREATORS) {
      if (r() >= c.appeal) continue;
      const subAgo = joinedAgo - 0.1 - r() * Math.min(20, joinedAgo - 1);
      const payWith = c.priceCents > 0 && r() < 0.35 ? "card" : "wallet";
      const months = c.bundles.length > 0 && r() < 0.2 ? pick(c.bundles).months : 1;
      timeline.at(ago(subAgo), async () => {
        await a.subscribe(who(f.username), c.username, payWith, months);
      });
      if (r() < 0.15) timeline.at(ago(subAgo * r()), () => a.cancel(who(f.username), c.username));
    }
    for (let d = joinedAgo - 0.5 - r() * 2; d > 0.1; d -= 1.5 + r() * 3.5) {
      timeline.at(ago(d), () => visit(who(f.username), true));
    }
  }

  // A tip minutes ago: the demo creator's notifications and this month's earnings start with something.
  timeline.at(end - 20 * MINUTE, () =>
    a.tip(who(FANS[0]!.username), DEMO_CREATOR, 500, "Just found your page. Wow."),
  );

  // The demo fan: every purchase is scripted, so the wallet ends positive and the story is the same
  // on every run: a trial that turned into a paid subscription, a card subscription whose wallet renewal
  // failed (a notification), two unlocked posts, a refunded unlock (a notification) and two tips.
  const fan = () => who(DEMO_FAN.username);
  const unlockText = async (creator: string, text: string) => {
    const post = (await a.creatorPage(fan(), creator, 50)).find((p) => p.id === postIds.get(text))!;
    await a.unlock(fan(), post, "wallet");
    return post.id;
  };
  const ava = byUsername.get(DEMO_CREATOR)!;
  const script: [number, () => Promise<unknown>][] = [
    [
      66,
      async () => {
        people.set(DEMO_FAN.username, await a.person(DEMO_FAN.username, DEMO_FAN.displayName));
        await a.topUp(fan(), 2500);
        await a.subscribe(fan(), "lofi_june", "wallet");
      },
    ],
    [65, () => a.subscribe(fan(), DEMO_CREATOR, "wallet")], // a 7-day trial, then 7.99 from the wallet
    [63, () => a.subscribe(fan(), "fitwithmarco", "card")], // renews from the wallet in 30 days: too little there
    [56, () => unlockText(DEMO_CREATOR, ava.posts[2]!.text)],
    [50, () => a.tip(fan(), "lofi_june", 300, "Your loops got me through a deadline.")],
    [20, () => a.topUp(fan(), 4000)],
    [14, () => a.subscribe(fan(), "chef_noor", "wallet")], // a 3-day trial, then 4.99
    [10, () => unlockText("chef_noor", byUsername.get("chef_noor")!.posts[2]!.text)],
    [
      8,
      async () => {
        const postId = await unlockText("pixel_rin", byUsername.get("pixel_rin")!.posts[5]!.text);
        // The next day the site refunds it (the files would not open): the money goes back to the wallet.
        timeline.at(ago(7), async () => {
          await services.payments.refund((await a.unlockTxnId(fan(), postId))!);
        });
      },
    ],
    [5, () => a.tip(fan(), DEMO_CREATOR, 500, "For the next trip.", postIds.get(ava.posts[7]!.text))],
    // Messages: a chat with the demo creator (with a pay-per-view set waiting to be unlocked), a mass
    // message, and an answer from lofi_june the demo fan has not read yet.
    [
      30,
      () =>
        a.message(
          fan(),
          DEMO_CREATOR,
          "The harbour set is my favourite so far. Where was the boat shot taken?",
        ),
    ],
    [
      29.9,
      () =>
        a.message(
          who(DEMO_CREATOR),
          DEMO_FAN.username,
          "Thank you! That was Porto, at 6 am, before the tourists.",
        ),
    ],
    [29.8, () => a.readAll(fan(), DEMO_CREATOR)],
    [
      4,
      () =>
        a.message(
          who(DEMO_CREATOR),
          DEMO_FAN.username,
          "Three frames that did not make the post. Just for you.",
          {
            priceCents: 600,
            photos: 3,
          },
        ),
    ],
    [
      2,
      () =>
        a.massMessage(
          who(DEMO_CREATOR),
          "New series from the coast goes up on Friday. Thanks for being here.",
        ),
    ],
    [1.2, () => a.message(fan(), "lofi_june", "Will the rain loop be on the next tape?")],
    [1, () => a.message(who("lofi_june"), DEMO_FAN.username, "Yes! Side B, track 2.")],
  ];
  for (const [days, run] of script)
    timeline.at(ago(days) + 3 * HOUR, async () => {
      await run();
    });
  for (let d = 64; d > 0.5; d -= 3 + r() * 2) timeline.at(ago(d), () => visit(fan(), false));

  planPayouts(ctx, services, timeline, a, who, ago);

  return {
    /** Posts still ahead of their time when the demo ends (published by the running server). */
    async scheduleAhead(): Promise<void> {
      for (const c of CREATORS) {
        if (!c.scheduled) continue;
        const { text, visibility, inDays } = c.scheduled;
        await a.post(who(c.username), c, { text, visibility, daysAgo: 0 }, Date.now() + inDays * DAY);
      }
      // The demo creator's next live stream, tomorrow evening: it goes live when OBS publishes with her key.
      const tomorrow = new Date(Date.now() + DAY);
      tomorrow.setUTCHours(19, 0, 0, 0);
      await services.live.create(who(DEMO_CREATOR).viewer, {
        title: "Studio Q&A: lenses, light and your questions",
        access: "subscribers",
        record: true,
        scheduledAt: tomorrow.getTime(),
      });
    },
  };
}
