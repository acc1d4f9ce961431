import { z } from "zod";
import { VISIBILITIES } from "./tables.ts";
import { pageQuery } from "../../http/pagination.ts";

/** Epoch milliseconds or an ISO 8601 date-time. */
const instant = z.union([
  z.number().int().min(0).max(8_640_000_000_000),
  z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
]);

const postFields = {
  text: z.string().trim().min(1, "Write something.").max(5000),
  visibility: z.enum(VISIBILITIES),
  priceCents: z.number().int().min(1).max(1_000_000).nullable().optional(),
  publishAt: instant.nullable().optional(),
  draft: z.boolean().optional(),
  /** Ordered; the creator's own media (ready or still processing). */
  mediaIds: z
    .array(z.string().regex(/^[a-z2-7]{26}$/, "Not a valid media id."))
    .max(20)
    .optional(),
};

export const createPostBody = z.object(postFields);
export const updatePostBody = z
  .object({ ...postFields, text: postFields.text.optional(), visibility: postFields.visibility.optional() })
  .refine((b) => Object.keys(b).length > 0, "Nothing to change.");

export const commentBody = z.object({ text: z.string().trim().min(1, "Write a comment.").max(2000) });

export const mineQuery = pageQuery.extend({ status: z.enum(["draft", "scheduled"]).default("draft") });
