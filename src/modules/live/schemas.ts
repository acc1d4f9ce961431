// What the live routes accept and answer (the OpenAPI contract; see src/http/openapi.ts).
import { z } from "zod";
import { pageOf } from "../../lib/cursor.ts";
import { cents, currencyCode, epochMs, idField, orNull } from "../../lib/fields.ts";
import { visibleText } from "../../lib/text.ts";
import { LIVE_ACCESS, LIVE_STATUS } from "./tables.ts";

export const streamKeySchema = z
  .strictObject({
    rtmpUrl: z.string().meta({ description: "The server to enter in OBS (Service: Custom)." }),
    streamKey: z
      .string()
      .meta({ description: "Secret: whoever has it can stream as you. Rotate it if it leaks." }),
  })
  .meta({ id: "StreamKey" });

const person = z.strictObject({
  username: z.string(),
  displayName: z.string(),
  avatarUrl: orNull(z.string()),
});

export const liveStreamSchema = z
  .strictObject({
    id: idField,
    creator: person,
    status: z.enum(LIVE_STATUS),
    title: z.string(),
    access: z.enum(LIVE_ACCESS),
    priceCents: cents.meta({ description: "The ticket's price (access `ticket`); 0 otherwise." }),
    currency: currencyCode,
    record: z.boolean(),
    scheduledAt: orNull(epochMs),
    startedAt: orNull(epochMs),
    endedAt: orNull(epochMs),
    locked: z.boolean().meta({ description: "The viewer may not watch (subscribe, or buy a ticket)." }),
    hasTicket: z.boolean(),
    viewers: z.number().int(),
    playlistUrl: orNull(z.string()).meta({
      description: "The HLS master playlist, for viewers who may watch, while the stream is live.",
    }),
    posterUrl: orNull(z.string()).meta({
      description: "A still of the stream (blurred for locked viewers).",
    }),
    recordingPostId: orNull(idField).meta({
      description: "The owner's draft post made from the recording (once the stream ended and was recorded).",
    }),
    createdAt: epochMs,
  })
  .meta({ id: "LiveStream" });

export const liveStreamEnvelope = z
  .strictObject({ stream: liveStreamSchema })
  .meta({ id: "LiveStreamEnvelope" });
export const liveStreamPageSchema = pageOf(liveStreamSchema, "LiveStreamPage");
export const creatorLiveSchema = z
  .strictObject({ stream: orNull(liveStreamSchema), upcoming: z.array(liveStreamSchema) })
  .meta({ id: "CreatorLive" });
export const liveNowSchema = z.strictObject({ items: z.array(liveStreamSchema) }).meta({ id: "LiveNow" });
export const liveNowQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) });

const title = visibleText({ max: 120 });
const scheduledAt = orNull(epochMs).optional().meta({ description: "When it is planned (shown to fans)." });
export const newStreamBody = z
  .object({
    title,
    access: z.enum(LIVE_ACCESS).default("subscribers"),
    priceCents: z.number().int().min(0).max(100_000).optional().meta({
      description: "The ticket's price; required for access `ticket` (1.00 to 1,000.00).",
    }),
    record: z.boolean().optional().meta({ description: "Keep the recording as a draft post when it ends." }),
    scheduledAt,
  })
  .meta({ id: "NewLiveStreamInput" });
export const streamPatchBody = z
  .object({
    title: title.optional(),
    access: z.enum(LIVE_ACCESS).optional(),
    priceCents: z.number().int().min(0).max(100_000).optional(),
    record: z.boolean().optional(),
    scheduledAt,
  })
  .meta({ id: "LiveStreamPatch" });

export const chatItemSchema = z
  .strictObject({
    id: idField,
    streamId: idField,
    kind: z.enum(["chat", "tip"]),
    text: z.string(),
    amountCents: orNull(cents),
    currency: orNull(currencyCode),
    user: person,
    createdAt: epochMs,
  })
  .meta({ id: "LiveChatItem" });
export const chatPageSchema = pageOf(chatItemSchema, "LiveChatPage");

export const moderationBody = z
  .object({
    username: z.string().trim().min(1).max(30),
    action: z.enum(["mute", "unmute", "remove"]),
  })
  .meta({ id: "LiveModerationInput" });

export const chatLineParams = z.object({
  id: z.string().regex(/^[a-z2-7]{26}$/, "Not a valid id."),
  messageId: z.string().regex(/^[a-z2-7]{26}$/, "Not a valid id."),
});
