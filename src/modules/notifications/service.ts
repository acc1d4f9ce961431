// Notifications: what happened to someone, told in-app, by e-mail and by web push as each person chose
// per kind. Written by the "notifications" consumer of the domain events (handlers.ts: one transaction
// per event, so exactly once; notify.ts: the row, its group, the outbox rows), sent after COMMIT by the
// outbox sender (outbox.ts over mail.ts and push.ts). No other module calls in to notify.
//
// Whether a person has read a conversation comes from above, through a port (the messages module,
// connected in src/services.ts); each created or updated notification goes to the person's open
// sessions through realtime.pushTx in its own transaction.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import { UpstreamFailed } from "../../lib/errors.ts";
import { port } from "../../lib/port.ts";
import type { RealtimeService } from "../realtime/service.ts";
import type { SiteService } from "../site/service.ts";
import type { UsersService } from "../users/service.ts";
import { notificationHandlers } from "./handlers.ts";
import {
  defaultSettings,
  PREFERENCE_KIND_NAMES,
  type ChannelChoice,
  type PreferenceKind,
  type Settings,
} from "./kinds.ts";
import { createMailer, MailError, type SmtpSettings } from "./mail.ts";
import { createNotifier, present } from "./notify.ts";
import { createOutboxSender, type ReadState } from "./outbox.ts";
import { createPush, type NewPushSubscription } from "./push.ts";
import { notificationsPrivacyRepo, notificationsRepo, outboxRepo } from "./repo.ts";
import { createTransactionalMailer } from "./transactional.ts";

export type { NotificationView } from "./notify.ts";
export type { ReadState } from "./outbox.ts";
export type { EmailView, SmtpSettings } from "./mail.ts";
export type { TransactionalMail } from "./transactional.ts";

export type SettingsPatch = Partial<Record<PreferenceKind, Partial<ChannelChoice>>>;
/** SMTP settings as saved: a password left out keeps the saved one. */
export type SmtpInput = Omit<SmtpSettings, "password"> & { password?: string | undefined };

