// What the admin console's routes accept and answer.
import { z } from "zod";
import { pageOf, pageQuery } from "../../lib/cursor.ts";
import { epochMs, idField } from "../../lib/fields.ts";
import { visibleText } from "../../lib/text.ts";
import { JOB_STATUSES } from "../../jobs/tables.ts";

export const settingsBody = z
  .object({
    name: visibleText({ max: 80 }).optional(),
    platformFeePercent: z
      .number()
      .min(0)
      .max(100)
      .refine(
        (n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-9,
        "At most two decimals.",
      )
      .optional(),
    payoutMinimumCents: z.number().int().min(100).max(10_000_000).optional(),
    watermark: z.boolean().optional(),
    requireCreatorVerification: z.boolean().optional(),
    custodianOfRecords: visibleText({ max: 4000, min: 0, multiline: true }).optional(),
    recordsRetentionDays: z.number().int().min(1).max(36_500).optional(),
    dmcaStrikeLimit: z.number().int().min(1).max(100).optional(),
    dmcaRestoreWaitDays: z.number().int().min(1).max(365).optional(),
    referralSharePercent: z
      .number()
      .min(0)
      .max(100)
      .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, "At most two decimals.")
      .optional(),
  })
  .refine((b) => Object.keys(b).length > 0, "Nothing to change.")
  .meta({ id: "SettingsPatch" });
export type SettingsPatch = z.infer<typeof settingsBody>;

export const payoutQuery = pageQuery.extend({
  status: z.enum(["requested", "approved", "rejected", "paid"]).optional(),
});
export const jobsQuery = pageQuery.extend({ status: z.enum(JOB_STATUSES).optional() });
export const transactionsQuery = pageQuery;

export const rejectBody = z
  .object({ note: z.string().trim().max(500).optional() })
  .meta({ id: "RejectPayoutInput" })
  .optional();
export const markPaidBody = z
  .object({
    reference: z
      .string("The transfer's reference is required.")
      .trim()
      .min(1, "The transfer's reference is required.")
      .max(100, "At most 100 characters.")
      .regex(/^\P{Cc}*$/u, "One line, no control characters."),
  })
  .meta({ id: "MarkPaidInput" });
/** Without an amount the whole payment is refunded; a top-up may be refunded in part. */
export const refundBody = z
  .object({ amountCents: z.number().int().min(1).max(100_000_000).optional() })
  .meta({ id: "RefundInput" })
  .optional();

// What the admin routes answer (the OpenAPI contract; see src/http/openapi.ts).

export const adminSettingsSchema = z
  .strictObject({
    name: z.string(),
    platformFeePercent: z.number().meta({ description: "The site's cut of every sale (two decimals)." }),
    payoutMinimumCents: z.number().int(),
    watermark: z.boolean().meta({ description: "Draw the site and creator on new image uploads." }),
    requireCreatorVerification: z.boolean().meta({
      description: "Creators need an approved identity verification (KYC) to sell, go live or get paid.",
    }),
    custodianOfRecords: z.string().meta({ description: "The 2257 custodian-of-records statement (public)." }),
    recordsRetentionDays: z
      .number()
      .int()
      .meta({ description: "Days KYC and 2257 records are kept after their account is closed." }),
    dmcaStrikeLimit: z.number().int().meta({ description: "DMCA strikes that suspend a repeat infringer." }),
    dmcaRestoreWaitDays: z
      .number()
      .int()
      .meta({ description: "Days after a counter-notice before removed content may be restored." }),
    referralSharePercent: z.number().meta({
      description: "A referrer's share of the platform fee on a referred creator's sales (percent).",
    }),
  })
  .meta({ id: "AdminSettings" });

export const jobSchema = z
  .strictObject({
    id: idField,
    name: z.string().meta({ description: "The handler, e.g. `media.process`." }),
    payload: z.unknown(),
    status: z.enum(JOB_STATUSES).meta({ id: "JobStatus" }),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    runAt: epochMs,
    lockedUntil: epochMs.nullable(),
    lastError: z.string().nullable(),
    progress: z.number().int().meta({ description: "0–100." }),
    result: z.unknown(),
    createdAt: epochMs,
    updatedAt: epochMs,
  })
  .meta({ id: "Job" });
