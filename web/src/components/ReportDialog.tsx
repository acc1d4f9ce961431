// "Report": tells the moderators about a post, comment, message, person or live stream, with a reason
// from the fixed list and optional details. The server's refusal (already reported, too many reports)
// shows in the dialog; a sent report closes it with a thank-you.
import { t, type MessageKey } from "../i18n";
import { createSignal, For } from "solid-js";
import { sendReport } from "../api/admin";
import { errorMessage } from "../api/client";
import type { ReportReason, ReportTargetType } from "../api/schema.gen";
import { toast } from "../stores/toasts";
import Dialog from "./Dialog";
import { FormError } from "./Field";

const REASONS: { value: ReportReason; label: string; hint: string }[] = [
  {
    value: "spam",
    get label() {
      return t("creator.reasonSpam");
    },
    get hint() {
      return t("creator.reasonSpamHint");
    },
  },
  {
    value: "harassment",
    get label() {
      return t("creator.reasonHarassment");
    },
    get hint() {
      return t("creator.reasonHarassmentHint");
    },
  },
  {
    value: "illegal",
    get label() {
      return t("creator.reasonIllegal");
    },
    get hint() {
      return t("creator.reasonIllegalHint");
    },
  },
  {
    value: "underage",
    get label() {
      return t("creator.reasonUnderage");
    },
    get hint() {
      return t("creator.reasonUnderageHint");
    },
  },
  {
    value: "copyright",
    get label() {
      return t("creator.reasonCopyright");
    },
    get hint() {
      return t("creator.reasonCopyrightHint");
    },
  },
  {
    value: "impersonation",
    get label() {
      return t("creator.reasonImpersonation");
    },
    get hint() {
      return t("creator.reasonImpersonationHint");
    },
  },
  {
    value: "other",
    get label() {
      return t("creator.reasonOther");
    },
    get hint() {
      return t("creator.reasonOtherHint");
    },
  },
];

const TITLES: Record<ReportTargetType, MessageKey> = {
  post: "creator.reportTitlePost",
  comment: "creator.reportTitleComment",
  message: "creator.reportTitleMessage",
  user: "creator.reportTitleUser",
  stream: "creator.reportTitleStream",
};

const THANKS: Record<ReportTargetType, MessageKey> = {
  post: "creator.reportThanksPost",
  comment: "creator.reportThanksComment",
  message: "creator.reportThanksMessage",
  user: "creator.reportThanksUser",
  stream: "creator.reportThanksStream",
};

export default function ReportDialog(props: {
  target: { type: ReportTargetType; id: string };
  /** Text to start the details with (e.g. the chat line being reported). */
  details?: string;
  onClose: () => void;
}) {
  const [reason, setReason] = createSignal<ReportReason | null>(null);
  const [details, setDetails] = createSignal(props.details ?? "");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  async function submit() {
    const r = reason();
    if (!r) {
      setError(t("creator.reportChoose"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await sendReport(props.target, r, details().trim() || undefined);
      toast(t(THANKS[props.target.type]), "success");
      props.onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      size="md"
      title={t(TITLES[props.target.type])}
      onClose={() => props.onClose()}
      footer={
        <>
          <button type="button" class="btn btn-ghost" onClick={() => props.onClose()}>
            {t("creator.cancel")}
          </button>
          <button type="button" class="btn btn-danger" disabled={busy()} onClick={() => void submit()}>
            {busy() ? t("creator.sending") : t("creator.sendReport")}
          </button>
        </>
      }
    >
      <fieldset class="report-reasons">
        <legend class="muted small">{t("creator.reportLegend")}</legend>
        <For each={REASONS}>
          {(r) => (
            <label class="report-reason" classList={{ active: reason() === r.value }}>
              <input
                type="radio"
                name="report-reason"
                value={r.value}
                checked={reason() === r.value}
                onChange={() => setReason(r.value)}
              />
              <span>
                <strong>{r.label}</strong>
                <span class="muted small">{r.hint}</span>
              </span>
            </label>
          )}
        </For>
      </fieldset>
      <div class="field">
        <label for="report-details">{t("creator.reportDetails")}</label>
        <textarea
          id="report-details"
          class="input"
          rows={3}
          maxLength={2000}
          value={details()}
          onInput={(e) => setDetails(e.currentTarget.value)}
          placeholder={t("creator.reportDetailsPlaceholder")}
        />
      </div>
      <FormError message={error()} />
    </Dialog>
  );
}
