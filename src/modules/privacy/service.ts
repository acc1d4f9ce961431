// Privacy (GDPR): a person's data export (a persistent job building a zip they download for a few days)
// and the erasure of their account. It owns only the export rows: every other module gathers and erases
// its own data (their `personalData` and `eraseTx`), and this module composes them, in one transaction
// for the erasure, so it happens whole or not at all.
//
// Erasure keeps what others and the law need: the ledger (every line, so accounts still balance; memos
// get the pseudonym), payout rows, the audit log, and KYC and 2257 records for the operator's retention
// period (compliance's `retainForDeletedUserTx`, in the same write). The account row stays as a pseudonym.
import type { DrizzleDb } from "../../db/client.ts";
import type { AppContext } from "../../context.ts";
import type { ComplianceService } from "../compliance/service.ts";
import type { LiveService } from "../live/service.ts";
import { ROW_LOCKED } from "../../db/tx.ts";
import { DAY } from "../../lib/clock.ts";
import { Conflict, Forbidden, NotFound } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { formatCents } from "../../lib/money.ts";
import type { JobQueue } from "../../jobs/queue.ts";
import type { AuditService } from "../audit/service.ts";
import type { AuthService } from "../auth/service.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { FansService } from "../fans/service.ts";
import type { MediaService } from "../media/service.ts";
import type { MessagesService } from "../messages/service.ts";
import type { NotificationsService } from "../notifications/service.ts";
import type { PaymentsService } from "../payments/service.ts";
import type { PayoutsService } from "../payouts/service.ts";
import type { PostsService } from "../posts/service.ts";
import type { RateLimitService } from "../ratelimit/service.ts";
import type { ReferralsService } from "../referrals/service.ts";
import type { SubscriptionsService } from "../subscriptions/service.ts";
import type { UsersService } from "../users/service.ts";
import type { SsoService } from "../sso/service.ts";
import type { ApiKeysService } from "../apikeys/service.ts";
import type { OutgoingWebhooksService } from "../webhooks/service.ts";
import { createExportJob, EXPORT_JOB } from "./export.ts";
import { exportsRepo } from "./repo.ts";
import type { DataExportRow, ExportStatus } from "./tables.ts";

export { EXPORT_JOB };

export interface PrivacyDeps {
  users: Pick<UsersService, "personalData" | "eraseTx" | "lockTx">;
  auth: Pick<AuthService, "passwordMatches" | "personalData" | "revokeAllTx">;
  creators: Pick<CreatorsService, "personalData" | "eraseTx">;
  posts: Pick<PostsService, "personalData" | "eraseTx">;
  messages: Pick<MessagesService, "personalData" | "eraseTx">;
  media: Pick<MediaService, "privacy">;
  payments: Pick<PaymentsService, "privacy" | "cancelAtProvider">;
  subscriptions: Pick<SubscriptionsService, "personalData" | "stopRenewalsTx">;
  notifications: Pick<NotificationsService, "personalData" | "eraseTx">;
  payouts: Pick<PayoutsService, "personalData" | "openRequestsTx" | "eraseTx">;
  audit: Pick<AuditService, "recordTx">;
  compliance: Pick<ComplianceService, "retainForDeletedUserTx">;
  live: Pick<LiveService, "personalData" | "eraseTx" | "endLiveOf">;
  referrals: Pick<ReferralsService, "personalData">;
  fans: Pick<FansService, "personalData">;
  sso: Pick<SsoService, "personalData" | "eraseTx">;
  apiKeys: Pick<ApiKeysService, "personalData" | "eraseTx">;
  webhooks: Pick<OutgoingWebhooksService, "personalData" | "eraseTx">;
  jobs: Pick<JobQueue, "enqueue">;
  rateLimit: Pick<RateLimitService, "consume">;
}

export interface ExportView {
  id: string;
  status: ExportStatus;
  /** Where to download the zip (ready ones only). */
  downloadUrl: string | null;
  sizeBytes: number | null;
  error: string | null;
  createdAt: number;
  readyAt: number | null;
  expiresAt: number | null;
}

const BALANCE_NAMES: Record<string, string> = {
  creator_pending: "pending (in the hold period)",
  creator_available: "available",
  payouts_payable: "in payouts not sent yet",
};

