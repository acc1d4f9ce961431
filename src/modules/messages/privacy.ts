// A person's conversations for a GDPR export (their own conversations only; the other person appears by
// username), and their erasure (the text of what they sent goes; their media go with the media module).
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import type { UsersService } from "../users/service.ts";
import { messagesPrivacyRepo } from "./repo.ts";

export function createMessagesPrivacy(ctx: AppContext, users: Pick<UsersService, "namesByIds">) {
  return {
    async personalData(userId: string) {
      const db = ctx.db.read;
      const convs = await messagesPrivacyRepo.conversationsOf(db, userId);
      const others = convs.map((c) => (c.userA === userId ? c.userB : c.userA));
      const names = new Map((await users.namesByIds(others)).map((u) => [u.id, u.username]));
      const messages = await messagesPrivacyRepo.messagesIn(
        db,
        convs.map((c) => c.id),
      );
      const mass = await messagesPrivacyRepo.massMessagesOf(db, userId);
      return {
        conversations: convs.map((c) => {
          const other = c.userA === userId ? c.userB : c.userA;
          return {
            id: c.id,
            with: names.get(other) ?? "deleted",
            createdAt: c.createdAt,
            messages: messages
              .filter((m) => m.conversationId === c.id)
              .map((m) => ({
                id: m.id,
                from: m.senderId === userId ? "me" : (names.get(other) ?? "deleted"),
                text: m.text,
                priceCents: m.priceCents,
                currency: m.currency,
                createdAt: m.createdAt,
              })),
          };
        }),
        massMessages: mass.map((m) => ({
          id: m.id,
          text: m.text,
          priceCents: m.priceCents,
          currency: m.currency,
          audience: m.audience,
          status: m.status,
          sent: m.sent,
          sendAt: m.sendAt,
          createdAt: m.createdAt,
        })),
      };
    },

    /** GDPR erasure inside the erasing write: sent messages lose their text and are hidden; mass ones stop. */
    async eraseTx(tx: DrizzleDb, userId: string): Promise<void> {
      await messagesPrivacyRepo.emptySentBy(tx, userId, ctx.clock.now());
      await messagesPrivacyRepo.emptyMassOf(tx, userId);
    },
  };
}
