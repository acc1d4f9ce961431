// Admin › Settings › Compliance: whether creators must verify their identity, the public 2257 custodian
// statement, how long records outlive a closed account, and the DMCA strike limit and waiting period.
import { createSignal, onMount, Show } from "solid-js";
import { api, ApiError, formMessage } from "../../api/client";
import type { AdminSettings } from "../../api/schema.gen";
import { Field, FormError, TextArea } from "../../components/Field";
import { toast } from "../../stores/toasts";
import { t } from "../../i18n";

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
      errs.recordsRetentionDays = t("admin.cRangeDays");
    if (!Number.isInteger(n(strikes())) || n(strikes()) < 1) errs.dmcaStrikeLimit = t("admin.cAtLeast1");
    if (!Number.isInteger(n(wait())) || n(wait()) < 1) errs.dmcaRestoreWaitDays = t("admin.cRangeDays");
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
      toast(t("admin.cSaved"), "success");
    } catch (err) {
      setError(formMessage(err, Object.keys(fields())));
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Show when={loaded()}>
      <form
        class="card form-card"
        onSubmit={(e) => void save(e)}
        novalidate
        aria-label={t("admin.cFormLabel")}
      >
        <h2>{t("admin.cTitle")}</h2>
        <label class="checkbox">
          <input
            type="checkbox"
            name="requireCreatorVerification"
            checked={required()}
            onChange={(e) => setRequired(e.currentTarget.checked)}
          />
          {t("admin.cRequire")}
        </label>
        <p class="field-hint">{t("admin.cRequireHint")}</p>
        <TextArea
          label={t("admin.cCustodian")}
          name="custodianOfRecords"
          rows={4}
          value={statement()}
          onInput={(e) => setStatement(e.currentTarget.value)}
          error={fields().custodianOfRecords}
          hint={t("admin.cCustodianHint")}
        />
        <div class="grid-2">
          <Field
            label={t("admin.cRetention")}
            name="recordsRetentionDays"
            inputmode="numeric"
            suffix={t("admin.days")}
            value={retention()}
            onInput={(e) => setRetention(e.currentTarget.value)}
            error={fields().recordsRetentionDays}
            hint={t("admin.cRetentionHint")}
          />
          <Field
            label={t("admin.cStrikes")}
            name="dmcaStrikeLimit"
            inputmode="numeric"
            value={strikes()}
            onInput={(e) => setStrikes(e.currentTarget.value)}
            error={fields().dmcaStrikeLimit}
            hint={t("admin.cStrikesHint")}
          />
        </div>
        <Field
          label={t("admin.cWait")}
          name="dmcaRestoreWaitDays"
          inputmode="numeric"
          suffix={t("admin.days")}
          value={wait()}
          onInput={(e) => setWait(e.currentTarget.value)}
          error={fields().dmcaRestoreWaitDays}
          hint={t("admin.cWaitHint")}
        />
        <FormError message={error()} />
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" disabled={busy()}>
            {busy() ? t("admin.saving") : t("admin.cSave")}
          </button>
        </div>
      </form>
    </Show>
  );
}
