// The page of the mailed reset link (/reset-password?token=…): a new password, twice. On success every
// session has ended, so the person logs in again with the new one.
import { A, useSearchParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { ApiError, api, formMessage } from "../api/client";
import { Field, FormError } from "../components/Field";
import Icon from "../components/Icon";

export default function ResetPassword() {
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
      setFields({ again: "The two passwords are not the same." });
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
            <h1>Your password is changed</h1>
            <p class="muted lead">You were signed out everywhere. Log in with your new password.</p>
            <A href="/login" class="btn btn-primary btn-lg btn-block">
              Log in
            </A>
          </div>
        }
      >
        <h1>Choose a new password</h1>
        <Show
          when={token() && !expired()}
          fallback={
            <>
              <p class="muted lead">
                {expired()
                  ? "This link has expired or was used already. Links work once, for one hour."
                  : "This page needs the link from the mail we sent you."}
              </p>
              <A href="/forgot-password" class="btn btn-primary btn-lg btn-block">
                Ask for a new link
              </A>
            </>
          }
        >
          <p class="muted lead">At least 8 characters. You'll be signed out on every device.</p>
          <form onSubmit={(e) => void submit(e)} novalidate>
            <Field
              label="New password"
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
              label="New password again"
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
                {busy() ? "Saving…" : "Save the new password"}
              </button>
            </div>
          </form>
        </Show>
      </Show>
    </div>
  );
}
