// Posts: creation, editing, publishing (drafts, scheduled), timelines, likes, comments, and buying a
// pay-per-view post (payments charges; entitlement records the unlock). What a viewer may see is decided
// by entitlement; this module only hides what it is told is locked, and answers the media module's
// question of who may see a post's media (the post-media gate).
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import type { JsonText } from "../../lib/json-text.ts";
import { configuredCache } from "../../lib/cache.ts";
import { newId } from "../../lib/ids.ts";
import type { ComplianceService } from "../compliance/service.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { EntitlementService, EntitlementViewer } from "../entitlement/service.ts";
import type { MediaService, MediaView, MediaGate } from "../media/service.ts";
import type { PaymentsService, PayWith } from "../payments/service.ts";
import type { SubscriptionsService } from "../subscriptions/service.ts";
import type { PublicUser, UsersService } from "../users/service.ts";
import { createPostsPrivacy } from "./privacy.ts";
import { postsEngagementRepo, postsRepo } from "./repo.ts";
import { createComplianceContent } from "./compliance-content.ts";
import { createTimelineCache } from "./timeline-cache.ts";
import { createPostModeration } from "./moderation.ts";
import { createPostsReach } from "./reach.ts";
import type { CommentRow, PostRow, PostStatus, Visibility } from "./tables.ts";

export interface PostInput {
  text: string;
  visibility: Visibility;
  priceCents?: number | null | undefined;
  publishAt?: number | null | undefined;
  draft?: boolean | undefined;
  /** Replaces the post's media, in this order. */
  mediaIds?: string[] | undefined;
  /** Edits only: pin to (or unpin from) the top of the creator page. */
  pinned?: boolean | undefined;
  /** 2257 (compliance module): verified co-performers by username, and the creator's releases. */
  coPerformers?: { username: string }[] | undefined;
  releaseIds?: string[] | undefined;
}

export interface PostView {
  id: string;
  creator: PublicUser;
  text: string | null;
  visibility: Visibility;
  priceCents: number | null;
  /** The creator's currency, for priceCents. */
  currency: string;
  status: PostStatus;
  publishAt: number | null;
  publishedAt: number | null;
  createdAt: number;
  updatedAt: number;
  locked: boolean;
  likesCount: number;
  commentsCount: number;
  /** First on the creator page (at most three per creator). */
  pinned: boolean;
  viewer: { liked: boolean; isOwner: boolean; bookmarked: boolean };
  /** For a locked post only blurred previews (plus kind and dimensions, so the card can count them). */
  media: MediaView[];
}

export interface CommentView {
  id: string;
  postId: string;
  author: PublicUser;
  text: string;
  createdAt: number;
}

type Page<T> = { items: T[]; nextCursor: string | null };

const timelineKey = (p: PostRow) => ({ key: p.publishedAt!, id: p.id });

export interface PostsDeps {
  users: Pick<UsersService, "byUsername" | "isHeld" | "heldAmong">;
  creators: Pick<CreatorsService, "cards" | "currencies" | "isCreator">;
  media: Pick<MediaService, "attachToPost" | "forPosts" | "postIdsOf">;
  entitlement: Pick<
    EntitlementService,
    "access" | "canView" | "mediaAccess" | "assertGeoAllowed" | "geoBlockedAmong"
  >;
  subscriptions: Pick<SubscriptionsService, "entitledCreatorIds">;
  payments: Pick<PaymentsService, "purchase">;
  compliance: Pick<ComplianceService, "requireVerified" | "performersTx">;
}

