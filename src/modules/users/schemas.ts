import { z } from "zod";
import { epochMs, fileUrl, idField } from "../../lib/fields.ts";
import { visibleText } from "../../lib/text.ts";

export const email = z.string().trim().max(254).pipe(z.email("Enter a valid email address."));
export const username = z
  .string()
  .trim()
  .min(3, "At least 3 characters.")
  .max(30, "At most 30 characters.")
  .regex(/^[A-Za-z0-9_]+$/, "Letters, digits and _ only.")
  .transform((s) => s.toLowerCase());
export const password = z.string().min(8, "At least 8 characters.").max(256, "At most 256 characters.");
export const displayName = visibleText({ max: 60 });

// What the API answers (the OpenAPI contract; see src/http/openapi.ts).

export const roleSchema = z.enum(["fan", "creator", "admin"]).meta({ id: "Role" });

/** The signed-in person's own view of their account (SelfUser). */
export const userSchema = z
  .strictObject({
    id: idField,
    email: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    isCreator: z
      .boolean()
      .meta({ description: "Has a creator profile (admins keep their role when they become creators)." }),
    avatarUrl: fileUrl.meta({ description: "The uploaded avatar's largest variant; null: initials." }),
    avatarSrcset: z.string().nullable().meta({ description: "Every avatar variant, for `srcset`." }),
    emailVerifiedAt: epochMs
      .nullable()
      .meta({ description: "When the address was proved by a mailed link; null: not yet." }),
    twoFactorEnabled: z.boolean().meta({ description: "Log-in asks for a code from an authenticator app." }),
    createdAt: epochMs,
  })
  .meta({ id: "User" });

/** A person as others see them: the author card on posts, comments, subscriptions, payouts. */
export const publicUserSchema = z
  .strictObject({
    id: idField,
    username: z.string(),
    displayName: z.string(),
    avatarUrl: fileUrl,
    avatarSrcset: z.string().nullable(),
    verified: z.boolean().meta({ description: "A creator the site verified: show the badge." }),
  })
  .meta({ id: "PublicUser" });
