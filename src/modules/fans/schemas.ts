// The fans list and fan lists: what the routes accept and answer.
import { z } from "zod";
import { pageOf } from "../../lib/cursor.ts";
import { cents, currencyCode, epochMs, idField } from "../../lib/fields.ts";
import { visibleText } from "../../lib/text.ts";
import { publicUserSchema } from "../users/schemas.ts";

const anId = z.string().regex(/^[a-z2-7]{26}$/, "Not a valid id.");

export const fansQuery = z.object({
  status: z.enum(["active", "expired", "all"]).default("all"),
  query: z.string().max(100).optional().meta({ description: "Part of a username or display name." }),
  sort: z.enum(["spend", "recent"]).default("recent").meta({
    description: "`spend`: most lifetime spend first; `recent`: most recent first subscription first.",
  }),
  listId: anId.optional().meta({ description: "Only the fans on this list." }),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const fanSchema = z
  .strictObject({
    user: publicUserSchema,
    since: epochMs.meta({ description: "When they first subscribed." }),
    status: z.enum(["active", "expired"]),
    renewsAt: epochMs.nullable().meta({ description: "When it renews; null when it does not." }),
    endsAt: epochMs.nullable().meta({ description: "When access ends (not renewing) or ended (expired)." }),
    spendCents: cents.meta({ description: "What they paid this creator, less refunds and chargebacks." }),
    currency: currencyCode,
    listIds: z.array(idField).meta({ description: "The creator's lists this fan is on." }),
  })
  .meta({ id: "Fan" });
export const fanPageSchema = pageOf(fanSchema, "FanPage");

export const fanListSchema = z
  .strictObject({ id: idField, name: z.string(), memberCount: z.number().int(), createdAt: epochMs })
  .meta({ id: "FanList" });
export const fanListEnvelope = z.strictObject({ list: fanListSchema });
export const fanListsSchema = z.strictObject({ items: z.array(fanListSchema) }).meta({ id: "FanLists" });

export const fanListBody = z.object({ name: visibleText({ max: 60 }) }).meta({ id: "FanListInput" });
export const memberParams = z.object({ id: anId, userId: anId });
