// Forgot password: the address to mail a reset link to. The answer is the same whether or not an account
// uses it, so this page says what will happen without saying whether the address is known.
import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { errorMessage } from "../api/client";
import { Field, FormError } from "../components/Field";
import Icon from "../components/Icon";
import { api } from "../api/client";

export default function ForgotPassword() {
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
            <h1>Reset your password</h1>
            <p class="muted lead">
              Enter the e-mail address of your account. We'll mail you a link to choose a new password.
            </p>
            <form onSubmit={(e) => void submit(e)} novalidate>
              <Field
                label="Email"
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
                  {busy() ? "Sending…" : "Send the link"}
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
            <h1>Check your inbox</h1>
            <p class="muted lead">{msg()}</p>
            <p class="muted small">Nothing after a few minutes? Look in the spam folder, or try again.</p>
          </div>
        )}
      </Show>
      <p class="auth-switch">
        Remembered it?{" "}
        <A href="/login" class="link">
          Log in
        </A>
      </p>
    </div>
  );
}
