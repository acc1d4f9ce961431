// Settings › Verification: the creator's identity verification (KYC). Their status (none, under review,
// approved, not accepted with the reason) and the form: legal name, date of birth, country, an ID
// document and a selfie holding it. The documents are encrypted and only site admins can open them.
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
            <h2>Your identity is verified</h2>
            <p class="muted">
              Verified {absoluteTime(k()!.reviewedAt ?? k()!.createdAt)} as {k()!.legalName}. You can sell, go
              live and request payouts.
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
            <h2>Under review</h2>
            <p class="muted">
              Sent {absoluteTime(k()!.createdAt)}. An admin checks your documents; you get a notification with
              the answer.
            </p>
          </div>
        </section>
      </Match>
      <Match when={k()?.status === "rejected"}>
        <section class="card kyc-status is-rejected" role="alert">
          <span class="kyc-status-icon">
            <Icon name="close" size={22} />
          </span>
          <div>
            <h2>Not accepted</h2>
            <p>{k()!.rejectionReason}</p>
            <p class="muted small">Fix what the admin says and send your verification again below.</p>
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
    if (!legalName().trim()) errs.legalName = "Your full name as on your ID.";
    if (!dob()) errs.dateOfBirth = "Your date of birth.";
    else if (dob() > maxDob()) errs.dateOfBirth = "You must be 18 or older.";
    if (!country()) errs.country = "The country that issued your ID.";
    if (!idDocument()) errs.idDocument = "A photo or scan of your passport, ID card or driving licence.";
    if (!selfie()) errs.selfie = "A photo of you holding that ID next to your face.";
    setFields(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const r = await compliance.submitKyc(
        { legalName: legalName().trim(), dateOfBirth: dob(), country: country() },
        { idDocument: idDocument()!, selfie: selfie()! },
      );
      setMyKyc({ kyc: r.kyc, required: kyc()?.required ?? false });
      toast("Verification sent: an admin will review it", "success");
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
      aria-label="Identity verification"
    >
      <h2>Verify your identity</h2>
      <p class="privacy-note">
        <Icon name="lock" size={18} />
        <span>
          Your documents are encrypted as they arrive and stored apart from everything else. Only the site's
          admins can open them, to check your identity and keep the records the law requires.
        </span>
      </p>
      <Field
        label="Legal name"
        name="legalName"
        autocomplete="name"
        maxLength={200}
        value={legalName()}
        onInput={(e) => {
          setLegalName(e.currentTarget.value);
          edited("legalName");
        }}
        error={fields().legalName}
        hint="Exactly as it is written on your ID."
      />
      <div class="grid-2">
        <Field
          label="Date of birth"
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
          hint="You must be 18 or older."
        />
        <div class="field" classList={{ "has-error": !!fields().country }}>
          <label for="kyc-country">Country of your ID</label>
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
            <option value="">Choose…</option>
            <For each={countries()}>{(c) => <option value={c.code}>{c.name}</option>}</For>
          </select>
          <Show when={fields().country}>
            <p class="field-error">{fields().country}</p>
          </Show>
        </div>
      </div>
      <FileField
        label="ID document"
        name="idDocument"
        hint="Passport, national ID card or driving licence: a sharp photo or a PDF scan, all corners visible."
        file={idDocument()}
        onChange={(f) => {
          setIdDocument(f);
          edited("idDocument");
        }}
        error={fields().idDocument}
      />
      <FileField
        label="Selfie holding your ID"
        name="selfie"
        hint="Your face and the ID's photo side, both readable, in one picture."
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
          {busy() ? "Sending securely…" : "Send for review"}
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
        <h1 class="page-title">Identity verification</h1>
        <p class="muted lead">
          <Show
            when={kyc()?.required}
            fallback="Verified creators can be named as co-performers in other creators' posts."
          >
            This site asks every creator to verify their identity before selling content, going live or
            getting paid.
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
          Performing with someone else? Keep their release under{" "}
          <A href="/settings/records">Records (2257)</A>.
        </p>
      </Show>
    </div>
  );
}

export default function Verification() {
  return (
    <RequireAuth>
      <VerificationPage />
    </RequireAuth>
  );
}
