// Forgot password: the address to mail a reset link to. The answer is the same whether or not an account
// uses it, so this page says what will happen without saying whether the address is known.
import { usePageTitle } from "../lib/page-title";
import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { errorMessage } from "../api/client";
import { Field, FormError } from "../components/Field";
import Icon from "../components/Icon";
import { api } from "../api/client";
import { t } from "../i18n";

export default function ForgotPassword() {
  usePageTitle(() => t("account.forgotTitle"));
  const [email, setEmail] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [sent, setSent] = createSignal<string | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setSent((await api.requestPasswordReset(email().trim())).message);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="auth-card card">
      <Show
        when={sent()}
        fallback={
          <>
            <h1>{t("account.forgotTitle")}</h1>
            <p class="muted lead">{t("account.forgotLead")}</p>
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
              />
              <FormError message={error()} />
              <div class="form-actions">
                <button
                  type="submit"
                  class="btn btn-primary btn-lg btn-block"
                  disabled={busy() || !email().trim()}
                >
                  {busy() ? t("common.sending") : t("common.sendLink")}
                </button>
              </div>
            </form>
          </>
        }
      >
        {(msg) => (
          <div class="auth-done" role="status">
            <span class="auth-done-icon" aria-hidden="true">
              <Icon name="send" size={22} />
            </span>
            <h1>{t("account.checkInbox")}</h1>
            <p class="muted lead">{msg()}</p>
            <p class="muted small">{t("account.nothingYet")}</p>
          </div>
        )}
      </Show>
      <p class="auth-switch">
        {t("account.remembered")}{" "}
        <A href="/login" class="link">
          {t("auth.logIn")}
        </A>
      </p>
    </div>
  );
}
