// The page of the mailed reset link (/reset-password?token=…): a new password, twice. On success every
// session has ended, so the person logs in again with the new one.
import { usePageTitle } from "../lib/page-title";
import { A, useSearchParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { ApiError, api, formMessage } from "../api/client";
import { Field, FormError } from "../components/Field";
import Icon from "../components/Icon";
import { t } from "../i18n";

export default function ResetPassword() {
  usePageTitle(() => t("account.chooseTitle"));
  const [params] = useSearchParams();
  const token = () => (Array.isArray(params.token) ? params.token[0] : params.token) ?? "";
  const [password, setPassword] = createSignal("");
  const [again, setAgain] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const [done, setDone] = createSignal(false);
  const [expired, setExpired] = createSignal(false);

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    setFields({});
    if (password() !== again()) {
      setFields({ again: t("account.notSame") });
      return;
    }
    setBusy(true);
    try {
      await api.confirmPasswordReset(token(), password());
      setDone(true);
    } catch (err) {
      if (err instanceof ApiError && err.code === "invalid_token") setExpired(true);
      setError(formMessage(err, ["password"]));
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="auth-card card">
      <Show
        when={!done()}
        fallback={
          <div class="auth-done" role="status">
            <span class="auth-done-icon auth-done-ok" aria-hidden="true">
              <Icon name="check" size={22} />
            </span>
            <h1>{t("account.changedTitle")}</h1>
            <p class="muted lead">{t("account.changedLead")}</p>
            <A href="/login" class="btn btn-primary btn-lg btn-block">
              {t("auth.logIn")}
            </A>
          </div>
        }
      >
        <h1>{t("account.chooseTitle")}</h1>
        <Show
          when={token() && !expired()}
          fallback={
            <>
              <p class="muted lead">{expired() ? t("account.linkExpired") : t("account.needsLink")}</p>
              <A href="/forgot-password" class="btn btn-primary btn-lg btn-block">
                {t("account.askNewLink")}
              </A>
            </>
          }
        >
          <p class="muted lead">{t("account.resetLead")}</p>
          <form onSubmit={(e) => void submit(e)} novalidate>
            <Field
              label={t("account.newPassword")}
              type="password"
              name="password"
              autocomplete="new-password"
              required
              autofocus
              minlength={8}
              value={password()}
              onInput={(e) => setPassword(e.currentTarget.value)}
              error={fields().password}
            />
            <Field
              label={t("account.newPasswordAgain")}
              type="password"
              name="again"
              autocomplete="new-password"
              required
              value={again()}
              onInput={(e) => setAgain(e.currentTarget.value)}
              error={fields().again}
            />
            <FormError message={error()} />
            <div class="form-actions">
              <button type="submit" class="btn btn-primary btn-lg btn-block" disabled={busy()}>
                {busy() ? t("account.saving") : t("account.saveNewPassword")}
              </button>
            </div>
          </form>
        </Show>
      </Show>
    </div>
  );
}
