// Creators: the profile that turns a user into someone fans can subscribe to (price, bundles, trial),
// its avatar and banner pointers (media processed by the media module; null = the generated fallback),
// and the public shapes of people that carry those facts (author cards, the signed-in self).
// The creator page and profile editing, which need posts, subscriptions and money, are in profiles/.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { configuredCache } from "../../lib/cache.ts";
import type { Cursor } from "../../lib/cursor.ts";
import type { MediaService } from "../media/service.ts";
import type { ProfileImage, ProfilePurpose } from "../media/profile-images.ts";
import {
  toSelf,
  type EntitlementViewer,
  type PublicUser,
  type SelfUser,
  type UsersService,
} from "../users/service.ts";
import { LegallyUnavailable } from "../../lib/errors.ts";
import type { UserRow } from "../users/tables.ts";
import { creatorsRepo } from "./repo.ts";
import type { CreatorProfileRow } from "./tables.ts";

export function createCreatorsService(
  ctx: AppContext,
  deps: { users: UsersService; media: Pick<MediaService, "profileImages" | "supersedeProfileImages"> },
) {
  const { users, media } = deps;
  // Looked up for every post on every page; forgotten when the profile changes (saveProfileTx).
  const currencies = configuredCache<string>(ctx, "creators.currencies", 20_000);
  // Author cards on every post of every page: forgotten when the name or the avatar changes.
  const cards = configuredCache<PublicUser>(ctx, "creators.cards", 20_000);
  const forgetCard = (tx: DrizzleDb, id: string) => ctx.db.onTxEnd(tx, () => cards.delete(id));
  // Asked for every creator on every page a viewer with a known country sees (geo-blocking).
  const blocks = configuredCache<string[]>(ctx, "creators.blockedCountries", 20_000);

  /** Uploaded avatars by user id (users without one are left out). */
  async function avatars(userIds: string[]): Promise<Map<string, ProfileImage>> {
    const ids = await creatorsRepo.avatarIds(ctx.db.read, userIds);
    const images = await media.profileImages(ids.map((r) => r.mediaId!));
    const out = new Map<string, ProfileImage>();
    for (const r of ids) {
      const img = images.get(r.mediaId!);
      if (img) out.set(r.userId, img);
    }
    return out;
  }

  /** Points the profile at a processed image (or none) inside the caller's write; author cards forget it. */
  async function setProfileImage(
    tx: DrizzleDb,
    userId: string,
    purpose: ProfilePurpose,
    mediaId: string | null,
  ): Promise<void> {
    await creatorsRepo.setImage(
      tx,
      userId,
      purpose === "avatar" ? { avatarMediaId: mediaId } : { bannerMediaId: mediaId },
      ctx.clock.now(),
    );
    if (purpose === "avatar") forgetCard(tx, userId);
  }

  // A processed avatar or banner replaces the previous one (the media module does not know creators).
  ctx.events.consume("creators", {
    "media.ready": async (tx, e) => {
      // Removed meanwhile (a newer upload, or Remove): nothing to point at.
      if (e.purpose !== "post" && (await media.profileImages([e.mediaId], tx)).has(e.mediaId)) {
        await setProfileImage(tx, e.ownerId, e.purpose, e.mediaId);
        // In the same transaction, so the profile shows the old image or the new one, never none.
        await media.supersedeProfileImages(tx, e.ownerId, e.purpose, e.mediaId);
      }
    },
  });

  const isCreator = async (userId: string, db: DrizzleDb = ctx.db.read): Promise<boolean> =>
    (await creatorsRepo.byUserId(db, userId)) !== undefined;

  /** The countries each creator blocks (sorted; an empty list for none), keyed by creator id. */
  const blockedCountries = (creatorIds: string[]): Promise<Map<string, string[]>> =>
    blocks.getMany(creatorIds, async (missing) => {
      const found = new Map<string, string[]>(missing.map((id) => [id, []]));
      for (const r of await creatorsRepo.blockedCountries(ctx.db.read, missing))
        found.get(r.creatorId)!.push(r.country);
      return [...found].map(([id, list]) => [id, list.sort()] as const);
    });

  /** Whether geo-blocking applies to this viewer at all: a known country, and not an admin. */
  const geoApplies = (viewer: EntitlementViewer | null, country: string | null): country is string =>
    country !== null && viewer?.role !== "admin";

  /**
   * Which of these creators block the viewer's country: never the viewer themselves, never for admins, never
   * for an unknown country (the rule every geo check uses; entitlement passes it on).
   */
  async function geoBlockedAmong(
    viewer: EntitlementViewer | null,
    country: string | null,
    creatorIds: string[],
  ): Promise<Set<string>> {
    if (!geoApplies(viewer, country) || creatorIds.length === 0) return new Set();
    const others = [...new Set(creatorIds)].filter((id) => id !== viewer?.id);
    const lists = await blockedCountries(others);
    return new Set(others.filter((id) => lists.get(id)?.includes(country)));
  }

  /**
   * The filter a list query applies (discover, suggestions, search): leave out creators who block
   * `country`, except the viewer's own profile; null when nothing is to be hidden.
   */
  const geoHidden = (
    viewer: EntitlementViewer | null,
    country: string | null,
  ): { country: string; exceptId: string | null } | null =>
    geoApplies(viewer, country) ? { country, exceptId: viewer?.id ?? null } : null;

  /** 451 `geo_blocked` when the creator blocks the viewer's country. */
  async function assertGeoAllowed(
    viewer: EntitlementViewer | null,
    country: string | null,
    creatorId: string,
  ): Promise<void> {
    if ((await geoBlockedAmong(viewer, country, [creatorId])).size > 0)
      throw new LegallyUnavailable(
        "This creator's content is not available in your country.",
        "geo_blocked",
        {
          country,
        },
      );
  }

  return {
    setProfileImage,
    isCreator,

    /** The signed-in person's own view of their account. */
    self: async (u: UserRow): Promise<SelfUser> =>
      toSelf(u, await isCreator(u.id), (await avatars([u.id])).get(u.id)),

    /** Public author cards for a set of ids, keyed by id. */
    cards(ids: string[]): Promise<Map<string, PublicUser>> {
      return cards.getMany(ids, async (missing) => {
        const [found, verified] = await Promise.all([
          avatars(missing),
          creatorsRepo.verifiedAmong(ctx.db.read, missing),
        ]);
        return (await users.namesByIds(missing)).map((u) => {
          const avatar = found.get(u.id);
          return [
            u.id,
            {
              ...u,
              avatarUrl: avatar?.url ?? null,
              avatarSrcset: avatar?.srcset ?? null,
              verified: verified.has(u.id),
            },
          ] as const;
        });
      });
    },

    /** Inside the caller's write: the site verifies a creator (the badge), or takes it back. */
    async setVerifiedTx(tx: DrizzleDb, userId: string, verified: boolean): Promise<void> {
      const now = ctx.clock.now();
      await creatorsRepo.setVerified(tx, userId, verified ? now : null, now);
      forgetCard(tx, userId);
    },

    /** The profile and its user, by username (any case). */
    byUsername: (username: string, db: DrizzleDb = ctx.db.read) =>
      creatorsRepo.byUsername(db, username.toLowerCase()),
    byUserId: (userId: string, db: DrizzleDb = ctx.db.read) => creatorsRepo.byUserId(db, userId),
    /**
     * Discovery: creators in good standing only; `hidden` leaves out creators blocking that country
     * (entitlement's geoHidden).
     */
    list: (
      query: string | null,
      cursor: Cursor | null,
      limit: number,
      hidden: { country: string; exceptId: string | null } | null = null,
      among: string[] | null = null,
    ) => creatorsRepo.list(ctx.db.read, query, cursor, limit, ctx.clock.now(), hidden, among),

    blockedCountries,
    geoBlockedAmong,
    assertGeoAllowed,
    geoHidden,

    /** Replaces the creator's blocked countries inside the caller's write (codes already checked). */
    async setBlockedCountriesTx(tx: DrizzleDb, creatorId: string, countries: string[]): Promise<void> {
      await creatorsRepo.setBlockedCountries(tx, creatorId, [...new Set(countries)]);
      ctx.db.onTxEnd(tx, () => blocks.delete(creatorId));
    },

    /** GDPR export: the creator profile as stored, and the countries it blocks. */
    async personalData(userId: string) {
      const p = await creatorsRepo.byUserId(ctx.db.read, userId);
      if (!p) return { creatorProfile: null };
      const { avatarMediaId: _a, bannerMediaId: _b, ...profile } = p;
      const blocked = (await creatorsRepo.blockedCountries(ctx.db.read, [userId])).map((r) => r.country);
      return { creatorProfile: { ...profile, blockedCountries: blocked.sort() } };
    },

    /**
     * GDPR erasure, inside the erasing write: the creator profile (bio, prices, welcome message, avatar and
     * banner pointers, blocked countries) goes. The images' files are the media module's to remove.
     */
    async eraseTx(tx: DrizzleDb, userId: string): Promise<void> {
      await creatorsRepo.remove(tx, userId);
      forgetCard(tx, userId);
      ctx.db.onTxEnd(tx, () => {
        currencies.delete(userId);
        blocks.delete(userId);
      });
    },

    /** Creates or replaces a profile inside the caller's write (profiles.upsertMine checks the rules). */
    async saveProfileTx(
      tx: DrizzleDb,
      row: CreatorProfileRow,
      userPatch: { displayName?: string; role?: "creator" },
    ): Promise<void> {
      await creatorsRepo.upsert(tx, row);
      ctx.db.onTxEnd(tx, () => currencies.delete(row.userId));
      if (Object.keys(userPatch).length > 0) await users.update(tx, row.userId, userPatch);
      if (userPatch.displayName !== undefined) forgetCard(tx, row.userId);
    },

    /** When the person became a creator (their profile was made), or null for a non-creator. */
    creatorSince: async (userId: string, db: DrizzleDb = ctx.db.read): Promise<number | null> =>
      (await creatorsRepo.byUserId(db, userId))?.createdAt ?? null,

    /** What a subscription to this creator costs (for the subscription and payment flows). */
    async terms(username: string): Promise<CreatorProfileRow | null> {
      return (await creatorsRepo.byUsername(ctx.db.read, username.toLowerCase()))?.profile ?? null;
    },

    /** Each creator's pricing currency, keyed by user id. */
    currencies: (userIds: string[]): Promise<Map<string, string>> =>
      currencies.getMany(userIds, async (missing) =>
        (await creatorsRepo.currencies(ctx.db.read, missing)).map((r) => [r.userId, r.currency] as const),
      ),
  };
}

export type CreatorsService = ReturnType<typeof createCreatorsService>;
