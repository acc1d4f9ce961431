// Live chat: who may join a stream's room (rooms.ts carries the sockets), chat lines (checked, stored,
// broadcast), the history, moderation (mute, remove, hide a line) and tips given during a stream, which
// become chat lines everyone watching sees.
import type { AppContext } from "../../context.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import { AppError, Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { visibleText } from "../../lib/text.ts";
import type { EntitlementService } from "../entitlement/service.ts";
import type { RateLimitService } from "../ratelimit/service.ts";
import type { EntitlementViewer, UsersService } from "../users/service.ts";
import { liveRepo, type LiveChatRow, type LiveStreamRow } from "./repo.ts";
import { createRooms } from "./rooms.ts";
import { gated, type ChatView, type LiveViews } from "./views.ts";

/** What a chat line may be: the site's rule for text others see (lib/text.ts). */
const CHAT_TEXT = visibleText({ max: 500 });

export function createLiveChat(
  ctx: AppContext,
  deps: {
    users: Pick<UsersService, "byUsername">;
    entitlement: Pick<EntitlementService, "canView" | "assertGeoAllowed">;
    rateLimit: Pick<RateLimitService, "consume">;
    views: Pick<LiveViews, "chatViews">;
  },
) {
  const { entitlement } = deps;
  const { chatViews } = deps.views;
  const cfg = ctx.config.live;
  const now = () => ctx.clock.now();

  const rooms = createRooms(ctx, {
    mayJoin: async (userId, role, streamId, country) => {
      const row = await liveRepo.stream(ctx.db.read, streamId);
      if (!row) return { error: "not_found", message: "No such stream." };
      // The same refusal as the stream's HTTP routes (451 geo_blocked), as a frame.
      try {
        await entitlement.assertGeoAllowed({ id: userId, role }, country, row.creatorId);
      } catch (err) {
        if (err instanceof AppError) return { error: err.code, message: err.message };
        throw err;
      }
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

  ctx.events.consume("live-chat", {
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
      ctx.db.afterCommit(tx, async () => {
        const [shown] = await chatViews([row]);
        rooms.broadcast(row.streamId, { type: "live.tip", streamId: row.streamId, message: shown });
      });
    },
  });

  return {
    rooms,
    chat,
    async history(
      viewer: EntitlementViewer | null,
      row: LiveStreamRow,
      cursor: Cursor | null,
      limit: number,
    ) {
      const id = row.id;
      if (!(await entitlement.canView(viewer, gated(row))))
        throw new Forbidden("Subscribe or buy a ticket to see this stream's chat.", "not_entitled");
      const rows = await liveRepo.chatPage(ctx.db.read, id, cursor, limit + 1);
      const p = page(rows, limit, (r) => ({ key: r.createdAt, id: r.id }));
      return { items: await chatViews(p.items), nextCursor: p.nextCursor };
    },
    /** `row`: the stream, already checked to be the viewer's (or the viewer an admin). */
    async moderate(
      viewer: EntitlementViewer,
      row: LiveStreamRow,
      username: string,
      action: "mute" | "unmute" | "remove",
    ) {
      const id = row.id;
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
    async hide(row: LiveStreamRow, messageId: string): Promise<void> {
      const id = row.id;
      const line = await liveRepo.chatLine(ctx.db.read, messageId);
      if (!line || line.streamId !== id) throw new NotFound("Chat message");
      await ctx.db.write((tx) => liveRepo.hideChat(tx, messageId, now()));
      rooms.broadcast(id, { type: "live.hidden", streamId: id, messageId });
    },
  };
}

export type LiveChat = ReturnType<typeof createLiveChat>;
