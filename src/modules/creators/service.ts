// Creators: the profile that turns a user into someone fans can subscribe to (price, bundles, trial),
// and its avatar and banner (media processed by the media module; null = the generated fallback).
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { Conflict, Forbidden, NotFound } from "../../lib/errors.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import { configuredCache } from "../../lib/cache.ts";
import { bundlePriceCents, formatCents } from "../../lib/money.ts";
import type { EntitlementViewer } from "../entitlement/service.ts";
import type { ProfilePurpose, ProfileImage, ProfileUpload } from "../media/profile-images.ts";
import type { OwnMediaView, UploadRequest } from "../media/service.ts";
import type { UserRow } from "../users/tables.ts";
import { creatorsRepo } from "./repo.ts";
import type { Bundle, CreatorProfileRow } from "./tables.ts";

const BALANCE_NAMES: Record<string, string> = {
  creator_pending: "pending",
  creator_available: "available",
  payouts_payable: "in payouts not sent yet",
};

export interface CreatorProfileInput {
  displayName?: string | undefined;
  bio?: string | undefined;
  priceCents: number;
  currency?: string | undefined;
  bundles?: Bundle[] | undefined;
  trialDays?: number | undefined;
}

export interface CreatorView {
  id: string;
  username: string;
  displayName: string;
  bio: string;
  /** The uploaded avatar's largest variant, and all of them for `srcset`; null = generated initials. */
  avatarUrl: string | null;
  avatarSrcset: string | null;
  /** The uploaded 3:1 banner; null = the generated gradient. */
  bannerUrl: string | null;
  bannerSrcset: string | null;
  priceCents: number;
  currency: string;
  bundles: { months: number; discountPercent: number; priceCents: number }[];
  trialDays: number;
  postsCount: number;
  /** Photos and videos in the creator's live posts. */
  mediaCount: number;
  /** Likes on the creator's live posts. */
  likesCount: number;
  createdAt: number;
}

