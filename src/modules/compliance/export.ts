// The 2257 export for the custodian of records: one zip (yazl, streamed) with
// - records.csv: one line per post and performer (the creator, each co-performer, each release): the
//   post, its dates, the performer's legal name, other names, date of birth, age on the post's date,
//   country, the record it comes from and the paths of its documents in the zip;
// - performers.csv: every record once (approved verifications and releases) with its documents;
// - documents/<id>.<ext>: each document, decrypted;
// - README.txt: when it was made, by whom, and the custodian-of-records statement.
// CSV through csv-stringify with formula-like cells neutralised, as the payout statement does.
import { stringify } from "csv-stringify/sync";
import type { Readable } from "node:stream";
import yazl from "yazl";
import type { AppContext } from "../../context.ts";
import { publicUrl } from "../../config/load.ts";
import type { DocumentStore } from "./documents.ts";
import { extensionOf } from "./documents.ts";
import { ageOn, countryName, unseal, type KycIdentity, type ReleaseIdentity } from "./identity.ts";
import type { Actor, ComplianceDeps } from "./intake.ts";
import type { ComplianceContent } from "./records.ts";
import type { Port } from "../../lib/port.ts";
import { documentsRepo, kycRepo, recordsRepo, releasesRepo } from "./repo.ts";
import type { DocumentRow, KycRow, ReleaseRow } from "./tables.ts";

const RECORD_COLUMNS = [
  "post_id",
  "post_url",
  "post_status",
  "published_at",
  "created_at",
  "creator_username",
  "performer_role",
  "performer_username",
  "performer_status",
  "legal_name",
  "other_names",
  "date_of_birth",
  "age_on_post_date",
  "country",
  "record_type",
  "record_id",
  "id_document",
  "selfie",
  "release_document",
];
const PERFORMER_COLUMNS = [
  "record_type",
  "record_id",
  "username",
  "legal_name",
  "other_names",
  "date_of_birth",
  "country",
  "recorded_at",
  "id_document",
  "selfie",
  "release_document",
];

/** Cells starting like a formula are prefixed, so a spreadsheet shows them as text. */
const cell = (v: string | number | null) => {
  if (v === null) return "";
  const s = String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};
const iso = (t: number | null) => (t === null ? "" : new Date(t).toISOString());

