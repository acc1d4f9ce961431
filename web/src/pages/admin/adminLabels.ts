// Words the admin pages share: statuses, roles, report reasons and actions, and how an audit action reads.
import type { ReportAction, ReportReason, Role, UserStatus } from "../../api/schema.gen";
import { t, type MessageKey } from "../../i18n";

/** Labels read in the reader's language each time they are used (getters over message keys). */
function labels<K extends string>(keys: Record<K, MessageKey>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of Object.keys(keys) as K[])
    Object.defineProperty(out, k, { get: () => t(keys[k]), enumerable: true });
  return out;
}

const STATUS_WORD = labels<UserStatus>({
  active: "admin.statusActive",
  suspended: "admin.statusSuspended",
  banned: "admin.statusBanned",
  deleted: "admin.statusDeleted",
});

export const STATUS_LABEL: Record<UserStatus, { label: string; badge: string }> = {
  active: {
    get label() {
      return STATUS_WORD.active;
    },
    badge: "badge-success",
  },
  suspended: {
    get label() {
      return STATUS_WORD.suspended;
    },
    badge: "badge-warn",
  },
  banned: {
    get label() {
      return STATUS_WORD.banned;
    },
    badge: "badge-danger",
  },
  deleted: {
    get label() {
      return STATUS_WORD.deleted;
    },
    badge: "badge-muted",
  },
};

export const ROLE_LABEL = labels<Role>({
  fan: "admin.roleFan",
  creator: "admin.roleCreator",
  admin: "admin.roleAdmin",
});

export const REASON_LABEL = labels<ReportReason>({
  spam: "admin.reasonSpam",
  harassment: "admin.reasonHarassment",
  illegal: "admin.reasonIllegal",
  underage: "admin.reasonUnderage",
  copyright: "admin.reasonCopyright",
  impersonation: "admin.reasonImpersonation",
  other: "admin.reasonOther",
});

export const ACTION_LABEL = labels<ReportAction>({
  dismiss: "admin.actionDismiss",
  remove_content: "admin.actionRemove",
  ban_user: "admin.actionBan",
});

/** What an audit action means, in a few words (unknown actions show as they are). */
export const AUDIT_ACTIONS: Record<string, string> = labels({
  "setup.complete": "admin.auditSetup",
  "settings.update": "admin.auditSettings",
  "email.save": "admin.auditEmailSave",
  "email.remove": "admin.auditEmailRemove",
  "email.test": "admin.auditEmailTest",
  "payout.approve": "admin.auditPayoutApprove",
  "payout.reject": "admin.auditPayoutReject",
  "payout.mark_paid": "admin.auditPayoutPaid",
  "payment.refund": "admin.auditRefund",
  "user.ban": "admin.auditBan",
  "user.suspend": "admin.auditSuspend",
  "user.unban": "admin.auditUnban",
  "user.role": "admin.auditRole",
  "creator.verify": "admin.auditVerify",
  "creator.unverify": "admin.auditUnverify",
  "report.resolve": "admin.auditReport",
});
