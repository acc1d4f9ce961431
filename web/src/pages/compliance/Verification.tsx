// Settings › Verification: the creator's identity verification (KYC). Their status (none, under review,
// approved, not accepted with the reason) and the form: legal name, date of birth, country, an ID
// document and a selfie holding it. The documents are encrypted and only site admins can open them.
import { usePageTitle } from "../../lib/page-title";
import { A } from "@solidjs/router";
import { createSignal, For, Match, onMount, Show, Switch } from "solid-js";
import { ApiError, formMessage } from "../../api/client";
import { compliance } from "../../api/compliance";
import "../../compliance.css";
import { Field, FormError } from "../../components/Field";
import FileField from "../../components/compliance/FileField";
import { RequireAuth } from "../../components/Guards";
import Icon from "../../components/Icon";
import { LineSkeleton } from "../../components/Skeleton";
import { countries } from "../../lib/countries";
import { absoluteTime } from "../../lib/format";
import { kyc, loadKyc, setMyKyc } from "../../stores/kyc";
import { toast } from "../../stores/toasts";
import { t } from "../../i18n";

const FIELDS = ["legalName", "dateOfBirth", "country", "idDocument", "selfie"];

function Status() {
  const k = () => kyc()?.kyc ?? null;
  return (
    <Switch>
      <Match when={k()?.status === "approved"}>
        <section class="card kyc-status is-approved" aria-live="polite">
          <span class="kyc-status-icon">
            <Icon name="check" size={22} />
          </span>
          <div>
            <h2>{t("compliance.vVerified")}</h2>
            <p class="muted">
              {t("compliance.vVerifiedBody", {
                date: absoluteTime(k()!.reviewedAt ?? k()!.createdAt),
                name: k()!.legalName,
              })}
            </p>
          </div>
        </section>
      </Match>
      <Match when={k()?.status === "pending"}>
        <section class="card kyc-status is-pending" aria-live="polite">
          <span class="kyc-status-icon">
            <Icon name="clock" size={22} />
          </span>
          <div>
            <h2>{t("compliance.vPending")}</h2>
            <p class="muted">{t("compliance.vPendingBody", { date: absoluteTime(k()!.createdAt) })}</p>
          </div>
        </section>
      </Match>
      <Match when={k()?.status === "rejected"}>
        <section class="card kyc-status is-rejected" role="alert">
          <span class="kyc-status-icon">
            <Icon name="close" size={22} />
          </span>
          <div>
            <h2>{t("compliance.vRejected")}</h2>
            <p>{k()!.rejectionReason}</p>
            <p class="muted small">{t("compliance.vRejectedHint")}</p>
          </div>
        </section>
      </Match>
    </Switch>
  );
}

