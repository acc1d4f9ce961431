// What the messaging routes accept and answer (the OpenAPI contract; see src/http/openapi.ts).
import { z } from "zod";
import { pageOf, pageQuery } from "../../lib/cursor.ts";
import { cents, currencyCode, epochMs, idField } from "../../lib/fields.ts";
import { visibleText } from "../../lib/text.ts";
import { mediaSchema } from "../media/schemas.ts";
import { publicUserSchema } from "../users/schemas.ts";
import { MASS_AUDIENCES, MASS_STATUSES, MASS_STORED_AUDIENCES } from "./tables.ts";

const mediaIds = z
  .array(z.string().regex(/^[a-z2-7]{26}$/, "Not a valid media id."))
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, "Each medium once.")
  .optional()
  .meta({ description: "In order; from the sender's vault (or a fresh upload). At most 20." });
const price = z.number().int().min(0).max(1_000_000).optional().meta({
  description: "Above 0: pay-per-view (creators only, media required); the recipient sees it locked.",
});
const text = visibleText({ max: 5000, min: 0, multiline: true }).optional();

export const startConversationBody = z
  .object({ username: z.string().trim().min(1).max(30) })
  .meta({ id: "StartConversationInput" });

export const sendMessageBody = z
  .object({
    text,
    mediaIds,
    priceCents: price,
    clientId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, "1–64 letters, digits, _ or -.")
      .optional()
      .meta({
        description: "The client's retry key: a retry with the same one returns the same message (200).",
      }),
  })
  .meta({ id: "NewMessageInput" });

export const readBody = z.object({ messageId: idField }).meta({ id: "ReadUpToInput" });

export const massMessageBody = z
  .object({
    text,
    mediaIds,
    priceCents: price,
    audience: z.union([
      z.enum(MASS_AUDIENCES).meta({
        id: "MassAudience",
        description:
          "`subscribers`: live subscribers; `expired`: fans whose subscription lapsed; `all`: both.",
      }),
      z
        .strictObject({ listId: z.string().regex(/^[a-z2-7]{26}$/, "Not a valid id.") })
        .meta({ id: "MassListAudience", description: "The members of one of the creator's fan lists." }),
    ]),
    sendAt: z
      .union([
        z.number().int().min(0).max(8_640_000_000_000),
        z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
      ])
      .optional()
      .meta({ description: "Schedule it (epoch ms or ISO 8601, within 90 days); now when left out." }),
  })
  .meta({ id: "MassMessageInput" });

export const messageListQuery = pageQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const messageSchema = z
  .strictObject({
    id: idField,
    conversationId: idField,
    senderId: idField,
    text: z.string().meta({ description: "Shown even while locked: the teaser of a pay-per-view message." }),
    priceCents: cents.meta({ description: "0 for a free message." }),
    currency: currencyCode,
    locked: z
      .boolean()
      .meta({ description: "Pay-per-view not bought by this viewer: media are blurred previews." }),
    purchased: z.boolean().meta({ description: "Pay-per-view bought by the recipient." }),
    media: z.array(mediaSchema),
    clientId: z
      .string()
      .nullable()
      .meta({ description: "The sender's retry key (only in the sender's view)." }),
    massMessageId: idField.nullable().meta({ description: "Set on a copy of a mass message." }),
    createdAt: epochMs,
  })
  .meta({ id: "Message" });
export const messageEnvelope = z.strictObject({ message: messageSchema });
export const messagePageSchema = pageOf(messageSchema, "MessagePage");

export const conversationSchema = z
  .strictObject({
    id: idField,
    with: publicUserSchema,
    // A union, not .nullable(): the document generator would make the Message component itself nullable.
    lastMessage: z.union([messageSchema, z.null()]),
    unreadCount: z.number().int(),
    readUpTo: z
      .strictObject({ messageId: idField, at: epochMs })
      .nullable()
      .meta({ description: "The other person's last-read message (read ticks)." }),
    updatedAt: epochMs.meta({ description: "The latest activity: the list is ordered by it." }),
    canWrite: z
      .strictObject({ ok: z.boolean(), code: z.string().nullable(), reason: z.string().nullable() })
      .optional()
      .meta({ description: "Single conversation only: whether the viewer may write now, and why not." }),
  })
  .meta({ id: "Conversation" });
export const conversationEnvelope = z.strictObject({ conversation: conversationSchema });
export const conversationPageSchema = pageOf(conversationSchema, "ConversationPage");
export const unreadSchema = z
  .strictObject({
    unread: z.number().int().meta({ description: "Unread messages in all." }),
    conversations: z.number().int().meta({ description: "Conversations with unread messages." }),
  })
  .meta({ id: "UnreadMessages" });

export const massMessageSchema = z
  .strictObject({
    id: idField,
    text: z.string(),
    mediaIds: z.array(idField),
    priceCents: cents,
    currency: currencyCode,
    audience: z.enum(MASS_STORED_AUDIENCES),
    listId: idField.nullable().meta({ description: "The fan list it goes to (audience `list`)." }),
    status: z.enum(MASS_STATUSES).meta({ id: "MassMessageStatus" }),
    total: z.number().int().meta({ description: "Fans it goes to (counted when sending starts)." }),
    sent: z.number().int(),
    sendAt: epochMs,
    createdAt: epochMs,
  })
  .meta({ id: "MassMessage" });
export const massMessageEnvelope = z.strictObject({ massMessage: massMessageSchema });
export const massMessagePageSchema = pageOf(massMessageSchema, "MassMessagePage");

export const massAudienceSchema = z
  .strictObject({
    subscribers: z.number().int().meta({ description: "Live subscribers." }),
    expired: z.number().int().meta({ description: "Fans whose subscription lapsed." }),
    all: z.number().int().meta({ description: "Both." }),
    list: z
      .number()
      .int()
      .optional()
      .meta({ description: "The `listId` list's members the creator may write to." }),
  })
  .meta({
    id: "MassAudienceSizes",
    description:
      "How many fans each audience holds now (people who blocked each other are left out when it is sent).",
  });

export const massAudienceQuery = z.object({
  listId: z
    .string()
    .regex(/^[a-z2-7]{26}$/, "Not a valid id.")
    .optional()
    .meta({ description: "Also count this fan list's members." }),
});
