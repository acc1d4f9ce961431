// The live module's part of a person's GDPR export and erasure: the streams they hosted, the chat lines
// and tip lines they wrote. Erasure keeps stream rows (tickets and tips in the ledger point at them) but
// empties their titles, ends what was only scheduled, drops the stream key (the ingest refuses it from
// then on) and removes the person's chat lines and moderation rows.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { liveChat, liveKeys, liveModeration, liveStreams } from "./tables.ts";

export function createLivePrivacy(ctx: AppContext) {
  return {
    async personalData(userId: string) {
      const db = ctx.db.read;
      const streams = await db
        .select({
          id: liveStreams.id,
          title: liveStreams.title,
          access: liveStreams.access,
          priceCents: liveStreams.priceCents,
          currency: liveStreams.currency,
          status: liveStreams.status,
          scheduledAt: liveStreams.scheduledAt,
          startedAt: liveStreams.startedAt,
          endedAt: liveStreams.endedAt,
          createdAt: liveStreams.createdAt,
        })
        .from(liveStreams)
        .where(eq(liveStreams.creatorId, userId))
        .orderBy(asc(liveStreams.createdAt), asc(liveStreams.id));
      const chat = await db
        .select({
          id: liveChat.id,
          streamId: liveChat.streamId,
          kind: liveChat.kind,
          text: liveChat.text,
          amountCents: liveChat.amountCents,
          currency: liveChat.currency,
          createdAt: liveChat.createdAt,
        })
        .from(liveChat)
        .where(eq(liveChat.userId, userId))
        .orderBy(asc(liveChat.createdAt), asc(liveChat.id));
      return { liveStreams: streams, liveChat: chat };
    },

    /** Inside the erasing write; a stream live right now is ended by the caller after COMMIT (it kicks RTMP). */
    async eraseTx(tx: DrizzleDb, userId: string): Promise<void> {
      const now = ctx.clock.now();
      await tx.update(liveStreams).set({ title: "" }).where(eq(liveStreams.creatorId, userId));
      await tx
        .update(liveStreams)
        .set({ status: "ended", endedAt: now, endedBy: "creator" })
        .where(and(eq(liveStreams.creatorId, userId), inArray(liveStreams.status, ["scheduled"])));
      await tx.delete(liveKeys).where(eq(liveKeys.creatorId, userId));
      await tx.delete(liveChat).where(eq(liveChat.userId, userId));
      await tx.delete(liveModeration).where(eq(liveModeration.userId, userId));
    },
  };
}
