// Live streams: stream keys, the streams themselves (scheduled -> live -> ended, one live per creator),
// what a viewer sees of one (the ONE entitlement function decides), tickets (a sale through payments),
// chat and its moderation, tips shown in the stream, and what the ingest node reports (publish, leave,
// heartbeats). The RTMP listener and the ffmpeg processes are node.ts; the /ws rooms are rooms.ts; the
// recording becoming a medium and a draft post is recording.ts.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { publicUrl } from "../../config/load.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import { Conflict, Forbidden, Invalid, NotFound, Unavailable } from "../../lib/errors.ts";
import { newId, newSecret } from "../../lib/ids.ts";
import { visibleText } from "../../lib/text.ts";
import type { JobQueue } from "../../jobs/queue.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { EntitlementService, GatedStream } from "../entitlement/service.ts";
import type { NotificationsService } from "../notifications/service.ts";
import type { PaymentsService, PayWith } from "../payments/service.ts";
import type { RateLimitService } from "../ratelimit/service.ts";
import type { SubscriptionsService } from "../subscriptions/service.ts";
import type { EntitlementViewer, PublicUser, UsersService } from "../users/service.ts";
import { hashKey, redactKey } from "./ingest.ts";
import { liveRepo, type LiveChatRow, type LiveStreamRow } from "./repo.ts";
import { createRooms } from "./rooms.ts";
import type { LiveAccess } from "./tables.ts";

export const FINALIZE_JOB = "live.finalize";
/** A live stream whose ingest has not reported for this long is over (its node died). */
export const HEARTBEAT_STALE_MS = 15_000;
/** Ticket prices, in cents. */
const MIN_TICKET_CENTS = 100;
const MAX_TICKET_CENTS = 100_000;
/** What a chat line may be: the site's rule for text others see (lib/text.ts). */
const CHAT_TEXT = visibleText({ max: 500 });
/** Fans told per transaction when a creator goes live. */
const NOTIFY_BATCH = 500;

export interface StreamInput {
  title: string;
  access: LiveAccess;
  priceCents?: number | undefined;
  record?: boolean | undefined;
  scheduledAt?: number | null | undefined;
}

export interface LiveStreamView {
  id: string;
  creator: { username: string; displayName: string; avatarUrl: string | null };
  status: LiveStreamRow["status"];
  title: string;
  access: LiveAccess;
  priceCents: number;
  currency: string;
  record: boolean;
  scheduledAt: number | null;
  startedAt: number | null;
  endedAt: number | null;
  locked: boolean;
  hasTicket: boolean;
  viewers: number;
  playlistUrl: string | null;
  posterUrl: string | null;
  recordingPostId: string | null;
  createdAt: number;
}

export interface ChatView {
  id: string;
  streamId: string;
  kind: "chat" | "tip";
  text: string;
  amountCents: number | null;
  currency: string | null;
  user: { username: string; displayName: string; avatarUrl: string | null };
  createdAt: number;
}

export const gated = (s: Pick<LiveStreamRow, "id" | "creatorId" | "access">): GatedStream => ({
  kind: "stream",
  id: s.id,
  creatorId: s.creatorId,
  access: s.access,
});

const card = (u: PublicUser | undefined) => ({
  username: u?.username ?? "deleted",
  displayName: u?.displayName ?? "Deleted account",
  avatarUrl: u?.avatarUrl ?? null,
});

