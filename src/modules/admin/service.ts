// The admin console's use cases: the payout queue, transactions and refunds, site settings and the job
// queue. Each delegates to the module that owns the data; the one rule of its own is who may use it.
import type { AppContext } from "../../context.ts";
import type { Cursor } from "../../lib/cursor.ts";
import { Forbidden } from "../../lib/errors.ts";
import type { JobStatus } from "../../jobs/tables.ts";
import type { Viewer } from "../auth/service.ts";
import type { PayoutRow } from "../payouts/tables.ts";
import type { SettingsPatch } from "./schemas.ts";

export function createAdminService(ctx: AppContext) {
  const s = () => ctx.services;
  return {
    /** Every admin use case needs a site admin. */
    authorize(viewer: Viewer): void {
      if (viewer.user.role !== "admin") throw new Forbidden("Only site admins can do this.", "admin_only");
    },

    settings: () => s().site.adminSettings(),
    updateSettings: (patch: SettingsPatch) => s().site.updateSettings(patch),

    payouts: (status: PayoutRow["status"] | null, cursor: Cursor | null, limit: number) =>
      s().payouts.list(status, cursor, limit),
    approvePayout: (id: string) => s().payouts.approve(id),
    rejectPayout: (id: string, note?: string) => s().payouts.reject(id, note),
    /** `reference` is the transfer's id at the bank or PayPal, shown to the creator. */
    markPayoutPaid: (id: string, reference: string) => s().payouts.markPaid(id, reference),

    transactions: (cursor: Cursor | null, limit: number) => s().payments.allTransactions(cursor, limit),
    /** Without an amount the whole payment is refunded. */
    refund: (txnId: string, amountCents?: number) => s().payments.refund(txnId, amountCents),

    jobs: (status: JobStatus | null, cursor: Cursor | null, limit: number) =>
      s().jobs.list(status, cursor, limit),
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
