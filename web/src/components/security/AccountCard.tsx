// The account's address (confirmed, or a button to mail the link again) and a change of password.
import { createSignal, Show } from "solid-js";
import { api, ApiError, errorMessage, formMessage } from "../../api/client";
import { user } from "../../stores/session";
import { toast } from "../../stores/toasts";
import { absoluteTime } from "../../lib/format";
import { Field, FormError } from "../Field";
import Icon from "../Icon";
import { t } from "../../i18n";

export function EmailCard() {
  const [busy, setBusy] = createSignal(false);
  const [sent, setSent] = createSignal(false);
  async function resend() {
    setBusy(true);
    try {
      await api.requestEmailVerification();
      setSent(true);
      toast(t("security.linkSent"), "success");
    } catch (err) {
      toast(errorMessage(err), "error");
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="card form-card security-card" aria-labelledby="email-title">
      <div class="security-head">
        <span class="security-icon" aria-hidden="true">
          <Icon name="send" size={20} />
        </span>
        <div>
          <h2 id="email-title">{t("security.emailTitle")}</h2>
          <p class="muted small">{t("security.emailHint")}</p>
        </div>
        <Show
          when={user()?.emailVerifiedAt}
          fallback={<span class="badge badge-warn">{t("security.notConfirmed")}</span>}
        >
          <span class="badge badge-success">{t("security.confirmed")}</span>
        </Show>
      </div>
      <p class="email-line">{user()?.email}</p>
      <Show
        when={user()?.emailVerifiedAt}
        fallback={
          <div class="stack-sm">
            <p class="muted">{sent() ? t("security.newLinkSent") : t("security.confirmPrompt")}</p>
            <div class="form-actions">
              <button type="button" class="btn btn-secondary" disabled={busy()} onClick={() => void resend()}>
                {busy() ? t("common.sending") : t("security.sendAgain")}
              </button>
            </div>
          </div>
        }
      >
        {(at) => <p class="muted small">{t("security.confirmedOn", { date: absoluteTime(at()) })}</p>}
      </Show>
    </section>
  );
}

export function PasswordCard() {
  const [current, setCurrent] = createSignal("");
  const [next, setNext] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await api.changePassword(current(), next());
      setCurrent("");
      setNext("");
      toast(t("security.passwordChanged"), "success");
    } catch (err) {
      setError(formMessage(err, ["currentPassword", "newPassword"]));
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="card form-card security-card" aria-labelledby="password-title">
      <div class="security-head">
        <span class="security-icon" aria-hidden="true">
          <Icon name="edit" size={20} />
        </span>
        <div>
          <h2 id="password-title">{t("security.passwordTitle")}</h2>
          <p class="muted small">{t("security.passwordHint")}</p>
        </div>
      </div>
      <form onSubmit={(e) => void submit(e)} novalidate>
        <div class="grid-2 grid-2-stack">
          <Field
            label={t("security.currentPassword")}
            type="password"
            name="currentPassword"
            autocomplete="current-password"
            value={current()}
            onInput={(e) => setCurrent(e.currentTarget.value)}
            error={fields().currentPassword}
          />
          <Field
            label={t("security.newPassword")}
            type="password"
            name="newPassword"
            autocomplete="new-password"
            minlength={8}
            value={next()}
            onInput={(e) => setNext(e.currentTarget.value)}
            error={fields().newPassword}
            hint={t("security.atLeast8")}
          />
        </div>
        <FormError message={error()} />
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" disabled={busy() || !current() || next().length < 8}>
            {busy() ? t("security.saving") : t("security.changePassword")}
          </button>
        </div>
      </form>
    </section>
  );
}
