// Words the admin pages share: statuses, roles, report reasons and actions, and how an audit action reads.
import type { ReportAction, ReportReason, Role, UserStatus } from "../../api/schema.gen";

export const STATUS_LABEL: Record<UserStatus, { label: string; badge: string }> = {
  active: { label: "Active", badge: "badge-success" },
  suspended: { label: "Suspended", badge: "badge-warn" },
  banned: { label: "Banned", badge: "badge-danger" },
  deleted: { label: "Deleted", badge: "badge-muted" },
};

export const ROLE_LABEL: Record<Role, string> = { fan: "Fan", creator: "Creator", admin: "Admin" };

export const REASON_LABEL: Record<ReportReason, string> = {
  spam: "Spam or scam",
  harassment: "Harassment or hate",
  illegal: "Illegal content",
  underage: "Someone under 18",
  copyright: "Copyright",
  impersonation: "Impersonation",
  other: "Something else",
};

export const ACTION_LABEL: Record<ReportAction, string> = {
  dismiss: "Dismissed",
  remove_content: "Content removed",
  ban_user: "Author banned",
};

/** What an audit action means, in a few words (unknown actions show as they are). */
export const AUDIT_ACTIONS: Record<string, string> = {
  "setup.complete": "Finished the setup wizard",
  "settings.update": "Changed site settings",
  "email.save": "Saved the SMTP settings",
  "email.remove": "Removed the SMTP settings",
  "email.test": "Sent a test mail",
  "payout.approve": "Approved a payout",
  "payout.reject": "Rejected a payout",
  "payout.mark_paid": "Marked a payout paid",
  "payment.refund": "Refunded a payment",
  "user.ban": "Banned a person",
  "user.suspend": "Suspended a person",
  "user.unban": "Lifted a ban or suspension",
  "user.role": "Changed a role",
  "creator.verify": "Verified a creator",
  "creator.unverify": "Took a creator's badge back",
  "report.resolve": "Resolved a report",
};
