// Every query of the fans module: a creator's lists and their members.
import { and, asc, count, eq, gt, inArray } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { firstRow, rowCount } from "../../db/query.ts";
import { fanListMembers, fanLists, type FanListRow } from "./tables.ts";

export const fansRepo = {
  listsOf: (db: DrizzleDb, creatorId: string) =>
    db
      .select()
      .from(fanLists)
      .where(eq(fanLists.creatorId, creatorId))
      .orderBy(asc(fanLists.createdAt), asc(fanLists.id)),
  listById: (db: DrizzleDb, id: string) =>
    db.select().from(fanLists).where(eq(fanLists.id, id)).then(firstRow),
  byName: (db: DrizzleDb, creatorId: string, name: string) =>
    db
      .select({ id: fanLists.id })
      .from(fanLists)
      .where(and(eq(fanLists.creatorId, creatorId), eq(fanLists.name, name)))
      .then(firstRow),
  insertList: async (db: DrizzleDb, row: FanListRow): Promise<void> => {
    await db.insert(fanLists).values(row);
  },
  renameList: async (db: DrizzleDb, id: string, name: string, now: number): Promise<void> => {
    await db.update(fanLists).set({ name, updatedAt: now }).where(eq(fanLists.id, id));
  },
  deleteList: async (db: DrizzleDb, id: string): Promise<void> => {
    await db.delete(fanListMembers).where(eq(fanListMembers.listId, id));
    await db.delete(fanLists).where(eq(fanLists.id, id));
  },
  /** Member counts of these lists (lists without members are missing). */
  memberCounts: (db: DrizzleDb, listIds: string[]) =>
    listIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ listId: fanListMembers.listId, n: count() })
          .from(fanListMembers)
          .where(inArray(fanListMembers.listId, listIds))
          .groupBy(fanListMembers.listId),
  /** Adds a member; false when they already were one. */
  addMember: async (db: DrizzleDb, listId: string, userId: string, now: number): Promise<boolean> =>
    (await db
      .insert(fanListMembers)
      .values({ listId, userId, addedAt: now })
      .onConflictDoNothing()
      .then(rowCount)) === 1,
  removeMember: (db: DrizzleDb, listId: string, userId: string) =>
    db
      .delete(fanListMembers)
      .where(and(eq(fanListMembers.listId, listId), eq(fanListMembers.userId, userId)))
      .then(rowCount),
  /** A list's members in id order after `afterId` (mass messages walk them so). */
  membersAfter: (db: DrizzleDb, listId: string, afterId: string | null, limit: number) =>
    db
      .select({ userId: fanListMembers.userId })
      .from(fanListMembers)
      .where(
        and(
          eq(fanListMembers.listId, listId),
          afterId === null ? undefined : gt(fanListMembers.userId, afterId),
        ),
      )
      .orderBy(asc(fanListMembers.userId))
      .limit(limit)
      .then((r) => r.map((x) => x.userId)),
  /** Which of these lists each of these people is on. */
  memberships: (db: DrizzleDb, listIds: string[], userIds: string[]) =>
    listIds.length === 0 || userIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ listId: fanListMembers.listId, userId: fanListMembers.userId })
          .from(fanListMembers)
          .where(and(inArray(fanListMembers.listId, listIds), inArray(fanListMembers.userId, userIds))),
};
