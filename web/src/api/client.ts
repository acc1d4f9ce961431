// The one API client of the web UI: every request to the server goes through `request`.
import type {
  AdminPayout,
  AdminSettings,
  AdminTxn,
  ApiErrorBody,
  CheckoutStart,
  Comment,
  Creator,
  CreatorProfileInput,
  CreatorViewer,
  Earnings,
  LoginInput,
  Media,
  NewPostInput,
  NotificationsPage,
  Page,
  PayWith,
  Payout,
  PayoutMethod,
  PayoutMethodInput,
  PayoutStatus,
  Post,
  PostPatch,
  SandboxCheckout,
  SetupInput,
  SignupInput,
  Site,
  Subscription,
  SubscriptionMonths,
  TipInput,
  User,
  WalletPage,
  WalletTxn,
} from "./types";

const BASE = "/api/v1";

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: ApiErrorBody["error"]["details"];

  constructor(status: number, code: string, message: string, details?: ApiErrorBody["error"]["details"]) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Per-field messages from a validation error, if the server sent any. */
  get fields(): Record<string, string> {
    return this.details?.fields ?? {};
  }
}

/** The message to show a person for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && err.message) return err.message;
  return "Something went wrong. Please try again.";
}

/**
 * The message to show above a form: the server's message, unless every field it names is already
 * shown next to its input (then the same words would appear twice).
 */
export function formMessage(err: unknown, shownFields: readonly string[]): string | null {
  if (err instanceof ApiError) {
    const keys = Object.keys(err.fields);
    if (keys.length > 0 && keys.every((k) => shownFields.includes(k))) return null;
  }
  return errorMessage(err);
}

type ErrorListener = (err: ApiError) => void;
const errorListeners = new Set<ErrorListener>();

/** Called for every ApiError (used by the site store to notice `setup_required`). */
export function onApiError(fn: ErrorListener): () => void {
  errorListeners.add(fn);
  return () => errorListeners.delete(fn);
}

function isErrorBody(v: unknown): v is ApiErrorBody {
  if (typeof v !== "object" || v === null || !("error" in v)) return false;
  const e = (v as { error: unknown }).error;
  return typeof e === "object" && e !== null && typeof (e as { message?: unknown }).message === "string";
}

type Query = Record<string, string | number | null | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== "") qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

export async function request<T>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  opts: { body?: unknown; query?: Query; signal?: AbortSignal; base?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const init: RequestInit = { method, headers, credentials: "same-origin", signal: opts.signal };
  if (opts.body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch((opts.base ?? BASE) + withQuery(path, opts.query), init);
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, "network_error", "Can't reach the server. Check your connection and try again.");
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const err = isErrorBody(data)
      ? new ApiError(res.status, data.error.code, data.error.message, data.error.details)
      : new ApiError(
          res.status,
          "http_error",
          `The server answered ${res.status} ${res.statusText || ""}`.trim() + ". Please try again.",
        );
    for (const fn of errorListeners) fn(err);
    throw err;
  }
  return data as T;
}

const enc = encodeURIComponent;

/** An upload in flight: its result, and a way to stop it. */
export interface Upload<T = Media> {
  promise: Promise<T>;
  abort: () => void;
}

/**
 * Sends one file as multipart/form-data (field `file`). XMLHttpRequest rather than fetch, because only
 * it reports upload progress; `onProgress` gets a fraction from 0 to 1. `accept` picks the answer out.
 */
