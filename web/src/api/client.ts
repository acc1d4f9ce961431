// The one API client of the web UI: every request to the server goes through `request`. Its types come
// from the API's OpenAPI document (schema.gen.ts, generated): `call` takes an operation's path and method
// and types its parameters, body and answer from them, so nothing here describes a shape by hand.
import type {
  CheckoutStart,
  ErrorBody,
  LiveModerationInput,
  LiveStreamPatch,
  NewLiveStreamInput,
  NotificationSettingsPatch,
  OwnMedia,
  paths,
  PayoutStatus,
  PayWith,
  PushSubscriptionInput,
  SmtpInput,
  SubscriptionMonths,
} from "./schema.gen";
import { hasMessage, locale, t } from "../i18n";
// area-imports: not errors. The error messages are looked up in other languages only (their catalogs
// hold every area); English shows the server's words, so its error area stays out of the first bundle.

const BASE = "/api/v1";

/** Whether a body is the API's error body (`{error: {code, message}}`). */
export function isApiErrorBody(v: unknown): v is ErrorBody {
  return isErrorBody(v);
}

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: ErrorBody["error"]["details"];

  constructor(status: number, code: string, message: string, details?: ErrorBody["error"]["details"]) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Per-field messages from a validation error, if the server sent any (common ones translated). */
  get fields(): Record<string, string> {
    const fields = this.details?.fields ?? {};
    return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, fieldMessage(v)]));
  }
}

/**
 * The message to show a person for any thrown value: a known error code in the reader's language.
 * In English the server's own words are kept (they name amounts, dates and fields the catalog's
 * general sentence cannot); an unknown code shows the server's message in any language.
 */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    const key = `errors.${err.code}`;
    if (locale() !== "en" && hasMessage(key)) return t(key);
    return err.message;
  }
  if (err instanceof Error && err.message) return err.message;
  return t("common.error");
}

