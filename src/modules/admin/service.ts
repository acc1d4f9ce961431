// The admin console's use cases: the payout queue, transactions and refunds, site settings, e-mail and
// the job queue. Each delegates to the module that owns the data; the one rule of its own is who may use it.
import type { Cursor } from "../../lib/cursor.ts";
import { Forbidden } from "../../lib/errors.ts";
import type { JobStatus } from "../../jobs/tables.ts";
import type { Viewer } from "../auth/service.ts";
import type { JobQueue } from "../../jobs/queue.ts";
import type { NotificationsService, SmtpInput } from "../notifications/service.ts";
import type { PaymentsService } from "../payments/service.ts";
import type { PayoutsService } from "../payouts/service.ts";
import type { PayoutRow } from "../payouts/tables.ts";
import type { SiteService } from "../site/service.ts";
import type { SettingsPatch } from "./schemas.ts";

export function createAdminService(deps: {
  site: Pick<SiteService, "adminSettings" | "updateSettings">;
  payouts: Pick<PayoutsService, "list" | "approve" | "reject" | "markPaid">;
  payments: Pick<PaymentsService, "allTransactions" | "refund">;
  jobs: Pick<JobQueue, "list">;
  notifications: Pick<NotificationsService, "email">;
}) {
  return {
    /** Every admin use case needs a site admin. */
    authorize(viewer: Viewer): void {
      if (viewer.user.role !== "admin") throw new Forbidden("Only site admins can do this.", "admin_only");
    },

    settings: () => deps.site.adminSettings(),
    updateSettings: (patch: SettingsPatch) => deps.site.updateSettings(patch),

    payouts: (status: PayoutRow["status"] | null, cursor: Cursor | null, limit: number) =>
      deps.payouts.list(status, cursor, limit),
    approvePayout: (id: string) => deps.payouts.approve(id),
    rejectPayout: (id: string, note?: string) => deps.payouts.reject(id, note),
    /** `reference` is the transfer's id at the bank or PayPal, shown to the creator. */
    markPayoutPaid: (id: string, reference: string) => deps.payouts.markPaid(id, reference),

    transactions: (cursor: Cursor | null, limit: number) => deps.payments.allTransactions(cursor, limit),
    /** Without an amount the whole payment is refunded. */
    refund: (txnId: string, amountCents?: number) => deps.payments.refund(txnId, amountCents),

    jobs: (status: JobStatus | null, cursor: Cursor | null, limit: number) =>
      deps.jobs.list(status, cursor, limit),

    /** Where the site's mail goes, and the SMTP settings saved here (the config file may override them). */
    email: () => deps.notifications.email.view(),
    saveEmail: (smtp: SmtpInput | null) => deps.notifications.email.save(smtp),
    sendTestMail: (to: string) => deps.notifications.email.sendTest(to),
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
