import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal } from "solid-js";
import { ApiError, formMessage } from "../api/client";
import { Field, FormError } from "../components/Field";
import { safeNext } from "../lib/nav";
import { login } from "../stores/session";
import { siteName } from "../stores/site";

export default function Login() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await login({ email: email().trim(), password: password() });
      navigate(safeNext(params.next), { replace: true });
    } catch (err) {
      setError(formMessage(err, ["email", "password"]));
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="auth-card card">
      <h1>Log in</h1>
      <p class="muted lead">Welcome back to {siteName()}.</p>
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
          error={fields().email}
        />
        <Field
          label="Password"
          type="password"
          name="password"
          autocomplete="current-password"
          required
          value={password()}
          onInput={(e) => setPassword(e.currentTarget.value)}
          error={fields().password}
        />
        <FormError message={error()} />
        <div class="form-actions">
          <button type="submit" class="btn btn-primary btn-lg btn-block" disabled={busy()}>
            {busy() ? "Logging in…" : "Log in"}
          </button>
        </div>
      </form>
      <p class="auth-switch">
        New here?{" "}
        <A
          href={`/signup${params.next ? `?next=${encodeURIComponent(safeNext(params.next))}` : ""}`}
          class="link"
        >
          Create an account
        </A>
      </p>
    </div>
  );
}
