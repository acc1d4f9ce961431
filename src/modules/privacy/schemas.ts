import { z } from "zod";
import { epochMs, idField } from "../../lib/fields.ts";
import { EXPORT_STATUSES } from "./tables.ts";

export const exportSchema = z
  .strictObject({
    id: idField,
    status: z.enum(EXPORT_STATUSES).meta({ id: "DataExportStatus" }),
    downloadUrl: z
      .string()
      .nullable()
      .meta({ description: "Where to download the zip (owner only) while it is ready; null otherwise." }),
    sizeBytes: z.number().int().nullable(),
    error: z.string().nullable(),
    createdAt: epochMs,
    readyAt: epochMs.nullable(),
    expiresAt: epochMs.nullable().meta({ description: "When the download goes (the file is removed)." }),
  })
  .meta({ id: "DataExport" });

export const exportEnvelope = z.strictObject({ export: exportSchema });

export const eraseBody = z
  .object({
    password: z.string().min(1).max(1000),
    confirmForfeit: z.boolean().optional().meta({
      description: "Give up the wallet's balance (it goes to the site); required while it holds money.",
    }),
  })
  .meta({ id: "EraseAccountInput" });
