// Creator pages and profile editing: the public page (profile, counts, the viewer's relation to the
// creator), discovery, and the creator's own profile with its avatar and banner. It composes the modules
// below it (creators owns the profile rows; posts, subscriptions, payments and media the rest) and owns
// no data itself.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import { bundlePriceCents, formatCents } from "../../lib/money.ts";
import type { ComplianceService } from "../compliance/service.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { Bundle, CreatorProfileRow, DmPolicy, WelcomeMessage } from "../creators/tables.ts";
import type { EntitlementService, EntitlementViewer } from "../entitlement/service.ts";
import type { ProfileImage, ProfilePurpose, ProfileUpload } from "../media/profile-images.ts";
import type { MediaService, OwnMediaView, UploadRequest } from "../media/service.ts";
import type { PaymentsService } from "../payments/service.ts";
import type { PostsService } from "../posts/service.ts";
import type { SubscriptionsService } from "../subscriptions/service.ts";
import type { UsersService } from "../users/service.ts";
import type { UserRow } from "../users/tables.ts";
import { createRankings, type CreatorSort } from "./rankings.ts";

const BALANCE_NAMES: Record<string, string> = {
  creator_pending: "pending",
  creator_available: "available",
  payouts_payable: "in payouts not sent yet",
};

export interface CreatorProfileInput {
  displayName?: string | undefined;
  bio?: string | undefined;
  /** Required to become a creator; kept when left out later. */
  priceCents?: number | undefined;
  currency?: string | undefined;
  bundles?: Bundle[] | undefined;
  trialDays?: number | undefined;
  dmPolicy?: DmPolicy | undefined;
  /** ISO 3166-1 alpha-2 codes (checked and upper-cased by the schema); replaces the list. */
  blockedCountries?: string[] | undefined;
  /** null removes it. */
  welcomeMessage?:
    { text: string; mediaIds?: string[] | undefined; priceCents?: number | undefined } | null | undefined;
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
  /** The site verified this creator (the badge). */
  verified: boolean;
  /** Who may start writing to the creator: live subscribers, or everyone. */
  dmPolicy: DmPolicy;
  /** The owner's own view only: what new subscribers receive. */
  welcomeMessage?: WelcomeMessage | null;
  /** The owner's own view only: the countries where the creator's content is not shown. */
  blockedCountries?: string[];
  postsCount: number;
  /** Photos and videos in the creator's live posts. */
  mediaCount: number;
  /** Likes on the creator's live posts. */
  likesCount: number;
  createdAt: number;
}

