// Live streams, the module's one public surface: stream keys, the streams themselves (scheduled -> live ->
// ended, one live per creator), tickets (a sale through payments), who may tip during a stream. Built from
// its parts: views.ts (what a viewer sees), chat.ts (chat, moderation, tips in the chat; rooms.ts carries
// the sockets), publishing.ts (going live and ending, what the ingest node reports). The RTMP listener and
// the ffmpeg processes are node.ts; the recording becoming a medium and a draft post is recording.ts.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { publicUrl } from "../../config/load.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import { Conflict, Forbidden, Invalid, NotFound, Unavailable } from "../../lib/errors.ts";
import { newId, newSecret } from "../../lib/ids.ts";
import type { JobQueue } from "../../jobs/queue.ts";
import type { ComplianceService } from "../compliance/service.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { EntitlementService } from "../entitlement/service.ts";
import type { NotificationsService } from "../notifications/service.ts";
import type { PaymentsService, PayWith } from "../payments/service.ts";
import type { RateLimitService } from "../ratelimit/service.ts";
import type { SubscriptionsService } from "../subscriptions/service.ts";
import type { EntitlementViewer, UsersService } from "../users/service.ts";
import { hashKey, redactKey } from "./ingest.ts";
import { createLiveChat } from "./chat.ts";
import { createPublishing } from "./publishing.ts";
import { createLivePrivacy } from "./privacy.ts";
import { liveRepo, type LiveStreamRow } from "./repo.ts";
import type { LiveAccess } from "./tables.ts";
import { card, createLiveViews, gated, HEARTBEAT_STALE_MS, type LiveStreamView } from "./views.ts";

/** Ticket prices, in cents. */
const MIN_TICKET_CENTS = 100;
const MAX_TICKET_CENTS = 100_000;

export { FINALIZE_JOB } from "./publishing.ts";
export type { ChatView, LiveStreamView } from "./views.ts";

export interface StreamInput {
  title: string;
  access: LiveAccess;
  priceCents?: number | undefined;
  record?: boolean | undefined;
  scheduledAt?: number | null | undefined;
}

