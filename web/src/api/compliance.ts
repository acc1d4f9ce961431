// The compliance part of the API client: identity verification (KYC), releases and 2257 records, DMCA.
// Typed from the generated schema like the rest (client.ts `call`); forms with documents go as
// multipart/form-data through `sendForm`, with the server's errors as ApiError.
import { ApiError, call, isApiErrorBody, type Answer, type Body, type Operation } from "./client";
import type { DmcaStatus, KycStatus } from "./schema.gen";

const id = (v: string) => ({ id: v });

/** POSTs a form of text fields and files; answers the JSON body, or throws the server's ApiError. */
export async function sendForm<T>(
  path: string,
  fields: Record<string, string>,
  files: Record<string, File>,
): Promise<T> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [k, f] of Object.entries(files)) form.append(k, f, f.name);
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method: "POST",
      body: form,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
  } catch {
    throw new ApiError(
      0,
      "network_error",
      "The upload was interrupted. Check your connection and try again.",
    );
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    if (isApiErrorBody(data))
      throw new ApiError(res.status, data.error.code, data.error.message, data.error.details);
    throw new ApiError(
      res.status,
      "http_error",
      res.status === 413
        ? "A document is too large."
        : `The server answered ${res.status}. Please try again.`,
    );
  }
  return data as T;
}

type KycAnswer = Answer<Operation<"/api/v1/kyc", "post">>;
type ReleaseAnswer = Answer<Operation<"/api/v1/releases", "post">>;

export const compliance = {
  myKyc: () => call("get", "/api/v1/kyc"),
  submitKyc: (
    fields: { legalName: string; dateOfBirth: string; country: string },
    files: { idDocument: File; selfie: File },
  ) => sendForm<KycAnswer>("/kyc", fields, files),
  releases: (cursor?: string | null) => call("get", "/api/v1/releases", { query: { cursor, limit: 100 } }),
  addRelease: (
    fields: { legalName: string; dateOfBirth: string; otherNames: string },
    files: { idDocument: File; releaseDocument: File },
  ) => sendForm<ReleaseAnswer>("/releases", fields, files),
  heldPosts: () => call("get", "/api/v1/records/held"),
  postPerformers: (postId: string) => call("get", "/api/v1/records/posts/{id}", { params: id(postId) }),
  requests: (cursor?: string | null) => call("get", "/api/v1/records/requests", { query: { cursor } }),
  confirm: (requestId: string) =>
    call("post", "/api/v1/records/requests/{id}/confirm", { params: id(requestId) }),
  decline: (requestId: string) =>
    call("post", "/api/v1/records/requests/{id}/decline", { params: id(requestId) }),
  statement: () => call("get", "/api/v1/records/2257"),

  submitDmca: (input: Body<Operation<"/api/v1/dmca", "post">>) =>
    call("post", "/api/v1/dmca", { body: input }),
  myNotices: (cursor?: string | null) => call("get", "/api/v1/dmca", { query: { cursor } }),
  myNotice: (noticeId: string) => call("get", "/api/v1/dmca/{id}", { params: id(noticeId) }),
  counter: (noticeId: string, input: Body<Operation<"/api/v1/dmca/{id}/counter", "post">>) =>
    call("post", "/api/v1/dmca/{id}/counter", { params: id(noticeId), body: input }),

  admin: {
    kyc: (status?: KycStatus | null, cursor?: string | null) =>
      call("get", "/api/v1/admin/kyc", { query: { status, cursor } }),
    kycOne: (kycId: string) => call("get", "/api/v1/admin/kyc/{id}", { params: id(kycId) }),
    approve: (kycId: string) => call("post", "/api/v1/admin/kyc/{id}/approve", { params: id(kycId) }),
    reject: (kycId: string, reason: string) =>
      call("post", "/api/v1/admin/kyc/{id}/reject", { params: id(kycId), body: { reason } }),
    dmca: (status?: DmcaStatus | null, cursor?: string | null) =>
      call("get", "/api/v1/admin/dmca", { query: { status, cursor } }),
    dmcaOne: (noticeId: string) => call("get", "/api/v1/admin/dmca/{id}", { params: id(noticeId) }),
    takedown: (noticeId: string) =>
      call("post", "/api/v1/admin/dmca/{id}/takedown", { params: id(noticeId) }),
    rejectDmca: (noticeId: string, reason: string) =>
      call("post", "/api/v1/admin/dmca/{id}/reject", { params: id(noticeId), body: { reason } }),
    restore: (noticeId: string) => call("post", "/api/v1/admin/dmca/{id}/restore", { params: id(noticeId) }),
    /** Where the 2257 export downloads from (a plain link: the browser saves the zip). */
    exportUrl: "/api/v1/admin/records/2257",
  },
};
