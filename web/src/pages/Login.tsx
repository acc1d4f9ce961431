// Log in: email and password, then (two-factor sign-in on) a code of the authenticator app or a
// recovery code; or a passkey instead of the password; or "Continue with <provider>" (its callback comes
// back here with `#sso_error=<code>`, or `#sso_2fa=<challenge>` when the code is still to come). "Forgot password?" leads to the reset by mail.
import { usePageTitle } from "../lib/page-title";
import { t } from "../i18n";
import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { ApiError, errorMessage, formMessage } from "../api/client";
import { Field, FormError } from "../components/Field";
import Icon from "../components/Icon";
import { passkeysSupported } from "../lib/passkeys";
import { safeNext } from "../lib/nav";
import { login, loginSecondFactor, loginWithPasskey } from "../stores/session";
import { siteName } from "../stores/site";
import ProviderButtons, { ssoErrorText, takeFragment } from "../components/sso/ProviderButtons";

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
      <h1>{t("auth.twoStepTitle")}</h1>
      <p class="muted lead">{recovery() ? t("auth.recoveryHelp") : t("auth.appHelp")}</p>
      <form onSubmit={(e) => void submit(e)} novalidate>
        <Show
          when={recovery()}
          fallback={
            <Field
              label={t("auth.code")}
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
            label={t("auth.recoveryCode")}
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
            {busy() ? t("auth.checking") : t("auth.verify")}
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
          {recovery() ? t("auth.useApp") : t("auth.lostPhone")}
        </button>
      </p>
    </>
  );
}

export default function Login() {
  usePageTitle(() => t("auth.title"));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [passkeyBusy, setPasskeyBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const fromProvider = takeFragment();
  const [challenge, setChallenge] = createSignal<string | null>(fromProvider.get("sso_2fa"));
  const providerError = fromProvider.get("sso_error");
  if (providerError) setError(ssoErrorText(providerError));
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
            <h1>{t("auth.title")}</h1>
            <p class="muted lead">{t("auth.welcome", { site: siteName() })}</p>
            <form onSubmit={(e) => void submit(e)} novalidate>
              <Field
                label={t("auth.email")}
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
                label={t("auth.password")}
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
                  {t("auth.forgot")}
                </A>
              </p>
              <FormError message={error()} />
              <div class="form-actions">
                <button type="submit" class="btn btn-primary btn-lg btn-block" disabled={busy()}>
                  {busy() ? t("auth.loggingIn") : t("auth.logIn")}
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
                <Icon name="lock" size={18} /> {passkeyBusy() ? t("auth.waitingPasskey") : t("auth.passkey")}
              </button>
            </Show>
            <ProviderButtons returnTo={safeNext(params.next)} divider={!passkeysSupported()} />
            <p class="auth-switch">
              {t("auth.newHere")}{" "}
              <A
                href={`/signup${params.next ? `?next=${encodeURIComponent(safeNext(params.next))}` : ""}`}
                class="link"
              >
                {t("auth.createAccount")}
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
              setError(t("auth.tooLong"));
            }}
          />
        )}
      </Show>
    </div>
  );
}
