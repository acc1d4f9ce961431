// Finishing a sign-up that started with a provider: what the provider said (its address, a username
// suggestion), the name to use here, and the age confirmation; nothing is created before it.
import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, Show } from "solid-js";
import { ApiError, call, formMessage } from "../api/client";
import { Field, FormError } from "../components/Field";
import { AgeConfirmField } from "../components/AgeConfirmField";
import { LineSkeleton } from "../components/Skeleton";
import { REF_KEY } from "../components/sso/ProviderButtons";
import { t } from "../i18n";
import { safeNext } from "../lib/nav";
import { loadMe } from "../stores/session";
import { usePageTitle } from "../lib/page-title";

export default function SsoSignup() {
  usePageTitle(() => t("sso.finishTitle"));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [pending] = createResource(() =>
    call("get", "/api/v1/auth/sso/signup")
      .then((r) => r.signup)
      .catch(() => null),
  );
  const [username, setUsername] = createSignal<string | null>(null);
  const [displayName, setDisplayName] = createSignal<string | null>(null);
  const [email, setEmail] = createSignal("");
  const [adult, setAdult] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});

  async function submit(e: Event) {
    e.preventDefault();
    const p = pending();
    if (!p) return;
    setError(null);
    if (!adult()) {
      setFields({ ageConfirmed: t("auth.mustBeAdult") });
      return;
    }
    setFields({});
    setBusy(true);
    try {
      const ref = sessionStorage.getItem(REF_KEY);
      const name = (displayName() ?? p.displayName ?? "").trim();
      await call("post", "/api/v1/auth/sso/signup", {
        body: {
          username: (username() ?? p.suggestedUsername).trim(),
          ...(name ? { displayName: name } : {}),
          ...(p.email ? {} : { email: email().trim() }),
          ageConfirmed: true,
          ...(ref ? { ref } : {}),
        },
      });
      sessionStorage.removeItem(REF_KEY);
      await loadMe();
      navigate(safeNext(params.next), { replace: true });
    } catch (err) {
      setError(formMessage(err, ["email", "username", "displayName", "ageConfirmed"]));
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="auth-card card">
      <Show when={!pending.loading} fallback={<LineSkeleton />}>
        <Show
          when={pending()}
          fallback={
            <>
              <h1>{t("sso.finishTitle")}</h1>
              <p class="notice notice-error" role="alert">
                {t("sso.expired")}
              </p>
              <p class="auth-switch">
                <A href="/signup" class="link">
                  {t("auth.createAccount")}
                </A>
              </p>
            </>
          }
        >
          {(p) => (
            <>
              <h1>{t("sso.finishTitle")}</h1>
              <p class="muted lead">{t("sso.finishLead", { provider: p().provider.name })}</p>
              <form onSubmit={(e) => void submit(e)} novalidate>
                <Show
                  when={p().email}
                  fallback={
                    <Field
                      label={t("auth.email")}
                      type="email"
                      name="email"
                      autocomplete="email"
                      required
                      value={email()}
                      onInput={(e) => setEmail(e.currentTarget.value)}
                      error={fields().email}
                      hint={t("sso.emailNeedsLink")}
                    />
                  }
                >
                  {(address) => (
                    <Field
                      label={t("auth.email")}
                      type="email"
                      name="email"
                      readonly
                      value={address()}
                      error={fields().email}
                      hint={
                        p().emailVerified
                          ? t("sso.emailFromProvider", { provider: p().provider.name })
                          : t("sso.emailNeedsLink")
                      }
                    />
                  )}
                </Show>
                <Field
                  label={t("auth.username")}
                  name="username"
                  autocomplete="username"
                  required
                  prefix="@"
                  value={username() ?? p().suggestedUsername}
                  onInput={(e) => setUsername(e.currentTarget.value)}
                  error={fields().username}
                  hint={t("auth.usernameHint")}
                />
                <Field
                  label={t("auth.displayName")}
                  name="displayName"
                  autocomplete="name"
                  placeholder={t("auth.optional")}
                  value={displayName() ?? p().displayName ?? ""}
                  onInput={(e) => setDisplayName(e.currentTarget.value)}
                  error={fields().displayName}
                />
                <AgeConfirmField checked={adult()} error={fields().ageConfirmed} onChange={setAdult} />
                <FormError message={error()} />
                <div class="form-actions">
                  <button type="submit" class="btn btn-primary btn-lg btn-block" disabled={busy()}>
                    {busy() ? t("sso.creating") : t("sso.create")}
                  </button>
                </div>
              </form>
            </>
          )}
        </Show>
      </Show>
    </div>
  );
}
