import { z } from "zod";
import { cents, currencyCode, epochMs, fileUrl, idField, intIn } from "../../lib/fields.ts";
import { CURRENCIES } from "../../lib/money.ts";
import { displayName } from "../users/schemas.ts";
import { visibleText } from "../../lib/text.ts";
import { pageQuery } from "../../lib/cursor.ts";
import { DM_POLICIES } from "./tables.ts";
import { COUNTRY_CODES, countryCode } from "../../lib/countries.ts";

/** An ISO 3166-1 alpha-2 code, any case in, upper case out. */
export const countryCodeField = z
  .string()
  .trim()
  .length(2, "Two letters (ISO 3166-1 alpha-2).")
  .refine((v) => countryCode(v) !== null, "Not an ISO 3166-1 alpha-2 country code.")
  .transform((v) => countryCode(v)!)
  .meta({ id: "CountryCode", description: "ISO 3166-1 alpha-2, e.g. `DE`." });

export const dmPolicySchema = z.enum(DM_POLICIES).meta({
  id: "DmPolicy",
  description: "Who may start writing to the creator: live subscribers, or everyone.",
});

export const welcomeMessageSchema = z
  .strictObject({ text: z.string(), mediaIds: z.array(idField), priceCents: cents })
  .meta({ id: "WelcomeMessage" });

export const creatorBody = z
  .object({
    displayName: displayName.optional(),
    bio: visibleText({ max: 1000, min: 0, multiline: true }).optional(),
    priceCents: z
      .number()
      .int()
      .min(0)
      .max(100_000)
      .optional()
      .meta({ description: "A month's price: required to become a creator, kept when left out later." }),
    currency: z.enum(CURRENCIES).optional(),
    bundles: z
      .array(
        z.object({
          months: z.union([z.literal(3), z.literal(6), z.literal(12)]).meta({ id: "BundleMonths" }),
          discountPercent: z.number().int().min(0).max(90),
        }),
      )
      .max(3)
      .refine((b) => new Set(b.map((x) => x.months)).size === b.length, "Each bundle length may appear once.")
      .optional(),
    trialDays: z.number().int().min(0).max(90).optional(),
    dmPolicy: dmPolicySchema.optional(),
    blockedCountries: z.array(countryCodeField).max(COUNTRY_CODES.length).optional().meta({
      description:
        "Countries where the creator's page, posts, media and streams are not shown (451 `geo_blocked`); replaces the list.",
    }),
    welcomeMessage: z
      .object({
        text: visibleText({ max: 5000, min: 0, multiline: true }),
        mediaIds: z
          .array(z.string().regex(/^[a-z2-7]{26}$/, "Not a valid media id."))
          .max(20)
          .optional(),
        priceCents: z.number().int().min(0).max(1_000_000).optional(),
      })
      .nullable()
      .optional()
      .meta({ description: "Sent to every new subscriber as a direct message; null removes it." }),
  })
  .meta({ id: "CreatorProfileInput" });

/** A creator's posts; `only=media` keeps those that carry photos or videos (the Media tab). */
export const creatorPostsQuery = pageQuery.extend({ only: z.enum(["media"]).optional() });

export const creatorListQuery = pageQuery.extend({
  query: z.string().trim().max(100).optional(),
  sort: z.enum(["new", "trending", "popular"]).default("new").meta({
    description:
      "new: newest creators; trending: new subscribers (5 points each), comments (2) and likes (1) over the last 7 days; popular: live subscribers. Ranked lists hold creators with a score only.",
  }),
});

const fraction = String.raw`(?:0|1|0?\.\d{1,6}|1\.0{1,6})`;

/**
 * `?crop=x,y,w,h`: the region of the upright image the creator chose, as fractions of its width and
 * height. Without it the centre is used.
 */
export const profileImageQuery = z.object({
  crop: z
    .string()
    .regex(new RegExp(`^${fraction}(?:,${fraction}){3}$`), "Four fractions: x,y,w,h.")
    .transform((v) => {
      const [x, y, w, h] = v.split(",").map(Number) as [number, number, number, number];
      return { x, y, w, h };
    })
    .refine(
      (c) => c.w > 0 && c.h > 0 && c.x + c.w <= 1.0001 && c.y + c.h <= 1.0001,
      "The region must lie inside the image.",
    )
    .optional(),
});

export const profileImageParam = z.object({ image: z.enum(["avatar", "banner"]) });

// What the creator routes answer (the OpenAPI contract; see src/http/openapi.ts).

export const bundleSchema = z
  .strictObject({
    months: intIn([3, 6, 12]),
    discountPercent: z.number().int(),
    priceCents: cents.meta({ description: "The bundle's total price after the discount." }),
  })
  .meta({ id: "Bundle" });

export const creatorSchema = z
  .strictObject({
    id: idField,
    username: z.string(),
    displayName: z.string(),
    bio: z.string(),
    avatarUrl: fileUrl.meta({ description: "The uploaded avatar's largest variant; null: initials." }),
    avatarSrcset: z.string().nullable(),
    bannerUrl: fileUrl.meta({ description: "The uploaded 3:1 banner; null: the generated gradient." }),
    bannerSrcset: z.string().nullable(),
    priceCents: cents.meta({ description: "A month's subscription; 0 is free." }),
    currency: currencyCode,
    bundles: z.array(bundleSchema),
    trialDays: z.number().int(),
    verified: z.boolean().meta({ description: "The site verified this creator: show the badge." }),
    dmPolicy: dmPolicySchema,
    welcomeMessage: welcomeMessageSchema
      .nullable()
      .optional()
      .meta({ description: "Only in the creator's own view (PUT and GET /creators/me)." }),
    blockedCountries: z
      .array(z.string())
      .optional()
      .meta({ description: "Only in the creator's own view: the countries blocked (ISO alpha-2, sorted)." }),
    postsCount: z.number().int(),
    mediaCount: z.number().int().meta({ description: "Photos and videos in the creator's live posts." }),
    likesCount: z.number().int().meta({ description: "Likes on the creator's live posts." }),
    createdAt: epochMs,
  })
  .meta({ id: "Creator" });

/** What the viewer is to this creator. */
export const creatorViewerSchema = z
  .strictObject({
    subscribed: z.boolean(),
    isOwner: z.boolean(),
    trialEligible: z
      .boolean()
      .meta({ description: "The creator offers a free trial and this viewer never subscribed before." }),
  })
  .meta({ id: "CreatorViewer" });

export const creatorEnvelope = z.strictObject({ creator: creatorSchema });
