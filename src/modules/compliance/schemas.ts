// What the compliance routes accept and answer (the OpenAPI contract; see src/http/openapi.ts).
import { z } from "zod";
import { pageOf, pageQuery } from "../../lib/cursor.ts";
import { epochMs, idField, orNull } from "../../lib/fields.ts";
import { visibleText } from "../../lib/text.ts";
import { DMCA_STATUSES, DOCUMENT_KINDS, KYC_STATUSES, PERFORMER_STATUSES } from "./tables.ts";

const multipart = (
  properties: Record<string, { type: "string"; format?: "binary" | "date"; description?: string }>,
  required: string[],
) => ({
  required: true,
  content: { "multipart/form-data": { schema: { type: "object" as const, properties, required } } },
});

/** POST /kyc: multipart/form-data (streamed and encrypted, not parsed by the router). */
export const kycUploadBody = multipart(
  {
    legalName: { type: "string", description: "As on the ID document." },
    dateOfBirth: { type: "string", format: "date", description: "YYYY-MM-DD; 18 or older." },
    country: { type: "string", description: "ISO 3166-1 alpha-2, e.g. US." },
    idDocument: {
      type: "string",
      format: "binary",
      description: "Passport, ID card or driving licence: JPEG, PNG, WebP or PDF.",
    },
    selfie: {
      type: "string",
      format: "binary",
      description: "A photo of the person holding the ID document.",
    },
  },
  ["legalName", "dateOfBirth", "country", "idDocument", "selfie"],
);
/** POST /releases: multipart/form-data. */
export const releaseUploadBody = multipart(
  {
    legalName: { type: "string" },
    dateOfBirth: { type: "string", format: "date", description: "YYYY-MM-DD; 18 or older." },
    otherNames: {
      type: "string",
      description: "Stage names, aliases, maiden names: one per line or comma-separated.",
    },
    idDocument: { type: "string", format: "binary" },
    releaseDocument: { type: "string", format: "binary", description: "The signed model release." },
  },
  ["legalName", "dateOfBirth", "idDocument", "releaseDocument"],
);

export const kycStatusSchema = z.enum(KYC_STATUSES).meta({ id: "KycStatus" });
export const kycSchema = z
  .strictObject({
    id: idField,
    status: kycStatusSchema,
    legalName: z.string(),
    dateOfBirth: z.string().meta({ description: "YYYY-MM-DD." }),
    country: z.string(),
    rejectionReason: z.string().nullable(),
    createdAt: epochMs,
    reviewedAt: epochMs.nullable(),
  })
  .meta({ id: "Kyc" });
export const myKycSchema = z
  .strictObject({
    kyc: orNull(kycSchema),
    required: z.boolean().meta({ description: "Whether this site requires creators to be verified." }),
  })
  .meta({ id: "MyKyc" });

export const documentSchema = z
  .strictObject({
    id: idField,
    kind: z.enum(DOCUMENT_KINDS),
    mime: z.string(),
    sizeBytes: z.number().int(),
    fileName: z.string(),
    url: z.string().meta({ description: "The admin-only route that decrypts it." }),
  })
  .meta({ id: "ComplianceDocument" });
const personSchema = z.strictObject({ id: idField, username: z.string(), displayName: z.string() });
export const adminKycSchema = kycSchema
  .extend({ user: personSchema, reviewerId: idField.nullable(), documents: z.array(documentSchema) })
  .meta({ id: "AdminKyc" });
export const adminKycEnvelope = z.strictObject({ kyc: adminKycSchema });
export const adminKycPage = pageOf(adminKycSchema, "AdminKycPage");
export const kycQuery = pageQuery.extend({ status: kycStatusSchema.optional() });
export const reasonBody = z
  .object({
    reason: visibleText({ max: 1000, multiline: true }).meta({ description: "Shown to the person." }),
  })
  .meta({ id: "ReasonInput" });

export const releaseSchema = z
  .strictObject({
    id: idField,
    legalName: z.string(),
    dateOfBirth: z.string(),
    otherNames: z.array(z.string()),
    createdAt: epochMs,
  })
  .meta({ id: "Release" });
export const releasePage = pageOf(releaseSchema, "ReleasePage");

export const performerStatusSchema = z.enum(PERFORMER_STATUSES).meta({ id: "PerformerStatus" });
export const postPerformersSchema = z
  .strictObject({
    held: z.boolean().meta({ description: "Kept unpublished until every co-performer confirmed." }),
    coPerformers: z.array(z.strictObject({ username: z.string(), status: performerStatusSchema })),
    releases: z.array(z.strictObject({ id: idField, legalName: z.string() })),
  })
  .meta({ id: "PostPerformers" });
export const heldPostsSchema = z
  .strictObject({
    items: z.array(
      z.strictObject({
        postId: idField,
        publishAt: epochMs.nullable(),
        waitingFor: z.array(z.strictObject({ username: z.string(), status: performerStatusSchema })),
      }),
    ),
  })
  .meta({ id: "HeldPosts" });
export const coPerformerRequestSchema = z
  .strictObject({
    id: idField,
    postId: idField,
    creator: z.strictObject({ username: z.string(), displayName: z.string() }),
    status: performerStatusSchema,
    createdAt: epochMs,
    decidedAt: epochMs.nullable(),
  })
  .meta({ id: "CoPerformerRequest" });
export const coPerformerRequestPage = pageOf(coPerformerRequestSchema, "CoPerformerRequestPage");
export const statementSchema = z
  .strictObject({ siteName: z.string(), custodianOfRecords: z.string() })
  .meta({ id: "RecordsStatement" });