function KycForm() {
  const [legalName, setLegalName] = createSignal("");
  const [dob, setDob] = createSignal("");
  const [country, setCountry] = createSignal("");
  const [idDocument, setIdDocument] = createSignal<File | null>(null);
  const [selfie, setSelfie] = createSignal<File | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  /** A field the person changed no longer shows its old error. */
  const edited = (key: string) => {
    if (!fields()[key]) return;
    const { [key]: _gone, ...rest } = fields();
    setFields(rest);
  };
  const maxDob = () => {
    const d = new Date();
    d.setFullYear(d.getFullYear() - 18);
    return d.toISOString().slice(0, 10);
  };

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    const errs: Record<string, string> = {};
    if (!legalName().trim()) errs.legalName = t("compliance.vErrName");
    if (!dob()) errs.dateOfBirth = t("compliance.vErrDob");
    else if (dob() > maxDob()) errs.dateOfBirth = t("compliance.vAdult");
    if (!country()) errs.country = t("compliance.vErrCountry");
    if (!idDocument()) errs.idDocument = t("compliance.vErrId");
    if (!selfie()) errs.selfie = t("compliance.vErrSelfie");
    setFields(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const r = await compliance.submitKyc(
        { legalName: legalName().trim(), dateOfBirth: dob(), country: country() },
        { idDocument: idDocument()!, selfie: selfie()! },
      );
      setMyKyc({ kyc: r.kyc, required: kyc()?.required ?? false });
      toast(t("compliance.vSent"), "success");
    } catch (err) {
      setError(formMessage(err, FIELDS));
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="card form-card"
      onSubmit={(e) => void submit(e)}
      novalidate
      aria-label={t("compliance.vFormLabel")}
    >
      <h2>{t("compliance.vFormTitle")}</h2>
      <p class="privacy-note">
        <Icon name="lock" size={18} />
        <span>{t("compliance.vPrivacy")}</span>
      </p>
      <Field
        label={t("compliance.vLegalName")}
        name="legalName"
        autocomplete="name"
        maxLength={200}
        value={legalName()}
        onInput={(e) => {
          setLegalName(e.currentTarget.value);
          edited("legalName");
        }}
        error={fields().legalName}
        hint={t("compliance.vLegalNameHint")}
      />
      <div class="grid-2">
        <Field
          label={t("compliance.vDob")}
          name="dateOfBirth"
          type="date"
          autocomplete="bday"
          max={maxDob()}
          value={dob()}
          onInput={(e) => {
            setDob(e.currentTarget.value);
            edited("dateOfBirth");
          }}
          error={fields().dateOfBirth}
          hint={t("compliance.vAdult")}
        />
        <div class="field" classList={{ "has-error": !!fields().country }}>
          <label for="kyc-country">{t("compliance.vCountry")}</label>
          <select
            id="kyc-country"
            name="country"
            class="input"
            value={country()}
            aria-invalid={fields().country ? "true" : undefined}
            onChange={(e) => {
              setCountry(e.currentTarget.value);
              edited("country");
            }}
          >
            <option value="">{t("compliance.vChoose")}</option>
            <For each={countries()}>{(c) => <option value={c.code}>{c.name}</option>}</For>
          </select>
          <Show when={fields().country}>
            <p class="field-error">{fields().country}</p>
          </Show>
        </div>
      </div>
      <FileField
        label={t("compliance.vIdDoc")}
        name="idDocument"
        hint={t("compliance.vIdDocHint")}
        file={idDocument()}
        onChange={(f) => {
          setIdDocument(f);
          edited("idDocument");
        }}
        error={fields().idDocument}
      />
      <FileField
        label={t("compliance.vSelfie")}
        name="selfie"
        hint={t("compliance.vSelfieHint")}
        file={selfie()}
        onChange={(f) => {
          setSelfie(f);
          edited("selfie");
        }}
        error={fields().selfie}
        capture="user"
      />
      <FormError message={error()} />
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy()}>
          {busy() ? t("compliance.vSending") : t("compliance.vSend")}
        </button>
      </div>
    </form>
  );
}

function VerificationPage() {
  onMount(() => void loadKyc(true));
  const status = () => kyc()?.kyc?.status ?? null;
  return (
    <div class="stack">
      <div>
        <h1 class="page-title">{t("compliance.vTitle")}</h1>
        <p class="muted lead">
          <Show when={kyc()?.required} fallback={t("compliance.vLeadOptional")}>
            {t("compliance.vLeadRequired")}
          </Show>
        </p>
      </div>
      <Show
        when={kyc()}
        fallback={
          <div class="card form-card stack-sm" aria-busy="true">
            <LineSkeleton width="40%" />
            <LineSkeleton />
          </div>
        }
      >
        <Status />
        <Show when={status() === null || status() === "rejected"}>
          <KycForm />
        </Show>
        <p class="muted small">
          {t("compliance.vPerforming")} <A href="/settings/records">{t("compliance.vRecords")}</A>.
        </p>
      </Show>
    </div>
  );
}

export default function Verification() {
  usePageTitle(() => t("compliance.vTitle"));
  return (
    <RequireAuth>
      <VerificationPage />
    </RequireAuth>
  );
}
