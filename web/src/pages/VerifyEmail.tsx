// The page of the mailed verification link (/verify-email?token=…): confirms the address at once.
import { A, useSearchParams } from "@solidjs/router";
import { createSignal, Match, onMount, Switch } from "solid-js";
import { api, errorMessage } from "../api/client";
import Icon from "../components/Icon";
import { loadMe, user } from "../stores/session";

export default function VerifyEmail() {
  const [params] = useSearchParams();
  const token = () => (Array.isArray(params.token) ? params.token[0] : params.token) ?? "";
  const [state, setState] = createSignal<"working" | "done" | "failed">("working");
  const [error, setError] = createSignal("");

  onMount(async () => {
    if (!token()) {
      setError("This page needs the link from the mail we sent you.");
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
            <h1>Confirming your address…</h1>
          </div>
        </Match>
        <Match when={state() === "done"}>
          <div class="auth-done" role="status">
            <span class="auth-done-icon auth-done-ok" aria-hidden="true">
              <Icon name="check" size={22} />
            </span>
            <h1>Your address is confirmed</h1>
            <p class="muted lead">Thanks. Notices and payout statements will reach you there.</p>
            <A href={user() ? "/" : "/login"} class="btn btn-primary btn-lg btn-block">
              {user() ? "Go to the site" : "Log in"}
            </A>
          </div>
        </Match>
        <Match when={state() === "failed"}>
          <div class="auth-done" role="alert">
            <h1>That link did not work</h1>
            <p class="muted lead">{error()}</p>
            <A href={user() ? "/settings/security" : "/login"} class="btn btn-primary btn-lg btn-block">
              {user() ? "Send a new link from Security settings" : "Log in to send a new link"}
            </A>
          </div>
        </Match>
      </Switch>
    </div>
  );
}
