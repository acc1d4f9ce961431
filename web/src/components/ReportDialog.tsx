// "Report": tells the moderators about a post, comment, message, person or live stream, with a reason
// from the fixed list and optional details. The server's refusal (already reported, too many reports)
// shows in the dialog; a sent report closes it with a thank-you.
import { createSignal, For } from "solid-js";
import { sendReport } from "../api/admin";
import { errorMessage } from "../api/client";
import type { ReportReason, ReportTargetType } from "../api/schema.gen";
import { toast } from "../stores/toasts";
import Dialog from "./Dialog";
import { FormError } from "./Field";

const REASONS: { value: ReportReason; label: string; hint: string }[] = [
  { value: "spam", label: "Spam or scam", hint: "Advertising, fake offers, asking for money" },
  { value: "harassment", label: "Harassment or hate", hint: "Insults, threats, bullying" },
  { value: "illegal", label: "Illegal content", hint: "Something against the law" },
  { value: "underage", label: "Someone under 18", hint: "A minor appears or is involved" },
  { value: "copyright", label: "Copyright", hint: "Someone else's work used without permission" },
  { value: "impersonation", label: "Impersonation", hint: "Pretending to be someone else" },
  { value: "other", label: "Something else", hint: "Tell us in the details" },
];

const WORDS: Record<ReportTargetType, string> = {
  post: "post",
  comment: "comment",
  message: "message",
  user: "profile",
  stream: "live stream",
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
  const what = () => WORDS[props.target.type];

  async function submit() {
    const r = reason();
    if (!r) {
      setError("Choose what is wrong.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await sendReport(props.target, r, details().trim() || undefined);
      toast(`Thanks. Moderators will look at this ${what()}.`, "success");
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
      title={`Report this ${what()}`}
      onClose={() => props.onClose()}
      footer={
        <>
          <button type="button" class="btn btn-ghost" onClick={() => props.onClose()}>
            Cancel
          </button>
          <button type="button" class="btn btn-danger" disabled={busy()} onClick={() => void submit()}>
            {busy() ? "Sending…" : "Send report"}
          </button>
        </>
      }
    >
      <fieldset class="report-reasons">
        <legend class="muted small">What is wrong with it? Only the moderators see your report.</legend>
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
        <label for="report-details">Details (optional)</label>
        <textarea
          id="report-details"
          class="input"
          rows={3}
          maxLength={2000}
          value={details()}
          onInput={(e) => setDetails(e.currentTarget.value)}
          placeholder="Anything that helps the moderators decide"
        />
      </div>
      <FormError message={error()} />
    </Dialog>
  );
}