export function createPrivacyService(ctx: AppContext, deps: PrivacyDeps) {
  const { users, auth, audit, jobs, rateLimit, payments, payouts } = deps;
  const now = () => ctx.clock.now();

  const view = (r: DataExportRow): ExportView => ({
    id: r.id,
    status: r.status,
    downloadUrl: r.status === "ready" ? `/api/v1/users/me/exports/${r.id}/download` : null,
    sizeBytes: r.sizeBytes,
    error: r.status === "failed" ? "The export could not be made. Try again later." : null,
    createdAt: r.createdAt,
    readyAt: r.readyAt,
    expiresAt: r.expiresAt,
  });

  /** The person's own export, or 404 (someone else's is not found either). */
  async function own(userId: string, id: string): Promise<DataExportRow> {
    const row = await exportsRepo.byId(ctx.db.read, id);
    if (!row || row.userId !== userId) throw new NotFound("Export");
    return row;
  }

  /** Removes export files once the transaction that expired or erased them has committed. */
  function removeFilesAfterCommit(tx: DrizzleDb, ids: string[]): void {
    if (ids.length === 0) return;
    ctx.db.afterCommit(tx, () => {
      void (async () => {
        for (const id of ids) await ctx.storage.deletePrefix(`exports/${id}/`);
      })().catch((err: unknown) =>
        ctx.logger.warn("could not remove data export files", { ids, err: String(err) }),
      );
    });
  }

  return {
    exportJobHandler: () => createExportJob(ctx, deps),

    /** POST /users/me/export: queues an export (one at a time, a few a day). */
    async requestExport(userId: string, ip: string | null): Promise<ExportView> {
      const running = () =>
        new Conflict("An export is already being made: wait for it to finish.", "export_running");
      if (await exportsRepo.pendingOf(ctx.db.read, userId)) throw running();
      await rateLimit.consume(
        [[`privacy.export:${userId}`, { max: ctx.config.privacy.exports_per_day, windowMs: DAY }]],
        "You have asked for several exports today. Try again tomorrow.",
      );
      return ctx.db.write(async (tx) => {
        if (await exportsRepo.pendingOf(tx, userId)) throw running();
        const row: DataExportRow = {
          id: newId(),
          userId,
          status: "queued",
          jobId: null,
          fileKey: null,
          sizeBytes: null,
          error: null,
          createdAt: now(),
          readyAt: null,
          expiresAt: null,
        };
        await exportsRepo.insert(tx, row);
        row.jobId = await jobs.enqueue(tx, EXPORT_JOB, { id: row.id }, { maxAttempts: 3 });
        await exportsRepo.update(tx, row.id, { jobId: row.jobId });
        await audit.recordTx(tx, {
          actorId: userId,
          ip,
          action: "gdpr.export",
          target: { type: "user", id: userId },
          details: { exportId: row.id },
        });
        return view(row);
      });
    },

    getExport: async (userId: string, id: string): Promise<ExportView> => view(await own(userId, id)),

    /** The person's recent exports, newest first. */
    listExports: async (userId: string): Promise<ExportView[]> =>
      (await exportsRepo.ofUser(ctx.db.read, userId, 10)).map(view),

    /** The zip of a ready export of the person's own. */
    async download(userId: string, id: string) {
      const row = await own(userId, id);
      if (row.status !== "ready" || !row.fileKey || (row.expiresAt ?? 0) <= now())
        throw new NotFound(
          "Export",
          row.status === "ready" || row.status === "expired" ? "export_expired" : "export_not_ready",
        );
      return {
        file: ctx.storage.file(row.fileKey),
        name: `data-export-${new Date(row.createdAt).toISOString().slice(0, 10)}.zip`,
      };
    },

    /** Scheduler step: ready exports past their time lose their file. */
    async expireExports(batch = 100): Promise<number> {
      return ctx.db.write(async (tx) => {
        const due = await exportsRepo.expired(tx, now(), batch);
        for (const r of due) await exportsRepo.update(tx, r.id, { status: "expired", fileKey: null });
        removeFilesAfterCommit(
          tx,
          due.map((r) => r.id),
        );
        return due.length;
      });
    },

    /**
     * DELETE /users/me: erases the person's account. Refused (nothing changed) on a wrong password, while a
     * creator has money due to them (pending or available earnings, an open payout request: paid out
     * first), and while a wallet holds money unless `confirmForfeit` (it goes to the site).
     */
    async erase(
      userId: string,
      input: { password: string; confirmForfeit?: boolean | undefined },
      ip: string | null,
    ) {
      if (!(await auth.passwordMatches(userId, input.password)))
        throw new Forbidden("That is not your password. Nothing was deleted.", "wrong_password");
      const atProvider = await ctx.db.write(async (tx) => {
        await users.lockTx(tx, [userId]);
        const held = await payments.privacy.moneyHeldTx(tx, userId);
        const due = held.due.filter((d) => d.balanceCents > 0);
        const open = await payouts.openRequestsTx(tx, userId);
        if (due.length > 0 || open.length > 0) {
          const parts = due.map((d) => `${formatCents(d.balanceCents, d.currency)} ${BALANCE_NAMES[d.kind]}`);
          if (open.length > 0)
            parts.push(`${open.length} payout request${open.length === 1 ? "" : "s"} not paid yet`);
          throw new Conflict(
            `You still have money due to you (${parts.join(", ")}). It is paid only by payout: request a payout of ` +
              "your available balance (pending earnings become available after the hold period) and wait until " +
              "it is paid; then you can delete your account.",
            "balance_due",
            { due, openPayouts: open.length },
          );
        }
        if (held.wallets.length > 0 && input.confirmForfeit !== true) {
          const total = held.wallets.map((w) => formatCents(w.balanceCents, w.currency)).join(" and ");
          throw new Conflict(
            `Your wallet holds ${total}. Deleting your account forfeits it: spend it or ask the site for a ` +
              "refund first, or confirm that you give it up.",
            "wallet_not_empty",
            { wallets: held.wallets },
          );
        }
        const names = await users.eraseTx(tx, userId);
        await auth.revokeAllTx(tx, userId);
        await deps.sso.eraseTx(tx, userId);
        await deps.apiKeys.eraseTx(tx, userId);
        await deps.webhooks.eraseTx(tx, userId);
        await deps.posts.eraseTx(tx, userId);
        await deps.messages.eraseTx(tx, userId);
        await deps.media.privacy.eraseTx(tx, userId);
        await deps.creators.eraseTx(tx, userId);
        await deps.notifications.eraseTx(tx, userId);
        await deps.live.eraseTx(tx, userId);
        await payouts.eraseTx(tx, userId);
        const stop = await deps.subscriptions.stopRenewalsTx(tx, userId);
        await payments.privacy.eraseTx(tx, userId, names);
        const kept = await deps.compliance.retainForDeletedUserTx(tx, userId);
        const exported = await exportsRepo.readyOf(tx, userId);
        for (const r of exported) await exportsRepo.update(tx, r.id, { status: "expired", fileKey: null });
        removeFilesAfterCommit(
          tx,
          exported.map((r) => r.id),
        );
        // The entry names the account by id only (the pseudonym's row); it is kept like every audit entry.
        await audit.recordTx(tx, {
          actorId: userId,
          ip,
          action: "gdpr.erase",
          target: { type: "user", id: userId },
          details: {
            forfeited: held.wallets,
            recordsKept: { kyc: kept.kyc, releases: kept.releases, until: kept.retainUntil },
          },
        });
        await ctx.events.publish(tx, "user.erased", { userId, erasedAt: now() });
        return stop;
      }, ROW_LOCKED);
      // A stream live right now ends, and its publisher is cut (RTMP: after COMMIT).
      await deps.live
        .endLiveOf(userId)
        .catch((err: unknown) =>
          ctx.logger.warn("could not end an erased person's live stream", { err: String(err) }),
        );
      // Card subscriptions renewed by the provider stop there too (network: after COMMIT).
      for (const s of atProvider) {
        await payments.cancelAtProvider(s.providerRef, false).catch((err: unknown) =>
          ctx.logger.warn("could not cancel an erased person's subscription at the provider", {
            err: String(err),
          }),
        );
      }
    },
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
