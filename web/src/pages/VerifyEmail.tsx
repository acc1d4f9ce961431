// The page of the mailed verification link (/verify-email?token=…): confirms the address at once.
import { usePageTitle } from "../lib/page-title";
import { A, useSearchParams } from "@solidjs/router";
import { createSignal, Match, onMount, Switch } from "solid-js";
import { api, errorMessage } from "../api/client";
import Icon from "../components/Icon";
import { loadMe, user } from "../stores/session";
import { t } from "../i18n";

export default function VerifyEmail() {
  usePageTitle(() =>
    state() === "working"
      ? t("account.confirming")
      : state() === "done"
        ? t("account.addressConfirmed")
        : t("account.linkFailed"),
  );
  const [params] = useSearchParams();
  const token = () => (Array.isArray(params.token) ? params.token[0] : params.token) ?? "";
  const [state, setState] = createSignal<"working" | "done" | "failed">("working");
  const [error, setError] = createSignal("");

  onMount(async () => {
    if (!token()) {
      setError(t("account.needsLink"));
      setState("failed");
      return;
    }
    try {
      await api.verifyEmail(token());
      setState("done");
      if (user()) await loadMe();
    } catch (err) {
      setError(errorMessage(err));
      setState("failed");
    }
  });

  return (
    <div class="auth-card card">
      <Switch>
        <Match when={state() === "working"}>
          <div class="auth-done" aria-busy="true">
            <h1>{t("account.confirming")}</h1>
          </div>
        </Match>
        <Match when={state() === "done"}>
          <div class="auth-done" role="status">
            <span class="auth-done-icon auth-done-ok" aria-hidden="true">
              <Icon name="check" size={22} />
            </span>
            <h1>{t("account.addressConfirmed")}</h1>
            <p class="muted lead">{t("account.addressConfirmedLead")}</p>
            <A href={user() ? "/" : "/login"} class="btn btn-primary btn-lg btn-block">
              {user() ? t("account.goToSite") : t("auth.logIn")}
            </A>
          </div>
        </Match>
        <Match when={state() === "failed"}>
          <div class="auth-done" role="alert">
            <h1>{t("account.linkFailed")}</h1>
            <p class="muted lead">{error()}</p>
            <A href={user() ? "/settings/security" : "/login"} class="btn btn-primary btn-lg btn-block">
              {user() ? t("account.sendFromSecurity") : t("account.logInToSend")}
            </A>
          </div>
        </Match>
      </Switch>
    </div>
  );
}
