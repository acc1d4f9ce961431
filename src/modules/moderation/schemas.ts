// What the report routes accept and answer.
import { z } from "zod";
import { pageOf, pageQuery } from "../../lib/cursor.ts";
import { epochMs, idField } from "../../lib/fields.ts";
import { publicUserSchema } from "../users/schemas.ts";
import { REPORT_ACTIONS, REPORT_REASONS, REPORT_TARGETS } from "./tables.ts";

export const reportBody = z
  .object({
    target: z.object({
      type: z.enum(REPORT_TARGETS).meta({ id: "ReportTargetType" }),
      id: z.string().regex(/^[a-z2-7]{26}$/, "Not a valid id."),
    }),
    reason: z.enum(REPORT_REASONS).meta({ id: "ReportReason" }),
    details: z.string().trim().max(2000, "At most 2,000 characters.").optional(),
  })
  .meta({ id: "ReportInput" });

export const reportsQuery = pageQuery.extend({ status: z.enum(["open", "resolved"]).default("open") });

export const resolveBody = z
  .object({
    action: z.enum(REPORT_ACTIONS).meta({ id: "ReportAction" }),
    note: z.string().trim().max(500, "At most 500 characters.").optional(),
  })
  .meta({ id: "ResolveReportInput" });

export const reportSchema = z
  .strictObject({
    id: idField,
    target: z.strictObject({ type: z.enum(REPORT_TARGETS), id: z.string() }),
    reason: z.enum(REPORT_REASONS),
    details: z.string(),
    status: z.enum(["open", "resolved"]),
    createdAt: epochMs,
    reporter: publicUserSchema.nullable(),
    preview: z
      .strictObject({
        text: z
          .string()
          .meta({ description: "What it said (or its title, or the person's name) when reported." }),
        author: publicUserSchema.nullable(),
        link: z
          .string()
          .nullable()
          .meta({ description: "A web path to open it; null for a private message." }),
      })
      .meta({ id: "ReportPreview" }),
    resolution: z
      .strictObject({
        action: z.enum(REPORT_ACTIONS),
        note: z.string().nullable(),
        by: publicUserSchema.nullable(),
        at: epochMs,
      })
      .nullable(),
  })
  .meta({ id: "Report" });
export const reportPageSchema = pageOf(reportSchema, "ReportPage");