export function createLiveService(
  ctx: AppContext,
  deps: {
    users: Pick<UsersService, "byUsername" | "isHeld" | "isHeldTx" | "heldAmong">;
    creators: Pick<CreatorsService, "isCreator" | "byUserId" | "byUsername" | "cards">;
    entitlement: Pick<
      EntitlementService,
      "access" | "canView" | "ticketsSold" | "assertGeoAllowed" | "geoBlockedAmong"
    >;
    payments: Pick<PaymentsService, "purchase">;
    subscriptions: Pick<SubscriptionsService, "audience">;
    notifications: Pick<NotificationsService, "notifyTx">;
    rateLimit: Pick<RateLimitService, "consume">;
    jobs: Pick<JobQueue, "enqueue">;
    compliance: Pick<ComplianceService, "requireVerified">;
  },
) {
  const { creators, entitlement, payments } = deps;
  const cfg = ctx.config.live;
  const now = () => ctx.clock.now();
  /** Set by node.ts on the node that takes RTMP: its port, and a way to cut a publisher. */
  let ingest: { port: number; kick(keyHash: string): boolean } | null = null;

  function rtmpUrl(): string {
    if (cfg.rtmp_url) return cfg.rtmp_url;
    const host = ctx.config.server.public_url ? new URL(publicUrl(ctx.config)).hostname : "localhost";
    return `rtmp://${host}:${ingest?.port ?? cfg.rtmp_port}/live`;
  }

  async function requireCreator(viewer: EntitlementViewer): Promise<void> {
    if (!cfg.enabled) throw new Unavailable("Live streaming is turned off on this site.", "live_disabled");
    if (!(await creators.isCreator(viewer.id)))
      throw new Forbidden("Only creators can go live. Set up your creator profile first.", "not_a_creator");
  }
  /** Going live (a key, a stream) needs a verified creator where the site asks. */
  async function requireLiveCreator(viewer: EntitlementViewer): Promise<void> {
    await requireCreator(viewer);
    await deps.compliance.requireVerified(viewer, "go live");
  }

  async function currencyOf(creatorId: string): Promise<string> {
    return (await creators.byUserId(creatorId))?.currency ?? ctx.config.payments.currency;
  }

  const { views, view, chatViews } = createLiveViews(ctx, { creators, entitlement });
  const chat = createLiveChat(ctx, { ...deps, views: { chatViews } });
  const { rooms } = chat;
  const publishing = createPublishing(ctx, { ...deps, rooms, currencyOf });

  async function ownStream(viewer: EntitlementViewer, id: string, db: DrizzleDb = ctx.db.read) {
    const row = await liveRepo.stream(db, id);
    if (!row || (row.creatorId !== viewer.id && viewer.role !== "admin")) throw new NotFound("Stream");
    return row;
  }

  /** A stream anyone may address; none of a creator whose account is held (banned, suspended). */
  async function visibleStream(id: string, viewer?: EntitlementViewer | null): Promise<LiveStreamRow> {
    const row = await liveRepo.stream(ctx.db.read, id);
    if (!row) throw new NotFound("Stream");
    const exempt = viewer && (viewer.id === row.creatorId || viewer.role === "admin");
    if (!exempt && (await deps.users.isHeld(row.creatorId))) throw new NotFound("Stream");
    return row;
  }

  /** Ends a live stream and cuts its publisher (the creator's end, an admin's, a ban). */
  async function endAndKick(row: LiveStreamRow): Promise<void> {
    await ctx.db.write((tx) => publishing.endTx(tx, row, now(), "creator"));
    const key = await liveRepo.keyOf(ctx.db.read, row.creatorId);
    if (key) {
      ingest?.kick(key.keyHash);
      ctx.signals.publish("live.kick", key.keyHash);
    }
  }

  function checkInput(input: Partial<StreamInput>, access: LiveAccess): number {
    if (access !== "ticket") return 0;
    const price = input.priceCents ?? 0;
    if (!Number.isInteger(price) || price < MIN_TICKET_CENTS || price > MAX_TICKET_CENTS)
      throw new Invalid("A ticketed stream needs a price between 1.00 and 1,000.00.", {
        fields: { priceCents: `Between ${MIN_TICKET_CENTS} and ${MAX_TICKET_CENTS}` },
      });
    return price;
  }

  return {
    ...createLivePrivacy(ctx),
    rooms,
    /** node.ts, on the ingest node. */
    attachIngest(i: { port: number; kick(keyHash: string): boolean } | null) {
      ingest = i;
    },
    kickLocal: (keyHash: string) => ingest?.kick(keyHash) ?? false,
    /** For /readyz: whether this node takes RTMP, and on which port (null: configured but not listening). */
    state: () => ({
      enabled: cfg.enabled,
      ingest: cfg.enabled && cfg.ingest,
      rtmpPort: ingest?.port ?? null,
    }),

    async key(viewer: EntitlementViewer) {
      await requireLiveCreator(viewer);
      const found = await liveRepo.keyOf(ctx.db.read, viewer.id);
      if (found) return { rtmpUrl: rtmpUrl(), streamKey: ctx.sealer.open(found.keySealed) };
      return this.rotateKey(viewer);
    },
    /** A new key; the old one is refused from now on, and a publisher still using it is cut. */
    async rotateKey(viewer: EntitlementViewer) {
      await requireLiveCreator(viewer);
      const key = `live_${newSecret(20)}`;
      const old = await ctx.db.write(async (tx) => {
        const before = await liveRepo.keyOf(tx, viewer.id);
        await liveRepo.putKey(tx, {
          creatorId: viewer.id,
          keyHash: hashKey(key),
          keySealed: ctx.sealer.seal(key),
          createdAt: now(),
        });
        return before?.keyHash ?? null;
      });
      if (old) {
        this.kickLocal(old);
        ctx.signals.publish("live.kick", old);
      }
      ctx.logger.info("stream key issued", { creatorId: viewer.id, key: redactKey(key) });
      return { rtmpUrl: rtmpUrl(), streamKey: key };
    },

    async create(viewer: EntitlementViewer, input: StreamInput): Promise<LiveStreamView> {
      await requireLiveCreator(viewer);
      const priceCents = checkInput(input, input.access);
      const t = now();
      const row: LiveStreamRow = {
        id: newId(),
        creatorId: viewer.id,
        title: input.title,
        access: input.access,
        priceCents,
        currency: await currencyOf(viewer.id),
        record: input.record ?? false,
        status: "scheduled",
        scheduledAt: input.scheduledAt ?? null,
        startedAt: null,
        endedAt: null,
        heartbeatAt: null,
        publishedAt: null,
        endedBy: null,
        ingestNode: null,
        peakViewers: 0,
        recording: "none",
        recordingPostId: null,
        createdAt: t,
      };
      await ctx.db.write((tx) => liveRepo.insertStream(tx, row));
      return view(viewer, row);
    },
    async update(
      viewer: EntitlementViewer,
      id: string,
      patch: Partial<StreamInput>,
    ): Promise<LiveStreamView> {
      const row = await ctx.db.write(async (tx) => {
        const cur = await ownStream(viewer, id, tx);
        if (cur.status === "ended") throw new Conflict("This stream has ended.", "stream_ended");
        const access = patch.access ?? cur.access;
        const next = {
          title: patch.title ?? cur.title,
          access,
          priceCents:
            patch.access !== undefined || patch.priceCents !== undefined
              ? checkInput({ priceCents: patch.priceCents ?? cur.priceCents }, access)
              : cur.priceCents,
          record: patch.record ?? cur.record,
          scheduledAt: patch.scheduledAt !== undefined ? patch.scheduledAt : cur.scheduledAt,
        };
        await liveRepo.updateStream(tx, id, next);
        return { ...cur, ...next };
      });
      return view(viewer, row);
    },
    async remove(viewer: EntitlementViewer, id: string): Promise<void> {
      await ctx.db.write(async (tx) => {
        const cur = await ownStream(viewer, id, tx);
        if (cur.status !== "scheduled")
          throw new Conflict("Only a stream that has not started can be deleted.", "stream_started");
        // Deleting it would take away what fans paid for; the stream can still be held (or refunded).
        if (await entitlement.ticketsSold(id, tx))
          throw new Conflict(
            "Tickets to this stream were sold: hold it instead of deleting it.",
            "tickets_sold",
          );
        await liveRepo.deleteStream(tx, id);
      });
    },
    /** The creator (or an admin) ends the stream: it is over, and the publisher is cut. */
    async end(viewer: EntitlementViewer, id: string): Promise<LiveStreamView> {
      const row = await ownStream(viewer, id);
      if (row.status !== "live") throw new Conflict("This stream is not live.", "not_live");
      await endAndKick(row);
      return view(viewer, (await liveRepo.stream(ctx.db.read, id))!);
    },
    /** Moderation: this stream ends now if it is live (false when it was not). */
    async endStream(id: string): Promise<boolean> {
      const row = await liveRepo.stream(ctx.db.read, id);
      if (!row || row.status !== "live") return false;
      await endAndKick(row);
      return true;
    },
    /** Moderation and bans: the creator's live stream, if any, ends now. Returns its id. */
    async endLiveOf(creatorId: string): Promise<string | null> {
      const row = await liveRepo.liveOf(ctx.db.read, creatorId);
      if (!row) return null;
      await endAndKick(row);
      return row.id;
    },

    async mine(viewer: EntitlementViewer, cursor: Cursor | null, limit: number) {
      await requireCreator(viewer);
      const rows = await liveRepo.streamsOf(ctx.db.read, viewer.id, cursor, limit + 1);
      const p = page(rows, limit, (r) => ({ key: r.createdAt, id: r.id }));
      return { items: await views(viewer, p.items), nextCursor: p.nextCursor };
    },
    /** One stream; 451 where its creator blocks the viewer's country. */
    async get(viewer: EntitlementViewer | null, id: string, country: string | null = null) {
      const row = await visibleStream(id, viewer);
      await entitlement.assertGeoAllowed(viewer, country, row.creatorId);
      return view(viewer, row);
    },
    /** A creator's live stream (or null) and scheduled ones. */
    async ofCreator(viewer: EntitlementViewer | null, username: string, country: string | null = null) {
      const creator = await creators.byUsername(username);
      if (!creator) throw new NotFound("Creator");
      const exempt = viewer && (viewer.id === creator.user.id || viewer.role === "admin");
      if (!exempt && (await deps.users.isHeld(creator.user.id))) throw new NotFound("Creator");
      await entitlement.assertGeoAllowed(viewer, country, creator.user.id);
      const live = await liveRepo.liveOf(ctx.db.read, creator.user.id);
      const upcoming = await liveRepo.scheduledOf(ctx.db.read, creator.user.id, 10);
      return {
        stream: live ? await view(viewer, live) : null,
        upcoming: await views(viewer, upcoming),
      };
    },
    /** Who is live now, less held creators and those blocking the viewer's country. */
    async liveNow(viewer: EntitlementViewer | null, limit: number, country: string | null = null) {
      const rows = await liveRepo.liveNow(ctx.db.read, limit);
      const ids = rows.map((r) => r.creatorId);
      const [held, blocked] = await Promise.all([
        deps.users.heldAmong(ids),
        entitlement.geoBlockedAmong(viewer, country, ids),
      ]);
      return {
        items: await views(
          viewer,
          rows.filter((r) => !held.has(r.creatorId) && !blocked.has(r.creatorId)),
        ),
      };
    },

    /** 451 where the creator blocks the viewer's country: nothing is charged for a show one may not watch. */
    async buyTicket(viewer: EntitlementViewer, id: string, payWith: PayWith, country: string | null = null) {
      const row = await visibleStream(id);
      await entitlement.assertGeoAllowed(viewer, country, row.creatorId);
      if (row.access !== "ticket") throw new Invalid("This stream has no tickets.", undefined, "no_tickets");
      if (row.status === "ended") throw new Conflict("This stream has ended.", "stream_ended");
      const creator = card((await creators.cards([row.creatorId])).get(row.creatorId));
      return payments.purchase(
        {
          purpose: "ticket",
          payerId: viewer.id,
          amountCents: row.priceCents,
          currency: row.currency,
          details: { creatorId: row.creatorId, liveStreamId: row.id },
        },
        payWith,
        `Ticket: ${row.title} by @${creator.username}`,
        async () => view(viewer, (await liveRepo.stream(ctx.db.read, id))!),
      );
    },

    async chatHistory(
      viewer: EntitlementViewer | null,
      id: string,
      cursor: Cursor | null,
      limit: number,
      country: string | null = null,
    ) {
      const row = await visibleStream(id, viewer);
      await entitlement.assertGeoAllowed(viewer, country, row.creatorId);
      return chat.history(viewer, row, cursor, limit);
    },
    chat: chat.chat,
    async moderate(
      viewer: EntitlementViewer,
      id: string,
      username: string,
      action: "mute" | "unmute" | "remove",
    ): Promise<void> {
      await chat.moderate(viewer, await ownStream(viewer, id), username, action);
    },
    async hideChat(viewer: EntitlementViewer, id: string, messageId: string): Promise<void> {
      await chat.hide(await ownStream(viewer, id), messageId);
    },
    /** What the ingest node reports (node.ts). */
    ingestHooks: publishing.ingestHooks,
    /** The scheduler's step: live streams whose ingest stopped reporting are ended (their node died). */
    endStale: publishing.endStale,
    /** At start of the ingest node: what a previous run left live is over. */
    endOrphans: publishing.endOrphans,

    /** Who may tip during a stream: an entitled viewer of the creator's live stream. */
    async checkTipTarget(viewer: EntitlementViewer, streamId: string, creatorId: string): Promise<void> {
      const row = await liveRepo.stream(ctx.db.read, streamId);
      if (!row || row.creatorId !== creatorId)
        throw new Invalid("That stream is not by this creator.", {
          fields: { liveStreamId: "Not this creator's stream" },
        });
      if (row.status !== "live") throw new Conflict("This stream is not live.", "not_live");
      if (!(await entitlement.canView(viewer, gated(row))))
        throw new Forbidden("Subscribe or buy a ticket to this stream first.", "not_entitled");
    },

    /** This node's viewer counts (node-wide rooms), written every few seconds; the totals go to viewers. */
    async reportViewers(): Promise<void> {
      const counts = rooms.localCounts();
      await ctx.db.write((tx) => liveRepo.putViewers(tx, ctx.nodeId, counts, now()));
      const totals = await liveRepo.viewers(ctx.db.read, [...rooms.streamIds()], now() - HEARTBEAT_STALE_MS);
      rooms.announceViewers(totals);
    },
    stream: (id: string) => liveRepo.stream(ctx.db.read, id),
    /** Streams live now on the whole site. */
    liveCount: () => liveRepo.liveCount(ctx.db.read),
    updateRecording: (id: string, patch: Pick<LiveStreamRow, "recording"> & Partial<LiveStreamRow>) =>
      ctx.db.write((tx) => liveRepo.updateStream(tx, id, patch)),
  };
}

export type LiveService = ReturnType<typeof createLiveService>;
