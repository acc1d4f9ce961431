// Shapes of the Fanz HTTP API (/api/v1). Timestamps are epoch milliseconds; money is integer cents.

export type Role = "fan" | "creator" | "admin";

export interface User {
  id: string;
  email: string;
  username: string;
  displayName: string;
  role: Role;
  /** Has a creator profile (admins keep their role when they become creators). */
  isCreator?: boolean;
  /** A creator's uploaded avatar (largest variant) and all its sizes for `srcset`; null = initials. */
  avatarUrl: string | null;
  avatarSrcset?: string | null;
  createdAt: number;
}

export interface PublicUser {
  id: string;
  username: string;
  displayName: string;
  avatarUrl: string | null;
  avatarSrcset?: string | null;
}

export type BundleMonths = 3 | 6 | 12;

export interface Bundle {
  months: BundleMonths;
  discountPercent: number;
  /** Total price of the bundle after the discount. */
  priceCents: number;
}

export interface Creator {
  id: string;
  username: string;
  displayName: string;
  bio: string;
  avatarUrl: string | null;
  avatarSrcset: string | null;
  /** An uploaded 3:1 banner and its sizes; null = the generated gradient. */
  bannerUrl: string | null;
  bannerSrcset: string | null;
  priceCents: number;
  currency: string;
  bundles: Bundle[];
  trialDays: number;
  postsCount: number;
  /** Photos and videos in the creator's live posts. */
  mediaCount: number;
  /** Likes on the creator's live posts. */
  likesCount: number;
  createdAt: number;
}

export interface CreatorViewer {
  subscribed: boolean;
  isOwner: boolean;
  /** The creator offers a free trial and this viewer never subscribed to them before. */
  trialEligible: boolean;
}

export type Visibility = "public" | "subscribers" | "ppv";
export type PostStatus = "draft" | "scheduled" | "published";

export interface Post {
  id: string;
  creator: PublicUser;
  text: string | null;
  visibility: Visibility;
  priceCents: number | null;
  /** Present on PPV posts when the server sends it; falls back to the site currency. */
  currency?: string;
  status: PostStatus;
  publishAt: number | null;
  publishedAt: number | null;
  createdAt: number;
  updatedAt: number;
  locked: boolean;
  likesCount: number;
  commentsCount: number;
  viewer: { liked: boolean; isOwner: boolean };
  /** In order. On a locked post each item carries only `urls.preview` plus kind and size. */
  media: Media[];
}

export type MediaKind = "image" | "video";
export type MediaStatus = "processing" | "ready" | "failed";

/** Paths of a medium's delivery files (use as given; absent or null until ready, or when locked). */
export interface MediaUrls {
  thumb?: string | null;
  feed?: string | null;
  full?: string | null;
  /** The small blurred image shown on locked posts. */
  preview?: string | null;
  poster?: string | null;
  hls?: string | null;
}

export interface Media {
  id: string;
  kind: MediaKind;
  status: MediaStatus;
  /** Why processing failed (the server sends `reason`; `failureReason` in the first draft of the API). */
  reason?: string | null;
  failureReason?: string | null;
  width: number | null;
  height: number | null;
  /** Seconds, videos only. */
  duration: number | null;
  /** True when the viewer only gets the blurred preview. */
  locked?: boolean;
  /** The owner's view adds these. */
  /** While processing: 0–100 as the server's processing job reports it (videos move as they transcode). */
  progress?: number | null;
  fileName?: string;
  sizeBytes?: number;
  createdAt?: number;
  urls: MediaUrls;
}

export interface Comment {
  id: string;
  postId: string;
  author: PublicUser;
  text: string;
  createdAt: number;
}

export type SubscriptionStatus = "active" | "expired" | "canceled";

export interface Subscription {
  id: string;
  creator: PublicUser;
  status: SubscriptionStatus;
  currentPeriodEnd: number;
  autoRenew: boolean;
  months: SubscriptionMonths;
  priceCents: number;
  currency: string;
  createdAt: number;
}

export interface Site {
  name: string;
  setupRequired: boolean;
  currency: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    details?: { fields?: Record<string, string> } & Record<string, unknown>;
  };
}

// Request bodies

export interface SetupInput {
  token: string;
  siteName: string;
  admin: { email: string; username: string; password: string };
}

export interface SignupInput {
  email: string;
  username: string;
  password: string;
  displayName?: string;
  ageConfirmed: true;
}

export interface LoginInput {
  email: string;
  password: string;
}

export interface CreatorProfileInput {
  displayName?: string;
  bio?: string;
  priceCents: number;
  currency?: string;
  bundles?: { months: BundleMonths; discountPercent: number }[];
  trialDays?: number;
}

export interface NewPostInput {
  text: string;
  visibility: Visibility;
  priceCents?: number;
  publishAt?: number;
  draft?: boolean;
  /** The creator's own media, in order. */
  mediaIds?: string[];
}