export function createLiveService(
  ctx: AppContext,
  deps: {
    users: Pick<UsersService, "byUsername">;
    creators: Pick<CreatorsService, "isCreator" | "byUserId" | "byUsername" | "cards">;
    entitlement: Pick<EntitlementService, "access" | "canView">;
    payments: Pick<PaymentsService, "purchase">;
    subscriptions: Pick<SubscriptionsService, "audience">;
    notifications: Pick<NotificationsService, "notifyTx">;
    rateLimit: Pick<RateLimitService, "consume">;
    jobs: Pick<JobQueue, "enqueue">;
  },
) {
  const { creators, entitlement, payments, jobs } = deps;
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
    if (!cfg.enabled)
      throw new Unavailable("Live streaming is turned off on this site.", "live_disabled");
    if (!(await creators.isCreator(viewer.id)))
      throw new Forbidden("Only creators can go live. Set up your creator profile first.", "not_a_creator");
  }

  async function views(viewer: EntitlementViewer | null, rows: LiveStreamRow[]): Promise<LiveStreamView[]> {
    if (rows.length === 0) return [];
    const [granted, cards, counts, tickets] = await Promise.all([
      entitlement.access(viewer, rows.map(gated)),
      creators.cards([...new Set(rows.map((r) => r.creatorId))]),
      liveRepo.viewers(
        ctx.db.read,
        rows.filter((r) => r.status === "live").map((r) => r.id),
        now() - HEARTBEAT_STALE_MS,
      ),
      viewer
        ? entitlement.access(
            { id: viewer.id, role: "fan" },
            rows.filter((r) => r.access === "ticket").map(gated),
          )
        : Promise.resolve(new Map<string, boolean>()),
    ]);
    return rows.map((r) => {
      const open = granted.get(r.id) === true;
      const mine = viewer !== null && (viewer.id === r.creatorId || viewer.role === "admin");
      const base = `/live-hls/${r.id}`;
      return {
        id: r.id,
        creator: card(cards.get(r.creatorId)),
        status: r.status,
        title: r.title,
        access: r.access,
        priceCents: r.priceCents,
        currency: r.currency,
        record: r.record,
        scheduledAt: r.scheduledAt,
        startedAt: r.startedAt,
        endedAt: r.endedAt,
        locked: !open,
        hasTicket: r.access === "ticket" && tickets.get(r.id) === true,
        viewers: counts.get(r.id) ?? 0,
        playlistUrl: open && r.status === "live" ? `${base}/master.m3u8` : null,
        posterUrl: r.status === "live" ? `${base}/${open ? "poster.jpg" : "poster-blur.jpg"}` : null,
        recordingPostId: mine ? r.recordingPostId : null,
        createdAt: r.createdAt,
      };
    });
  }
  const view = async (viewer: EntitlementViewer | null, row: LiveStreamRow) =>
    (await views(viewer, [row]))[0]!;

  async function ownStream(viewer: EntitlementViewer, id: string, db: DrizzleDb = ctx.db.read) {
    const row = await liveRepo.stream(db, id);
    if (!row || (row.creatorId !== viewer.id && viewer.role !== "admin")) throw new NotFound("Stream");
    return row;
  }

  async function visibleStream(viewer: EntitlementViewer | null, id: string): Promise<LiveStreamRow> {
    const row = await liveRepo.stream(ctx.db.read, id);
    if (!row) throw new NotFound("Stream");
    return row;
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

  async function currencyOf(creatorId: string): Promise<string> {
    return (await creators.byUserId(creatorId))?.currency ?? ctx.config.payments.currency;
  }

  const rooms = createRooms(ctx, {
    mayJoin: async (userId, role, streamId) => {
      const row = await liveRepo.stream(ctx.db.read, streamId);
      if (!row) return { error: "not_found", message: "No such stream." };
      if (row.status !== "live") return { error: "not_live", message: "This stream is not live." };
      if (!(await entitlement.canView({ id: userId, role }, gated(row))))
        return { error: "not_entitled", message: "Subscribe or buy a ticket to join this stream." };
      const mod = await liveRepo.moderationOf(ctx.db.read, streamId, userId);
      if (mod?.action === "remove")
        return { error: "removed", message: "You were removed from this stream." };
      return { ok: true, muted: mod?.action === "mute" };
    },
    chat: (userId, streamId, text) => chat(userId, streamId, text),
  });

  async function chat(userId: string, streamId: string, text: string): Promise<ChatView> {
    const parsed = CHAT_TEXT.safeParse(text);
    if (!parsed.success) {
      const why = parsed.error.issues[0]?.message ?? "Not a chat line.";
      throw new Invalid(why, { fields: { text: why } });
    }
    const clean = parsed.data;
    await deps.rateLimit.consume(
      [[`live-chat:${streamId}:${userId}`, { max: cfg.chat_per_10s, windowMs: 10_000 }]],
      "You are sending chat lines too fast; wait a few seconds.",
    );
    const row: LiveChatRow = {
      id: newId(),
      streamId,
      userId,
      kind: "chat",
      text: clean,
      amountCents: null,
      currency: null,
      txnId: null,
      hiddenAt: null,
      createdAt: now(),
    };
    await ctx.db.write(async (tx) => {
      const stream = await liveRepo.stream(tx, streamId);
      if (stream?.status !== "live") throw new Conflict("This stream is not live.", "not_live");
      const mod = await liveRepo.moderationOf(tx, streamId, userId);
      if (mod)
        throw new Forbidden("You cannot chat in this stream.", mod.action === "mute" ? "muted" : "removed");
      await liveRepo.insertChat(tx, row);
    });
    const [shown] = await chatViews([row]);
    rooms.broadcast(streamId, { type: "live.chat", streamId, message: shown });
    return shown!;
  }

  async function chatViews(rows: LiveChatRow[]): Promise<ChatView[]> {
    const cards = await creators.cards([...new Set(rows.map((r) => r.userId))]);
    return rows.map((r) => ({
      id: r.id,
      streamId: r.streamId,
      kind: r.kind,
      text: r.text,
      amountCents: r.amountCents,
      currency: r.currency,
      user: card(cards.get(r.userId)),
      createdAt: r.createdAt,
    }));
  }

  /** Ends a live stream (publisher gone, node dead, the creator ended it): once, whoever gets there first. */
  async function endTx(
    tx: DrizzleDb,
    row: LiveStreamRow,
    at: number,
    by: NonNullable<LiveStreamRow["endedBy"]>,
  ): Promise<boolean> {
    if (!(await liveRepo.moveStatus(tx, row.id, "live", { status: "ended", endedAt: at, endedBy: by })))
      return false;
    await liveRepo.putViewers(tx, `ended:${row.id}`, new Map(), at);
    // The recording (or the files' removal) waits out the reconnect window: a reconnect continues it.
    await jobs.enqueue(
      tx,
      FINALIZE_JOB,
      { streamId: row.id },
      { runAt: at + cfg.reconnect_seconds * 1000 + 1000 },
    );
    await ctx.events.publish(tx, "live.ended", { streamId: row.id, creatorId: row.creatorId });
    ctx.db.afterCommit(() =>
      rooms.broadcast(row.id, { type: "live.status", streamId: row.id, status: "ended" }),
    );
    return true;
  }

  // Going live tells the creator's subscribers (their channel choices for "live"), a batch per write.
  ctx.events.consume("live", {
    "live.started": async (tx, e) => {
      const stream = await liveRepo.stream(tx, e.streamId);
      if (!stream) return;
      const name = card((await creators.cards([e.creatorId])).get(e.creatorId));
      let after: string | null = null;
      for (;;) {
        const fans = await deps.subscriptions.audience(tx, e.creatorId, "subscribers", after, NOTIFY_BATCH);
        for (const fanId of fans)
          await deps.notifications.notifyTx(tx, {
            userId: fanId,
            kind: "live_started",
            text: `${name.displayName} is live: ${stream.title}`,
            link: `/live/${stream.id}`,
            data: { streamId: stream.id, creatorId: e.creatorId },
            actorId: e.creatorId,
          });
        if (fans.length < NOTIFY_BATCH) break;
        after = fans[fans.length - 1]!;
      }
    },
    // A tip given during a stream is a line of its chat, shown to everyone watching.
    "payment.completed": async (tx, e) => {
      if (e.kind !== "tip" || !e.liveStreamId) return;
      const row: LiveChatRow = {
        id: newId(),
        streamId: e.liveStreamId,
        userId: e.payerId,
        kind: "tip",
        text: e.message ?? "",
        amountCents: e.amountCents,
        currency: e.currency,
        txnId: e.txnId,
        hiddenAt: null,
        createdAt: now(),
      };
      if (!(await liveRepo.stream(tx, e.liveStreamId))) return;
      if (!(await liveRepo.insertChat(tx, row))) return;
      ctx.db.afterCommit(async () => {
        const [shown] = await chatViews([row]);
        rooms.broadcast(row.streamId, { type: "live.tip", streamId: row.streamId, message: shown });
      });
    },
  });

  return {
    rooms,
    /** node.ts, on the ingest node. */
    attachIngest(i: { port: number; kick(keyHash: string): boolean } | null) {
      ingest = i;
    },
    kickLocal: (keyHash: string) => ingest?.kick(keyHash) ?? false,

    async key(viewer: EntitlementViewer) {
      await requireCreator(viewer);
      const found = await liveRepo.keyOf(ctx.db.read, viewer.id);
      if (found) return { rtmpUrl: rtmpUrl(), streamKey: ctx.sealer.open(found.keySealed) };
      return this.rotateKey(viewer);
    },
    /** A new key; the old one is refused from now on, and a publisher still using it is cut. */
    async rotateKey(viewer: EntitlementViewer) {
      await requireCreator(viewer);
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
      await requireCreator(viewer);
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
        await liveRepo.deleteStream(tx, id);
      });
    },
    /** The creator (or an admin) ends the stream: it is over, and the publisher is cut. */
    async end(viewer: EntitlementViewer, id: string): Promise<LiveStreamView> {
      const row = await ownStream(viewer, id);
      if (row.status !== "live") throw new Conflict("This stream is not live.", "not_live");
      await ctx.db.write((tx) => endTx(tx, row, now(), "creator"));
      const key = await liveRepo.keyOf(ctx.db.read, row.creatorId);
      if (key) {
        this.kickLocal(key.keyHash);
        ctx.signals.publish("live.kick", key.keyHash);
      }
      return view(viewer, (await liveRepo.stream(ctx.db.read, id))!);
    },

    async mine(viewer: EntitlementViewer, cursor: Cursor | null, limit: number) {
      await requireCreator(viewer);
      const rows = await liveRepo.streamsOf(ctx.db.read, viewer.id, cursor, limit + 1);
      const p = page(rows, limit, (r) => ({ key: r.createdAt, id: r.id }));
      return { items: await views(viewer, p.items), nextCursor: p.nextCursor };
    },
    get: async (viewer: EntitlementViewer | null, id: string) =>
      view(viewer, await visibleStream(viewer, id)),
    /** A creator's live stream (or null) and scheduled ones. */
    async ofCreator(viewer: EntitlementViewer | null, username: string) {
      const creator = await creators.byUsername(username);
      if (!creator) throw new NotFound("Creator");
      const live = await liveRepo.liveOf(ctx.db.read, creator.user.id);
      const upcoming = await liveRepo.scheduledOf(ctx.db.read, creator.user.id, 10);
      return {
        stream: live ? await view(viewer, live) : null,
        upcoming: await views(viewer, upcoming),
      };
    },
    async liveNow(viewer: EntitlementViewer | null, limit: number) {
      return { items: await views(viewer, await liveRepo.liveNow(ctx.db.read, limit)) };
    },

    async buyTicket(viewer: EntitlementViewer, id: string, payWith: PayWith) {
      const row = await visibleStream(viewer, id);
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

    async chatHistory(viewer: EntitlementViewer | null, id: string, cursor: Cursor | null, limit: number) {
      const row = await visibleStream(viewer, id);
      if (!(await entitlement.canView(viewer, gated(row))))
        throw new Forbidden("Subscribe or buy a ticket to see this stream's chat.", "not_entitled");
      const rows = await liveRepo.chatPage(ctx.db.read, id, cursor, limit + 1);
      const p = page(rows, limit, (r) => ({ key: r.createdAt, id: r.id }));
      return { items: await chatViews(p.items), nextCursor: p.nextCursor };
    },
    chat,

    async moderate(
      viewer: EntitlementViewer,
      id: string,
      username: string,
      action: "mute" | "unmute" | "remove",
    ) {
      const row = await ownStream(viewer, id);
      const person = await deps.users.byUsername(username);
      if (!person) throw new NotFound("User");
      if (person.id === row.creatorId)
        throw new Invalid("You cannot moderate yourself.", undefined, "self_moderation");
      await ctx.db.write((tx) =>
        action === "unmute"
          ? liveRepo.clearModeration(tx, id, person.id)
          : liveRepo.putModeration(tx, {
              streamId: id,
              userId: person.id,
              action,
              byId: viewer.id,
              createdAt: now(),
            }),
      );
      if (action === "remove") rooms.expel(id, person.id);
      else rooms.setMuted(id, person.id, action === "mute");
    },
    async hideChat(viewer: EntitlementViewer, id: string, messageId: string): Promise<void> {
      await ownStream(viewer, id);
      const line = await liveRepo.chatLine(ctx.db.read, messageId);
      if (!line || line.streamId !== id) throw new NotFound("Chat message");
      await ctx.db.write((tx) => liveRepo.hideChat(tx, messageId, now()));
      rooms.broadcast(id, { type: "live.hidden", streamId: id, messageId });
    },

    // What the ingest node reports (node.ts).
    ingestHooks: {
      /** A publisher with this key: the stream it goes live as (a reconnect continues the last one), or null. */
      async publish(keyHash: string): Promise<{ streamId: string; resumed: boolean } | null> {
        return ctx.db.write(async (tx) => {
          const key = await liveRepo.keyByHash(tx, keyHash);
          if (!key || !(await creators.isCreator(key.creatorId, tx))) return null;
          const t = now();
          const current = await liveRepo.liveOf(tx, key.creatorId);
          if (current) {
            // Live elsewhere and still reporting: one live stream per creator.
            if (current.ingestNode !== ctx.nodeId && (current.heartbeatAt ?? 0) > t - HEARTBEAT_STALE_MS)
              return null;
            await endTx(tx, current, t, "node");
          }
          const recent = await liveRepo.endedSince(tx, key.creatorId, t - cfg.reconnect_seconds * 1000);
          // One node takes RTMP, so the files of a recently ended stream are on this node's disk.
          if (recent && recent.endedBy !== "creator") {
            await liveRepo.moveStatus(tx, recent.id, "ended", {
              status: "live",
              endedAt: null,
              endedBy: null,
              heartbeatAt: t,
            });
            ctx.db.afterCommit(() =>
              rooms.broadcast(recent.id, { type: "live.status", streamId: recent.id, status: "live" }),
            );
            return { streamId: recent.id, resumed: true };
          }
          const [pending] = await liveRepo.scheduledOf(tx, key.creatorId, 1);
          let id = pending?.id;
          const fields = { status: "live" as const, startedAt: t, heartbeatAt: t, ingestNode: ctx.nodeId };
          if (pending) await liveRepo.updateStream(tx, pending.id, fields);
          else {
            id = newId();
            const name = card((await creators.cards([key.creatorId])).get(key.creatorId));
            await liveRepo.insertStream(tx, {
              id,
              creatorId: key.creatorId,
              title: `${name.displayName} is live`,
              access: "subscribers",
              priceCents: 0,
              currency: await currencyOf(key.creatorId),
              record: false,
              scheduledAt: null,
              endedAt: null,
              endedBy: null,
              peakViewers: 0,
              recording: "none",
              recordingPostId: null,
              createdAt: t,
              ...fields,
            });
          }
          await ctx.events.publish(tx, "live.started", { streamId: id!, creatorId: key.creatorId });
          return { streamId: id!, resumed: false };
        });
      },
      /** The publisher's connection closed: the stream is over (until a reconnect continues it). */
      async left(streamId: string): Promise<void> {
        await ctx.db.write(async (tx) => {
          const row = await liveRepo.stream(tx, streamId);
          if (row?.status === "live" && row.ingestNode === ctx.nodeId)
            await endTx(tx, row, now(), "publisher");
        });
      },
      heartbeat: (streamIds: string[]) => ctx.db.write((tx) => liveRepo.heartbeat(tx, streamIds, now())),
    },

    /** The scheduler's step: live streams whose ingest stopped reporting are ended (their node died). */
    async endStale(): Promise<number> {
      let ended = 0;
      const t = now();
      for (const row of await liveRepo.staleLive(ctx.db.read, t - HEARTBEAT_STALE_MS))
        if (await ctx.db.write((tx) => endTx(tx, row, t, "node"))) ended++;
      return ended;
    },
    /** At start of the ingest node: what this node's previous run left live is over. */
    async endOrphans(previousNodes: (nodeId: string | null) => boolean): Promise<number> {
      let ended = 0;
      const t = now();
      for (const row of await liveRepo.liveNow(ctx.db.read, 1000))
        if (previousNodes(row.ingestNode) && (await ctx.db.write((tx) => endTx(tx, row, t, "node")))) ended++;
      return ended;
    },
    /** This node's viewer counts (node-wide rooms), written every few seconds; the totals go to viewers. */
    async reportViewers(): Promise<void> {
      const counts = rooms.localCounts();
      await ctx.db.write((tx) => liveRepo.putViewers(tx, ctx.nodeId, counts, now()));
      const totals = await liveRepo.viewers(ctx.db.read, [...rooms.streamIds()], now() - HEARTBEAT_STALE_MS);
      rooms.announceViewers(totals);
    },
    stream: (id: string) => liveRepo.stream(ctx.db.read, id),
    updateRecording: (id: string, patch: Pick<LiveStreamRow, "recording"> & Partial<LiveStreamRow>) =>
      ctx.db.write((tx) => liveRepo.updateStream(tx, id, patch)),
  };
}

export type LiveService = ReturnType<typeof createLiveService>;
