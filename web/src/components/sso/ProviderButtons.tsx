// "Continue with <name>" for each sign-in provider the site offers: the server starts the flow (its
// secrets stay there, behind a cookie) and answers the provider's URL, which the browser then opens.
import { createResource, createSignal, For, Show } from "solid-js";
import { call, errorMessage } from "../../api/client";
import { hasMessage, t } from "../../i18n";
import { FormError } from "../Field";

/** Starts a provider flow and leaves for the provider's page. */
export async function startProvider(provider: string, intent: "login" | "link", returnTo?: string) {
  const { url } = await call("post", "/api/v1/auth/sso/{provider}/start", {
    params: { provider },
    body: { intent, ...(returnTo ? { returnTo } : {}) },
  });
  window.location.assign(url);
}

export const providerList = () =>
  call("get", "/api/v1/auth/sso/providers")
    .then((r) => r.items)
    .catch(() => []);

/** A referral code survives the trip to the provider (the sign-up is finished on /signup/continue). */
export const REF_KEY = "fanz.signupRef";

export default function ProviderButtons(props: { returnTo?: string; divider?: boolean; ref?: string }) {
  const [providers] = createResource(providerList);
  const [busy, setBusy] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  async function go(id: string) {
    setBusy(id);
    setError(null);
    try {
      if (props.ref) sessionStorage.setItem(REF_KEY, props.ref);
      await startProvider(id, "login", props.returnTo);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(null);
    }
  }
  return (
    <Show when={(providers() ?? []).length > 0}>
      <Show when={props.divider !== false}>
        <div class="or-divider" role="separator">
          <span>{t("sso.or")}</span>
        </div>
      </Show>
      <div class="stack-sm sso-buttons">
        <For each={providers()}>
          {(p) => (
            <button
              type="button"
              class="btn btn-secondary btn-lg btn-block"
              disabled={busy() !== null}
              onClick={() => void go(p.id)}
            >
              {busy() === p.id
                ? t("sso.redirecting", { name: p.name })
                : t("sso.continueWith", { name: p.name })}
            </button>
          )}
        </For>
      </div>
      <FormError message={error()} />
    </Show>
  );
}

/** Reads and clears what the provider's callback put in the address's fragment (`#sso_error=…`). */
export function takeFragment(): URLSearchParams {
  const hash = window.location.hash.slice(1);
  const found = new URLSearchParams(hash);
  if (hash && [...found.keys()].some((k) => k.startsWith("sso")))
    history.replaceState(history.state, "", window.location.pathname + window.location.search);
  return found;
}

/** The words for an error code the callback sent back (the catalog's, else a general one). */
export function ssoErrorText(code: string): string {
  const key = `errors.${code}`;
  return hasMessage(key) ? t(key) : t("errors.sso_failed");
}
