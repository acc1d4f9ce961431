// What the notification routes accept and answer (the OpenAPI contract; see src/http/openapi.ts).
import { z } from "zod";
import { epochMs, idField, orNull } from "../../lib/fields.ts";
import { email } from "../users/schemas.ts";
import { CHANNELS, PREFERENCE_KIND_NAMES, PREFERENCE_KINDS } from "./kinds.ts";
import { SMTP_SECURITY } from "./mail.ts";

export const notificationSchema = z
  .strictObject({
    id: idField,
    kind: z.string().meta({
      description:
        "`message`, `new_subscriber`, `trial_started`, `subscription_renewed`, `tip`, `ppv_sale`, `like`, " +
        "`comment`, `payout_approved`, `payout_rejected`, `payout_paid`, `refund`, `chargeback`, " +
        "`renewal_failed`, `checkout_credited`.",
    }),
    text: z
      .string()
      .meta({ description: "Names the person and the amount, e.g. “Ana and 4 others liked your post.”" }),
    link: z
      .string()
      .nullable()
      .meta({ description: "The web page it is about (a path), e.g. `/posts/<id>`." }),
    data: z
      .record(z.string(), z.unknown())
      .meta({ description: "Ids (and amounts) the notification is about." }),
    actorIds: z.array(idField).meta({ description: "Who did it, latest first (the last few of a group)." }),
    count: z
      .number()
      .int()
      .meta({ description: "Events grouped into it (likes of one post, messages of one conversation)." }),
    read: z.boolean(),
    createdAt: epochMs.meta({
      description: "When it last changed: a grouped notification moves up with each event.",
    }),
  })
  .meta({ id: "Notification" });

export const notificationPageSchema = z
  .strictObject({
    items: z.array(notificationSchema),
    nextCursor: z.string().nullable(),
    unread: z.number().int().meta({ description: "Unread notifications in all." }),
  })
  .meta({ id: "NotificationPage" });

const channelChoice = z
  .strictObject({ inApp: z.boolean(), email: z.boolean(), push: z.boolean() })
  .meta({ id: "NotificationChannels" });

const kindDocs = PREFERENCE_KIND_NAMES.map((k) => {
  const d = PREFERENCE_KINDS[k].defaults;
  const on = CHANNELS.filter((c) => d[c]).join(", ");
  return `- \`${k}\`: ${PREFERENCE_KINDS[k].label} (default: ${on}).`;
}).join("\n");

export const notificationSettingsSchema = z
  .strictObject(
    Object.fromEntries(PREFERENCE_KIND_NAMES.map((k) => [k, channelChoice])) as Record<
      (typeof PREFERENCE_KIND_NAMES)[number],
      typeof channelChoice
    >,
  )
  .meta({ id: "NotificationSettings", description: `Channels per kind:\n${kindDocs}` });

export const notificationSettingsEnvelope = z.strictObject({ settings: notificationSettingsSchema });

export const notificationSettingsBody = z
  .strictObject({
    settings: z
      .strictObject(
        Object.fromEntries(
          PREFERENCE_KIND_NAMES.map((k) => [
            k,
            z
              .strictObject({ inApp: z.boolean(), email: z.boolean(), push: z.boolean() })
              .partial()
              .optional(),
          ]),
        ),
      )
      .meta({ description: "Only the kinds and channels to change." }),
  })
  .meta({ id: "NotificationSettingsPatch" });

const base64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+=*$/, "Must be base64url.");

export const pushSubscriptionBody = z
  .object({
    endpoint: z.url().max(2048),
    keys: z.object({ p256dh: base64url(200), auth: base64url(100) }),
  })
  .meta({ id: "PushSubscriptionInput", description: "As the browser's PushSubscription.toJSON() gives it." });
export const pushUnsubscribeBody = z
  .object({ endpoint: z.url().max(2048) })
  .meta({ id: "PushUnsubscribeInput" });
export const pushKeySchema = z
  .strictObject({
    publicKey: z.string().meta({ description: "The VAPID application server key (base64url)." }),
  })
  .meta({ id: "PushKey" });
export const pushSubscriptionEnvelope = z.strictObject({
  subscription: z.strictObject({ endpoint: z.string() }),
});

const smtpFields = {
  host: z.string().trim().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  security: z
    .enum(SMTP_SECURITY)
    .meta({ description: "`tls` from the start (465), `starttls` required (587), `none` (a local relay)." }),
  username: z.string().trim().max(255),
  from: z
    .union([z.literal(""), email])
    .meta({ description: "The sender address; empty: the config's `from`." }),
};

/** SMTP settings from the wizard or the admin console. */
export const smtpInput = z
  .object({
    ...smtpFields,
    password: z
      .string()
      .max(500)
      .optional()
      .meta({ description: "Left out: keep the saved password. Empty: no password." }),
  })
  .meta({ id: "SmtpInput" });

export const emailSettingsBody = z
  .object({ smtp: orNull(smtpInput).meta({ description: "null removes the saved SMTP settings." }) })
  .meta({ id: "EmailSettingsInput" });

export const emailViewSchema = z
  .strictObject({
    transport: z
      .enum(["file", "smtp"])
      .meta({ description: "`file`: .eml files under data_dir/mail, nothing is sent." }),
    source: z.enum(["config", "site", "default"]).meta({
      description:
        "`config`: the config file sets SMTP and wins over saved settings; `site`: the saved SMTP settings; `default`: files.",
    }),
    smtp: z
      .strictObject({
        host: z.string(),
        port: z.number().int(),
        security: z.enum(SMTP_SECURITY),
        username: z.string(),
        from: z.string(),
        passwordSet: z.boolean(),
      })
      .nullable(),
    from: z.string().meta({ description: "The address mails are sent from." }),
  })
  .meta({ id: "EmailSettings" });
export const emailEnvelope = z.strictObject({ email: emailViewSchema });

export const testMailBody = z.object({ to: email }).meta({ id: "TestMailInput" });
export const testMailResult = z.strictObject({ testMail: z.strictObject({ to: z.string() }) });
