// Going live and ending: what the ingest node reports (a publisher with a key, its leaving, heartbeats),
// the end of a stream (once, whoever gets there first: the publisher gone, its node lost, the creator),
// streams whose ingest stopped reporting, and telling the creator's subscribers that they went live.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { newId } from "../../lib/ids.ts";
import type { JobQueue } from "../../jobs/queue.ts";
import type { ComplianceService } from "../compliance/service.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { NotificationsService } from "../notifications/service.ts";
import type { SubscriptionsService } from "../subscriptions/service.ts";
import type { UsersService } from "../users/service.ts";
import { liveRepo, type LiveStreamRow } from "./repo.ts";
import type { LiveRooms } from "./rooms.ts";
import { card, HEARTBEAT_STALE_MS } from "./views.ts";

export const FINALIZE_JOB = "live.finalize";
/** Fans told per page (all in the event's transaction) when a creator goes live. */
const NOTIFY_BATCH = 500;

export function createPublishing(
  ctx: AppContext,
  deps: {
    creators: Pick<CreatorsService, "isCreator" | "cards">;
    users: Pick<UsersService, "isHeldTx">;
    subscriptions: Pick<SubscriptionsService, "audience">;
    notifications: Pick<NotificationsService, "notifyTx">;
    jobs: Pick<JobQueue, "enqueue">;
    rooms: Pick<LiveRooms, "broadcast">;
    currencyOf(creatorId: string): Promise<string>;
    compliance: Pick<ComplianceService, "requireVerified">;
  },
) {
  const { creators, jobs, rooms, currencyOf } = deps;
  const cfg = ctx.config.live;
  const now = () => ctx.clock.now();

  /** Ends a live stream (publisher gone, node dead, the creator ended it): once, whoever gets there first. */
  async function endTx(
    tx: DrizzleDb,
    row: LiveStreamRow,
    at: number,
    by: NonNullable<LiveStreamRow["endedBy"]>,
  ): Promise<boolean> {
    if (!(await liveRepo.moveStatus(tx, row.id, "live", { status: "ended", endedAt: at, endedBy: by })))
      return false;
    await liveRepo.clearViewers(tx, row.id);
    // The recording (or the files' removal) waits out the reconnect window: a reconnect continues it.
    await jobs.enqueue(
      tx,
      FINALIZE_JOB,
      { streamId: row.id },
      { runAt: at + cfg.reconnect_seconds * 1000 + 1000 },
    );
    await ctx.events.publish(tx, "live.ended", { streamId: row.id, creatorId: row.creatorId });
    ctx.db.afterCommit(tx, () =>
      rooms.broadcast(row.id, { type: "live.status", streamId: row.id, status: "ended" }),
    );
    return true;
  }

  // Going live tells the creator's subscribers (their channel choices for "live").
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
  });

  return {
    endTx,
    /** What the ingest node reports (node.ts). */
    ingestHooks: {
      /** A publisher with this key: the stream it goes live as (a reconnect continues the last one), or null. */
      async publish(
        keyHash: string,
      ): Promise<{ streamId: string; resumed: boolean; publishedAt: number } | null> {
        return ctx.db.write(async (tx) => {
          const key = await liveRepo.keyByHash(tx, keyHash);
          if (!key || !(await creators.isCreator(key.creatorId, tx))) return null;
          // A banned or suspended creator cannot go live, whatever key their encoder still has.
          if (await deps.users.isHeldTx(tx, key.creatorId)) return null;
          // A key issued before the site required verification does not get an unverified creator live.
          const verified = await deps.compliance
            .requireVerified({ id: key.creatorId, role: "creator" }, "go live", tx)
            .then(() => true)
            .catch(() => false);
          if (!verified) return null;
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
              publishedAt: t,
            });
            ctx.db.afterCommit(tx, () =>
              rooms.broadcast(recent.id, { type: "live.status", streamId: recent.id, status: "live" }),
            );
            return { streamId: recent.id, resumed: true, publishedAt: t };
          }
          const [pending] = await liveRepo.scheduledOf(tx, key.creatorId, 1);
          let id = pending?.id;
          const fields = {
            status: "live" as const,
            startedAt: t,
            heartbeatAt: t,
            publishedAt: t,
            ingestNode: ctx.nodeId,
          };
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
          return { streamId: id!, resumed: false, publishedAt: t };
        });
      },
      /**
       * The publisher's connection closed: the stream is over (until a reconnect continues it). Only if no
       * newer publish took it meanwhile (a quick reconnect's write may commit before this one).
       */
      async left(streamId: string, publishedAt: number): Promise<void> {
        await ctx.db.write(async (tx) => {
          const row = await liveRepo.stream(tx, streamId);
          if (row?.status === "live" && row.ingestNode === ctx.nodeId && row.publishedAt === publishedAt)
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
  };
}