// DMCA.
const line = (max: number, what: string) => visibleText({ max }).meta({ description: what });
const mustBeTrue = (what: string) =>
  z.literal(true, { error: `Required: ${what}` }).meta({ description: `Must be true: ${what}` });

export const dmcaNoticeBody = z
  .object({
    claimant: z.object({
      name: line(200, "The claimant's full name (the copyright owner or their agent)."),
      email: z.email("A valid e-mail address.").max(254),
      address: visibleText({ max: 500, multiline: true }).meta({ description: "Postal address." }),
      phone: z.string().trim().max(40).optional(),
    }),
    work: visibleText({ max: 4000, multiline: true }).meta({
      description: "The copyrighted work claimed to be infringed (or a list of them).",
    }),
    urls: z
      .array(z.url("Each URL must be a full address, e.g. https://example.com/posts/…").max(2000))
      .min(1, "Name at least one URL on this site.")
      .max(50),
    goodFaith: mustBeTrue(
      "a statement that you have a good-faith belief that the use is not authorised by the owner, its agent or the law",
    ),
    accuracy: mustBeTrue(
      "a statement, under penalty of perjury, that the notice is accurate and you are the owner or authorised to act for them",
    ),
    signature: line(200, "Your full legal name, typed, as your electronic signature."),
  })
  .meta({ id: "DmcaNoticeInput" });

export const counterNoticeBody = z
  .object({
    name: line(200, "Your full legal name."),
    address: visibleText({ max: 500, multiline: true }).meta({ description: "Postal address." }),
    phone: visibleText({ max: 40 }).meta({ description: "Telephone number." }),
    email: z.email("A valid e-mail address.").max(254),
    material: visibleText({ max: 4000, multiline: true }).meta({
      description: "The material removed and where it appeared before removal.",
    }),
    mistakeStatement: mustBeTrue(
      "a statement under penalty of perjury that you believe in good faith the material was removed by mistake or misidentification",
    ),
    jurisdictionConsent: mustBeTrue(
      "consent to the jurisdiction of the federal district court for your address (or, outside the US, any district where this site may be found), and to accept service of process from the claimant",
    ),
    signature: line(200, "Your full legal name, typed, as your electronic signature."),
  })
  .meta({ id: "CounterNoticeInput" });

export const dmcaStatusSchema = z.enum(DMCA_STATUSES).meta({ id: "DmcaStatus" });
export const dmcaReceiptSchema = z
  .strictObject({ notice: z.strictObject({ id: idField, status: dmcaStatusSchema, createdAt: epochMs }) })
  .meta({ id: "DmcaReceipt" });
const counterSchema = z
  .strictObject({
    name: z.string(),
    address: z.string(),
    phone: z.string().nullable(),
    email: z.string(),
    material: z.string(),
    mistakeStatement: z.literal(true),
    jurisdictionConsent: z.literal(true),
    signature: z.string(),
  })
  .meta({ id: "CounterNotice" });
const targetSchema = z.strictObject({
  type: z.literal("post"),
  id: idField,
  creatorId: idField,
  publishedAt: epochMs.nullable(),
  url: z.string(),
});
export const adminDmcaSchema = z
  .strictObject({
    id: idField,
    status: dmcaStatusSchema,
    claimant: z.strictObject({
      name: z.string(),
      email: z.string(),
      address: z.string(),
      phone: z.string().nullable(),
    }),
    work: z.string(),
    urls: z.array(z.string()),
    signature: z.string(),
    ip: z.string().nullable(),
    targets: z.array(targetSchema).nullable().meta({ description: "What the takedown removed." }),
    rejectReason: z.string().nullable(),
    decidedAt: epochMs.nullable(),
    restoredAt: epochMs.nullable(),
    createdAt: epochMs,
    strikes: z.array(
      z.strictObject({
        userId: idField,
        username: z.string(),
        counter: orNull(counterSchema),
        counteredAt: epochMs.nullable(),
        restorableAt: epochMs.nullable(),
        withdrawnAt: epochMs.nullable(),
        createdAt: epochMs,
      }),
    ),
  })
  .meta({ id: "AdminDmcaNotice" });
export const adminDmcaDetail = adminDmcaSchema
  .extend({
    resolved: z.array(targetSchema).nullable().meta({
      description: "While open: the posts of this site its URLs name now (what a takedown removes).",
    }),
  })
  .meta({ id: "AdminDmcaNoticeDetail" });
export const adminDmcaEnvelope = z.strictObject({ notice: adminDmcaDetail });
export const adminDmcaPage = pageOf(adminDmcaSchema, "AdminDmcaPage");
export const dmcaQuery = pageQuery.extend({ status: dmcaStatusSchema.optional() });

export const creatorDmcaSchema = z
  .strictObject({
    id: idField,
    status: dmcaStatusSchema,
    claimant: z.strictObject({ name: z.string(), email: z.string() }),
    work: z.string(),
    urls: z.array(z.string()),
    postIds: z.array(idField),
    decidedAt: epochMs.nullable(),
    createdAt: epochMs,
    counter: orNull(counterSchema),
    counteredAt: epochMs.nullable(),
    restorableAt: epochMs
      .nullable()
      .meta({ description: "When the admin may restore, after a counter-notice." }),
    withdrawnAt: epochMs
      .nullable()
      .meta({ description: "Set when the content was restored (the strike no longer counts)." }),
  })
  .meta({ id: "DmcaNotice" });
export const creatorDmcaEnvelope = z.strictObject({ notice: creatorDmcaSchema });
export const creatorDmcaPage = pageOf(creatorDmcaSchema, "DmcaNoticePage");
