import { z } from "zod";
import { visibleText } from "../../lib/text.ts";
import { VISIBILITIES } from "./tables.ts";
import { pageQuery } from "../../lib/cursor.ts";

/** Epoch milliseconds or an ISO 8601 date-time. */
const instant = z.union([
  z.number().int().min(0).max(8_640_000_000_000),
  z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
]);

const postFields = {
  text: visibleText({ max: 5000, min: 0, multiline: true }),
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

/** A post needs words or media (a photo set may go without a caption). */
const hasContent = (b: { text?: string | undefined; mediaIds?: string[] | undefined }) =>
  (b.text ?? "").length > 0 || (b.mediaIds?.length ?? 0) > 0;
const contentMessage = { message: "Write something or add media.", path: ["text"] };

export const createPostBody = z
  .object({ ...postFields, text: postFields.text.default("") })
  .refine(hasContent, contentMessage);
export const updatePostBody = z
  .object({ ...postFields, text: postFields.text.optional(), visibility: postFields.visibility.optional() })
  .refine((b) => Object.keys(b).length > 0, "Nothing to change.")
  .refine((b) => b.text !== "" || hasContent(b), contentMessage);

export const commentBody = z.object({ text: visibleText({ max: 2000, multiline: true }) });

export const mineQuery = pageQuery.extend({ status: z.enum(["draft", "scheduled"]).default("draft") });
