// Mass messages: a creator writes once to their subscribers, lapsed fans or both. The request stores the
// mass message and queues a persistent job; the job sends one copy per fan, in batches, each batch one
// transaction that also moves the mass message's cursor (the last fan id reached) and its count, so a
// crash or SIGKILL resumes at the next fan and nobody gets it twice. A `sendAt` in the future schedules it.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { ROW_LOCKED } from "../../db/tx.ts";
import type { JobHandler } from "../../jobs/registry.ts";
import { DAY } from "../../lib/clock.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import type { MediaView } from "../media/views.ts";
import type { UserRow } from "../users/tables.ts";
import { messagesRepo } from "./repo.ts";
import type { MessagesDeps } from "./service.ts";
import type { MassAudience, MassMessageRow, MessageRow } from "./tables.ts";
import { massView, messageView } from "./views.ts";
import { conversationsTx } from "./pairs.ts";

export const MASS_JOB = "messages.mass";

export interface MassInput {
  text?: string | undefined;
  mediaIds?: string[] | undefined;
  priceCents?: number | undefined;
  audience: MassAudience | { listId: string };
  sendAt?: number | undefined;
}

export function createMassMessages(ctx: AppContext, deps: MessagesDeps) {
  const { users, creators, subscriptions, fans, media, rateLimit, realtime, jobs } = deps;
  const now = () => ctx.clock.now();

  /** How many fans a stored mass message's audience holds now. */
  const audienceCountOf = (
    m: Pick<MassMessageRow, "creatorId" | "audience" | "audienceListId">,
    tx: DrizzleDb,
  ) =>
    m.audience === "list"
      ? fans.listAudienceCount(m.creatorId, m.audienceListId ?? "", tx)
      : subscriptions.audienceCount(m.creatorId, m.audience, tx);
  /** The next fans of its audience after `cursor`, in id order (a deleted list has none left). */
  const audienceOf = (tx: DrizzleDb, m: MassMessageRow, size: number) =>
    m.audience === "list"
      ? fans.listAudience(tx, m.audienceListId ?? "", m.cursor, size)
      : subscriptions.audience(tx, m.creatorId, m.audience, m.cursor, size);

  async function ownMass(creatorId: string, id: string): Promise<MassMessageRow> {
    const row = await messagesRepo.massById(ctx.db.read, id);
    if (!row || row.creatorId !== creatorId) throw new NotFound("Mass message");
    return row;
  }

  /**
   * One copy of `m` to each of these fans, in few statements whatever their number: their conversations
   * (made where missing), the messages, their media, each conversation's order and unread count, the
   * fans' real-time events and `message.sent`. Returns how many copies this call made (a copy made by
   * an earlier, interrupted run is not made again: its clientId is taken).
   */
  async function copiesTx(
    tx: DrizzleDb,
    m: MassMessageRow,
    fans: string[],
    roles: Map<string, string>,
    mediaIds: string[],
    views: { full: MediaView[]; preview: MediaView[] },
  ): Promise<number> {
    if (fans.length === 0) return 0;
    const t = now();
    const convOf = await conversationsTx(tx, m.creatorId, fans, t);
    const priceCents = mediaIds.length > 0 ? m.priceCents : 0;
    const rows: MessageRow[] = fans.map((fanId) => {
      const c = convOf.get(fanId)!;
      return {
        id: newId(),
        conversationId: c.id,
        senderId: m.creatorId,
        text: m.text,
        priceCents,
        currency: m.currency,
        // One copy per fan, whatever happens to this batch.
        clientId: `mass:${m.id}:${fanId}`,
        massMessageId: m.id,
        createdAt: c.lastMessageAt !== null && c.lastMessageAt >= t ? c.lastMessageAt + 1 : t,
        unsentAt: null,
      };
    });
    const made = await messagesRepo.insertMessages(tx, rows);
    const created = rows.filter((r) => made.has(r.id));
    await media.attachToMessages(
      tx,
      m.creatorId,
      created.map((r) => r.id),
      mediaIds,
    );
    await messagesRepo.touchMany(tx, m.creatorId, created);
    const recipientOf = new Map(rows.map((r, i) => [r.id, fans[i]!]));
    await realtime.pushTx(
      tx,
      created.map((r) => {
        const userId = recipientOf.get(r.id)!;
        const entitled = priceCents === 0 || roles.get(userId) === "admin";
        return {
          userId,
          type: "message",
          data: {
            message: messageView(r, userId, {
              entitled,
              purchased: false,
              media: entitled ? views.full : views.preview,
            }),
          },
        };
      }),
    );
    for (const r of created)
      await ctx.events.publish(tx, "message.sent", {
        messageId: r.id,
        conversationId: r.conversationId,
        senderId: m.creatorId,
        recipientId: recipientOf.get(r.id)!,
        priceCents,
        currency: m.currency,
        massMessageId: m.id,
      });
    return created.length;
  }

  /** One batch: the next fans after the cursor get their copy; returns whether the mass message is done. */
  async function batchTx(tx: DrizzleDb, id: string): Promise<{ done: boolean; sent: number; total: number }> {
    // The fans' notifications follow the copies; the next batch need not wait for them.
    ctx.events.dontWaitForReactions(tx);
    const m = await messagesRepo.massById(tx, id);
    if (!m || m.status === "done" || m.status === "canceled")
      return { done: true, sent: m?.sent ?? 0, total: m?.total ?? 0 };
    let total = m.total;
    if (m.status === "scheduled") total = await audienceCountOf(m, tx);
    const size = ctx.config.messages.mass_batch;
    const fans = await audienceOf(tx, m, size);
    const blocked = await users.blockedAmong(m.creatorId, fans, tx);
    const recipients = fans.filter((f) => f !== m.creatorId && !blocked.has(f));
    const roles = await users.rolesByIds([m.creatorId, ...recipients], tx);
    const mediaIds = await media.attachableIds(tx, m.creatorId, m.mediaIds);
    const views = {
      full: await media.viewsOfIds(mediaIds, "full"),
      preview: await media.viewsOfIds(mediaIds, "preview"),
    };
    const sent = await copiesTx(tx, m, recipients, roles, mediaIds, views);
    const done = fans.length < size;
    const next = {
      status: done ? ("done" as const) : ("sending" as const),
      cursor: fans.at(-1) ?? m.cursor,
      sent: m.sent + sent,
      total: Math.max(total - (fans.length - recipients.length), m.sent + sent),
      updatedAt: now(),
    };
    await messagesRepo.updateMass(tx, m.id, next);
    await realtime.pushTx(tx, [
      { userId: m.creatorId, type: "mass.progress", data: { massMessage: massView({ ...m, ...next }) } },
    ]);
    return { done, sent: next.sent, total: next.total };
  }

  const jobHandler = (): JobHandler => ({
    async run(payload, job) {
      const { id } = payload as { id: string };
      for (;;) {
        const r = await ctx.db.write((tx) => batchTx(tx, id), ROW_LOCKED);
        job.progress(r.total > 0 ? Math.min(100, Math.floor((100 * r.sent) / r.total)) : 100);
        if (r.done) return { sent: r.sent };
      }
    },
  });

  return {
    jobHandler,
    api: {
      /** POST /messages/mass: stores it and queues its fan-out (at `sendAt`, or now). */
      async startMass(viewer: UserRow, input: MassInput) {
        const profile = await creators.byUserId(viewer.id);
        if (!profile) throw new Forbidden("Only creators send mass messages.", "not_a_creator");
        const text = input.text ?? "";
        const mediaIds = input.mediaIds ?? [];
        if (text === "" && mediaIds.length === 0)
          throw new Invalid("Write something or add media.", { fields: { text: "Empty message" } });
        const priceCents = input.priceCents ?? 0;
        if (priceCents > 0 && mediaIds.length === 0)
          throw new Invalid(
            "A paid message needs photos or videos to unlock.",
            { fields: { priceCents: "Add media, or send it free" } },
            "ppv_needs_media",
          );
        if (priceCents > 0) await deps.compliance.requireVerified(viewer, "sell pay-per-view messages");
        const t = now();
        const sendAt = Math.max(input.sendAt ?? t, t);
        if (sendAt > t + 90 * DAY)
          throw new Invalid("Schedule it within 90 days.", { fields: { sendAt: "Too far ahead" } });
        const list = typeof input.audience === "object" ? input.audience.listId : null;
        if (list) await fans.assertOwnList(viewer.id, list);
        const row = await ctx.db.write(async (tx) => {
          if ((await media.attachableIds(tx, viewer.id, mediaIds)).length !== mediaIds.length)
            throw new Invalid("Attach only media from your own vault.", {
              fields: { mediaIds: "Not yours, or failed to process" },
            });
          await rateLimit.consumeTx(
            tx,
            [[`mass:${viewer.id}`, { max: ctx.config.messages.mass_per_day, windowMs: DAY }]],
            "You have sent as many mass messages as a day allows. Try again tomorrow.",
          );
          const m: MassMessageRow = {
            id: newId(),
            creatorId: viewer.id,
            text,
            mediaIds,
            priceCents,
            currency: profile.currency,
            audience: list ? "list" : (input.audience as MassAudience),
            audienceListId: list,
            status: sendAt > t ? "scheduled" : "sending",
            total: 0,
            sent: 0,
            cursor: null,
            sendAt,
            createdAt: t,
            updatedAt: t,
          };
          m.total = await audienceCountOf(m, tx);
          await messagesRepo.insertMass(tx, m);
          await jobs.enqueue(tx, MASS_JOB, { id: m.id }, { runAt: sendAt, maxAttempts: 20 });
          return m;
        });
        return massView(row);
      },

      /** GET /messages/mass/audience: the sizes the composer shows before sending. */
      async massAudience(viewer: UserRow, listId?: string) {
        if (!(await creators.byUserId(viewer.id)))
          throw new Forbidden("Only creators send mass messages.", "not_a_creator");
        if (listId) await fans.assertOwnList(viewer.id, listId);
        const [subscribers, expired, list] = await Promise.all([
          subscriptions.audienceCount(viewer.id, "subscribers"),
          subscriptions.audienceCount(viewer.id, "expired"),
          listId ? fans.listAudienceCount(viewer.id, listId) : null,
        ]);
        return { subscribers, expired, all: subscribers + expired, ...(list === null ? {} : { list }) };
      },

      massMessage: async (viewer: UserRow, id: string) => massView(await ownMass(viewer.id, id)),

      async massMessages(viewer: UserRow, cursor: Cursor | null, limit: number) {
        const rows = await messagesRepo.massOf(ctx.db.read, viewer.id, cursor, limit + 1);
        const p = page(rows, limit, (r) => ({ key: r.createdAt, id: r.id }));
        return { items: p.items.map(massView), nextCursor: p.nextCursor };
      },

      /** DELETE /messages/mass/:id: stops it; copies already sent stay. */
      async cancelMass(viewer: UserRow, id: string) {
        await ownMass(viewer.id, id);
        const row = await ctx.db.write(async (tx) => {
          const m = (await messagesRepo.massById(tx, id))!;
          if (m.status === "done") throw new Conflict("This mass message was already sent.", "already_sent");
          const next = { ...m, status: "canceled" as const, updatedAt: now() };
          await messagesRepo.updateMass(tx, id, { status: next.status, updatedAt: next.updatedAt });
          return next;
        });
        return massView(row);
      },
    },
  };
}
