// The notification kinds a person can choose channels for, with their defaults, and which in-app kinds
// each covers. The list is fixed (the API documents it); a kind without a stored choice uses its default.

export const CHANNELS = ["inApp", "email", "push"] as const;
export type Channel = (typeof CHANNELS)[number];
export type ChannelChoice = Record<Channel, boolean>;

const on = (inApp: boolean, email: boolean, push: boolean): ChannelChoice => ({ inApp, email, push });

/**
 * Preference kinds: key -> what it is (for the settings page), its default channels and the in-app
 * notification kinds it covers. Mail by default only for what a person would not want to miss while away:
 * a message, a new subscriber, a payout's progress, and money taken back or a subscription that ended.
 */
export const PREFERENCE_KINDS = {
  message: { label: "New messages", defaults: on(true, true, true), kinds: ["message"] },
  new_subscriber: {
    label: "New subscribers and free trials",
    defaults: on(true, true, true),
    kinds: ["new_subscriber", "trial_started"],
  },
  renewal: {
    label: "Subscription renewals",
    defaults: on(true, false, false),
    kinds: ["subscription_renewed"],
  },
  tip: { label: "Tips", defaults: on(true, false, true), kinds: ["tip"] },
  ppv_sale: { label: "Unlocked posts", defaults: on(true, false, true), kinds: ["ppv_sale"] },
  live: { label: "Creators going live", defaults: on(true, false, true), kinds: ["live_started"] },
  like: { label: "Likes", defaults: on(true, false, false), kinds: ["like"] },
  comment: { label: "Comments", defaults: on(true, false, true), kinds: ["comment"] },
  payout: {
    label: "Payouts",
    defaults: on(true, true, true),
    kinds: ["payout_approved", "payout_rejected", "payout_paid"],
  },
  billing: {
    label: "Refunds, chargebacks and failed renewals",
    defaults: on(true, true, false),
    kinds: ["refund", "chargeback", "renewal_failed", "checkout_credited"],
  },
  compliance: {
    label: "Identity verification, co-performer requests and copyright notices",
    defaults: on(true, true, true),
    kinds: [
      "kyc_approved",
      "kyc_rejected",
      "co_performer_request",
      "co_performer_declined",
      "post_released",
      "dmca_notice",
      "dmca_restored",
    ],
  },
  moderation: {
    label: "Reports you made, and content of yours that moderators removed",
    defaults: on(true, true, false),
    kinds: ["report_handled", "content_removed"],
  },
  integrations: {
    label: "Webhooks turned off after failing",
    defaults: on(true, true, false),
    kinds: ["webhook_disabled"],
  },
} as const satisfies Record<string, { label: string; defaults: ChannelChoice; kinds: readonly string[] }>;

export type PreferenceKind = keyof typeof PREFERENCE_KINDS;
export const PREFERENCE_KIND_NAMES = Object.keys(PREFERENCE_KINDS) as [PreferenceKind, ...PreferenceKind[]];

/** Every in-app kind a notification can have. */
export type NotificationKind = (typeof PREFERENCE_KINDS)[PreferenceKind]["kinds"][number];

const prefOf = new Map<string, PreferenceKind>(
  PREFERENCE_KIND_NAMES.flatMap((p) => PREFERENCE_KINDS[p].kinds.map((k) => [k, p] as const)),
);

/** The preference kind that decides the channels of an in-app kind. */
export function preferenceOf(kind: NotificationKind): PreferenceKind {
  return prefOf.get(kind)!;
}

export type Settings = Record<PreferenceKind, ChannelChoice>;

/** Every preference kind with its default channels. */
export function defaultSettings(): Settings {
  return Object.fromEntries(
    PREFERENCE_KIND_NAMES.map((p) => [p, { ...PREFERENCE_KINDS[p].defaults }]),
  ) as Settings;
}
