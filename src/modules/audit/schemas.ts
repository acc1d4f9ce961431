import { z } from "zod";
import { pageOf, pageQuery } from "../../lib/cursor.ts";
import { epochMs, idField } from "../../lib/fields.ts";

export const auditQuery = pageQuery.extend({
  actor: z
    .string()
    .trim()
    .max(40)
    .optional()
    .meta({ description: "A username: only this person's actions." }),
  action: z.string().trim().max(60).optional().meta({ description: "Only this action, e.g. `user.ban`." }),
  target: z
    .string()
    .regex(/^[a-z2-7]{26}$/, "Not a valid id.")
    .optional()
    .meta({ description: "Only actions on this id." }),
});

export const auditEntrySchema = z
  .strictObject({
    id: idField,
    seq: z.number().int().meta({ description: "The entry's place in the chain: 1, 2, 3…" }),
    at: epochMs,
    actor: z
      .strictObject({ id: idField, username: z.string().nullable() })
      .nullable()
      .meta({ description: "Null for the site itself (scheduler, CLI)." }),
    action: z.string(),
    target: z.strictObject({ type: z.string(), id: z.string() }).nullable(),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    hash: z.string().meta({ description: "SHA-256 over the entry and the hash before it." }),
  })
  .meta({ id: "AuditEntry" });

export const auditPageSchema = pageOf(auditEntrySchema, "AuditPage");
