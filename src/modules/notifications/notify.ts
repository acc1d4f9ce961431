// Writing one notification, inside the event consumer's transaction: the person's channel choices for
// its kind decide what is written. In-app: a row, or, for a grouped kind with an unread row of the same
// thing, that row takes the event (actors, count, text re-rendered, moved to the top). E-mail and push:
// outbox rows in the same transaction, sent after COMMIT (outbox.ts). Then /ws (realtime.pushTx), the one place
// a created notification can be pushed to open sessions (/ws).
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { publicUrl } from "../../config/load.ts";
import { HOUR } from "../../lib/clock.ts";
import { newId } from "../../lib/ids.ts";
import type { SiteService } from "../site/service.ts";
import type { RealtimeService } from "../realtime/service.ts";
import type { UsersService } from "../users/service.ts";
import { defaultSettings, preferenceOf, type ChannelChoice, type NotificationKind } from "./kinds.ts";
import type { MailPayload, PushRowPayload } from "./outbox.ts";
import { notificationsRepo, outboxRepo, pushRepo } from "./repo.ts";
import type { NotificationRow, OutboxRow } from "./tables.ts";
import { nameOf, subjectOf, who, type Person } from "./texts.ts";

/** A notification as the API and /ws present it. */
export interface NotificationView {
  id: string;
  kind: string;
  text: string;
  link: string | null;
  data: Record<string, unknown>;
  actorIds: string[];
  count: number;
  read: boolean;
  createdAt: number;
}

export const present = (n: NotificationRow): NotificationView => ({
  id: n.id,
  kind: n.kind,
  text: n.text,
  link: n.link,
  data: n.data,
  actorIds: n.actorIds,
  count: n.count,
  read: n.readAt !== null,
  createdAt: n.createdAt,
});

/** Called in the transaction that created or updated an in-app notification (connected by /ws). */

export interface NotifySpec {
  userId: string;
  kind: NotificationKind;
  /** What it says (a grouped kind: what it says for this one event; the group renders its own). */
  text: string;
  link: string | null;
  data: Record<string, unknown>;
  /** Who did it. */
  actorId?: string | undefined;
  /** Grouped kinds: the thing's key and the text for the latest actors, how many people, how many events. */
  group?: { key: string; render: (names: string, actorCount: number, count: number) => string } | undefined;
  /** Quoted under the text in mails (a tip's message). */
  quote?: string | null | undefined;
  /** A legal notice (a DMCA takedown): in-app and by e-mail whatever the person chose for its kind. */
  required?: boolean | undefined;
  /** Mails only: wait this long, and skip it if the conversation was read up to the message meanwhile. */
  mail?: { delayMs: number; unlessRead: { conversationId: string; messageId: string }; perHour: boolean };
}

