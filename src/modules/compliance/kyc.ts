// Creator verification (KYC): a person sends their legal identity, an ID document and a selfie holding
// it; an admin approves or rejects (with a reason); the person is told. While the site requires it
// (`requireCreatorVerification`), selling (paid posts, priced messages), going live and payouts ask
// `requireVerified` first, which answers 403 `kyc_required` until an approval.
import { z } from "zod";
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import { Conflict, Forbidden, NotFound } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import type { DocumentStore } from "./documents.ts";
import {
  country,
  dateOfBirth,
  legalName,
  parseFields,
  requireAdult,
  seal,
  unseal,
  type KycIdentity,
} from "./identity.ts";
import { documentRows, type Actor, type ComplianceDeps, type Intake, type UploadRequest } from "./intake.ts";
import { documentsRepo, kycRepo } from "./repo.ts";
import type { DocumentRow, KycRow, KycStatus } from "./tables.ts";

const kycFields = z.object({ legalName, dateOfBirth, country });

export interface DocumentView {
  id: string;
  kind: DocumentRow["kind"];
  mime: string;
  sizeBytes: number;
  fileName: string;
  /** The admin-only route that decrypts it. */
  url: string;
}

export const documentView = (d: DocumentRow): DocumentView => ({
  id: d.id,
  kind: d.kind,
  mime: d.mime,
  sizeBytes: d.sizeBytes,
  fileName: d.fileName,
  url: `/api/v1/admin/documents/${d.id}`,
});

