// What a viewer sees of a live stream and of its chat lines. Whether they may watch is the ONE entitlement
// function's answer (a `stream` item); the playlist URL and the clear still only go to those who may.
import type { AppContext } from "../../context.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { EntitlementService, GatedStream } from "../entitlement/service.ts";
import type { EntitlementViewer, PublicUser } from "../users/service.ts";
import { liveRepo, type LiveChatRow, type LiveStreamRow } from "./repo.ts";
import type { LiveAccess } from "./tables.ts";

/** A live stream whose ingest (or a node's viewer count) has not reported for this long is stale. */
export const HEARTBEAT_STALE_MS = 15_000;

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

export const card = (u: PublicUser | undefined) => ({
  username: u?.username ?? "deleted",
  displayName: u?.displayName ?? "Deleted account",
  avatarUrl: u?.avatarUrl ?? null,
});

export function createLiveViews(
  ctx: AppContext,
  deps: {
    creators: Pick<CreatorsService, "cards">;
    entitlement: Pick<EntitlementService, "access">;
  },
) {
  const { creators, entitlement } = deps;
  const now = () => ctx.clock.now();

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

  return {
    views,
    view: async (viewer: EntitlementViewer | null, row: LiveStreamRow) => (await views(viewer, [row]))[0]!,
    chatViews,
  };
}

export type LiveViews = ReturnType<typeof createLiveViews>;