export function createNotificationsService(
  ctx: AppContext,
  deps: {
    users: Pick<UsersService, "byId" | "namesByIds">;
    site: Pick<SiteService, "settings" | "secret">;
    realtime: Pick<RealtimeService, "pushTx">;
  },
) {
  const { users, site, realtime } = deps;
  // Whether a message mail is still worth sending: the messages module answers (a port: it sits above).
  const readState = port<ReadState>("notifications.readState");

  const mailer = createMailer(ctx, site);
  const push = createPush(ctx, site, mailer);
  const sender = createOutboxSender(ctx, { mailer, push, readState: () => readState.get() });
  const notifier = createNotifier(ctx, { users, site, realtime, wake: () => sender.wake() });
  const transactional = createTransactionalMailer(ctx, { site, wake: () => sender.wake() });
  ctx.events.consume(
    "notifications",
    notificationHandlers(notifier, { messageDelayMs: ctx.config.email.message_delay_seconds * 1000 }),
  );

  async function settings(userId: string): Promise<Settings> {
    const out = defaultSettings();
    for (const r of await notificationsRepo.settingsOf(ctx.db.read, userId)) {
      if (r.kind in out) out[r.kind as PreferenceKind] = { inApp: r.inApp, email: r.email, push: r.push };
    }
    return out;
  }

  return {
    /** GDPR export: the person's notifications, channel choices and how many push devices. */
    async personalData(userId: string) {
      const db = ctx.db.read;
      const [rows, chosen, push] = await Promise.all([
        notificationsPrivacyRepo.of(db, userId),
        notificationsPrivacyRepo.settingsOf(db, userId),
        notificationsPrivacyRepo.pushOf(db, userId),
      ]);
      return {
        // The words, link and counts; the ids of the people who acted are other people's and stay out.
        notifications: rows.map((n) => ({
          id: n.id,
          kind: n.kind,
          text: n.text,
          link: n.link,
          count: n.count,
          readAt: n.readAt,
          createdAt: n.createdAt,
        })),
        settings: chosen.map((s) => ({ kind: s.kind, inApp: s.inApp, email: s.email, push: s.push })),
        pushDevices: push,
      };
    },
    /** GDPR erasure inside the erasing write: notifications, choices, queued mails and push devices go. */
    eraseTx: (tx: DrizzleDb, userId: string) => notificationsPrivacyRepo.removeAllOf(tx, userId),
    async list(userId: string, cursor: Cursor | null, limit: number) {
      const rows = await notificationsRepo.list(ctx.db.read, userId, cursor, limit + 1);
      const p = page(rows, limit, (r) => ({ key: r.createdAt, id: r.id }));
      return {
        items: p.items.map(present),
        nextCursor: p.nextCursor,
        unread: await notificationsRepo.unread(ctx.db.read, userId),
      };
    },
    async markAllRead(userId: string): Promise<void> {
      await ctx.db.write((tx) => notificationsRepo.markAllRead(tx, userId, ctx.clock.now()));
    },

    /** Every preference kind with the person's channels (defaults where they chose nothing). */
    settings,
    /** Changes the channels named in the patch; the rest stay. */
    async updateSettings(userId: string, patch: SettingsPatch): Promise<Settings> {
      const current = await settings(userId);
      await ctx.db.write(async (tx) => {
        for (const kind of PREFERENCE_KIND_NAMES) {
          const change = patch[kind];
          if (!change) continue;
          const next = { ...current[kind], ...change };
          await notificationsRepo.putSetting(tx, { userId, kind, ...next, updatedAt: ctx.clock.now() });
        }
      });
      return settings(userId);
    },

    push: {
      publicKey: () => push.publicKey(),
      subscribe: (userId: string, sub: NewPushSubscription) => push.subscribe(userId, sub),
      unsubscribe: (userId: string, endpoint: string) => push.unsubscribe(userId, endpoint),
    },

    /** The outbox's depth: what is still to go out (queued or being sent) and what failed for good. */
    async outboxDepth(): Promise<{ pending: number; failed: number }> {
      const rows = await outboxRepo.countByStatus(ctx.db.read);
      const n = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
      return { pending: n("queued") + n("sending"), failed: n("failed") };
    },

    email: {
      /** Where mail goes and the saved SMTP settings (never the password). */
      view: () => mailer.view(),
      /** Inside the setup wizard's write. */
      saveTx: mailer.saveTx,
      /** `inTx` runs in the same write (the admin console's audit entry). */
      async save(smtp: SmtpInput | null, inTx?: (tx: DrizzleDb) => Promise<void>) {
        await ctx.db.write(async (tx) => {
          await mailer.saveTx(tx, smtp);
          await inTx?.(tx);
        });
        return mailer.view();
      },
      /** Sends a test mail now, through the transport in use; UpstreamFailed carries the SMTP error. */
      async sendTest(to: string): Promise<void> {
        const name = (await site.settings()).name;
        const text = `This is a test mail from ${name}. If you can read it, the site's e-mail works.`;
        try {
          await mailer.send({ to, subject: `Test mail from ${name}`, text, html: `<p>${text}</p>` });
        } catch (err) {
          if (err instanceof MailError)
            throw new UpstreamFailed(`Sending failed: ${err.message}`, "mail_failed");
          throw err;
        }
      },
    },

    outbox: {
      /** Sends what is due now (the scheduler's step; tests call it after moving the clock). */
      runDue: () => sender.runDue(),
      prune: () => sender.prune(),
      stop: () => sender.stop(),
      /** A person's outbox rows, oldest first (tests; support). */
      ofUser: (userId: string) => outboxRepo.ofUser(ctx.db.read, userId),
    },

    /**
     * Inside the caller's event consumer transaction: notifies one person on the channels they chose (for
     * what only a module above knows the audience of, such as a creator going live).
     */
    notifyTx: notifier.notifyTx,
    /**
     * Inside the caller's write: queues a transactional mail (a reset or verification link, a security
     * notice) that does not depend on the person's notification choices; sent after COMMIT.
     */
    mailTx: transactional.mailTx,
    /** The messages module's read state: a message mail is dropped when its conversation was read. */
    connectReadState: (fn: ReadState) => readState.connect(fn),
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
