// The admin console's people, reports, audit and status calls, and the report everyone can send (one
// typed client: `call` types each by its operation in the generated schema).
import { call } from "./client";
import type { ReportAction, ReportReason, ReportTargetType, Role, UserStatus } from "./schema.gen";

const id = (value: string) => ({ id: value });

export const adminApi = {
  users: (f: { query?: string; role?: Role | null; status?: UserStatus | null }, cursor?: string | null) =>
    call("get", "/api/v1/admin/users", { query: { query: f.query, role: f.role, status: f.status, cursor } }),
  user: (userId: string) => call("get", "/api/v1/admin/users/{id}", { params: id(userId) }),
  ban: (userId: string, reason: string) =>
    call("post", "/api/v1/admin/users/{id}/ban", { params: id(userId), body: { reason } }),
  suspend: (userId: string, until: number, reason: string) =>
    call("post", "/api/v1/admin/users/{id}/suspend", { params: id(userId), body: { until, reason } }),
  unban: (userId: string) => call("post", "/api/v1/admin/users/{id}/unban", { params: id(userId) }),
  setRole: (userId: string, role: Role) =>
    call("put", "/api/v1/admin/users/{id}/role", { params: id(userId), body: { role } }),
  verify: (userId: string) => call("post", "/api/v1/admin/creators/{id}/verify", { params: id(userId) }),
  unverify: (userId: string) => call("post", "/api/v1/admin/creators/{id}/unverify", { params: id(userId) }),

  reports: (status: "open" | "resolved", cursor?: string | null) =>
    call("get", "/api/v1/admin/reports", { query: { status, cursor } }),
  resolveReport: (reportId: string, action: ReportAction, note?: string) =>
    call("post", "/api/v1/admin/reports/{id}/resolve", {
      params: id(reportId),
      body: note ? { action, note } : { action },
    }),

  audit: (f: { actor?: string; action?: string }, cursor?: string | null) =>
    call("get", "/api/v1/admin/audit", { query: { actor: f.actor, action: f.action, cursor } }),
  status: () => call("get", "/api/v1/admin/status"),
};

/** POST /reports: anyone signed in tells the moderators about something. */
export const sendReport = (
  target: { type: ReportTargetType; id: string },
  reason: ReportReason,
  details?: string,
) => call("post", "/api/v1/reports", { body: details ? { target, reason, details } : { target, reason } });