/** A field's validation message from the server, in the reader's language where it is a common one. */
export function fieldMessage(message: string): string {
  if (locale() === "en") return message;
  const min = /^(?:String|Text) must contain at least (\d+) character/.exec(message);
  if (min) return t("errors.field_too_short", { count: Number(min[1]) });
  const max = /^(?:String|Text) must contain at most (\d+) character/.exec(message);
  if (max) return t("errors.field_too_long", { count: Number(max[1]) });
  if (/^Required$/i.test(message)) return t("errors.field_required");
  if (/^Invalid email/i.test(message)) return t("errors.field_email");
  if (/^Invalid url/i.test(message)) return t("errors.field_url");
  return message;
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

function isErrorBody(v: unknown): v is ErrorBody {
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
  opts: {
    body?: unknown;
    query?: Query;
    signal?: AbortSignal;
    base?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", ...opts.headers };
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

type Method = "get" | "post" | "put" | "patch" | "delete";
type Path = keyof paths;
/** The methods a path has. */
type MethodOf<P extends Path> = {
  [M in Method]: paths[P][M] extends { responses: unknown } ? M : never;
}[Method];
export type Operation<P extends Path, M extends MethodOf<P>> = paths[P][M];
type JsonOf<R> = R extends { content: { "application/json": infer B } } ? B : never;
/** What an operation answers when it succeeds: its 2xx JSON bodies (nothing for a 204). */
export type Answer<O> = O extends { responses: infer R }
  ? { [S in keyof R]: S extends 200 | 201 | 202 ? JsonOf<R[S]> : S extends 204 ? void : never }[keyof R]
  : never;
/** An operation's JSON request body. */
export type Body<O> = O extends { requestBody?: { content: { "application/json": infer B } } } ? B : never;
type Params<O> = O extends { parameters: { path: infer P } } ? P : never;
/** Query parameters; null and undefined values are left out of the URL. */
type QueryOf<O> = O extends { parameters: { query?: infer Q } }
  ? { [K in keyof NonNullable<Q>]?: NonNullable<Q>[K] | null }
  : never;

/** Calls one operation of the API by its path and method (as in the OpenAPI document). */
export function call<P extends Path, M extends MethodOf<P>>(
  method: M,
  path: P,
  opts: {
    params?: Params<Operation<P, M>>;
    query?: QueryOf<Operation<P, M>>;
    body?: Body<Operation<P, M>>;
    headers?: Record<string, string>;
  } = {},
): Promise<Answer<Operation<P, M>>> {
  const params = (opts.params ?? {}) as Record<string, string>;
  const url = String(path).replace(/\{(\w+)\}/g, (_, name: string) => enc(params[name] ?? ""));
  return request(method.toUpperCase() as Uppercase<Method>, url, {
    body: opts.body,
    query: opts.query as Query | undefined,
    base: "",
    headers: opts.headers,
  });
}

/** An upload in flight: its result, and a way to stop it. */
export interface Upload<T = OwnMedia> {
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
  uploadFile("/media", file, (d) => ("media" in d ? (d as UploadAnswer).media : undefined), onProgress);

type UploadAnswer = Answer<Operation<"/api/v1/media", "post">>;
type ProfileImageAnswer = Answer<Operation<"/api/v1/creators/me/{image}", "post">>;

export type ProfileImageKind = Params<Operation<"/api/v1/creators/me/{image}", "post">>["image"];

/**
 * Uploads the creator's avatar or banner, cut to `crop` (fractions of the upright image; null: the
 * centre). The answer carries the processing medium; the profile shows the image once it is ready.
 */
export function uploadProfileImage(
  kind: ProfileImageKind,
  file: File,
  crop: { x: number; y: number; w: number; h: number } | null,
  onProgress: (fraction: number) => void,
): Upload<ProfileImageAnswer> {
  const f = (n: number) => Math.min(1, Math.max(0, n)).toFixed(5);
  const query = crop ? `?crop=${[crop.x, crop.y, crop.w, crop.h].map(f).join(",")}` : "";
  return uploadFile(
    `/creators/me/${kind}${query}`,
    file,
    (d) => ("creator" in d && "media" in d ? (d as ProfileImageAnswer) : undefined),
    onProgress,
  );
}

/** A purchase answered 202: the fan continues at the checkout. */
export function isCheckout(v: unknown): v is CheckoutStart {
  return typeof v === "object" && v !== null && "checkoutUrl" in v && "checkoutId" in v;
}

/** The creator's statement of every earning, reversal and payout, as a CSV download. */
export const STATEMENT_URL = `${BASE}/earnings/statement.csv`;

const id = (value: string) => ({ id: value });

export const api = {
  site: () => call("get", "/api/v1/site"),
  setup: (input: Body<Operation<"/api/v1/setup", "post">>) => call("post", "/api/v1/setup", { body: input }),

  signup: (input: Body<Operation<"/api/v1/auth/signup", "post">>) =>
    call("post", "/api/v1/auth/signup", { body: input }),
  login: (input: Body<Operation<"/api/v1/auth/login", "post">>) =>
    call("post", "/api/v1/auth/login", { body: input }),
  logout: () => call("post", "/api/v1/auth/logout"),
  logoutAll: () => call("post", "/api/v1/auth/logout-all"),
  /** The signed-in account, or null for a visitor (200 either way: nothing in the console). */
  currentUser: () => call("get", "/api/v1/users/current"),

  // Account security: the second step of a log-in, passkeys, two-factor, sessions, mailed links.
  loginSecondFactor: (input: Body<Operation<"/api/v1/auth/login/2fa", "post">>) =>
    call("post", "/api/v1/auth/login/2fa", { body: input }),
  passkeyLoginOptions: () => call("post", "/api/v1/auth/passkeys/login/options"),
  passkeyLogin: (input: Body<Operation<"/api/v1/auth/passkeys/login", "post">>) =>
    call("post", "/api/v1/auth/passkeys/login", { body: input }),
  twoFactor: () => call("get", "/api/v1/auth/2fa"),
  setupTwoFactor: () => call("post", "/api/v1/auth/2fa/setup"),
  enableTwoFactor: (code: string) => call("post", "/api/v1/auth/2fa/enable", { body: { code } }),
  disableTwoFactor: (password: string, code: string) =>
    call("post", "/api/v1/auth/2fa/disable", { body: { password, code } }),
  renewRecoveryCodes: (code: string) => call("post", "/api/v1/auth/2fa/recovery-codes", { body: { code } }),
  passkeys: () => call("get", "/api/v1/auth/passkeys"),
  passkeyOptions: () => call("post", "/api/v1/auth/passkeys/options"),
  registerPasskey: (input: Body<Operation<"/api/v1/auth/passkeys", "post">>) =>
    call("post", "/api/v1/auth/passkeys", { body: input }),
  renamePasskey: (passkeyId: string, name: string) =>
    call("patch", "/api/v1/auth/passkeys/{id}", { params: id(passkeyId), body: { name } }),
  removePasskey: (passkeyId: string) =>
    call("delete", "/api/v1/auth/passkeys/{id}", { params: id(passkeyId) }),
  sessions: () => call("get", "/api/v1/auth/sessions"),
  removeSession: (sessionId: string) =>
    call("delete", "/api/v1/auth/sessions/{id}", { params: id(sessionId) }),
  removeOtherSessions: () => call("post", "/api/v1/auth/sessions/revoke-others"),
  changePassword: (currentPassword: string, newPassword: string) =>
    call("post", "/api/v1/auth/password", { body: { currentPassword, newPassword } }),
  requestPasswordReset: (email: string) => call("post", "/api/v1/auth/password-reset", { body: { email } }),
  confirmPasswordReset: (token: string, password: string) =>
    call("post", "/api/v1/auth/password-reset/confirm", { body: { token, password } }),
  requestEmailVerification: () => call("post", "/api/v1/auth/email/verify-request"),
  verifyEmail: (token: string) => call("post", "/api/v1/auth/email/verify", { body: { token } }),

  updateMyCreator: (input: Body<Operation<"/api/v1/creators/me", "put">>) =>
    call("put", "/api/v1/creators/me", { body: input }),
  /** Back to the generated avatar or banner. */
  removeProfileImage: (kind: ProfileImageKind) =>
    call("delete", "/api/v1/creators/me/{image}", { params: { image: kind } }),
  creators: (q: QueryOf<Operation<"/api/v1/creators", "get">> = {}) =>
    call("get", "/api/v1/creators", { query: q }),
  creator: (username: string) => call("get", "/api/v1/creators/{username}", { params: { username } }),
  /** A creator's posts; `only: "media"` keeps those with photos or videos (the Media tab). */
  creatorPosts: (username: string, cursor?: string | null, limit?: number, only?: "media") =>
    call("get", "/api/v1/creators/{username}/posts", {
      params: { username },
      query: { cursor, limit, only },
    }),

  feed: (cursor?: string | null, limit?: number) => call("get", "/api/v1/feed", { query: { cursor, limit } }),

  createPost: (input: Body<Operation<"/api/v1/posts", "post">>) =>
    call("post", "/api/v1/posts", { body: input }),
  myPosts: (status: "draft" | "scheduled", cursor?: string | null) =>
    call("get", "/api/v1/posts/mine", { query: { status, cursor } }),
  post: (postId: string) => call("get", "/api/v1/posts/{id}", { params: id(postId) }),
  updatePost: (postId: string, patch: Body<Operation<"/api/v1/posts/{id}", "patch">>) =>
    call("patch", "/api/v1/posts/{id}", { params: id(postId), body: patch }),
  deletePost: (postId: string) => call("delete", "/api/v1/posts/{id}", { params: id(postId) }),
  like: (postId: string) => call("post", "/api/v1/posts/{id}/likes", { params: id(postId) }),
  unlike: (postId: string) => call("delete", "/api/v1/posts/{id}/likes", { params: id(postId) }),
  bookmark: (postId: string) => call("post", "/api/v1/posts/{id}/bookmark", { params: id(postId) }),
  unbookmark: (postId: string) => call("delete", "/api/v1/posts/{id}/bookmark", { params: id(postId) }),
  bookmarks: (cursor?: string | null, limit?: number) =>
    call("get", "/api/v1/bookmarks", { query: { cursor, limit } }),
  setPinned: (postId: string, pinned: boolean) =>
    call("patch", "/api/v1/posts/{id}", { params: id(postId), body: { pinned } }),
  tagPosts: (tag: string, cursor?: string | null, limit?: number) =>
    call("get", "/api/v1/tags/{tag}/posts", { params: { tag }, query: { cursor, limit } }),
  search: (q: string) => call("get", "/api/v1/search", { query: { q } }),
  comments: (postId: string, cursor?: string | null) =>
    call("get", "/api/v1/posts/{id}/comments", { params: id(postId), query: { cursor } }),
  addComment: (postId: string, text: string) =>
    call("post", "/api/v1/posts/{id}/comments", { params: id(postId), body: { text } }),
  unlock: (postId: string, payWith: PayWith) =>
    call("post", "/api/v1/posts/{id}/unlock", { params: id(postId), body: { payWith } }),

  subscribe: (
    creator: string,
    months: SubscriptionMonths | undefined,
    payWith: PayWith,
    promotion?: string,
  ) => call("post", "/api/v1/subscriptions", { body: { creator, months, payWith, promotion } }),

  promotions: (cursor?: string | null) =>
    call("get", "/api/v1/promotions", { query: { cursor, limit: 100 } }),
  createPromotion: (body: Body<Operation<"/api/v1/promotions", "post">>) =>
    call("post", "/api/v1/promotions", { body }),
  deletePromotion: (promotionId: string) =>
    call("delete", "/api/v1/promotions/{id}", { params: id(promotionId) }),
  promotionOffer: (code: string) => call("get", "/api/v1/promotions/code/{code}", { params: { code } }),
  creatorOffer: (username: string) =>
    call("get", "/api/v1/promotions/creator/{username}", { params: { username } }),
  referrals: () => call("get", "/api/v1/referrals"),
  subscriptions: (cursor?: string | null, limit?: number) =>
    call("get", "/api/v1/subscriptions", { query: { cursor, limit } }),
  cancelSubscription: (subscriptionId: string) =>
    call("delete", "/api/v1/subscriptions/{id}", { params: id(subscriptionId) }),

  wallet: (cursor?: string | null, limit?: number) =>
    call("get", "/api/v1/wallet", { query: { cursor, limit } }),
  topup: (amountCents: number) => call("post", "/api/v1/wallet/topups", { body: { amountCents } }),
  /** With `liveStreamId`: a tip during a live stream, shown in its chat. */
  /** `idempotencyKey`: the same for every attempt at one tip, so a retry after a lost answer pays once. */
  tip: (input: Body<Operation<"/api/v1/tips", "post">>, idempotencyKey: string) =>
    call("post", "/api/v1/tips", { body: input, headers: { "Idempotency-Key": idempotencyKey } }),

  sandboxCheckout: (checkoutId: string) =>
    call("get", "/api/v1/sandbox/checkouts/{id}", { params: id(checkoutId) }),
  /**
   * The sandbox's hosted payment step lives outside /api/v1 (and outside the API's document), as a
   * provider's page would; it answers like the checkout above.
   */
  sandboxPay: (checkoutId: string, cardNumber: string) =>
    request<Answer<Operation<"/api/v1/sandbox/checkouts/{id}", "get">>>(
      "POST",
      `/sandbox/checkout/${enc(checkoutId)}/pay`,
      { body: { cardNumber }, base: "" },
    ),

  earnings: () => call("get", "/api/v1/earnings"),
  payouts: (cursor?: string | null) => call("get", "/api/v1/payouts", { query: { cursor } }),
  requestPayout: (amountCents: number) => call("post", "/api/v1/payouts", { body: { amountCents } }),
  payoutMethod: () => call("get", "/api/v1/payouts/method"),
  setPayoutMethod: (input: Body<Operation<"/api/v1/payouts/method", "put">>) =>
    call("put", "/api/v1/payouts/method", { body: input }),
  removePayoutMethod: () => call("delete", "/api/v1/payouts/method"),

  /** The caller's own creator profile, with its DM policy and welcome message. */
  myCreator: () => call("get", "/api/v1/creators/me"),

  conversations: (cursor?: string | null, limit?: number) =>
    call("get", "/api/v1/conversations", { query: { cursor, limit } }),
  /** The conversation with `username` (made if new); 403 `dm_not_allowed` when the viewer may not write. */
  startConversation: (username: string) => call("post", "/api/v1/conversations", { body: { username } }),
  unreadMessages: () => call("get", "/api/v1/conversations/unread"),
  conversation: (conversationId: string) =>
    call("get", "/api/v1/conversations/{id}", { params: id(conversationId) }),
  /** A conversation's history, newest first. */
  messages: (conversationId: string, cursor?: string | null, limit?: number) =>
    call("get", "/api/v1/conversations/{id}/messages", {
      params: id(conversationId),
      query: { cursor, limit },
    }),
  sendMessage: (
    conversationId: string,
    input: Body<Operation<"/api/v1/conversations/{id}/messages", "post">>,
  ) => call("post", "/api/v1/conversations/{id}/messages", { params: id(conversationId), body: input }),
  markRead: (conversationId: string, messageId: string) =>
    call("post", "/api/v1/conversations/{id}/read", { params: id(conversationId), body: { messageId } }),
  unsendMessage: (messageId: string) => call("delete", "/api/v1/messages/{id}", { params: id(messageId) }),
  unlockMessage: (messageId: string, payWith: PayWith) =>
    call("post", "/api/v1/messages/{id}/unlock", { params: id(messageId), body: { payWith } }),
  massMessages: (cursor?: string | null, limit?: number) =>
    call("get", "/api/v1/messages/mass", { query: { cursor, limit } }),
  massMessage: (massId: string) => call("get", "/api/v1/messages/mass/{id}", { params: id(massId) }),
  massAudience: () => call("get", "/api/v1/messages/mass/audience"),
  sendMassMessage: (input: Body<Operation<"/api/v1/messages/mass", "post">>) =>
    call("post", "/api/v1/messages/mass", { body: input }),
  cancelMassMessage: (massId: string) => call("delete", "/api/v1/messages/mass/{id}", { params: id(massId) }),

  // Live streaming (the creator's key and streams, watching, tickets, chat moderation).
  liveKey: () => call("get", "/api/v1/live/key"),
  /** A new key; the old one is refused at once. */
  rotateLiveKey: () => call("post", "/api/v1/live/key/rotate"),
  createLiveStream: (input: NewLiveStreamInput) => call("post", "/api/v1/live/streams", { body: input }),
  /** The creator's own streams, newest first. */
  myLiveStreams: (cursor?: string | null) => call("get", "/api/v1/live/streams", { query: { cursor } }),
  liveStream: (streamId: string) => call("get", "/api/v1/live/streams/{id}", { params: id(streamId) }),
  updateLiveStream: (streamId: string, patch: LiveStreamPatch) =>
    call("patch", "/api/v1/live/streams/{id}", { params: id(streamId), body: patch }),
  endLiveStream: (streamId: string) =>
    call("post", "/api/v1/live/streams/{id}/end", { params: id(streamId) }),
  /** Scheduled streams only. */
  deleteLiveStream: (streamId: string) =>
    call("delete", "/api/v1/live/streams/{id}", { params: id(streamId) }),
  creatorLive: (username: string) =>
    call("get", "/api/v1/creators/{username}/live", { params: { username } }),
  liveNow: (limit?: number) => call("get", "/api/v1/live/now", { query: { limit } }),
  buyLiveTicket: (streamId: string, payWith: PayWith) =>
    call("post", "/api/v1/live/streams/{id}/tickets", { params: id(streamId), body: { payWith } }),
  /** The chat's history, newest first. */
  liveChat: (streamId: string, cursor?: string | null) =>
    call("get", "/api/v1/live/streams/{id}/chat", { params: id(streamId), query: { cursor } }),
  moderateLive: (streamId: string, username: string, action: LiveModerationInput["action"]) =>
    call("post", "/api/v1/live/streams/{id}/moderation", {
      params: id(streamId),
      body: { username, action },
    }),
  hideLiveChat: (streamId: string, messageId: string) =>
    call("delete", "/api/v1/live/streams/{id}/chat/{messageId}", { params: { id: streamId, messageId } }),

  /** GDPR: ask for a copy of one's data, follow it, and erase the account. */
  requestExport: () => call("post", "/api/v1/users/me/export"),
  exports: () => call("get", "/api/v1/users/me/exports"),
  exportOf: (exportId: string) => call("get", "/api/v1/users/me/exports/{id}", { params: id(exportId) }),
  deleteAccount: (input: Body<Operation<"/api/v1/users/me", "delete">>) =>
    call("delete", "/api/v1/users/me", { body: input }),
  blocks: () => call("get", "/api/v1/users/me/blocks"),
  block: (username: string) => call("post", "/api/v1/users/{username}/block", { params: { username } }),
  unblock: (username: string) => call("delete", "/api/v1/users/{username}/block", { params: { username } }),

  media: (mediaId: string) => call("get", "/api/v1/media/{id}", { params: id(mediaId) }),
  vault: (cursor?: string | null, limit?: number) =>
    call("get", "/api/v1/media", { query: { cursor, limit } }),

  notifications: (cursor?: string | null, limit?: number) =>
    call("get", "/api/v1/notifications", { query: { cursor, limit } }),
  markNotificationsRead: () => call("post", "/api/v1/notifications/read"),
  notificationSettings: () => call("get", "/api/v1/users/me/notification-settings"),
  updateNotificationSettings: (settings: NotificationSettingsPatch["settings"]) =>
    call("put", "/api/v1/users/me/notification-settings", { body: { settings } }),
  pushKey: () => call("get", "/api/v1/push/key"),
  subscribePush: (sub: PushSubscriptionInput) => call("post", "/api/v1/push/subscriptions", { body: sub }),
  unsubscribePush: (endpoint: string) => call("delete", "/api/v1/push/subscriptions", { body: { endpoint } }),

  adminSettings: () => call("get", "/api/v1/admin/settings"),
  updateAdminSettings: (patch: Body<Operation<"/api/v1/admin/settings", "put">>) =>
    call("put", "/api/v1/admin/settings", { body: patch }),
  emailSettings: () => call("get", "/api/v1/admin/email"),
  /** null removes the saved SMTP settings; a password left out keeps the saved one. */
  updateEmailSettings: (smtp: SmtpInput | null) => call("put", "/api/v1/admin/email", { body: { smtp } }),
  sendTestMail: (to: string) => call("post", "/api/v1/admin/email/test", { body: { to } }),
  adminPayouts: (status: PayoutStatus | null, cursor?: string | null) =>
    call("get", "/api/v1/admin/payouts", { query: { status, cursor } }),
  approvePayout: (payoutId: string) =>
    call("post", "/api/v1/admin/payouts/{id}/approve", { params: id(payoutId) }),
  rejectPayout: (payoutId: string, note?: string) =>
    call("post", "/api/v1/admin/payouts/{id}/reject", { params: id(payoutId), body: note ? { note } : {} }),
  /** `reference` is the transfer's id at the bank or PayPal; the creator sees it. */
  markPayoutPaid: (payoutId: string, reference: string) =>
    call("post", "/api/v1/admin/payouts/{id}/mark-paid", { params: id(payoutId), body: { reference } }),
  adminTransactions: (cursor?: string | null) =>
    call("get", "/api/v1/admin/transactions", { query: { cursor } }),
  /** Refunds a payment; `amountCents` refunds part of a top-up (at most what its wallet still holds). */
  refundTransaction: (transactionId: string, amountCents?: number) =>
    call("post", "/api/v1/admin/transactions/{id}/refund", {
      params: id(transactionId),
      body: amountCents === undefined ? undefined : { amountCents },
    }),
};