export function createExport(
  ctx: AppContext,
  deps: ComplianceDeps,
  store: DocumentStore,
  content: Port<ComplianceContent>,
) {
  return {
    /** Builds the zip of every record; the audit entry is written before the first byte goes out. */
    async records2257(admin: Actor): Promise<{ stream: Readable; fileName: string }> {
      const posts: Awaited<ReturnType<ComplianceContent["postsAfter"]>> = [];
      for (let afterId = ""; ;) {
        const batch = await content.get().postsAfter(afterId, 1000);
        posts.push(...batch);
        if (batch.length < 1000) break;
        afterId = batch[batch.length - 1]!.id;
      }
      const performers = [];
      for (let i = 0; i < posts.length; i += 500)
        performers.push(
          ...(await recordsRepo.performersOf(
            ctx.db.read,
            posts.slice(i, i + 500).map((p) => p.id),
          )),
        );
      const userIds = [
        ...new Set([
          ...posts.map((p) => p.creatorId),
          ...performers.flatMap((p) => (p.performerId ? [p.performerId] : [])),
        ]),
      ];
      const kyc = await kycRepo.approvedOf(ctx.db.read, userIds);
      const rel = new Map(
        (
          await releasesRepo.byIds(ctx.db.read, [
            ...new Set(performers.flatMap((p) => (p.releaseId ? [p.releaseId] : []))),
          ])
        ).map((r) => [r.id, r]),
      );
      const people = new Map((await deps.users.namesByIds(userIds)).map((n) => [n.id, n]));
      const docIds = [
        ...[...kyc.values()].flatMap((k) => [k.idDocumentId, k.selfieId]),
        ...[...rel.values()].flatMap((r) => [r.idDocumentId, r.releaseDocumentId]),
      ];
      const docs = new Map((await documentsRepo.byIds(ctx.db.read, docIds)).map((d) => [d.id, d]));
      const pathOf = (id: string) => {
        const d = docs.get(id);
        return d ? `documents/${d.id}.${extensionOf(d.mime)}` : "";
      };
      const kycCells = (k: KycRow | undefined) => {
        if (!k) return ["", "", "", null, "", "missing", "", "", ""];
        const id = unseal<KycIdentity>(store.sealer, k.identity);
        return [
          id.legalName,
          "",
          id.dateOfBirth,
          null,
          id.country,
          "kyc",
          k.id,
          pathOf(k.idDocumentId),
          pathOf(k.selfieId),
        ];
      };
      const base = publicUrl(ctx.config);
      const lines: (string | number | null)[][] = [];
      for (const p of posts) {
        const at = p.publishedAt ?? p.createdAt;
        const head = [
          p.id,
          `${base}/posts/${p.id}`,
          p.status,
          iso(p.publishedAt),
          iso(p.createdAt),
          people.get(p.creatorId)?.username ?? "",
        ];
        const withAge = (cells: (string | number | null)[], dob: string) => {
          cells[3] = dob ? ageOn(dob, at) : "";
          return cells;
        };
        const own = kycCells(kyc.get(p.creatorId));
        lines.push([
          ...head,
          "creator",
          people.get(p.creatorId)?.username ?? "",
          "creator",
          ...withAge(own, own[2] as string),
          "",
        ]);
        for (const perf of performers.filter((x) => x.postId === p.id)) {
          if (perf.kind === "co_performer") {
            const c = kycCells(kyc.get(perf.performerId!));
            const name = people.get(perf.performerId!)?.username ?? "";
            lines.push([...head, "co_performer", name, perf.status, ...withAge(c, c[2] as string), ""]);
          } else {
            const r = rel.get(perf.releaseId!);
            if (!r) continue;
            const id = unseal<ReleaseIdentity>(store.sealer, r.identity);
            lines.push([
              ...head,
              "release",
              "",
              "confirmed",
              id.legalName,
              id.otherNames.join("; "),
              id.dateOfBirth,
              ageOn(id.dateOfBirth, at),
              "",
              "release",
              r.id,
              pathOf(r.idDocumentId),
              "",
              pathOf(r.releaseDocumentId),
            ]);
          }
        }
      }
      const performerLines = [
        ...[...kyc.values()].map((k: KycRow) => {
          const id = unseal<KycIdentity>(store.sealer, k.identity);
          return [
            "kyc",
            k.id,
            people.get(k.userId)?.username ?? "",
            id.legalName,
            "",
            id.dateOfBirth,
            `${id.country} (${countryName(id.country)})`,
            iso(k.createdAt),
            pathOf(k.idDocumentId),
            pathOf(k.selfieId),
            "",
          ];
        }),
        ...[...rel.values()].map((r: ReleaseRow) => {
          const id = unseal<ReleaseIdentity>(store.sealer, r.identity);
          return [
            "release",
            r.id,
            "",
            id.legalName,
            id.otherNames.join("; "),
            id.dateOfBirth,
            "",
            iso(r.createdAt),
            pathOf(r.idDocumentId),
            "",
            pathOf(r.releaseDocumentId),
          ];
        }),
      ];

      const settings = await deps.site.settings();
      await deps.audit.record({
        actorId: admin.id,
        ip: admin.ip,
        action: "records.export",
        details: { posts: posts.length, lines: lines.length, documents: docs.size },
      });

      const zip = new yazl.ZipFile();
      const csv = (columns: string[], rows: (string | number | null)[][]) =>
        Buffer.from(stringify([columns, ...rows.map((r) => r.map(cell))]));
      zip.addBuffer(
        Buffer.from(
          [
            `2257 records of ${settings.name}, exported ${new Date(ctx.clock.now()).toISOString()}.`,
            "",
            "records.csv: one line per post and performer; performers.csv: every record once;",
            "documents/: the identity documents, selfies and signed releases the records name.",
            "",
            "Custodian of records:",
            settings.custodianOfRecords || "(not set: add the statement in the admin settings)",
            "",
          ].join("\n"),
        ),
        "README.txt",
      );
      zip.addBuffer(csv(RECORD_COLUMNS, lines), "records.csv");
      zip.addBuffer(csv(PERFORMER_COLUMNS, performerLines), "performers.csv");
      for (const d of docs.values() as Iterable<DocumentRow>)
        zip.addReadStreamLazy(`documents/${d.id}.${extensionOf(d.mime)}`, (cb) => cb(null, store.open(d.id)));
      zip.end();
      const day = new Date(ctx.clock.now()).toISOString().slice(0, 10);
      return { stream: zip.outputStream as Readable, fileName: `2257-records-${day}.zip` };
    },
  };
}
