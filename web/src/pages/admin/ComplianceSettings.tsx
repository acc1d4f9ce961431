// Admin › Settings › Compliance: whether creators must verify their identity, the public 2257 custodian
// statement, how long records outlive a closed account, and the DMCA strike limit and waiting period.
import { createSignal, onMount, Show } from "solid-js";
import { api, ApiError, formMessage } from "../../api/client";
import type { AdminSettings } from "../../api/schema.gen";
import { Field, FormError, TextArea } from "../../components/Field";
import { toast } from "../../stores/toasts";

export default function ComplianceSettings() {
  const [loaded, setLoaded] = createSignal<AdminSettings | null>(null);
  const [required, setRequired] = createSignal(false);
  const [statement, setStatement] = createSignal("");
  const [retention, setRetention] = createSignal("");
  const [strikes, setStrikes] = createSignal("");
  const [wait, setWait] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  function fill(s: AdminSettings) {
    setLoaded(s);
    setRequired(s.requireCreatorVerification);
    setStatement(s.custodianOfRecords);
    setRetention(String(s.recordsRetentionDays));
    setStrikes(String(s.dmcaStrikeLimit));
    setWait(String(s.dmcaRestoreWaitDays));
  }
  onMount(() => {
    api
      .adminSettings()
      .then((r) => fill(r.settings))
      .catch(() => undefined);
  });
  async function save(e: Event) {
    e.preventDefault();
    setError(null);
    const n = (s: string) => Number(s.trim());
    const errs: Record<string, string> = {};
    if (!Number.isInteger(n(retention())) || n(retention()) < 1)
      errs.recordsRetentionDays = "Whole days, at least 1.";
    if (!Number.isInteger(n(strikes())) || n(strikes()) < 1) errs.dmcaStrikeLimit = "At least 1.";
    if (!Number.isInteger(n(wait())) || n(wait()) < 1) errs.dmcaRestoreWaitDays = "Whole days, at least 1.";
    setFields(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const r = await api.updateAdminSettings({
        requireCreatorVerification: required(),
        custodianOfRecords: statement(),
        recordsRetentionDays: n(retention()),
        dmcaStrikeLimit: n(strikes()),
        dmcaRestoreWaitDays: n(wait()),
      });
      fill(r.settings);
      toast("Compliance settings saved", "success");
    } catch (err) {
      setError(formMessage(err, Object.keys(fields())));
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Show when={loaded()}>
      <form class="card form-card" onSubmit={(e) => void save(e)} novalidate aria-label="Compliance settings">
        <h2>Compliance</h2>
        <label class="checkbox">
          <input
            type="checkbox"
            name="requireCreatorVerification"
            checked={required()}
            onChange={(e) => setRequired(e.currentTarget.checked)}
          />
          Creators must verify their identity before they sell, go live or get paid
        </label>
        <p class="field-hint">
          An ID document and a selfie, reviewed under Admin › Verification. Free posts stay open to everyone.
        </p>
        <TextArea
          label="2257 custodian of records"
          name="custodianOfRecords"
          rows={4}
          value={statement()}
          onInput={(e) => setStatement(e.currentTarget.value)}
          error={fields().custodianOfRecords}
          hint="Name, title and address of the custodian, shown on the public /2257 page."
        />
        <div class="grid-2">
          <Field
            label="Keep records after an account closes"
            name="recordsRetentionDays"
            inputmode="numeric"
            suffix="days"
            value={retention()}
            onInput={(e) => setRetention(e.currentTarget.value)}
            error={fields().recordsRetentionDays}
            hint="The law asks for seven years (2555 days)."
          />
          <Field
            label="DMCA strikes before suspension"
            name="dmcaStrikeLimit"
            inputmode="numeric"
            value={strikes()}
            onInput={(e) => setStrikes(e.currentTarget.value)}
            error={fields().dmcaStrikeLimit}
            hint="A repeat infringer is suspended automatically."
          />
        </div>
        <Field
          label="Wait after a counter-notice before restoring"
          name="dmcaRestoreWaitDays"
          inputmode="numeric"
          suffix="days"
          value={wait()}
          onInput={(e) => setWait(e.currentTarget.value)}
          error={fields().dmcaRestoreWaitDays}
          hint="The law says 10 to 14 business days; 14 calendar days is the default."
        />
        <FormError message={error()} />
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" disabled={busy()}>
            {busy() ? "Saving…" : "Save compliance settings"}
          </button>
        </div>
      </form>
    </Show>
  );
}