export function createKyc(ctx: AppContext, deps: ComplianceDeps, store: DocumentStore, intake: Intake) {
  const now = () => ctx.clock.now();
  const identityOf = (row: KycRow) => unseal<KycIdentity>(store.sealer, row.identity);

  const ownView = (row: KycRow) => ({
    id: row.id,
    status: row.status,
    ...identityOf(row),
    rejectionReason: row.rejectionReason,
    createdAt: row.createdAt,
    reviewedAt: row.reviewedAt,
  });

  async function adminViews(rows: KycRow[], withDocuments: boolean) {
    const people = new Map(
      (await deps.users.namesByIds([...new Set(rows.map((r) => r.userId))])).map((p) => [p.id, p]),
    );
    const docs = withDocuments
      ? new Map(
          (
            await documentsRepo.byIds(
              ctx.db.read,
              rows.flatMap((r) => [r.idDocumentId, r.selfieId]),
            )
          ).map((d) => [d.id, d]),
        )
      : null;
    return rows.map((r) => {
      const p = people.get(r.userId);
      return {
        ...ownView(r),
        user: { id: r.userId, username: p?.username ?? "", displayName: p?.displayName ?? "" },
        reviewerId: r.reviewerId,
        documents: docs
          ? [docs.get(r.idDocumentId), docs.get(r.selfieId)].filter((d) => d !== undefined).map(documentView)
          : [],
      };
    });
  }

  async function pendingRow(tx: DrizzleDb, id: string): Promise<KycRow> {
    const row = await kycRepo.byId(tx, id);
    if (!row) throw new NotFound("Verification");
    if (row.status !== "pending")
      throw new Conflict(`This verification was already ${row.status}.`, "kyc_not_pending");
    return row;
  }

  /** Whether someone passed verification (co-performers must have). */
  const isVerified = (userId: string, db: DrizzleDb = ctx.db.read) => kycRepo.isApproved(db, userId);

  return {
    isVerified,

    /**
     * The gate of every paid path: while the site requires verification, a creator without an approved
     * one gets 403 `kyc_required`. Admins are not asked.
     */
    async requireVerified(viewer: { id: string; role: string }, action: string, db: DrizzleDb = ctx.db.read) {
      if (viewer.role === "admin") return;
      if (!(await deps.site.settings(db)).requireCreatorVerification) return;
      if (await isVerified(viewer.id, db)) return;
      throw new Forbidden(
        `Verify your identity before you ${action}: send your ID under Settings → Verification.`,
        "kyc_required",
      );
    },

    /** The person's own newest submission (status, rejection reason) and whether the site requires one. */
    async mine(userId: string) {
      const row = await kycRepo.latestOf(ctx.db.read, userId);
      return {
        kyc: row ? ownView(row) : null,
        required: (await deps.site.settings()).requireCreatorVerification,
      };
    },

    async submit(actor: Actor, req: UploadRequest) {
      if (actor.role === "admin")
        await intake.refuse(req, new Forbidden("Site admins do not need verification.", "admin_only"));
      const latest = await kycRepo.latestOf(ctx.db.read, actor.id);
      if (latest?.status === "pending")
        await intake.refuse(
          req,
          new Conflict("Your verification is under review; wait for the answer.", "kyc_pending"),
        );
      if (latest?.status === "approved")
        await intake.refuse(req, new Conflict("Your identity is already verified.", "already_verified"));
      const row = await intake.receive(
        req,
        { files: ["idDocument", "selfie"], fields: ["legalName", "dateOfBirth", "country"] },
        `kyc:${actor.id}`,
        async (form, commit) => {
          const identity = parseFields(kycFields, form.fields);
          requireAdult(identity.dateOfBirth, now());
          await commit();
          const t = now();
          const docs = documentRows(form, actor.id, { idDocument: "id_document", selfie: "selfie" }, t);
          const row: KycRow = {
            id: newId(),
            userId: actor.id,
            status: "pending",
            identity: seal(store.sealer, identity),
            idDocumentId: docs[0]!.id,
            selfieId: docs[1]!.id,
            rejectionReason: null,
            reviewerId: null,
            reviewedAt: null,
            createdAt: t,
            retainUntil: null,
          };
          await ctx.db.write(async (tx) => {
            // The partial unique index holds it too; this answers parallel submissions with a clear 409.
            if (await kycRepo.pendingOf(tx, actor.id))
              throw new Conflict("Your verification is under review; wait for the answer.", "kyc_pending");
            await documentsRepo.insert(tx, docs);
            await kycRepo.insert(tx, row);
            await deps.audit.recordTx(tx, {
              actorId: actor.id,
              ip: actor.ip,
              action: "kyc.submit",
              target: { type: "kyc", id: row.id },
              details: { country: identity.country },
            });
          });
          return row;
        },
      );
      return ownView(row);
    },

    async list(status: KycStatus | null, cursor: Cursor | null, limit: number) {
      const p = page(await kycRepo.list(ctx.db.read, status, cursor, limit + 1), limit, (r) => ({
        key: r.createdAt,
        id: r.id,
      }));
      return { items: await adminViews(p.items, false), nextCursor: p.nextCursor };
    },

    async get(id: string) {
      const row = await kycRepo.byId(ctx.db.read, id);
      if (!row) throw new NotFound("Verification");
      return (await adminViews([row], true))[0]!;
    },

    async approve(admin: Actor, id: string) {
      await ctx.db.write(async (tx) => {
        const row = await pendingRow(tx, id);
        const t = now();
        await kycRepo.update(tx, id, { status: "approved", reviewerId: admin.id, reviewedAt: t });
        await deps.audit.recordTx(tx, {
          actorId: admin.id,
          ip: admin.ip,
          action: "kyc.approve",
          target: { type: "kyc", id },
          details: { userId: row.userId },
        });
        await deps.notifications.notifyTx(tx, {
          userId: row.userId,
          kind: "kyc_approved",
          text: "Your identity is verified: you can sell, go live and request payouts.",
          link: "/settings/verification",
          data: { kycId: id },
        });
      });
      return this.get(id);
    },

    async reject(admin: Actor, id: string, reason: string) {
      await ctx.db.write(async (tx) => {
        const row = await pendingRow(tx, id);
        await kycRepo.update(tx, id, {
          status: "rejected",
          rejectionReason: reason,
          reviewerId: admin.id,
          reviewedAt: now(),
        });
        await deps.audit.recordTx(tx, {
          actorId: admin.id,
          ip: admin.ip,
          action: "kyc.reject",
          target: { type: "kyc", id },
          details: { userId: row.userId, reason },
        });
        await deps.notifications.notifyTx(tx, {
          userId: row.userId,
          kind: "kyc_rejected",
          text: `Your identity verification was not accepted: ${reason}`,
          link: "/settings/verification",
          data: { kycId: id },
        });
      });
      return this.get(id);
    },
  };
}

export type Kyc = ReturnType<typeof createKyc>;