export interface PostPatch {
  text?: string;
  visibility?: Visibility;
  priceCents?: number | null;
  publishAt?: number | null;
  draft?: boolean;
  /** Replaces the post's media, in this order. */
  mediaIds?: string[];
}

export type SubscriptionMonths = 1 | 3 | 6 | 12;
export type PayWith = "wallet" | "card";

// Money

/** A card payment continues on the provider's hosted checkout (the sandbox's is an app page). */
export interface CheckoutStart {
  checkoutId: string;
  checkoutUrl: string;
}

export type CheckoutPurpose = "topup" | "subscription" | "ppv" | "tip";
export type CheckoutStatus = "open" | "paid" | "failed" | "expired";

export interface SandboxCheckout {
  id: string;
  purpose: CheckoutPurpose;
  amountCents: number;
  currency: string;
  status: CheckoutStatus;
  failureReason: string | null;
  createdAt: number;
}

export type TxnKind =
  | "topup"
  | "subscription"
  | "renewal"
  | "ppv"
  | "tip"
  | "release"
  | "payout_request"
  | "payout_reject"
  | "payout_paid"
  | "refund"
  | "chargeback";

export interface WalletTxn {
  id: string;
  kind: TxnKind;
  label: string;
  /** Signed from the wallet's point of view: + money in, − money out. */
  amountCents: number;
  currency: string;
  source: PayWith | null;
  creatorId: string | null;
  /** The creator paid (subscriptions, unlocks, tips). */
  creator: PublicUser | null;
  postId: string | null;
  subscriptionId: string | null;
  memo: string | null;
  refunded: boolean;
  createdAt: number;
}

export interface WalletPage {
  balanceCents: number;
  currency: string;
  transactions: WalletTxn[];
  nextCursor: string | null;
}

export interface TipInput {
  creator: string;
  amountCents: number;
  postId?: string;
  message?: string;
  payWith: PayWith;
}

export interface Earnings {
  currency: string;
  /** Days a sale stays pending before it can be paid out. */
  holdDays: number;
  /** The smallest payout a creator may request. */
  payoutMinimumCents: number;
  pendingCents: number;
  availableCents: number;
  lifetimeCents: number;
  byType: { subscription: number; ppv: number; tip: number };
  byMonth: { month: string; cents: number }[];
  /** Money earned in another currency (before a currency change); never added to the figures above. */
  otherCurrencies: {
    currency: string;
    pendingCents: number;
    availableCents: number;
    lifetimeCents: number;
  }[];
}

export type PayoutStatus = "requested" | "approved" | "rejected" | "paid";

export interface Payout {
  id: string;
  creator: PublicUser;
  amountCents: number;
  currency: string;
  status: PayoutStatus;
  note: string | null;
  /** Where the payout goes: the creator's masked payout method when they requested it. */
  destination: string | null;
  /** The transfer's reference, recorded by the admin when marking the payout paid. */
  reference: string | null;
  createdAt: number;
  decidedAt: number | null;
  paidAt: number | null;
}

export type PayoutMethodKind = "paypal" | "bank";

/** A creator's payout method as they see it: masked. */
export interface PayoutMethod {
  kind: PayoutMethodKind;
  /** e.g. "PayPal j***@example.com" or "Bank •••• 5432 (N. Reyes)". */
  masked: string;
  updatedAt: number;
}

export interface PayoutMethodInput {
  kind: PayoutMethodKind;
  email?: string;
  accountHolder?: string;
  iban?: string;
  accountNumber?: string;
  routingNumber?: string;
}

/** The full details, shown to admins only so they can send the money. */
export type PayoutMethodDetails =
  | { kind: "paypal"; email: string }
  | { kind: "bank"; accountHolder: string; iban: string }
  | { kind: "bank"; accountHolder: string; accountNumber: string; routingNumber: string };

/** A payout in the admin's queue, with the creator's current payout method in full. */
export interface AdminPayout extends Payout {
  /** `details` is null when the site's key cannot decrypt them (restored without its key file). */
  method: (PayoutMethod & { details: PayoutMethodDetails | null }) | null;
}

export interface AdminSettings {
  name: string;
  platformFeePercent: number;
  payoutMinimumCents: number;
}

export interface AdminTxn extends Omit<WalletTxn, "amountCents"> {
  /** Unsigned: the amount of the payment. */
  amountCents: number;
  refundable: boolean;
  /** What a refund may take back now: a sale in full, a top-up only what its wallet still holds. */
  refundableCents: number;
  /** Top-ups: how much of it was refunded or charged back already (in parts). */
  refundedCents: number;
  user: PublicUser | null;
  creator: PublicUser | null;
}

export interface AppNotification {
  id: string;
  kind: string;
  text: string;
  data: Record<string, unknown>;
  read: boolean;
  createdAt: number;
}

export interface NotificationsPage extends Page<AppNotification> {
  unread: number;
}