/** How many actors a grouped row remembers by id. */
const KEEP_ACTORS = 5;

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function createNotifier(
  ctx: AppContext,
  deps: {
    users: Pick<UsersService, "byId" | "namesByIds">;
    site: Pick<SiteService, "settings">;
    realtime: Pick<RealtimeService, "pushTx">;
    wake: () => void;
  },
) {
  const { users, site } = deps;
  const base = () => publicUrl(ctx.config);

  async function choiceFor(db: DrizzleDb, userId: string, kind: NotificationKind): Promise<ChannelChoice> {
    const pref = preferenceOf(kind);
    const row = (await notificationsRepo.settingsOf(db, userId)).find((r) => r.kind === pref);
    return row ? { inApp: row.inApp, email: row.email, push: row.push } : defaultSettings()[pref];
  }

  async function people(ids: string[]): Promise<Map<string, Person>> {
    return new Map((await users.namesByIds([...new Set(ids)])).map((p) => [p.id, p]));
  }

  /** The in-app row for this event: a new one, or the unread row of its group, updated. */
  async function inAppTx(tx: DrizzleDb, s: NotifySpec): Promise<NotificationRow> {
    const t = ctx.clock.now();
    const actor = s.actorId;
    const existing = s.group ? await notificationsRepo.unreadInGroup(tx, s.userId, s.group.key) : undefined;
    if (existing && s.group) {
      const known = actor ? existing.actorIds.includes(actor) : true;
      const actorIds = actor
        ? [actor, ...existing.actorIds.filter((a) => a !== actor)].slice(0, KEEP_ACTORS)
        : existing.actorIds;
      const actorCount = existing.actorCount + (known ? 0 : 1);
      const count = existing.count + 1;
      const names = await people(actorIds.slice(0, 2));
      const text = s.group.render(
        who(
          nameOf(names.get(actorIds[0]!)),
          actorIds[1] ? nameOf(names.get(actorIds[1])) : undefined,
          actorCount,
        ),
        actorCount,
        count,
      );
      const patch = {
        text,
        data: { ...existing.data, ...s.data },
        link: s.link,
        actorIds,
        actorCount,
        count,
        createdAt: t,
      };
      await notificationsRepo.regroup(tx, existing.id, patch);
      return { ...existing, ...patch };
    }
    const row: NotificationRow = {
      id: newId(),
      userId: s.userId,
      kind: s.kind,
      text: s.text,
      data: s.data,
      link: s.link,
      groupKey: s.group?.key ?? null,
      actorIds: actor ? [actor] : [],
      actorCount: actor ? 1 : 0,
      count: 1,
      readAt: null,
      createdAt: t,
    };
    await notificationsRepo.insert(tx, row);
    return row;
  }

  function mailOf(to: string, siteName: string, text: string, s: NotifySpec): MailPayload {
    const url = s.link ? base() + s.link : null;
    const prefs = `${base()}/settings/notifications`;
    const quote = s.quote ? `“${s.quote}”` : null;
    return {
      to,
      subject: subjectOf(text),
      text: [
        text,
        quote,
        url ? `Open it: ${url}` : null,
        `-- \n${siteName}\nChoose which e-mails you get: ${prefs}`,
      ]
        .filter((x) => x !== null)
        .join("\n\n")
        .concat("\n"),
      html:
        `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1d1b26">` +
        `<p style="font-size:16px">${esc(text)}</p>` +
        (quote ? `<blockquote style="margin:0 0 16px;color:#555">${esc(quote)}</blockquote>` : "") +
        (url ? `<p><a href="${esc(url)}" style="color:#6d4aff">Open it on ${esc(siteName)}</a></p>` : "") +
        `<hr style="border:none;border-top:1px solid #ddd"><p style="font-size:12px;color:#777">${esc(siteName)} · ` +
        `<a href="${esc(prefs)}" style="color:#777">Choose which e-mails you get</a></p></body></html>`,
      ...(s.mail ? { unlessRead: s.mail.unlessRead } : {}),
    };
  }

  /** Queues the mail, unless a message mail of this conversation went out within the hour. */
  async function mailTx(tx: DrizzleDb, s: NotifySpec, mail: MailPayload): Promise<boolean> {
    const t = ctx.clock.now();
    if (s.mail?.perHour && s.group) {
      const last = await outboxRepo.latestInGroup(tx, s.userId, "email", s.group.key);
      // A mail of this conversation still waiting: it now tells of the newest message (and waits for it).
      if (last && last.status === "queued" && last.attempts === 0) {
        await outboxRepo.update(tx, last.id, { payload: { ...mail }, updatedAt: t });
        return true;
      }
      if (last && last.status !== "dropped" && last.status !== "failed" && last.createdAt > t - HOUR)
        return false;
    }
    await outboxRepo.insert(tx, outboxRow(s, "email", { ...mail }, t + (s.mail?.delayMs ?? 0)));
    return true;
  }

  function outboxRow(
    s: NotifySpec,
    channel: OutboxRow["channel"],
    payload: Record<string, unknown>,
    runAt: number,
  ) {
    const t = ctx.clock.now();
    return {
      id: newId(),
      channel,
      userId: s.userId,
      kind: s.kind,
      groupKey: s.group?.key ?? null,
      payload,
      status: "queued" as const,
      attempts: 0,
      runAt,
      lockedUntil: null,
      lastError: null,
      createdAt: t,
      updatedAt: t,
      sentAt: null,
    } satisfies OutboxRow;
  }

  return {
    /** Inside the consumer's transaction: notifies one person on the channels they chose for this kind. */
    async notifyTx(tx: DrizzleDb, s: NotifySpec): Promise<void> {
      const chosen = await choiceFor(tx, s.userId, s.kind);
      const choice = s.required ? { ...chosen, inApp: true, email: true } : chosen;
      let text = s.text;
      if (choice.inApp) {
        const row = await inAppTx(tx, s);
        text = row.text;
        // Open sessions hear of it (/ws), in the same transaction: sent only if it commits.
        await deps.realtime.pushTx(tx, [
          { userId: s.userId, type: "notification", data: { notification: present(row) } },
        ]);
      }
      if (!choice.email && !choice.push) return;
      const siteName = (await site.settings()).name;
      let queued = false;
      if (choice.email) {
        const to = (await users.byId(s.userId))?.email;
        if (to) queued = (await mailTx(tx, s, mailOf(to, siteName, text, s))) || queued;
      }
      if (choice.push) {
        for (const sub of await pushRepo.ofUser(tx, s.userId)) {
          const payload: PushRowPayload = {
            subscriptionId: sub.id,
            push: { title: siteName, body: text, link: s.link, tag: s.group?.key ?? `${s.kind}:${newId()}` },
          };
          await outboxRepo.insert(tx, outboxRow(s, "push", { ...payload }, ctx.clock.now()));
          queued = true;
        }
      }
      if (queued) ctx.db.afterCommit(tx, () => deps.wake());
    },
    people,
  };
}

export type Notifier = ReturnType<typeof createNotifier>;