function uploadFile<T>(
  path: string,
  file: File,
  accept: (data: object) => T | undefined,
  onProgress: (fraction: number) => void,
): Upload<T> {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open("POST", `${BASE}${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader("Accept", "application/json");
    xhr.responseType = "text";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let data: unknown = undefined;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      const result =
        xhr.status >= 200 && xhr.status < 300 && data && typeof data === "object" ? accept(data) : undefined;
      if (result !== undefined) {
        onProgress(1);
        resolve(result);
        return;
      }
      const err = isErrorBody(data)
        ? new ApiError(xhr.status, data.error.code, data.error.message, data.error.details)
        : new ApiError(
            xhr.status,
            "http_error",
            xhr.status === 413
              ? "This file is too large to upload."
              : `The server answered ${xhr.status} ${xhr.statusText || ""}`.trim() + ". Please try again.",
          );
      for (const fn of errorListeners) fn(err);
      reject(err);
    };
    xhr.onerror = () =>
      reject(
        new ApiError(0, "network_error", "The upload was interrupted. Check your connection and try again."),
      );
    xhr.onabort = () => reject(new DOMException("Upload canceled", "AbortError"));
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

/** Uploads one file to the creator's vault. */
export const uploadMedia = (file: File, onProgress: (fraction: number) => void): Upload =>
  uploadFile("/media", file, (d) => ("media" in d ? (d as { media: Media }).media : undefined), onProgress);

export type ProfileImageKind = "avatar" | "banner";

/**
 * Uploads the creator's avatar or banner, cut to `crop` (fractions of the upright image; null: the
 * centre). The answer carries the processing medium; the profile shows the image once it is ready.
 */
export function uploadProfileImage(
  kind: ProfileImageKind,
  file: File,
  crop: { x: number; y: number; w: number; h: number } | null,
  onProgress: (fraction: number) => void,
): Upload<{ creator: Creator; media: Media }> {
  const f = (n: number) => Math.min(1, Math.max(0, n)).toFixed(5);
  const query = crop ? `?crop=${[crop.x, crop.y, crop.w, crop.h].map(f).join(",")}` : "";
  return uploadFile(
    `/creators/me/${kind}${query}`,
    file,
    (d) => ("creator" in d && "media" in d ? (d as { creator: Creator; media: Media }) : undefined),
    onProgress,
  );
}

/** A purchase answered 202: the fan continues at the checkout. */
export function isCheckout(v: unknown): v is CheckoutStart {
  return typeof v === "object" && v !== null && "checkoutUrl" in v && "checkoutId" in v;
}

/** The creator's statement of every earning, reversal and payout, as a CSV download. */
export const STATEMENT_URL = `${BASE}/earnings/statement.csv`;

export const api = {
  site: () => request<{ site: Site }>("GET", "/site"),
  setup: (input: SetupInput) => request<{ user: User; site: Site }>("POST", "/setup", { body: input }),

  signup: (input: SignupInput) =>
    request<{ user: User; token: string }>("POST", "/auth/signup", { body: input }),
  login: (input: LoginInput) =>
    request<{ user: User; token: string }>("POST", "/auth/login", { body: input }),
  logout: () => request<void>("POST", "/auth/logout"),
  logoutAll: () => request<void>("POST", "/auth/logout-all"),
  me: () => request<{ user: User }>("GET", "/users/me"),

  updateMyCreator: (input: CreatorProfileInput) =>
    request<{ creator: Creator }>("PUT", "/creators/me", { body: input }),
  /** Back to the generated avatar or banner. */
  removeProfileImage: (kind: "avatar" | "banner") =>
    request<{ creator: Creator }>("DELETE", `/creators/me/${kind}`),
  creators: (q: { query?: string; cursor?: string | null; limit?: number } = {}) =>
    request<Page<Creator>>("GET", "/creators", { query: q }),
  creator: (username: string) =>
    request<{ creator: Creator; viewer: CreatorViewer }>("GET", `/creators/${enc(username)}`),
  /** A creator's posts; `only: "media"` keeps those with photos or videos (the Media tab). */
  creatorPosts: (username: string, cursor?: string | null, limit?: number, only?: "media") =>
    request<Page<Post>>("GET", `/creators/${enc(username)}/posts`, { query: { cursor, limit, only } }),

  feed: (cursor?: string | null, limit?: number) =>
    request<Page<Post>>("GET", "/feed", { query: { cursor, limit } }),

  createPost: (input: NewPostInput) => request<{ post: Post }>("POST", "/posts", { body: input }),
  myPosts: (status: "draft" | "scheduled", cursor?: string | null) =>
    request<Page<Post>>("GET", "/posts/mine", { query: { status, cursor } }),
  post: (id: string) => request<{ post: Post }>("GET", `/posts/${enc(id)}`),
  updatePost: (id: string, patch: PostPatch) =>
    request<{ post: Post }>("PATCH", `/posts/${enc(id)}`, { body: patch }),
  deletePost: (id: string) => request<void>("DELETE", `/posts/${enc(id)}`),
  like: (id: string) => request<{ post: Post }>("POST", `/posts/${enc(id)}/likes`),
  unlike: (id: string) => request<{ post: Post }>("DELETE", `/posts/${enc(id)}/likes`),
  comments: (id: string, cursor?: string | null) =>
    request<Page<Comment>>("GET", `/posts/${enc(id)}/comments`, { query: { cursor } }),
  addComment: (id: string, text: string) =>
    request<{ comment: Comment }>("POST", `/posts/${enc(id)}/comments`, { body: { text } }),
  unlock: (id: string, payWith: PayWith) =>
    request<{ post: Post } | CheckoutStart>("POST", `/posts/${enc(id)}/unlock`, { body: { payWith } }),

  subscribe: (creator: string, months: SubscriptionMonths | undefined, payWith: PayWith) =>
    request<{ subscription: Subscription } | CheckoutStart>("POST", "/subscriptions", {
      body: { creator, months, payWith },
    }),
  subscriptions: (cursor?: string | null, limit?: number) =>
    request<Page<Subscription>>("GET", "/subscriptions", { query: { cursor, limit } }),
  cancelSubscription: (id: string) =>
    request<{ subscription: Subscription }>("DELETE", `/subscriptions/${enc(id)}`),

  wallet: (cursor?: string | null, limit?: number) =>
    request<WalletPage>("GET", "/wallet", { query: { cursor, limit } }),
  topup: (amountCents: number) => request<CheckoutStart>("POST", "/wallet/topups", { body: { amountCents } }),
  tip: (input: TipInput) => request<{ tip: WalletTxn } | CheckoutStart>("POST", "/tips", { body: input }),

  sandboxCheckout: (id: string) =>
    request<{ checkout: SandboxCheckout }>("GET", `/sandbox/checkouts/${enc(id)}`),
  /** The sandbox's hosted payment step lives outside /api/v1, as a provider's page would. */
  sandboxPay: (id: string, cardNumber: string) =>
    request<{ checkout: SandboxCheckout }>("POST", `/sandbox/checkout/${enc(id)}/pay`, {
      body: { cardNumber },
      base: "",
    }),

  earnings: () => request<Earnings>("GET", "/earnings"),
  payouts: (cursor?: string | null) => request<Page<Payout>>("GET", "/payouts", { query: { cursor } }),
  requestPayout: (amountCents: number) =>
    request<{ payout: Payout }>("POST", "/payouts", { body: { amountCents } }),
  payoutMethod: () => request<{ method: PayoutMethod | null }>("GET", "/payouts/method"),
  setPayoutMethod: (input: PayoutMethodInput) =>
    request<{ method: PayoutMethod }>("PUT", "/payouts/method", { body: input }),
  removePayoutMethod: () => request<void>("DELETE", "/payouts/method"),

  media: (id: string) => request<{ media: Media }>("GET", `/media/${enc(id)}`),
  vault: (cursor?: string | null, limit?: number) =>
    request<Page<Media>>("GET", "/media", { query: { cursor, limit } }),

  notifications: (cursor?: string | null, limit?: number) =>
    request<NotificationsPage>("GET", "/notifications", { query: { cursor, limit } }),
  markNotificationsRead: () => request<void>("POST", "/notifications/read"),

  adminSettings: () => request<{ settings: AdminSettings }>("GET", "/admin/settings"),
  updateAdminSettings: (patch: Partial<AdminSettings>) =>
    request<{ settings: AdminSettings }>("PUT", "/admin/settings", { body: patch }),
  adminPayouts: (status: PayoutStatus | null, cursor?: string | null) =>
    request<Page<AdminPayout>>("GET", "/admin/payouts", { query: { status, cursor } }),
  approvePayout: (id: string) =>
    request<{ payout: AdminPayout }>("POST", `/admin/payouts/${enc(id)}/approve`),
  rejectPayout: (id: string, note?: string) =>
    request<{ payout: AdminPayout }>("POST", `/admin/payouts/${enc(id)}/reject`, {
      body: note ? { note } : {},
    }),
  /** `reference` is the transfer's id at the bank or PayPal; the creator sees it. */
  markPayoutPaid: (id: string, reference: string) =>
    request<{ payout: AdminPayout }>("POST", `/admin/payouts/${enc(id)}/mark-paid`, { body: { reference } }),
  adminTransactions: (cursor?: string | null) =>
    request<Page<AdminTxn>>("GET", "/admin/transactions", { query: { cursor } }),
  /** Refunds a payment; `amountCents` refunds part of a top-up (at most what its wallet still holds). */
  refundTransaction: (id: string, amountCents?: number) =>
    request<{ transaction: WalletTxn }>("POST", `/admin/transactions/${enc(id)}/refund`, {
      body: amountCents === undefined ? undefined : { amountCents },
    }),
};
