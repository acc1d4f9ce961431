// Fans: a creator's view of the people who subscribe (or did): the fans list with lifetime spend from the
// ledger, and the creator's own named lists of fans, a mass-message audience. Who may be put on a list:
// only the creator's own fans, anyone with a subscription to them now or before (a list is for writing
// to fans, and a stranger's inbox is not the creator's to fill). Lists own no person: a fan gone from
// the site leaves every list with their account.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { encodeCursor, type Cursor } from "../../lib/cursor.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { PaymentsService } from "../payments/service.ts";
import type { SubscriptionsService } from "../subscriptions/service.ts";
import type { UsersService } from "../users/service.ts";
import { fansRepo } from "./repo.ts";
import type { FanListRow } from "./tables.ts";

/** Enough for any creator's segments; a cap keeps a list of lists one page. */
export const MAX_LISTS = 100;

export interface FansQuery {
  status: "active" | "expired" | "all";
  query?: string | undefined;
  sort: "spend" | "recent";
  listId?: string | undefined;
  cursor: Cursor | null;
  limit: number;
}

export function createFansService(
  ctx: AppContext,
  deps: {
    users: Pick<UsersService, "lockTx" | "blockedAmong">;
    creators: Pick<CreatorsService, "byUserId" | "cards">;
    subscriptions: Pick<SubscriptionsService, "fansOf" | "byPair">;
    payments: Pick<PaymentsService, "analytics">;
  },
) {
  const { users, creators, subscriptions, payments } = deps;
  const now = () => ctx.clock.now();

  async function requireCreator(userId: string) {
    const profile = await creators.byUserId(userId);
    if (!profile) throw new Forbidden("Only creators have fans and lists.", "not_a_creator");
    return profile;
  }
  async function ownList(creatorId: string, id: string, db: DrizzleDb = ctx.db.read): Promise<FanListRow> {
    const row = await fansRepo.listById(db, id);
    if (!row || row.creatorId !== creatorId) throw new NotFound("List");
    return row;
  }
  async function listViews(rows: FanListRow[]) {
    const counts = new Map(
      (
        await fansRepo.memberCounts(
          ctx.db.read,
          rows.map((r) => r.id),
        )
      ).map((c) => [c.listId, Number(c.n)]),
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      memberCount: counts.get(r.id) ?? 0,
      createdAt: r.createdAt,
    }));
  }
  const listView = async (id: string) => (await listViews([(await fansRepo.listById(ctx.db.read, id))!]))[0]!;

  /** The creator's lock: list writes of one creator happen one after another on every node. */
  async function writeLocked<T>(creatorId: string, fn: (tx: DrizzleDb) => Promise<T>): Promise<T> {
    return ctx.db.write(async (tx) => {
      await users.lockTx(tx, [creatorId]);
      return fn(tx);
    });
  }
  async function assertNameFree(tx: DrizzleDb, creatorId: string, name: string, except?: string) {
    const taken = await fansRepo.byName(tx, creatorId, name);
    if (taken && taken.id !== except)
      throw new Conflict(`You already have a list called "${name}".`, "list_name_taken");
  }

  return {
    /** GET /fans: the creator's fans, filtered and sorted, a page after `cursor`. */
    async fans(creatorId: string, q: FansQuery) {
      await requireCreator(creatorId);
      let standings = await subscriptions.fansOf(creatorId);
      if (q.status !== "all") standings = standings.filter((s) => s.status === q.status);
      if (q.listId) {
        await ownList(creatorId, q.listId);
        const onList = new Set(
          (
            await fansRepo.memberships(
              ctx.db.read,
              [q.listId],
              standings.map((s) => s.fanId),
            )
          ).map((m) => m.userId),
        );
        standings = standings.filter((s) => onList.has(s.fanId));
      }
      const cards = await creators.cards(standings.map((s) => s.fanId));
      const needle = q.query?.trim().toLowerCase().replace(/^@/, "");
      if (needle)
        standings = standings.filter((s) => {
          const c = cards.get(s.fanId);
          return (
            !!c && (c.username.toLowerCase().includes(needle) || c.displayName.toLowerCase().includes(needle))
          );
        });
      const spend = await payments.analytics.spendByFan(creatorId);
      const currency = await payments.analytics.currencyOf(creatorId);
      // Keyset over (sort key, fan id), both descending: the same order and cursor on every page.
      const keyOf = (s: (typeof standings)[number]) =>
        q.sort === "spend" ? (spend.get(s.fanId) ?? 0) : s.since;
      const sorted = standings
        .map((s) => ({ s, key: keyOf(s) }))
        .filter(
          ({ s, key }) => !q.cursor || key < q.cursor.key || (key === q.cursor.key && s.fanId < q.cursor.id),
        )
        .sort((a, b) => b.key - a.key || (a.s.fanId < b.s.fanId ? 1 : a.s.fanId > b.s.fanId ? -1 : 0));
      const pageRows = sorted.slice(0, q.limit);
      const last = pageRows.at(-1);
      const lists = await fansRepo.listsOf(ctx.db.read, creatorId);
      const memberships = await fansRepo.memberships(
        ctx.db.read,
        lists.map((l) => l.id),
        pageRows.map((r) => r.s.fanId),
      );
      return {
        items: pageRows.flatMap(({ s }) => {
          const user = cards.get(s.fanId);
          if (!user) return [];
          return [
            {
              user,
              since: s.since,
              status: s.status,
              renewsAt: s.renewsAt,
              endsAt: s.endsAt,
              spendCents: spend.get(s.fanId) ?? 0,
              currency,
              listIds: memberships.filter((m) => m.userId === s.fanId).map((m) => m.listId),
            },
          ];
        }),
        nextCursor: sorted.length > q.limit && last ? encodeCursor(last.key, last.s.fanId) : null,
      };
    },

    /** GDPR export: the person's own fan lists (names and sizes; the members are other people). */
    async personalData(userId: string) {
      return { fanLists: await listViews(await fansRepo.listsOf(ctx.db.read, userId)) };
    },

    /** GET /lists: the creator's lists, oldest first, with their member counts. */
    async lists(creatorId: string) {
      await requireCreator(creatorId);
      return listViews(await fansRepo.listsOf(ctx.db.read, creatorId));
    },

    async createList(creatorId: string, name: string) {
      await requireCreator(creatorId);
      const id = await writeLocked(creatorId, async (tx) => {
        if ((await fansRepo.listsOf(tx, creatorId)).length >= MAX_LISTS)
          throw new Conflict(`You can have up to ${MAX_LISTS} lists.`, "too_many_lists");
        await assertNameFree(tx, creatorId, name);
        const t = now();
        const row = { id: newId(), creatorId, name, createdAt: t, updatedAt: t };
        await fansRepo.insertList(tx, row);
        return row.id;
      });
      return listView(id);
    },

    async renameList(creatorId: string, id: string, name: string) {
      await ownList(creatorId, id);
      await writeLocked(creatorId, async (tx) => {
        await ownList(creatorId, id, tx);
        await assertNameFree(tx, creatorId, name, id);
        await fansRepo.renameList(tx, id, name, now());
      });
      return listView(id);
    },

    async deleteList(creatorId: string, id: string): Promise<void> {
      await ownList(creatorId, id);
      await writeLocked(creatorId, (tx) => fansRepo.deleteList(tx, id));
    },

    /** PUT /lists/:id/members/:userId: idempotent; only the creator's own fans. */
    async addMember(creatorId: string, listId: string, userId: string) {
      await ownList(creatorId, listId);
      if (!(await subscriptions.byPair(userId, creatorId)))
        throw new Invalid(
          "Only your fans can be put on your lists.",
          { fields: { userId: "Not a fan" } },
          "not_a_fan",
        );
      await writeLocked(creatorId, async (tx) => {
        await ownList(creatorId, listId, tx);
        await fansRepo.addMember(tx, listId, userId, now());
      });
      return listView(listId);
    },

    async removeMember(creatorId: string, listId: string, userId: string) {
      await ownList(creatorId, listId);
      await writeLocked(creatorId, (tx) => fansRepo.removeMember(tx, listId, userId));
      return listView(listId);
    },

    /** Mass messages: throws 404 unless the list is the creator's. */
    assertOwnList: async (creatorId: string, listId: string, db?: DrizzleDb) => {
      await ownList(creatorId, listId, db);
    },
    /** Mass messages: a page of a list's members in id order after `afterId` (the job's cursor). */
    listAudience: (db: DrizzleDb, listId: string, afterId: string | null, limit: number) =>
      fansRepo.membersAfter(db, listId, afterId, limit),
    /** Mass messages: how many of a list's members the creator may write to now (blocks left out). */
    async listAudienceCount(creatorId: string, listId: string, db: DrizzleDb = ctx.db.read): Promise<number> {
      const members = await fansRepo.membersAfter(db, listId, null, 1_000_000);
      const blocked = await users.blockedAmong(creatorId, members, db);
      return members.filter((m) => !blocked.has(m) && m !== creatorId).length;
    },
  };
}

export type FansService = ReturnType<typeof createFansService>;