export function createCreatorsService(ctx: AppContext) {
  // Looked up for every post on every page; forgotten when the profile changes (upsertMine).
  const currencies = configuredCache<string, string>(ctx, 20_000);
  function present(rows: { profile: CreatorProfileRow; user: UserRow }[]): CreatorView[] {
    const counts = ctx.services.posts.profileCounts(rows.map((r) => r.user.id));
    const images = ctx.services.media.profileImages(
      rows.flatMap((r) => [r.profile.avatarMediaId, r.profile.bannerMediaId].filter((id) => id !== null)),
    );
    const image = (id: string | null): ProfileImage | undefined => (id ? images.get(id) : undefined);
    return rows.map(({ profile: p, user: u }) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      bio: p.bio,
      avatarUrl: image(p.avatarMediaId)?.url ?? null,
      avatarSrcset: image(p.avatarMediaId)?.srcset ?? null,
      bannerUrl: image(p.bannerMediaId)?.url ?? null,
      bannerSrcset: image(p.bannerMediaId)?.srcset ?? null,
      priceCents: p.priceCents,
      currency: p.currency,
      bundles: p.bundles
        .slice()
        .sort((a, b) => a.months - b.months)
        .map((b) => ({ ...b, priceCents: bundlePriceCents(p.priceCents, b.months, b.discountPercent) })),
      trialDays: p.trialDays,
      postsCount: counts.get(u.id)?.posts ?? 0,
      mediaCount: counts.get(u.id)?.media ?? 0,
      likesCount: counts.get(u.id)?.likes ?? 0,
      createdAt: p.createdAt,
    }));
  }

  function get(username: string, viewerId: string | null) {
    const row = creatorsRepo.byUsername(ctx.db.read, username.toLowerCase());
    if (!row) throw new NotFound("Creator");
    const isOwner = viewerId === row.user.id;
    const subscribed =
      viewerId !== null && !isOwner && ctx.services.entitlement.isSubscribed(viewerId, row.user.id);
    // A free trial is for people who never subscribed to this creator before.
    const trialEligible =
      row.profile.trialDays > 0 &&
      !isOwner &&
      (viewerId === null || !ctx.services.subscriptions.byPair(viewerId, row.user.id));
    return { creator: present([row])[0]!, viewer: { subscribed, isOwner, trialEligible } };
  }

  /**
   * A creator's currency may change only while no money and no paid subscription is in another one:
   * earnings, payouts and renewals stay in the currency they were made in, so a change would strand
   * the balance (payouts use the current currency) and mix two currencies in one total.
   */
  function assertCurrencyFreeTx(tx: DrizzleDb, userId: string, to: string): void {
    const held = ctx.services.payments.creatorBalancesTx(tx, userId).filter((b) => b.currency !== to);
    const subs = ctx.services.subscriptions.livePaidCountTx(tx, userId);
    if (held.length === 0 && subs === 0) return;
    const parts = held.map((b) => `${formatCents(b.balanceCents, b.currency)} ${BALANCE_NAMES[b.kind]}`);
    if (subs > 0) parts.push(`${subs} live paid subscription${subs === 1 ? "" : "s"}`);
    const message =
      `Your currency cannot change while you have earnings or paid subscribers (${parts.join(", ")}). ` +
      "Pay out your balance and let paid subscriptions end first.";
    throw new Conflict(message, "currency_locked", { fields: { currency: message } });
  }

  const mine = (userId: string): CreatorView => get(ctx.services.users.byId(userId)!.username, null).creator;

  /** Points the profile at a processed image (or none) inside the caller's write; author cards forget it. */
  function setProfileImage(tx: DrizzleDb, userId: string, purpose: ProfilePurpose, mediaId: string | null) {
    creatorsRepo.setImage(
      tx,
      userId,
      purpose === "avatar" ? { avatarMediaId: mediaId } : { bannerMediaId: mediaId },
      ctx.clock.now(),
    );
    if (purpose === "avatar") ctx.services.users.forgetCard(userId);
  }

  return {
    get,

    /** Creates or updates the caller's creator profile; a fan becomes a creator. */
    async upsertMine(userId: string, input: CreatorProfileInput): Promise<CreatorView> {
      await ctx.db.write((tx) => {
        const now = ctx.clock.now();
        const user = ctx.services.users.byId(userId);
        if (!user) throw new NotFound("User");
        const existing = creatorsRepo.byUserId(tx, userId);
        const currency = input.currency ?? existing?.currency ?? ctx.config.payments.currency;
        if (existing && currency !== existing.currency) assertCurrencyFreeTx(tx, userId, currency);
        ctx.db.onTxEnd(() => currencies.delete(userId));
        creatorsRepo.upsert(tx, {
          userId,
          bio: input.bio ?? existing?.bio ?? "",
          priceCents: input.priceCents,
          currency,
          avatarMediaId: existing?.avatarMediaId ?? null,
          bannerMediaId: existing?.bannerMediaId ?? null,
          bundles: input.bundles ?? existing?.bundles ?? [],
          trialDays: input.trialDays ?? existing?.trialDays ?? 0,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        });
        const patch: { displayName?: string; role?: "creator" } = {};
        if (input.displayName !== undefined) patch.displayName = input.displayName.trim();
        if (user.role === "fan") patch.role = "creator";
        if (Object.keys(patch).length > 0) ctx.services.users.update(tx, userId, patch);
      });
      return mine(userId);
    },

    /**
     * Uploads the caller's avatar or banner. It shows once processed (until then the previous one, or the
     * fallback); `media` is the processing medium, for progress and a failure reason.
     */
    async uploadImage(
      viewer: EntitlementViewer,
      req: UploadRequest,
      profile: ProfileUpload,
    ): Promise<{ creator: CreatorView; media: OwnMediaView }> {
      const media = await ctx.services.media.upload(viewer, req, profile);
      return { creator: mine(viewer.id), media };
    },

    /** Back to the generated fallback: the image and its files go. */
    async removeImage(userId: string, purpose: ProfilePurpose): Promise<CreatorView> {
      await ctx.db.write((tx) => {
        if (!creatorsRepo.byUserId(tx, userId))
          throw new Forbidden("Set up your creator profile first.", "not_a_creator");
        setProfileImage(tx, userId, purpose, null);
        ctx.services.media.removeProfileImages(tx, userId, purpose);
      });
      return mine(userId);
    },

    setProfileImage,

    /** Uploaded avatars by user id, for author cards (users without one are left out). */
    avatars(userIds: string[]): Map<string, ProfileImage> {
      const ids = creatorsRepo.avatarIds(ctx.db.read, userIds);
      const images = ctx.services.media.profileImages(ids.map((r) => r.mediaId!));
      const out = new Map<string, ProfileImage>();
      for (const r of ids) {
        const img = images.get(r.mediaId!);
        if (img) out.set(r.userId, img);
      }
      return out;
    },

    list(query: string | null, cursor: Cursor | null, limit: number) {
      const rows = creatorsRepo.list(ctx.db.read, query, cursor, limit + 1);
      const p = page(rows, limit, (r) => ({ key: r.profile.createdAt, id: r.profile.userId }));
      return { items: present(p.items), nextCursor: p.nextCursor };
    },

    /** What a subscription to this creator costs (for the subscription and payment flows). */
    terms(username: string): CreatorProfileRow | null {
      return creatorsRepo.byUsername(ctx.db.read, username.toLowerCase())?.profile ?? null;
    },

    isCreator: (userId: string): boolean => creatorsRepo.byUserId(ctx.db.read, userId) !== undefined,

    /** Each creator's pricing currency, keyed by user id. */
    currencies: (userIds: string[]): Map<string, string> =>
      currencies.getMany(userIds, (missing) =>
        creatorsRepo.currencies(ctx.db.read, missing).map((r) => [r.userId, r.currency] as const),
      ),
  };
}

export type CreatorsService = ReturnType<typeof createCreatorsService>;
