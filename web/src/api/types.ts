// Shapes of the Fanz HTTP API (/api/v1). Timestamps are epoch milliseconds; money is integer cents.

export type Role = "fan" | "creator" | "admin";

export interface User {
  id: string;
  email: string;
  username: string;
  displayName: string;
  role: Role;
  avatarUrl: string | null;
  createdAt: number;
}

export interface PublicUser {
  id: string;
  username: string;
  displayName: string;
  avatarUrl: string | null;
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
  priceCents: number;
  currency: string;
  bundles: Bundle[];
  trialDays: number;
  postsCount: number;
  createdAt: number;
}

export interface CreatorViewer {
  subscribed: boolean;
  isOwner: boolean;
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
  media: unknown[];
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
  priceCents: number;
  currency: string;
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
}

export interface PostPatch {
  text?: string;
  visibility?: Visibility;
  priceCents?: number | null;
  publishAt?: number | null;
  draft?: boolean;
}

export type SubscriptionMonths = 1 | 3 | 6 | 12;
export type PayWith = "wallet" | "card";