export function createProfilesService(
  ctx: AppContext,
  deps: {
    users: Pick<UsersService, "byId" | "isHeld">;
    creators: CreatorsService;
    posts: Pick<PostsService, "profileCounts" | "engagementSince">;
    subscriptions: Pick<SubscriptionsService, "isSubscribed" | "byPair" | "livePaidCountTx" | "rankings">;
    payments: Pick<PaymentsService, "creatorBalancesTx">;
    media: Pick<MediaService, "upload" | "profileImages" | "removeProfileImages" | "attachableIds">;
    compliance: Pick<ComplianceService, "requireVerified">;
    entitlement: Pick<EntitlementService, "assertGeoAllowed" | "geoHidden">;
  },
) {
  const { users, creators, posts, subscriptions, payments, media, entitlement } = deps;
  const rankings = createRankings(ctx, { creators, posts, subscriptions });

  async function present(rows: { profile: CreatorProfileRow; user: UserRow }[]): Promise<CreatorView[]> {
    const [counts, images] = await Promise.all([
      posts.profileCounts(rows.map((r) => r.user.id)),
      media.profileImages(
        rows.flatMap((r) => [r.profile.avatarMediaId, r.profile.bannerMediaId].filter((id) => id !== null)),
      ),
    ]);
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
      verified: p.verifiedAt !== null,
      dmPolicy: p.dmPolicy,
      postsCount: counts.get(u.id)?.posts ?? 0,
      mediaCount: counts.get(u.id)?.media ?? 0,
      likesCount: counts.get(u.id)?.likes ?? 0,
      createdAt: p.createdAt,
    }));
  }

  /** The creator page; 451 `geo_blocked` where the creator blocks the viewer's country. */
  async function get(username: string, viewer: EntitlementViewer | null, country: string | null) {
    const row = await creators.byUsername(username);
    if (!row) throw new NotFound("Creator");
    const viewerId = viewer?.id ?? null;
    await entitlement.assertGeoAllowed(viewer, country, row.user.id);
    const isOwner = viewerId === row.user.id;
    // A banned or suspended creator's page is gone for everyone else (admins still see it).
    if (!isOwner && viewer?.role !== "admin" && (await users.isHeld(row.user.id)))
      throw new NotFound("Creator");
    const subscribed =
      viewerId !== null && !isOwner && (await subscriptions.isSubscribed(viewerId, row.user.id));
    // A free trial is for people who never subscribed to this creator before.
    const trialEligible =
      row.profile.trialDays > 0 &&
      !isOwner &&
      (viewerId === null || !(await subscriptions.byPair(viewerId, row.user.id)));
    return { creator: (await present([row]))[0]!, viewer: { subscribed, isOwner, trialEligible } };
  }

  /**
   * A creator's currency may change only while no money and no paid subscription is in another one:
   * earnings, payouts and renewals stay in the currency they were made in, so a change would strand
   * the balance (payouts use the current currency) and mix two currencies in one total.
   */
  async function assertCurrencyFreeTx(tx: DrizzleDb, userId: string, to: string): Promise<void> {
    const held = (await payments.creatorBalancesTx(tx, userId)).filter((b) => b.currency !== to);
    const subs = await subscriptions.livePaidCountTx(tx, userId);
    if (held.length === 0 && subs === 0) return;
    const parts = held.map((b) => `${formatCents(b.balanceCents, b.currency)} ${BALANCE_NAMES[b.kind]}`);
    if (subs > 0) parts.push(`${subs} live paid subscription${subs === 1 ? "" : "s"}`);
    const message =
      `Your currency cannot change while you have earnings or paid subscribers (${parts.join(", ")}). ` +
      "Pay out your balance and let paid subscriptions end first.";
    throw new Conflict(message, "currency_locked", { fields: { currency: message } });
  }

  const mine = async (userId: string): Promise<CreatorView> => {
    const profile = await creators.byUserId(userId);
    if (!profile) throw new Forbidden("Set up your creator profile first.", "not_a_creator");
    const me = (await users.byId(userId))!;
    const creator = (await get(me.username, { id: me.id, role: me.role }, null)).creator;
    const blocked = (await creators.blockedCountries([userId])).get(userId) ?? [];
    return { ...creator, welcomeMessage: profile.welcomeMessage, blockedCountries: blocked };
  };

  /** A welcome message as stored: the creator's own media only, a price only with media to sell. */
  async function welcomeOf(
    tx: DrizzleDb,
    userId: string,
    input: NonNullable<CreatorProfileInput["welcomeMessage"]>,
  ): Promise<WelcomeMessage> {
    const mediaIds = input.mediaIds ?? [];
    const usable = await media.attachableIds(tx, userId, mediaIds);
    if (usable.length !== mediaIds.length)
      throw new Invalid("Attach only ready media from your own vault.", {
        fields: { "welcomeMessage.mediaIds": "Not yours, or failed to process" },
      });
    const priceCents = input.priceCents ?? 0;
    if (priceCents > 0 && mediaIds.length === 0)
      throw new Invalid(
        "A paid message needs photos or videos to unlock.",
        {
          fields: { "welcomeMessage.priceCents": "Add media, or make it free" },
        },
        "ppv_needs_media",
      );
    if (input.text === "" && mediaIds.length === 0)
      throw new Invalid("Write something or add media.", { fields: { "welcomeMessage.text": "Empty" } });
    if (priceCents > 0)
      await deps.compliance.requireVerified(
        { id: userId, role: "creator" },
        "sell pay-per-view messages",
        tx,
      );
    return { text: input.text, mediaIds, priceCents };
  }

  return {
    get,
    mine,

    /**
     * Discover and suggestions, newest first or ranked (profiles/rankings.ts): creators blocking the
     * viewer's country are left out.
     */
    async list(
      query: string | null,
      cursor: Cursor | null,
      limit: number,
      viewer: EntitlementViewer | null = null,
      country: string | null = null,
      sort: CreatorSort = "new",
    ) {
      const hidden = entitlement.geoHidden(viewer, country);
      if (sort !== "new") {
        const ranked = await rankings.page(sort, query, cursor, limit + 1, hidden);
        const p = page(ranked, limit, (r) => ({ key: r.score, id: r.row.user.id }));
        return { items: await present(p.items.map((r) => r.row)), nextCursor: p.nextCursor };
      }
      const rows = await creators.list(query, cursor, limit + 1, hidden);
      const p = page(rows, limit, (r) => ({ key: r.profile.createdAt, id: r.profile.userId }));
      return { items: await present(p.items), nextCursor: p.nextCursor };
    },

    /** Creates or updates the caller's creator profile; a fan becomes a creator. */
    async upsertMine(userId: string, input: CreatorProfileInput): Promise<CreatorView> {
      const user = await users.byId(userId);
      if (!user) throw new NotFound("User");
      await ctx.db.write(async (tx) => {
        const now = ctx.clock.now();
        const existing = await creators.byUserId(userId, tx);
        if (!existing && input.priceCents === undefined)
          throw new Invalid("Set a monthly price to become a creator.", {
            fields: { priceCents: "Required for a new creator profile" },
          });
        const currency = input.currency ?? existing?.currency ?? ctx.config.payments.currency;
        if (existing && currency !== existing.currency) await assertCurrencyFreeTx(tx, userId, currency);
        const patch: { displayName?: string; role?: "creator" } = {};
        if (input.displayName !== undefined) patch.displayName = input.displayName.trim();
        if (user.role === "fan") patch.role = "creator";
        await creators.saveProfileTx(
          tx,
          {
            userId,
            bio: input.bio ?? existing?.bio ?? "",
            priceCents: input.priceCents ?? existing!.priceCents,
            currency,
            dmPolicy: input.dmPolicy ?? existing?.dmPolicy ?? "subscribers",
            welcomeMessage:
              input.welcomeMessage === undefined
                ? (existing?.welcomeMessage ?? null)
                : input.welcomeMessage === null
                  ? null
                  : await welcomeOf(tx, userId, input.welcomeMessage),
            avatarMediaId: existing?.avatarMediaId ?? null,
            bannerMediaId: existing?.bannerMediaId ?? null,
            bundles: input.bundles ?? existing?.bundles ?? [],
            trialDays: input.trialDays ?? existing?.trialDays ?? 0,
            verifiedAt: existing?.verifiedAt ?? null,
            createdAt: existing?.createdAt ?? now,
            updatedAt: now,
          },
          patch,
        );
        if (input.blockedCountries !== undefined)
          await creators.setBlockedCountriesTx(tx, userId, input.blockedCountries);
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
      const uploaded = await media.upload(
        { ...viewer, isCreator: await creators.isCreator(viewer.id) },
        req,
        profile,
      );
      return { creator: await mine(viewer.id), media: uploaded };
    },

    /** Back to the generated fallback: the image and its files go. */
    async removeImage(userId: string, purpose: ProfilePurpose): Promise<CreatorView> {
      await ctx.db.write(async (tx) => {
        if (!(await creators.byUserId(userId, tx)))
          throw new Forbidden("Set up your creator profile first.", "not_a_creator");
        await creators.setProfileImage(tx, userId, purpose, null);
        await media.removeProfileImages(tx, userId, purpose);
      });
      return mine(userId);
    },
  };
}

export type ProfilesService = ReturnType<typeof createProfilesService>;
