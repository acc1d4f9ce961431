// In-app notifications: other modules record them inside their own transactions; people list them.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import { newId } from "../../lib/ids.ts";
import { notificationsRepo } from "./repo.ts";

export function createNotificationsService(ctx: AppContext) {
  return {
    notifyTx(
      tx: DrizzleDb,
      userId: string,
      kind: string,
      text: string,
      data: Record<string, unknown> = {},
    ): void {
      notificationsRepo.insert(tx, {
        id: newId(),
        userId,
        kind,
        text,
        data,
        readAt: null,
        createdAt: ctx.clock.now(),
      });
    },
    list(userId: string, cursor: Cursor | null, limit: number) {
      const rows = notificationsRepo.list(ctx.db.read, userId, cursor, limit + 1);
      const p = page(rows, limit, (r) => ({ key: r.createdAt, id: r.id }));
      return {
        items: p.items.map((n) => ({
          id: n.id,
          kind: n.kind,
          text: n.text,
          data: n.data,
          read: n.readAt !== null,
          createdAt: n.createdAt,
        })),
        nextCursor: p.nextCursor,
        unread: notificationsRepo.unread(ctx.db.read, userId),
      };
    },
    async markAllRead(userId: string): Promise<void> {
      await ctx.db.write((tx) => notificationsRepo.markAllRead(tx, userId, ctx.clock.now()));
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
