// What demo people do, each through the service a real request would use: accounts, creator profiles,
// posts with media (filed in the vault and queued for processing), and every payment through the ledger.
// Card payments go to the sandbox provider's checkout and are completed by its signed event, exactly as
// its hosted page delivers it.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { AppContext } from "../../src/context.ts";
import type { Services } from "../../src/services.ts";
import { newId } from "../../src/lib/ids.ts";
import type { EntitlementViewer } from "../../src/modules/entitlement/service.ts";
import { SANDBOX_SIGNATURE_HEADER, sign } from "../../src/modules/payments/providers/sandbox/provider.ts";
import type { Outcome, PayWith } from "../../src/modules/payments/service.ts";
import type { PayoutMethodInput } from "../../src/modules/payouts/method.ts";
import type { PostView } from "../../src/modules/posts/service.ts";
import { DEMO_EMAIL_DOMAIN } from "./catalog.ts";
import type { DemoCreator, DemoPost } from "./types.ts";
import { demoPhoto, demoVideo } from "./media.ts";
import { demoAvatar, demoBanner } from "./profile-art.ts";

export interface Person {
  id: string;
  username: string;
  viewer: EntitlementViewer;
}

export interface Tally {
  posts: number;
  photos: number;
  videos: number;
  profileImages: number;
  payouts: number;
  likes: number;
  comments: number;
  subscriptions: number;
  unlocks: number;
  tips: number;
  topups: number;
  messages: number;
}

export const demoEmail = (username: string) => `${username}@${DEMO_EMAIL_DOMAIN}`;

