// What the media routes answer (the OpenAPI contract; see src/http/openapi.ts).
import { z } from "zod";
import { epochMs, fileUrl, idField } from "../../lib/fields.ts";
import { MEDIA_KINDS, MEDIA_STATUSES } from "./tables.ts";

export const mediaKindSchema = z.enum(MEDIA_KINDS).meta({ id: "MediaKind" });
export const mediaStatusSchema = z.enum(MEDIA_STATUSES).meta({ id: "MediaStatus" });

/** Paths of a medium's delivery files: null until it is ready, and all but `preview` when locked. */
export const mediaUrlsSchema = z
  .strictObject({
    thumb: fileUrl,
    feed: fileUrl,
    full: fileUrl,
    preview: fileUrl.meta({ description: "The small blurred image shown on locked posts." }),
    poster: fileUrl.optional().meta({ description: "Videos: a still frame (1280 px at most)." }),
    hls: fileUrl.optional().meta({ description: "Videos: the HLS master playlist." }),
    fallback: z
      .strictObject({ thumb: fileUrl, feed: fileUrl, full: fileUrl })
      .nullable()
      .meta({ description: "JPEG versions of thumb/feed/full for clients without WebP." }),
    srcset: z
      .string()
      .nullable()
      .meta({ description: "Images: thumb, feed and full with their widths in pixels, for `srcset`." }),
  })
  .meta({ id: "MediaUrls" });

/** A medium as a viewer sees it (full, or locked: the blurred preview only). */
export const mediaSchema = z
  .strictObject({
    id: idField,
    kind: mediaKindSchema,
    status: mediaStatusSchema,
    reason: z.string().nullable().meta({ description: "Why processing failed (owner only)." }),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    duration: z.number().nullable().meta({ description: "Seconds, videos only." }),
    locked: z.boolean().meta({ description: "True when the viewer gets the blurred preview only." }),
    urls: mediaUrlsSchema,
  })
  .meta({ id: "Media" });

/** The owner's view of their own medium adds what only they need. */
export const ownMediaSchema = mediaSchema
  .extend({
    progress: z
      .number()
      .int()
      .nullable()
      .meta({ description: "While processing: 0–100 as the processing job reports it." }),
    fileName: z.string(),
    sizeBytes: z.number().int(),
    mime: z.string(),
    createdAt: epochMs,
  })
  .meta({ id: "OwnMedia" });

/** The body of an upload: multipart/form-data with one file in the field `file` (streamed, not parsed here). */
export const uploadBody = {
  required: true,
  content: {
    "multipart/form-data": {
      schema: {
        type: "object" as const,
        properties: { file: { type: "string" as const, format: "binary" } },
        required: ["file"],
      },
    },
  },
};
