// Compliance: what the law asks of an adult site. Creator verification and its gate (kyc.ts), 2257
// records of who performs in each post (records.ts, export.ts), DMCA notices, takedowns, counter-notices
// and repeat infringers (dmca.ts); every document encrypted at rest outside the media tree
// (documents.ts), every admin decision in the audit log, and the retention of records after an account
// is closed (`retainForDeletedUserTx`, for the GDPR erasure; `purgeExpired`, a scheduler step).
//
// It sits below the modules it gates (posts, messages, live, payouts, profiles call `requireVerified`),
// so what it needs of posts (publishing a held post, taking posts down, walking them for the export)
// comes through a port the posts module connects in src/services.ts.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { port } from "../../lib/port.ts";
import { DAY } from "../../lib/clock.ts";
import { NotFound } from "../../lib/errors.ts";
import { documentStore, loadDocumentsKey } from "./documents.ts";
import { createDmca } from "./dmca.ts";
import { createExport } from "./export.ts";
import { createIntake, days, type Actor, type ComplianceDeps } from "./intake.ts";
import { createKyc } from "./kyc.ts";
import { createRecords, type ComplianceContent } from "./records.ts";
import { documentsRepo, retentionRepo } from "./repo.ts";

export type { ComplianceContent, PerformersInput } from "./records.ts";
export type { Actor as ComplianceActor, UploadRequest } from "./intake.ts";

export function createComplianceService(ctx: AppContext, deps: ComplianceDeps) {
  const key = loadDocumentsKey(ctx.config.compliance.documents_key, ctx.paths.documentsKey);
  const store = documentStore(ctx.paths.private, key);
  const content = port<ComplianceContent>("compliance.content");
  const intake = createIntake(ctx, deps, store);
  const kyc = createKyc(ctx, deps, store, intake);
  const records = createRecords(ctx, deps, store, intake, kyc, content);
  const dmca = createDmca(ctx, deps, content);
  const exporter = createExport(ctx, deps, store, content);

  return {
    kyc,
    records,
    dmca,
    /** The KYC gate of every paid path (403 `kyc_required`). */
    requireVerified: kyc.requireVerified,
    /** Inside a post's write: its co-performers and releases (see records.ts for the hold rule). */
    performersTx: records.performersTx,
    export2257: (admin: Actor) => exporter.records2257(admin),

    /** A stored document, decrypted, for an admin (the route checks the role; the view is audited). */
    async document(admin: Actor, id: string) {
      const doc = await documentsRepo.byId(ctx.db.read, id);
      if (!doc) throw new NotFound("Document");
      await deps.audit.record({
        actorId: admin.id,
        ip: admin.ip,
        action: "document.view",
        target: { type: "document", id },
        details: { kind: doc.kind, ownerId: doc.ownerId },
      });
      return { doc, stream: store.open(id) };
    },

    /**
     * For the GDPR erasure, inside its transaction: the person's KYC submissions and releases (with their
     * documents) are kept for `recordsRetentionDays` from now, then purged by `purgeExpired`. Returns
     * until when, and how many records are kept.
     */
    async retainForDeletedUserTx(tx: DrizzleDb, userId: string) {
      const until = ctx.clock.now() + days((await deps.site.settings(tx)).recordsRetentionDays);
      return { retainUntil: until, ...(await retentionRepo.retain(tx, userId, until)) };
    },

    /** Scheduler step: removes records whose retention ran out, then their files; and stale partial uploads. */
    async purgeExpired(batch = 200): Promise<number> {
      const t = ctx.clock.now();
      const docIds = await ctx.db.write(async (tx) => {
        const kycRows = await retentionRepo.expiredKyc(tx, t, batch);
        const relRows = await retentionRepo.expiredReleases(tx, t, batch);
        await retentionRepo.removeKyc(
          tx,
          kycRows.map((r) => r.id),
        );
        await retentionRepo.removeReleases(
          tx,
          relRows.map((r) => r.id),
        );
        const ids = [
          ...kycRows.flatMap((r) => [r.idDocumentId, r.selfieId]),
          ...relRows.flatMap((r) => [r.idDocumentId, r.releaseDocumentId]),
        ];
        await documentsRepo.remove(tx, ids);
        return ids;
      });
      await store.remove(docIds);
      await store.sweepTmp(DAY);
      return docIds.length;
    },

    /** The public 2257 statement (the custodian of records), from the site settings. */
    async statement() {
      const s = await deps.site.settings();
      return { siteName: s.name, custodianOfRecords: s.custodianOfRecords };
    },

    /** Where an encrypted document lies on disk (tests prove it is not the plaintext). */
    storedPath: (id: string) => store.storedPath(id),
    connectContent: (impl: ComplianceContent) => content.connect(impl),
  };
}

export type ComplianceService = ReturnType<typeof createComplianceService>;