export const jobPageSchema = pageOf(jobSchema, "JobPage");

const count = z.number().int();

export const statusSchema = z
  .strictObject({
    ok: z.boolean().meta({ description: "What /readyz answers: every check passed." }),
    checks: z.record(z.string(), z.string()).meta({ description: "Each /readyz check: `ok` or `error: …`." }),
    version: z.string(),
    node: z.string(),
    uptimeSeconds: count,
    database: z.strictObject({
      engine: z.enum(["sqlite", "postgres"]),
      version: z.string(),
      sizeBytes: count.nullable(),
    }),
    disk: z
      .strictObject({ path: z.string(), freeBytes: count, totalBytes: count })
      .nullable()
      .meta({ description: "The file system of the data dir." }),
    jobs: z.strictObject({ queued: count, running: count, done: count, failed: count }),
    workers: z.strictObject({ size: count, busy: count, queued: count }),
    ffmpeg: z.strictObject({
      found: z.boolean(),
      path: z.string().nullable(),
      version: z.string().nullable(),
      source: z.string().nullable(),
    }),
    live: z.strictObject({
      streamsNow: count,
      ingest: z.strictObject({ enabled: z.boolean(), ingest: z.boolean(), rtmpPort: count.nullable() }),
    }),
    websockets: z.strictObject({
      connections: count.meta({ description: "Open /ws sockets on this node." }),
    }),
    mailOutbox: z.strictObject({
      pending: count.meta({ description: "Mails and pushes still to go out." }),
      failed: count.meta({ description: "Given up after every attempt." }),
    }),
    lastBackup: z
      .strictObject({ at: epochMs, ageSeconds: count, name: z.string() })
      .nullable()
      .meta({ description: "The newest archive in the backups directory; null: never backed up." }),
  })
  .meta({ id: "SystemStatus" });

// People (admin/people/routes.ts).

export const USER_STATUSES = ["active", "suspended", "banned", "deleted"] as const;

export const adminUsersQuery = pageQuery.extend({
  query: z
    .string()
    .trim()
    .max(100)
    .optional()
    .meta({ description: "Part of a username, display name or e-mail." }),
  role: z.enum(["fan", "creator", "admin"]).optional(),
  status: z.enum(USER_STATUSES).optional(),
});

const reason = z.string("Say why.").trim().min(1, "Say why.").max(500, "At most 500 characters.");
export const banBody = z.object({ reason }).meta({ id: "BanInput" });
export const suspendBody = z
  .object({
    until: z.number().int().positive().meta({ description: "When it ends (ms since epoch)." }),
    reason,
  })
  .meta({ id: "SuspendInput" });
export const roleBody = z.object({ role: z.enum(["fan", "creator", "admin"]) }).meta({ id: "RoleInput" });

export const adminUserSchema = z
  .strictObject({
    id: idField,
    username: z.string(),
    displayName: z.string(),
    email: z.string(),
    role: z.enum(["fan", "creator", "admin"]),
    status: z
      .enum(USER_STATUSES)
      .meta({ id: "UserStatus", description: "A suspension that ran out is `active`." }),
    statusReason: z.string().nullable(),
    suspendedUntil: epochMs.nullable(),
    emailVerified: z.boolean(),
    isCreator: z.boolean(),
    verified: z.boolean(),
    avatarUrl: z.string().nullable(),
    createdAt: epochMs,
  })
  .meta({ id: "AdminUser" });
export const adminUserPageSchema = pageOf(adminUserSchema, "AdminUserPage");
export const adminUserDetailSchema = adminUserSchema
  .extend({
    posts: count,
    subscribers: count.meta({ description: "Fans with access now." }),
    earnings: z.array(z.strictObject({ currency: z.string(), pendingCents: count, availableCents: count })),
    openReports: count.meta({ description: "Open reports about things this person made." }),
  })
  .meta({ id: "AdminUserDetail" });
