// Log in: email and password, then (two-factor sign-in on) a code of the authenticator app or a
// recovery code; or a passkey instead of the password. "Forgot password?" leads to the reset by mail.
import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { ApiError, errorMessage, formMessage } from "../api/client";
import { Field, FormError } from "../components/Field";
import Icon from "../components/Icon";
import { passkeysSupported } from "../lib/passkeys";
import { safeNext } from "../lib/nav";
import { login, loginSecondFactor, loginWithPasskey } from "../stores/session";
import { siteName } from "../stores/site";

function SecondStep(props: { challenge: string; onDone: () => void; onRestart: () => void }) {
  const [recovery, setRecovery] = createSignal(false);
  const [code, setCode] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const value = code().trim();
      await loginSecondFactor(props.challenge, recovery() ? { recoveryCode: value } : { code: value });
      props.onDone();
    } catch (err) {
      if (err instanceof ApiError && err.code === "invalid_challenge") {
        props.onRestart();
        return;
      }
      setError(errorMessage(err));
      setCode("");
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>Two-step sign-in</h1>
      <p class="muted lead">
        {recovery()
          ? "Enter one of the recovery codes you saved when you turned on two-step sign-in. Each works once."
          : "Open your authenticator app and enter the 6-digit code for this site."}
      </p>
      <form onSubmit={(e) => void submit(e)} novalidate>
        <Show
          when={recovery()}
          fallback={
            <Field
              label="Code"
              name="code"
              inputmode="numeric"
              autocomplete="one-time-code"
              pattern="[0-9 ]*"
              maxlength={7}
              required
              autofocus
              class="otp-field"
              value={code()}
              onInput={(e) => setCode(e.currentTarget.value)}
            />
          }
        >
          <Field
            label="Recovery code"
            name="recoveryCode"
            autocomplete="off"
            spellcheck={false}
            required
            autofocus
            placeholder="abcd-efgh-ijkl-mnop"
            value={code()}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
        </Show>
        <FormError message={error()} />
        <div class="form-actions">
          <button type="submit" class="btn btn-primary btn-lg btn-block" disabled={busy() || !code().trim()}>
            {busy() ? "Checking…" : "Verify"}
          </button>
        </div>
      </form>
      <p class="auth-switch">
        <button
          type="button"
          class="link-btn"
          onClick={() => {
            setRecovery(!recovery());
            setCode("");
            setError(null);
          }}
        >
          {recovery() ? "Use a code from the app" : "Lost your phone? Use a recovery code"}
        </button>
      </p>
    </>
  );
}

export default function Login() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [passkeyBusy, setPasskeyBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const [challenge, setChallenge] = createSignal<string | null>(null);
  const done = () => navigate(safeNext(params.next), { replace: true });

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const r = await login({ email: email().trim(), password: password() });
      if ("challenge" in r) {
        setPassword("");
        setChallenge(r.challenge);
      } else done();
    } catch (err) {
      setError(formMessage(err, ["email", "password"]));
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }

  async function withPasskey() {
    setPasskeyBusy(true);
    setError(null);
    try {
      await loginWithPasskey();
      done();
    } catch (err) {
      // The person closed the browser's passkey prompt: nothing to say.
      if (err instanceof Error && err.name === "NotAllowedError") return;
      setError(errorMessage(err));
    } finally {
      setPasskeyBusy(false);
    }
  }

  return (
    <div class="auth-card card">
      <Show
        when={challenge()}
        fallback={
          <>
            <h1>Log in</h1>
            <p class="muted lead">Welcome back to {siteName()}.</p>
            <form onSubmit={(e) => void submit(e)} novalidate>
              <Field
                label="Email"
                type="email"
                name="email"
                autocomplete="email webauthn"
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
              <p class="forgot">
                <A href="/forgot-password" class="link small">
                  Forgot password?
                </A>
              </p>
              <FormError message={error()} />
              <div class="form-actions">
                <button type="submit" class="btn btn-primary btn-lg btn-block" disabled={busy()}>
                  {busy() ? "Logging in…" : "Log in"}
                </button>
              </div>
            </form>
            <Show when={passkeysSupported()}>
              <div class="or-divider" role="separator">
                <span>or</span>
              </div>
              <button
                type="button"
                class="btn btn-secondary btn-lg btn-block"
                disabled={passkeyBusy()}
                onClick={() => void withPasskey()}
              >
                <Icon name="lock" size={18} />{" "}
                {passkeyBusy() ? "Waiting for your passkey…" : "Sign in with a passkey"}
              </button>
            </Show>
            <p class="auth-switch">
              New here?{" "}
              <A
                href={`/signup${params.next ? `?next=${encodeURIComponent(safeNext(params.next))}` : ""}`}
                class="link"
              >
                Create an account
              </A>
            </p>
          </>
        }
      >
        {(c) => (
          <SecondStep
            challenge={c()}
            onDone={done}
            onRestart={() => {
              setChallenge(null);
              setError("That sign-in took too long. Enter your email and password again.");
            }}
          />
        )}
      </Show>
    </div>
  );
}
