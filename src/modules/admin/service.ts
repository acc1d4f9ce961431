// The admin console's use cases: people (accounts.ts: search, bans, suspensions, roles, badges, reports),
// the payout queue, transactions and refunds, site settings, e-mail, the job queue and the system status
// (status.ts). Each delegates to the module that owns the data; its own rules are who may use it and
// that every action leaves an audit entry, written in the action's own transaction.
import type { AppContext } from "../../context.ts";
import type { Cursor } from "../../lib/cursor.ts";
import { Forbidden } from "../../lib/errors.ts";
import type { JobStatus } from "../../jobs/tables.ts";
import type { AuditActor, AuditService } from "../audit/service.ts";
import type { Viewer } from "../auth/service.ts";
import type { JobQueue } from "../../jobs/queue.ts";
import type { NotificationsService, SmtpInput } from "../notifications/service.ts";
import type { PaymentsService } from "../payments/service.ts";
import type { PayoutsService } from "../payouts/service.ts";
import type { PayoutRow } from "../payouts/tables.ts";
import type { SiteService } from "../site/service.ts";
import { createAccounts, type AccountsDeps } from "./accounts.ts";
import type { SettingsPatch } from "./schemas.ts";
import { createStatus, type StatusDeps } from "./status.ts";

export type { AuditActor } from "../audit/service.ts";

export function createAdminService(
  ctx: AppContext,
  deps: {
    site: Pick<SiteService, "adminSettings" | "updateSettings">;
    payouts: Pick<PayoutsService, "list" | "approve" | "reject" | "markPaid">;
    payments: Pick<PaymentsService, "allTransactions" | "refund" | "creatorBalancesTx">;
    jobs: Pick<JobQueue, "list" | "counts">;
    notifications: Pick<NotificationsService, "email" | "outboxDepth">;
    audit: Pick<AuditService, "recordTx" | "record">;
  } & Omit<AccountsDeps, "payments" | "audit"> &
    Omit<StatusDeps, "jobs" | "notifications">,
) {
  const { audit } = deps;

  /** A payout decision's audit entry, written in the decision's transaction. */
  const payoutEntry =
    (actor: AuditActor, action: string, extra: Record<string, unknown> = {}) =>
    (tx: Parameters<typeof audit.recordTx>[0], p: PayoutRow) =>
      audit.recordTx(tx, {
        ...actor,
        action,
        target: { type: "payout", id: p.id },
        details: { creatorId: p.creatorId, amountCents: p.amountCents, currency: p.currency, ...extra },
      });

  return {
    /** Every admin use case needs a site admin. */
    authorize(viewer: Viewer): void {
      if (viewer.user.role !== "admin") throw new Forbidden("Only site admins can do this.", "admin_only");
    },

    ...createAccounts(ctx, deps),
    status: createStatus(ctx, deps).status,

    settings: () => deps.site.adminSettings(),
    updateSettings: (actor: AuditActor, patch: SettingsPatch) =>
      deps.site.updateSettings(patch, async (tx, before) => {
        const changes = Object.fromEntries(
          Object.entries(patch)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => [k, { from: (before as unknown as Record<string, unknown>)[k] ?? null, to: v }]),
        );
        await audit.recordTx(tx, {
          ...actor,
          action: "settings.update",
          target: { type: "site", id: "site" },
          details: changes,
        });
      }),

    payouts: (status: PayoutRow["status"] | null, cursor: Cursor | null, limit: number) =>
      deps.payouts.list(status, cursor, limit),
    approvePayout: (actor: AuditActor, id: string) =>
      deps.payouts.approve(id, payoutEntry(actor, "payout.approve")),
    rejectPayout: (actor: AuditActor, id: string, note?: string) =>
      deps.payouts.reject(id, note, payoutEntry(actor, "payout.reject", { note: note ?? null })),
    /** `reference` is the transfer's id at the bank or PayPal, shown to the creator. */
    markPayoutPaid: (actor: AuditActor, id: string, reference: string) =>
      deps.payouts.markPaid(id, reference, payoutEntry(actor, "payout.mark_paid", { reference })),

    transactions: (cursor: Cursor | null, limit: number) => deps.payments.allTransactions(cursor, limit),
    /** Without an amount the whole payment is refunded. */
    refund: (actor: AuditActor, txnId: string, amountCents?: number) =>
      deps.payments.refund(txnId, amountCents, (tx, refund, orig) =>
        audit.recordTx(tx, {
          ...actor,
          action: "payment.refund",
          target: { type: "transaction", id: orig.id },
          details: {
            kind: orig.kind,
            amountCents: refund.amountCents,
            currency: orig.currency,
            userId: orig.userId,
            refundTxnId: refund.id,
          },
        }),
      ),

    jobs: (status: JobStatus | null, cursor: Cursor | null, limit: number) =>
      deps.jobs.list(status, cursor, limit),

    /** Where the site's mail goes, and the SMTP settings saved here (the config file may override them). */
    email: () => deps.notifications.email.view(),
    saveEmail: (actor: AuditActor, smtp: SmtpInput | null) =>
      deps.notifications.email.save(smtp, (tx) =>
        audit.recordTx(tx, {
          ...actor,
          action: smtp ? "email.save" : "email.remove",
          target: { type: "site", id: "email" },
          // Never the password: only whether one was given.
          details: smtp
            ? {
                host: smtp.host,
                port: smtp.port,
                security: smtp.security,
                username: smtp.username,
                from: smtp.from,
                password: smtp.password === undefined ? "kept" : smtp.password ? "set" : "removed",
              }
            : {},
        }),
      ),
    /** Sends now; the attempt is recorded, with the transport's error when it failed. */
    async sendTestMail(actor: AuditActor, to: string) {
      try {
        await deps.notifications.email.sendTest(to);
      } catch (err) {
        await audit.record({
          ...actor,
          action: "email.test",
          target: { type: "site", id: "email" },
          details: { to, ok: false, error: (err as Error).message },
        });
        throw err;
      }
      await audit.record({
        ...actor,
        action: "email.test",
        target: { type: "site", id: "email" },
        details: { to, ok: true },
      });
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
