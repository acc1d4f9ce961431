// Site settings for admins: the name, the platform fee and the smallest payout; then e-mail and the
// sign-in providers.
import { createSignal, onMount, Show } from "solid-js";
import { api, ApiError, errorMessage, formMessage } from "../../api/client";
import type { AdminSettings as Settings } from "../../api/schema.gen";
import { Field, FormError } from "../../components/Field";
import { LineSkeleton } from "../../components/Skeleton";
import { t } from "../../i18n";
import { centsToInput, currencySymbol, formatMoney, parseMoneyToCents } from "../../lib/format";
import { setSiteName, siteCurrency } from "../../stores/site";
import { toast } from "../../stores/toasts";
import AdminShell from "./AdminShell";
import ComplianceSettings from "./ComplianceSettings";
import EmailSettings from "./EmailSettings";
import SignInProviders from "./SignInProviders";

function SettingsForm() {
  const [saved, setSaved] = createSignal<Settings | null>(null);
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const [name, setName] = createSignal("");
  const [fee, setFee] = createSignal("");
  const [minimum, setMinimum] = createSignal("");
  const [referralShare, setReferralShare] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});

  function fill(s: Settings) {
    setSaved(s);
    setName(s.name);
    setFee(String(s.platformFeePercent));
    setMinimum(centsToInput(s.payoutMinimumCents));
    setReferralShare(String(s.referralSharePercent));
  }

  async function load() {
    setLoadError(null);
    try {
      fill((await api.adminSettings()).settings);
    } catch (err) {
      setLoadError(errorMessage(err));
    }
  }
  onMount(() => void load());

  const feeNumber = () => Number(fee().trim().replace(",", "."));
  const example = () => {
    const f = feeNumber();
    if (!Number.isFinite(f) || f < 0 || f > 100) return null;
    const sale = 1000;
    const feeCents = Math.round((sale * f) / 100);
    return t("admin.feeExample", {
      sale: formatMoney(sale, siteCurrency()),
      fee: formatMoney(feeCents, siteCurrency()),
      net: formatMoney(sale - feeCents, siteCurrency()),
    });
  };

  async function save(e: Event) {
    e.preventDefault();
    setError(null);
    const errs: Record<string, string> = {};
    const f = feeNumber();
    if (!fee().trim() || !Number.isFinite(f) || f < 0 || f > 100)
      errs.platformFeePercent = t("admin.feeRange");
    else if (Math.abs(f * 100 - Math.round(f * 100)) > 1e-9) errs.platformFeePercent = t("admin.feeDecimals");
    const min = parseMoneyToCents(minimum());
    if (min === null || min < 100)
      errs.payoutMinimumCents = t("admin.minAtLeast", { amount: formatMoney(100, siteCurrency()) });
    if (!name().trim()) errs.name = t("admin.nameMissing");
    const share = Number(referralShare().trim().replace(",", "."));
    if (
      !referralShare().trim() ||
      !Number.isFinite(share) ||
      share < 0 ||
      share > 100 ||
      Math.abs(share * 100 - Math.round(share * 100)) > 1e-9
    )
      errs.referralSharePercent = t("referrals.admin.error");
    setFields(errs);
    if (Object.keys(errs).length) return;

    const s = saved();
    const patch: Partial<Settings> = {};
    if (!s || name().trim() !== s.name) patch.name = name().trim();
    if (!s || f !== s.platformFeePercent) patch.platformFeePercent = f;
    if (!s || min !== s.payoutMinimumCents) patch.payoutMinimumCents = min ?? undefined;
    if (!s || share !== s.referralSharePercent) patch.referralSharePercent = share;
    if (Object.keys(patch).length === 0) {
      toast(t("admin.nothingToChange"), "info");
      return;
    }
    setBusy(true);
    try {
      const res = await api.updateAdminSettings(patch);
      fill(res.settings);
      setSiteName(res.settings.name);
      toast(t("admin.settingsSaved"), "success");
    } catch (err) {
      setError(
        formMessage(err, ["name", "platformFeePercent", "payoutMinimumCents", "referralSharePercent"]),
      );
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Show
      when={!loadError()}
      fallback={
        <div class="card notice notice-error" role="alert">
          <p>{loadError()}</p>
          <button type="button" class="btn btn-secondary btn-sm" onClick={() => void load()}>
            {t("common.tryAgain")}
          </button>
        </div>
      }
    >
      <Show
        when={saved()}
        fallback={
          <div class="card form-card stack-sm" aria-busy="true">
            <LineSkeleton width="30%" />
            <LineSkeleton />
            <LineSkeleton width="30%" />
            <LineSkeleton />
          </div>
        }
      >
        <form class="card form-card" onSubmit={(e) => void save(e)} novalidate>
          <h2>{t("admin.site")}</h2>
          <Field
            label={t("admin.siteName")}
            name="name"
            maxLength={80}
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
            error={fields().name}
            hint={t("admin.siteNameHint")}
          />
          <h2 class="form-subhead">{t("admin.money")}</h2>
          <div class="grid-2">
            <Field
              label={t("admin.fee")}
              name="platformFeePercent"
              inputmode="decimal"
              suffix="%"
              value={fee()}
              onInput={(e) => setFee(e.currentTarget.value)}
              error={fields().platformFeePercent}
              hint={example() ?? t("admin.feeHint")}
            />
            <Field
              label={t("admin.minPayout")}
              name="payoutMinimumCents"
              inputmode="decimal"
              prefix={currencySymbol(siteCurrency())}
              value={minimum()}
              onInput={(e) => setMinimum(e.currentTarget.value)}
              error={fields().payoutMinimumCents}
              hint={t("admin.minPayoutHint")}
            />
            <Field
              label={t("referrals.admin.share")}
              name="referralSharePercent"
              inputmode="decimal"
              suffix="%"
              value={referralShare()}
              onInput={(e) => setReferralShare(e.currentTarget.value)}
              error={fields().referralSharePercent}
              hint={t("referrals.admin.hint")}
            />
          </div>
          <p class="muted small">{t("admin.feeNote")}</p>
          <FormError message={error()} />
          <div class="form-actions">
            <button type="submit" class="btn btn-primary" disabled={busy()}>
              {busy() ? t("admin.saving") : t("admin.saveSettings")}
            </button>
          </div>
        </form>
      </Show>
    </Show>
  );
}

export default function AdminSettings() {
  return (
    <AdminShell>
      <SettingsForm />
      <ComplianceSettings />
      <EmailSettings />
      <SignInProviders />
    </AdminShell>
  );
}
