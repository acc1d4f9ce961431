import { usePageTitle } from "../lib/page-title";
import { t } from "../i18n";
import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal } from "solid-js";
import { ApiError, formMessage } from "../api/client";
import { Field, FormError } from "../components/Field";
import { AgeConfirmField } from "../components/AgeConfirmField";
import { safeNext } from "../lib/nav";
import { signup } from "../stores/session";
import { siteName } from "../stores/site";
import ProviderButtons from "../components/sso/ProviderButtons";

export default function Signup() {
  usePageTitle(() => t("auth.signupTitle"));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = createSignal("");
  const [username, setUsername] = createSignal("");
  const [displayName, setDisplayName] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [adult, setAdult] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    if (!adult()) {
      setFields({ ageConfirmed: t("auth.mustBeAdult") });
      return;
    }
    setFields({});
    setBusy(true);
    try {
      await signup({
        email: email().trim(),
        username: username().trim(),
        password: password(),
        ...(displayName().trim() ? { displayName: displayName().trim() } : {}),
        ageConfirmed: true,
        // A creator's referral link (/signup?ref=<username>) names who brought this person.
        ...(typeof params.ref === "string" && params.ref ? { ref: params.ref } : {}),
      });
      navigate(safeNext(params.next), { replace: true });
    } catch (err) {
      setError(formMessage(err, ["email", "username", "password", "displayName", "ageConfirmed"]));
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="auth-card card">
      <h1>{t("auth.signupTitle")}</h1>
      <p class="muted lead">{t("auth.signupLead", { site: siteName() })}</p>
      <form onSubmit={(e) => void submit(e)} novalidate>
        <Field
          label={t("auth.email")}
          type="email"
          name="email"
          autocomplete="email"
          required
          autofocus
          value={email()}
          onInput={(e) => setEmail(e.currentTarget.value)}
          error={fields().email}
        />
        <Field
          label={t("auth.username")}
          name="username"
          autocomplete="username"
          required
          prefix="@"
          value={username()}
          onInput={(e) => setUsername(e.currentTarget.value)}
          error={fields().username}
          hint={t("auth.usernameHint")}
        />
        <Field
          label={t("auth.displayName")}
          name="displayName"
          autocomplete="name"
          placeholder={t("auth.optional")}
          value={displayName()}
          onInput={(e) => setDisplayName(e.currentTarget.value)}
          error={fields().displayName}
        />
        <Field
          label={t("auth.password")}
          type="password"
          name="password"
          autocomplete="new-password"
          required
          value={password()}
          onInput={(e) => setPassword(e.currentTarget.value)}
          error={fields().password}
          hint={t("auth.passwordHint")}
        />
        <AgeConfirmField checked={adult()} error={fields().ageConfirmed} onChange={setAdult} />
        <FormError message={error()} />
        <div class="form-actions">
          <button type="submit" class="btn btn-primary btn-lg btn-block" disabled={busy()}>
            {busy() ? t("auth.creating") : t("auth.create")}
          </button>
        </div>
      </form>
      <ProviderButtons
        returnTo={safeNext(params.next)}
        ref={typeof params.ref === "string" ? params.ref : undefined}
      />
      <p class="auth-switch">
        {t("auth.haveAccount")}{" "}
        <A
          href={`/login${params.next ? `?next=${encodeURIComponent(safeNext(params.next))}` : ""}`}
          class="link"
        >
          {t("auth.logIn")}
        </A>
      </p>
    </div>
  );
}
