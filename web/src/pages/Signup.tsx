import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal } from "solid-js";
import { ApiError, formMessage } from "../api/client";
import { Field, FormError } from "../components/Field";
import { safeNext } from "../lib/nav";
import { signup } from "../stores/session";
import { siteName } from "../stores/site";

export default function Signup() {
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
      setFields({ ageConfirmed: "You must be 18 or older to use this site." });
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
      <h1>Create your account</h1>
      <p class="muted lead">Join {siteName()} to follow and support creators.</p>
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
          label="Username"
          name="username"
          autocomplete="username"
          required
          prefix="@"
          value={username()}
          onInput={(e) => setUsername(e.currentTarget.value)}
          error={fields().username}
          hint="Your page will be at /your-username."
        />
        <Field
          label="Display name"
          name="displayName"
          autocomplete="name"
          placeholder="Optional"
          value={displayName()}
          onInput={(e) => setDisplayName(e.currentTarget.value)}
          error={fields().displayName}
        />
        <Field
          label="Password"
          type="password"
          name="password"
          autocomplete="new-password"
          required
          value={password()}
          onInput={(e) => setPassword(e.currentTarget.value)}
          error={fields().password}
          hint="Use a long password you don't use anywhere else."
        />
        <div class="field" classList={{ "has-error": !!fields().ageConfirmed }}>
          <label class="checkbox">
            <input
              type="checkbox"
              name="ageConfirmed"
              required
              checked={adult()}
              aria-invalid={fields().ageConfirmed ? "true" : undefined}
              onChange={(e) => setAdult(e.currentTarget.checked)}
            />
            <span>I am 18 or older</span>
          </label>
          {fields().ageConfirmed && <p class="field-error">{fields().ageConfirmed}</p>}
        </div>
        <FormError message={error()} />
        <div class="form-actions">
          <button type="submit" class="btn btn-primary btn-lg btn-block" disabled={busy()}>
            {busy() ? "Creating account…" : "Create account"}
          </button>
        </div>
      </form>
      <p class="auth-switch">
        Already have an account?{" "}
        <A
          href={`/login${params.next ? `?next=${encodeURIComponent(safeNext(params.next))}` : ""}`}
          class="link"
        >
          Log in
        </A>
      </p>
    </div>
  );
}
