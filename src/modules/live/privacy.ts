// The live module's part of a person's GDPR export and erasure: the streams they hosted, the chat and tip
// lines they wrote. Erasure keeps stream rows (tickets and tips in the ledger point at them) but empties
// their titles, ends what was only scheduled, drops the stream key (the ingest refuses it from then on)
// and removes the person's chat lines and moderation rows.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { liveRepo } from "./repo.ts";

export function createLivePrivacy(ctx: AppContext) {
  return {
    async personalData(userId: string) {
      const [liveStreams, liveChat] = await Promise.all([
        liveRepo.streamsHostedBy(ctx.db.read, userId),
        liveRepo.chatLinesBy(ctx.db.read, userId),
      ]);
      return { liveStreams, liveChat };
    },

    /** Inside the erasing write; a stream live right now is ended by the caller after COMMIT (it kicks RTMP). */
    eraseTx: (tx: DrizzleDb, userId: string): Promise<void> => liveRepo.erase(tx, userId, ctx.clock.now()),
  };
}