export function createActions(
  ctx: AppContext,
  services: Services,
  opts: { passwordHash: string; workDir: string; ffmpeg: string | null },
) {
  const s = services;
  const tally: Tally = {
    posts: 0,
    photos: 0,
    videos: 0,
    profileImages: 0,
    payouts: 0,
    likes: 0,
    comments: 0,
    subscriptions: 0,
    unlocks: 0,
    tips: 0,
    topups: 0,
    messages: 0,
  };
  let mediaSeed = 0;

  /** Pays a sandbox checkout with the test card: the provider's signed event completes it. */
  async function payAtSandbox(checkoutId: string): Promise<void> {
    const body = JSON.stringify({
      id: `evt_${newId()}`,
      type: "checkout.completed",
      data: { checkoutId, providerRef: `sbx_${checkoutId}` },
    });
    const secret = await s.site.generatedSecret("sandbox_webhook");
    await s.webhooks.receive(
      body,
      { [SANDBOX_SIGNATURE_HEADER]: sign(secret, body, ctx.clock.now()) },
      { clientIp: "127.0.0.1", query: {} },
    );
  }

  async function settle<T>(outcome: Outcome<T>): Promise<void> {
    if ("checkout" in outcome) await payAtSandbox(outcome.checkout.checkoutId);
  }

  const balance = async (p: Person) => (await s.payments.wallet(p.id, null, 1)).balanceCents;

  async function topUp(p: Person, cents: number): Promise<void> {
    await settle(await s.payments.topup(p.id, cents));
    tally.topups++;
  }

  /** A wallet payment needs the money there first: the fan tops up by card when it is short. */
  async function fund(p: Person, cents: number, topUpCents: number): Promise<void> {
    if ((await balance(p)) < cents) await topUp(p, Math.max(topUpCents, cents));
  }

  async function attachments(creator: DemoCreator, post: DemoPost): Promise<string[]> {
    const owner = { id: (await s.users.byUsername(creator.username))!.id, role: "creator" as const };
    const ids: string[] = [];
    for (let k = 0; k < (post.photos ?? 0); k++) {
      const file = join(opts.workDir, `${newId()}.jpg`);
      await writeFile(
        file,
        await demoPhoto(post.style ?? creator.style, ++mediaSeed * 7919, post.caption ?? creator.displayName),
      );
      ids.push((await s.media.importFile(owner, file, `${creator.username}-${mediaSeed}.jpg`)).id);
      tally.photos++;
    }
    if (post.video && opts.ffmpeg) {
      const file = join(opts.workDir, `${newId()}.mp4`);
      await demoVideo(opts.ffmpeg, post.style ?? creator.style, ++mediaSeed * 7919, post.video, file);
      ids.push((await s.media.importFile(owner, file, `${creator.username}-${mediaSeed}.mp4`)).id);
      tally.videos++;
    }
    return ids;
  }

  /** Uploads a profile image the way the upload route does: a multipart body with the file in `file`. */
  async function uploadProfileImage(p: Person, purpose: "avatar" | "banner", jpeg: Buffer): Promise<void> {
    const form = new FormData();
    form.set("file", new Blob([jpeg], { type: "image/jpeg" }), `${p.username}-${purpose}.jpg`);
    const multipart = new Response(form);
    const body = new Uint8Array(await multipart.arrayBuffer());
    await s.profiles.uploadImage(
      p.viewer,
      {
        body: new Blob([body]).stream(),
        contentType: multipart.headers.get("content-type") ?? undefined,
        contentLength: String(body.byteLength),
      },
      { purpose, crop: null },
    );
    tally.profileImages++;
  }

  return {
    tally,
    balance,
    topUp,

    async person(username: string, displayName: string): Promise<Person> {
      // Demo addresses cannot receive mail; they count as proved (creators need that for payouts).
      const user = await ctx.db.write(async (tx) => {
        const u = await s.users.insert(tx, {
          email: demoEmail(username),
          username,
          displayName,
          passwordHash: opts.passwordHash,
          role: "fan",
        });
        await s.users.setEmailVerifiedTx(tx, u.id, ctx.clock.now());
        return u;
      });
      return { id: user.id, username: user.username, viewer: { id: user.id, role: "fan" } };
    },

    async becomeCreator(p: Person, c: DemoCreator): Promise<void> {
      await s.profiles.upsertMine(p.id, c);
      p.viewer = { id: p.id, role: "creator" };
      // Processed with the posts' media at the end of the seed.
      await uploadProfileImage(p, "avatar", await demoAvatar(c.style));
      await uploadProfileImage(p, "banner", await demoBanner(c.style));
    },

    setPayoutMethod: (p: Person, method: PayoutMethodInput) => s.payouts.setMethod(p.id, method),

    /** Asks for the available earnings, in whole tens, when that reaches the site's minimum; null when not. */
    async requestPayout(p: Person): Promise<string | null> {
      const cents = Math.floor((await s.payments.earnings(p.id)).availableCents / 1000) * 1000;
      if (cents === 0 || cents < (await s.site.settings()).payoutMinimumCents) return null;
      tally.payouts++;
      return (await s.payouts.request(p.id, cents)).id;
    },

    /** Publishes now, or (publishAt) writes it now for the scheduler to publish later. */
    async post(p: Person, c: DemoCreator, post: DemoPost, publishAt?: number): Promise<string> {
      const mediaIds = await attachments(c, post);
      const made = await s.posts.create(p.viewer, {
        text: post.text,
        visibility: post.visibility,
        priceCents: post.priceCents ?? null,
        publishAt,
        mediaIds,
      });
      tally.posts++;
      return made.id;
    },

    /** Subscribes (a trial or a free creator costs nothing now); false when already subscribed. */
    async subscribe(fan: Person, creator: string, payWith: PayWith, months = 1): Promise<boolean> {
      const terms = (await s.creators.terms(creator))!;
      if (await s.subscriptions.isSubscribed(fan.id, terms.userId)) return false;
      if (payWith === "wallet") await fund(fan, terms.priceCents * months, 2500);
      await settle(await s.subscriptions.subscribe(fan.id, { creator, months, payWith }));
      tally.subscriptions++;
      return true;
    },

    async cancel(fan: Person, creator: string): Promise<void> {
      const sub = await s.subscriptions.byPair(fan.id, (await s.creators.terms(creator))!.userId);
      if (sub?.autoRenew && sub.status === "active") await s.subscriptions.cancel(fan.id, sub.id);
    },

    async unlock(fan: Person, post: PostView, payWith: PayWith): Promise<void> {
      if (payWith === "wallet") await fund(fan, post.priceCents!, 2000);
      await settle(await s.posts.unlock(fan.viewer, post.id, payWith));
      tally.unlocks++;
    },

    async tip(fan: Person, creator: string, cents: number, message?: string, postId?: string): Promise<void> {
      await fund(fan, cents, 2000);
      await settle(
        await s.tips.tip(fan.id, { creator, amountCents: cents, message, postId, payWith: "wallet" }),
      );
      tally.tips++;
    },

    async like(p: Person, postId: string): Promise<void> {
      await s.posts.setLike(p.viewer, postId, true);
      tally.likes++;
    },

    async comment(p: Person, postId: string, text: string): Promise<void> {
      await s.posts.comment(p.viewer, postId, text);
      tally.comments++;
    },

    /** A direct message from `from` to `to` (free, or priced with media from the sender's vault). */
    async message(from: Person, to: string, text: string, paid?: { priceCents: number; photos: number }) {
      const sender = (await s.users.byId(from.id))!;
      const { conversation } = await s.messages.start(sender, to);
      const mediaIds = paid
        ? (await s.media.vault(from.viewer, null, 20)).items
            .filter((m) => m.kind === "image")
            .slice(0, paid.photos)
            .map((m) => m.id)
        : [];
      await s.messages.send(sender, conversation.id, { text, mediaIds, priceCents: paid?.priceCents });
      tally.messages++;
    },
    /** The person reads a conversation up to its newest message. */
    async readAll(p: Person, withUsername: string): Promise<void> {
      const list = (await s.messages.list(p.viewer, null, 50)).items;
      const c = list.find((x) => x.with.username === withUsername);
      if (c?.lastMessage) await s.messages.markRead(p.viewer, c.id, c.lastMessage.id);
    },
    async massMessage(creator: Person, text: string): Promise<void> {
      await s.messages.startMass((await s.users.byId(creator.id))!, { text, audience: "subscribers" });
      tally.messages++;
    },
    async welcome(creator: Person, text: string): Promise<void> {
      await s.profiles.upsertMine(creator.id, { welcomeMessage: { text } });
    },

    /** What the person sees on their home feed right now. */
    feed: async (p: Person, limit: number): Promise<PostView[]> =>
      (JSON.parse(await s.posts.feed(p.viewer, null, limit)) as { items: PostView[] }).items,
    creatorPage: async (p: Person, creator: string, limit: number) =>
      (await s.posts.byCreator(p.viewer, creator, null, limit)).items,
    /** The ledger transaction of a fan's unlock of a post (for a refund). */
    unlockTxnId: async (fan: Person, postId: string) =>
      (await s.payments.wallet(fan.id, null, 50)).transactions.find(
        (t) => t.kind === "ppv" && t.postId === postId,
      )?.id,
  };
}

export type Actions = ReturnType<typeof createActions>;