export function createPostsService(ctx: AppContext, deps: PostsDeps) {
  const { users, creators, media, entitlement, subscriptions, payments, compliance } = deps;
  const now = () => ctx.clock.now();
  const published = (tx: DrizzleDb, p: { id: string; creatorId: string }) =>
    ctx.events.publish(tx, "post.published", { postId: p.id, creatorId: p.creatorId });
  const cache = createTimelineCache(ctx);
  // The viewer's marks on the posts of the page they last loaded, one entry per viewer (bit 1 liked, bit 2
  // bookmarked; every page shows them): a page asked for again costs one lookup, and a page with any other
  // post reloads the marks of that page only, so an entry is never older than the TTL. A like or bookmark
  // write, and the viewer's erasure, forget the viewer's entry when the transaction ends (forgetMarks).
  const marksCache = configuredCache<ReadonlyMap<string, number>>(ctx, "posts.marks", 200_000, (m) => m.size);
  const forgetMarks = (tx: DrizzleDb, viewerId: string) =>
    ctx.db.onTxEnd(tx, () => marksCache.delete(viewerId));
  async function marksOf(viewerId: string, postIds: string[]): Promise<(postId: string) => number> {
    const known = marksCache.get(viewerId);
    if (known && postIds.every((id) => known.has(id))) return (postId) => known.get(postId) ?? 0;
    return marksCache.loading(async (keep) => {
      const m = await postsRepo.marksAmong(ctx.db.read, viewerId, postIds);
      const marks = new Map(
        postIds.map((id) => [id, (m.liked.has(id) ? 1 : 0) | (m.bookmarked.has(id) ? 2 : 0)] as const),
      );
      keep(viewerId, marks);
      return (postId) => marks.get(postId) ?? 0;
    });
  }
  const NO_MARKS = () => 0;
  /** Called inside every write to a post: its cached row and its creator's timeline go when the write ends. */
  const invalidate = (tx: DrizzleDb, creatorId: string, postId: string) =>
    ctx.db.onTxEnd(tx, () => cache.forget(creatorId, postId));

  /** What a page of posts needs besides the rows: independent lookups (on PostgreSQL they go out together). */
  async function gather(
    viewer: EntitlementViewer | null,
    rows: PostRow[],
    known?: { subscribedCreatorIds: ReadonlySet<string> },
  ) {
    const creatorIds = rows.map((r) => r.creatorId);
    const postIds = rows.map((r) => r.id);
    const [authors, currencies, access, marks, pinned] = await Promise.all([
      creators.cards(creatorIds),
      creators.currencies(creatorIds),
      entitlement.access(viewer, rows, known),
      viewer ? marksOf(viewer.id, postIds) : NO_MARKS,
      reach.pinnedAmong(rows),
    ]);
    const lockedIds = new Set(rows.filter((r) => !access.get(r.id)).map((r) => r.id));
    const mediaOf = await media.forPosts(postIds, lockedIds);
    return { authors, currencies, lockedIds, marks, pinned, mediaOf };
  }
  type Gathered = Awaited<ReturnType<typeof gather>>;

  /** A post as everyone at the same access level sees it (the viewer's own marks apart). */
  function shared(r: PostRow, g: Gathered): Omit<PostView, "pinned" | "viewer"> {
    const locked = g.lockedIds.has(r.id);
    return {
      id: r.id,
      creator: g.authors.get(r.creatorId)!,
      // A locked subscribers-only post reveals nothing; a locked PPV post shows its caption and price.
      text: locked && r.visibility === "subscribers" ? null : r.text,
      visibility: r.visibility,
      priceCents: r.visibility === "ppv" ? r.priceCents : null,
      currency: g.currencies.get(r.creatorId) ?? ctx.config.payments.currency,
      status: r.status,
      publishAt: r.publishAt,
      publishedAt: r.publishedAt,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      locked,
      likesCount: r.likesCount,
      commentsCount: r.commentsCount,
      media: g.mediaOf.get(r.id) ?? [],
    };
  }

  const own = (viewer: EntitlementViewer | null, r: PostRow, g: Gathered) => ({
    pinned: g.pinned.has(r.id),
    viewer: {
      liked: (g.marks(r.id) & 1) !== 0,
      isOwner: viewer?.id === r.creatorId,
      bookmarked: (g.marks(r.id) & 2) !== 0,
    },
  });

  async function present(
    viewer: EntitlementViewer | null,
    rows: PostRow[],
    known?: { subscribedCreatorIds: ReadonlySet<string> },
  ): Promise<PostView[]> {
    if (rows.length === 0) return [];
    const g = await gather(viewer, rows, known);
    return rows.map((r) => ({ ...shared(r, g), ...own(viewer, r, g) }));
  }

  // The serialised shared part of a post, kept per cached row object and access level, with the inputs it
  // was made from: it is reused while the row, its author card, currency and media views are the same
  // objects (each comes from its owner's cache, which replaces the object when it forgets it), so it is never
  // staler than those caches. A feed page is then the kept strings spliced with each viewer's marks.
  interface Serialised {
    creator: PublicUser;
    currency: string;
    media: readonly MediaView[];
    json: string;
  }
  const serialised = new WeakMap<PostRow, { full?: Serialised; locked?: Serialised }>();
  function sharedJson(r: PostRow, g: Gathered): string {
    const level = g.lockedIds.has(r.id) ? "locked" : "full";
    const creator = g.authors.get(r.creatorId)!;
    const currency = g.currencies.get(r.creatorId) ?? ctx.config.payments.currency;
    const mediaList = g.mediaOf.get(r.id) ?? [];
    let kept = serialised.get(r);
    const hit = kept?.[level];
    if (
      hit &&
      hit.creator === creator &&
      hit.currency === currency &&
      hit.media.length === mediaList.length &&
      hit.media.every((m, i) => m === mediaList[i])
    )
      return hit.json;
    const json = JSON.stringify(shared(r, g)).slice(0, -1);
    if (!kept) serialised.set(r, (kept = {}));
    kept[level] = { creator, currency, media: mediaList, json };
    return json;
  }

  /** The same as `present`, as one JSON text per post (what the feed route sends). */
  async function presentJson(
    viewer: EntitlementViewer | null,
    rows: PostRow[],
    known?: { subscribedCreatorIds: ReadonlySet<string> },
  ): Promise<string[]> {
    if (rows.length === 0) return [];
    const g = await gather(viewer, rows, known);
    return rows.map((r) => {
      const o = own(viewer, r, g);
      return `${sharedJson(r, g)},"pinned":${o.pinned},"viewer":{"liked":${o.viewer.liked},"isOwner":${o.viewer.isOwner},"bookmarked":${o.viewer.bookmarked}}}`;
    });
  }

  function checkPrice(visibility: Visibility, priceCents: number | null | undefined): number | null {
    if (visibility === "ppv") {
      if (!priceCents || priceCents <= 0) {
        throw new Invalid("A pay-per-view post needs a price.", {
          fields: { priceCents: "Required for ppv, > 0" },
        });
      }
      return priceCents;
    }
    if (priceCents) {
      throw new Invalid("Only pay-per-view posts have a price.", {
        fields: { priceCents: "Only for ppv posts" },
      });
    }
    return null;
  }

  /** Where a post stands given the draft flag and schedule; keeps an existing publication time. */
  function lifecycle(draft: boolean, publishAt: number | null, publishedAt: number | null, t = now()) {
    if (draft) return { status: "draft" as const, publishAt, publishedAt: null };
    if (publishedAt !== null) return { status: "published" as const, publishAt: null, publishedAt };
    if (publishAt !== null && publishAt > t)
      return { status: "scheduled" as const, publishAt, publishedAt: null };
    return { status: "published" as const, publishAt: null, publishedAt: t };
  }

  const isPaid = (v: Visibility) => v !== "public";
  /** Selling (a paid post going out, now or scheduled) needs a verified creator where the site asks. */
  const gatePaid = (viewer: EntitlementViewer, db?: DrizzleDb) =>
    compliance.requireVerified(viewer, "publish paid posts", db);
  /** What the creator asks for this post, for the co-performer hold (compliance's performersTx). */
  const intent = (l: { status: PostStatus; publishAt: number | null }) =>
    l.status === "draft" ? null : { publishAt: l.status === "scheduled" ? l.publishAt : null };
  const usernames = (list: { username: string }[] | undefined) => list?.map((p) => p.username);

  /** Whether the viewer is kept from this creator's content because the account is held (banned, suspended). */
  async function heldFrom(viewer: EntitlementViewer | null, creatorId: string): Promise<boolean> {
    if (viewer && (viewer.id === creatorId || viewer.role === "admin")) return false;
    return users.isHeld(creatorId);
  }

  /**
   * A post the viewer may address at all: published ones for everyone, unpublished only for the owner;
   * nothing of a creator whose account is held; 451 where its creator blocks the viewer's country.
   */
  async function visibleRow(
    viewer: EntitlementViewer | null,
    id: string,
    country: string | null,
  ): Promise<PostRow> {
    const row = await postsRepo.byId(ctx.db.read, id);
    if (!row || (row.status !== "published" && viewer?.id !== row.creatorId)) throw new NotFound("Post");
    if (await heldFrom(viewer, row.creatorId)) throw new NotFound("Post");
    await entitlement.assertGeoAllowed(viewer, country, row.creatorId);
    return row;
  }

  async function entitledRow(
    viewer: EntitlementViewer,
    id: string,
    country: string | null,
  ): Promise<PostRow> {
    const row = await visibleRow(viewer, id, country);
    if (!(await entitlement.canView(viewer, row))) {
      throw new Forbidden(
        row.visibility === "ppv" ? "Unlock this post first." : "Subscribe to this creator first.",
        "not_entitled",
      );
    }
    return row;
  }

  async function ownedRow(db: DrizzleDb, viewer: EntitlementViewer, id: string): Promise<PostRow> {
    const row = await postsRepo.byId(db, id);
    if (!row || (row.status !== "published" && row.creatorId !== viewer.id)) throw new NotFound("Post");
    if (row.creatorId !== viewer.id) throw new Forbidden("Only the creator of this post can change it.");
    return row;
  }

  const reach = createPostsReach(ctx, {
    users,
    entitlement,
    subscriptions,
    present,
    visibleRow,
    timeline: (creatorId, cursor, limit) => cache.timeline([creatorId], cursor, limit),
    pinsOf: (creatorIds) => cache.pinsOf(creatorIds),
    forgetMarks,
  });

  const presentOne = async (viewer: EntitlementViewer | null, id: string) =>
    (await present(viewer, [(await postsRepo.byId(ctx.db.read, id))!]))[0]!;

  /** The post-media gate (media.connectGate): entitled to any live post carrying it, or its preview. */
  const mediaGate: MediaGate = async (viewer, m) => {
    if (await heldFrom(viewer, m.ownerId)) return "none";
    const rows = (await postsRepo.byIds(ctx.db.read, await media.postIdsOf(m.id))).filter(
      (r) => r.publishedAt !== null && r.deletedAt === null,
    );
    return entitlement.mediaAccess(viewer, m.ownerId, rows);
  };

  /** What the compliance module asks of posts (its port): held posts, DMCA takedowns, the 2257 export. */
  const complianceContent = createComplianceContent(ctx, { media, lifecycle, invalidate, published });

  return {
    ...createPostsPrivacy(ctx, invalidate, forgetMarks),
    present,
    mediaGate,
    complianceContent,
    // Moderation acts as an admin, whom no country blocks.
    ...createPostModeration(ctx, {
      visibleRow: (v, id) => visibleRow(v, id, null),
      entitledRow: (v, id) => entitledRow(v, id, null),
      invalidate,
    }),

    /** POST /posts/:id/unlock: buys a pay-per-view post from the wallet or by card. */
    async unlock(viewer: EntitlementViewer, postId: string, payWith: PayWith, country: string | null = null) {
      const post = (await present(viewer, [await visibleRow(viewer, postId, country)]))[0]!;
      if (post.visibility !== "ppv" || post.priceCents === null) {
        throw new Invalid("Only pay-per-view posts are unlocked.", undefined, "not_ppv");
      }
      if (post.creator.id === viewer.id)
        throw new Invalid("You cannot pay yourself.", undefined, "self_payment");
      if (!post.locked) throw new Conflict("You already unlocked this post.", "already_owned");
      return payments.purchase(
        {
          purpose: "ppv",
          payerId: viewer.id,
          amountCents: post.priceCents,
          currency: post.currency,
          details: { creatorId: post.creator.id, postId },
        },
        payWith,
        `Unlock a post by @${post.creator.username}`,
        () => presentOne(viewer, postId),
      );
    },

    /** `opts.at` backdates the post (demo seeding and imports); default now. */
    async create(viewer: EntitlementViewer, input: PostInput, opts: { at?: number } = {}): Promise<PostView> {
      if (!(await creators.isCreator(viewer.id))) {
        throw new Forbidden("Set up your creator profile before posting.", "not_a_creator");
      }
      const priceCents = checkPrice(input.visibility, input.priceCents);
      const t = opts.at ?? now();
      const asked = lifecycle(input.draft ?? false, input.publishAt ?? null, null, t);
      if (isPaid(input.visibility) && asked.status !== "draft") await gatePaid(viewer);
      const row: PostRow = {
        id: newId(),
        creatorId: viewer.id,
        text: input.text,
        visibility: input.visibility,
        priceCents,
        ...asked,
        likesCount: 0,
        commentsCount: 0,
        createdAt: t,
        updatedAt: t,
        deletedAt: null,
      };
      await ctx.db.write(async (tx) => {
        const { held } = await compliance.performersTx(tx, {
          postId: row.id,
          creatorId: viewer.id,
          coPerformers: usernames(input.coPerformers),
          releaseIds: input.releaseIds,
          published: false,
          wantsPublish: intent(asked),
        });
        // Held for its co-performers: a draft until the last one confirms (compliance publishes it then).
        if (held) Object.assign(row, { status: "draft", publishedAt: null });
        await postsRepo.insert(tx, row);
        await reach.setTagsTx(tx, row.id, row.text, row.publishedAt);
        invalidate(tx, row.creatorId, row.id);
        if (input.mediaIds?.length) await media.attachToPost(tx, viewer.id, row.id, input.mediaIds);
        if (row.status === "published") await published(tx, row);
      });
      return (await present(viewer, [row]))[0]!;
    },

    async update(viewer: EntitlementViewer, id: string, input: Partial<PostInput>): Promise<PostView> {
      const { pinned, ...patch } = input;
      await ctx.db.write(async (tx) => {
        const row = await ownedRow(tx, viewer, id);
        invalidate(tx, row.creatorId, id);
        // Pinning alone changes nothing else of the post (not even updatedAt).
        if (Object.keys(patch).length === 0)
          return reach.setPinnedTx(tx, row, pinned ?? false, row.publishedAt);
        if (row.status === "published" && patch.publishAt) {
          throw new Invalid("This post is already published; it cannot be scheduled.", {
            fields: { publishAt: "Already published" },
          });
        }
        const visibility = patch.visibility ?? row.visibility;
        const priceCents = checkPrice(
          visibility,
          patch.priceCents !== undefined ? patch.priceCents : visibility === "ppv" ? row.priceCents : null,
        );
        const draft = patch.draft ?? row.status === "draft";
        const publishAt = patch.publishAt !== undefined ? patch.publishAt : row.publishAt;
        let next = lifecycle(draft, publishAt, draft ? null : row.publishedAt);
        // Selling starts (published or scheduled paid, where it was not): the creator must be verified.
        if (
          isPaid(visibility) &&
          next.status !== "draft" &&
          !(isPaid(row.visibility) && row.status !== "draft")
        )
          await gatePaid(viewer, tx);
        const performers = await compliance.performersTx(tx, {
          postId: id,
          creatorId: row.creatorId,
          coPerformers: usernames(patch.coPerformers),
          releaseIds: patch.releaseIds,
          published: row.status === "published",
          wantsPublish: patch.draft === undefined && patch.publishAt === undefined ? "keep" : intent(next),
        });
        if (performers.held) next = lifecycle(true, publishAt, null);
        else if (performers.release) next = lifecycle(false, performers.release.publishAt, null);
        await postsRepo.update(tx, id, {
          text: patch.text ?? row.text,
          visibility,
          priceCents,
          ...next,
          updatedAt: now(),
        });
        if (patch.text !== undefined) await reach.setTagsTx(tx, id, patch.text, next.publishedAt);
        if (patch.mediaIds) await media.attachToPost(tx, viewer.id, id, patch.mediaIds);
        if (pinned !== undefined) await reach.setPinnedTx(tx, row, pinned, next.publishedAt);
        if (next.status === "published" && row.status !== "published") await published(tx, row);
      });
      return presentOne(viewer, id);
    },

    /** Owner deletes; an admin may remove any post (moderation). */
    async remove(viewer: EntitlementViewer, id: string): Promise<void> {
      await ctx.db.write(async (tx) => {
        const row = await postsRepo.byId(tx, id);
        if (!row || (row.status !== "published" && row.creatorId !== viewer.id && viewer.role !== "admin")) {
          throw new NotFound("Post");
        }
        if (row.creatorId !== viewer.id && viewer.role !== "admin") {
          throw new Forbidden("Only the creator of this post can delete it.");
        }
        await postsRepo.update(tx, id, { deletedAt: now(), publishedAt: null, updatedAt: now() });
        invalidate(tx, row.creatorId, id);
      });
    },

    get: async (
      viewer: EntitlementViewer | null,
      id: string,
      country: string | null = null,
    ): Promise<PostView> => (await present(viewer, [await visibleRow(viewer, id, country)]))[0]!,

    /** A creator's page: every live post, or (`only: "media"`) those that carry media. */
    async byCreator(
      viewer: EntitlementViewer | null,
      username: string,
      cursor: Cursor | null,
      limit: number,
      only?: "media",
      country: string | null = null,
    ): Promise<Page<PostView>> {
      const creator = await users.byUsername(username);
      if (!creator || !(await creators.isCreator(creator.id))) throw new NotFound("Creator");
      if (await heldFrom(viewer, creator.id)) throw new NotFound("Creator");
      await entitlement.assertGeoAllowed(viewer, country, creator.id);
      if (only === "media") {
        const rows = await postsRepo.withMedia(ctx.db.read, creator.id, cursor, limit + 1);
        const p = page(rows, limit, timelineKey);
        return { items: await present(viewer, p.items), nextCursor: p.nextCursor };
      }
      // Pins first, then the rest by date; each entry carries its own cursor position.
      const p = page(await reach.creatorPage(creator.id, cursor, limit), limit, (e) => e.key);
      return {
        items: await present(
          viewer,
          p.items.map((e) => e.row),
        ),
        nextCursor: p.nextCursor,
      };
    },

    /**
     * Posts of the creators the viewer may see (live subscriptions, less held creators and those blocking
     * the viewer's country) plus the viewer's own, newest first: the page (a PostPage) as JSON text, spliced
     * from each post's kept serialisation (the hottest read of the site).
     */
    async feed(
      viewer: EntitlementViewer,
      cursor: Cursor | null,
      limit: number,
      country: string | null = null,
    ): Promise<JsonText<Page<PostView>>> {
      const entitled = await subscriptions.entitledCreatorIds(viewer.id);
      // Held creators' posts leave the feed while the hold lasts (their cached heads are simply not read).
      const [held, blocked] = await Promise.all([
        users.heldAmong(entitled),
        entitlement.geoBlockedAmong(viewer, country, entitled),
      ]);
      const subscribed =
        held.size + blocked.size === 0
          ? entitled
          : entitled.filter((id) => !held.has(id) && !blocked.has(id));
      const creatorIds = [viewer.id, ...subscribed];
      const p = page(await cache.timeline(creatorIds, cursor, limit + 1), limit, timelineKey);
      const items = await presentJson(viewer, p.items, { subscribedCreatorIds: new Set(subscribed) });
      return `{"items":[${items.join(",")}],"nextCursor":${JSON.stringify(p.nextCursor)}}`;
    },

    async mine(
      viewer: EntitlementViewer,
      status: "draft" | "scheduled",
      cursor: Cursor | null,
      limit: number,
    ) {
      const rows = await postsRepo.unpublished(ctx.db.read, viewer.id, status, cursor, limit + 1);
      const p = page(rows, limit, (r) => ({ key: r.createdAt, id: r.id }));
      return { items: await present(viewer, p.items), nextCursor: p.nextCursor };
    },

    tagged: reach.tagged,
    setBookmark: reach.setBookmark,
    bookmarks: reach.bookmarks,
    search: reach.search,
    tagsByPrefix: reach.tagsByPrefix,
    engagementSince: reach.engagementSince,

    /** Live (published, not deleted) posts among these ids, for media entitlement. */
    profileCounts: (creatorIds: string[]) => postsRepo.profileCounts(ctx.db.read, creatorIds),
    /** Analytics: likes and comments since `since` on the creator's live posts (the top ones, or `ids`). */
    async engagement(creatorId: string, since: number, ids: string[] | null, limit: number) {
      const rows = await postsEngagementRepo.engagement(ctx.db.read, creatorId, since, ids, limit);
      return rows.map((r) => ({
        postId: r.postId,
        text: r.text,
        visibility: r.visibility as Visibility,
        publishedAt: Number(r.publishedAt),
        likes: Number(r.likes),
        comments: Number(r.comments),
      }));
    },

    async setLike(
      viewer: EntitlementViewer,
      id: string,
      liked: boolean,
      country: string | null = null,
    ): Promise<PostView> {
      const post = await entitledRow(viewer, id, country);
      await ctx.db.write(async (tx) => {
        invalidate(tx, post.creatorId, id);
        forgetMarks(tx, viewer.id);
        const changed = liked
          ? await postsRepo.like(tx, id, viewer.id, now())
          : await postsRepo.unlike(tx, id, viewer.id);
        if (!changed) return;
        await postsRepo.addToCounter(tx, id, "likesCount", liked ? 1 : -1);
        if (liked)
          await ctx.events.publish(tx, "post.liked", {
            postId: id,
            creatorId: post.creatorId,
            userId: viewer.id,
          });
      });
      return presentOne(viewer, id);
    },

    async comment(
      viewer: EntitlementViewer,
      id: string,
      text: string,
      country: string | null = null,
    ): Promise<CommentView> {
      const post = await entitledRow(viewer, id, country);
      if (post.status !== "published")
        throw new Invalid("This post is not published yet.", undefined, "not_published");
      const row: CommentRow = { id: newId(), postId: id, authorId: viewer.id, text, createdAt: now() };
      await ctx.db.write(async (tx) => {
        invalidate(tx, post.creatorId, id);
        await postsRepo.insertComment(tx, row);
        await postsRepo.addToCounter(tx, id, "commentsCount", 1);
        await ctx.events.publish(tx, "comment.created", {
          commentId: row.id,
          postId: id,
          creatorId: post.creatorId,
          userId: viewer.id,
        });
      });
      return (await presentComments([row]))[0]!;
    },

    async comments(
      viewer: EntitlementViewer | null,
      id: string,
      cursor: Cursor | null,
      limit: number,
      country: string | null = null,
    ): Promise<Page<CommentView>> {
      if (!viewer) {
        const row = await visibleRow(null, id, country);
        if (!(await entitlement.canView(null, row)))
          throw new Forbidden("Log in to see comments.", "not_entitled");
      } else {
        await entitledRow(viewer, id, country);
      }
      const p = page(await postsRepo.comments(ctx.db.read, id, cursor, limit + 1), limit, (c) => ({
        key: c.createdAt,
        id: c.id,
      }));
      return { items: await presentComments(p.items), nextCursor: p.nextCursor };
    },

    /** Scheduler step: publishes scheduled posts whose time has come. Idempotent. */
    async publishDue(batch = 500): Promise<number> {
      return ctx.db.write(async (tx) => {
        const due = await postsRepo.due(tx, now(), batch);
        for (const p of due) {
          await postsRepo.update(tx, p.id, {
            status: "published",
            publishedAt: p.publishAt,
            publishAt: null,
          });
          invalidate(tx, p.creatorId, p.id);
          await published(tx, p);
        }
        return due.length;
      });
    },
  };

  async function presentComments(rows: CommentRow[]): Promise<CommentView[]> {
    const authors = await creators.cards(rows.map((r) => r.authorId));
    return rows.map((c) => ({
      id: c.id,
      postId: c.postId,
      author: authors.get(c.authorId)!,
      text: c.text,
      createdAt: c.createdAt,
    }));
  }
}

export type PostsService = ReturnType<typeof createPostsService>;
