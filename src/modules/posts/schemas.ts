import { z } from "zod";
import { visibleText } from "../../lib/text.ts";
import { VISIBILITIES } from "./tables.ts";
import { pageOf, pageQuery } from "../../lib/cursor.ts";
import { cents, currencyCode, epochMs, idField } from "../../lib/fields.ts";
import { mediaSchema } from "../media/schemas.ts";
import { publicUserSchema } from "../users/schemas.ts";

/** Epoch milliseconds or an ISO 8601 date-time. */
const instant = z.union([
  z.number().int().min(0).max(8_640_000_000_000),
  z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
]);

const postFields = {
  text: visibleText({ max: 5000, min: 0, multiline: true }),
  visibility: z.enum(VISIBILITIES).meta({ id: "Visibility" }),
  priceCents: z.number().int().min(1).max(1_000_000).nullable().optional(),
  publishAt: instant.nullable().optional(),
  draft: z.boolean().optional(),
  /** Ordered; the creator's own media (ready or still processing). */
  mediaIds: z
    .array(z.string().regex(/^[a-z2-7]{26}$/, "Not a valid media id."))
    .max(20)
    .optional(),
  /** 2257: verified creators of this site performing in the post; they confirm before it goes out. */
  coPerformers: z
    .array(z.object({ username: z.string().trim().min(1).max(40) }))
    .max(10)
    .optional()
    .meta({ description: "Verified creators performing in the post; it is held until each confirms." }),
  /** 2257: the creator's releases of the other performers. */
  releaseIds: z
    .array(z.string().regex(/^[a-z2-7]{26}$/, "Not a valid release id."))
    .max(20)
    .optional()
    .meta({ description: "The creator's releases (POST /releases) of the other performers." }),
};

/** A post needs words or media (a photo set may go without a caption). */
const hasContent = (b: { text?: string | undefined; mediaIds?: string[] | undefined }) =>
  (b.text ?? "").length > 0 || (b.mediaIds?.length ?? 0) > 0;
const contentMessage = { message: "Write something or add media.", path: ["text"] };

export const createPostBody = z
  .object({ ...postFields, text: postFields.text.default("") })
  .refine(hasContent, contentMessage)
  .meta({ id: "NewPostInput" });
export const updatePostBody = z
  .object({
    ...postFields,
    text: postFields.text.optional(),
    visibility: postFields.visibility.optional(),
    pinned: z
      .boolean()
      .optional()
      .meta({ description: "Pin to the top of the creator page (published posts, at most 3), or unpin." }),
  })
  .refine((b) => Object.keys(b).length > 0, "Nothing to change.")
  .refine((b) => b.text !== "" || hasContent(b), contentMessage)
  .meta({ id: "PostPatch" });

export const commentBody = z
  .object({ text: visibleText({ max: 2000, multiline: true }) })
  .meta({ id: "CommentInput" });

export const mineQuery = pageQuery.extend({ status: z.enum(["draft", "scheduled"]).default("draft") });

// What the post routes answer (the OpenAPI contract; see src/http/openapi.ts).

export const postStatusSchema = z.enum(["draft", "scheduled", "published"]).meta({ id: "PostStatus" });

export const postSchema = z
  .strictObject({
    id: idField,
    creator: publicUserSchema,
    text: z.string().nullable().meta({ description: "Null on a locked subscribers-only post." }),
    visibility: postFields.visibility,
    priceCents: cents.nullable().meta({ description: "The unlock price of a pay-per-view post." }),
    currency: currencyCode.meta({ description: "The creator's currency, for priceCents." }),
    status: postStatusSchema,
    publishAt: epochMs.nullable(),
    publishedAt: epochMs.nullable(),
    createdAt: epochMs,
    updatedAt: epochMs,
    locked: z.boolean(),
    likesCount: z.number().int(),
    commentsCount: z.number().int(),
    pinned: z.boolean().meta({ description: "Shown first on the creator page, newest pin first." }),
    viewer: z.strictObject({
      liked: z.boolean(),
      isOwner: z.boolean(),
      bookmarked: z.boolean().meta({ description: "In the viewer's bookmarks." }),
    }),
    media: z
      .array(mediaSchema)
      .meta({ description: "In order; a locked post's carry only the blurred preview, kind and size." }),
  })
  .meta({ id: "Post" });

export const postEnvelope = z.strictObject({ post: postSchema });
export const postPageSchema = pageOf(postSchema, "PostPage");

export const commentSchema = z
  .strictObject({
    id: idField,
    postId: idField,
    author: publicUserSchema,
    text: z.string(),
    createdAt: epochMs,
  })
  .meta({ id: "Comment" });
export const commentPageSchema = pageOf(commentSchema, "CommentPage");

export const tagParam = z.object({
  tag: z
    .string()
    .min(1)
    .max(64)
    .meta({ description: "A hashtag without the #, any case (tags are stored lowercased)." }),
});
export const bookmarkStateSchema = z.strictObject({ bookmarked: z.boolean() }).meta({ id: "BookmarkState" });
