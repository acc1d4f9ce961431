// What the notification routes answer (the OpenAPI contract; see src/http/openapi.ts).
import { z } from "zod";
import { epochMs, idField } from "../../lib/fields.ts";

export const notificationSchema = z
  .strictObject({
    id: idField,
    kind: z.string().meta({ description: "e.g. `tip`, `new_subscriber`, `payout_paid`." }),
    text: z.string(),
    data: z.record(z.string(), z.unknown()).meta({ description: "Ids the notification is about." }),
    read: z.boolean(),
    createdAt: epochMs,
  })
  .meta({ id: "Notification" });

export const notificationPageSchema = z
  .strictObject({
    items: z.array(notificationSchema),
    nextCursor: z.string().nullable(),
    unread: z.number().int().meta({ description: "Unread notifications in all." }),
  })
  .meta({ id: "NotificationPage" });
