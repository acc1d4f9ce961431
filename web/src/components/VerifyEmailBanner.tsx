// Asks a creator whose address is not confirmed yet to confirm it (payouts need it), with a button that
// mails the link again. Shown above the page; it goes once the address is confirmed.
import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { api, errorMessage } from "../api/client";
import { isCreator, user } from "../stores/session";
import { toast } from "../stores/toasts";
import Icon from "./Icon";

export default function VerifyEmailBanner() {
  const [busy, setBusy] = createSignal(false);
  const [sent, setSent] = createSignal(false);
  async function resend() {
    setBusy(true);
    try {
      await api.requestEmailVerification();
      setSent(true);
    } catch (err) {
      toast(errorMessage(err), "error");
    } finally {
      setBusy(false);
    }
  }
  return (
    <Show when={user() && isCreator() && !user()!.emailVerifiedAt}>
      <div class="verify-banner" role="status">
        <Icon name="send" size={18} />
        <span>
          {sent() ? (
            <>
              We sent a new link to <strong>{user()!.email}</strong>. Open it to confirm your address.
            </>
          ) : (
            <>
              Confirm your e-mail address to receive payouts.{" "}
              <A href="/settings/security" class="link">
                Security settings
              </A>
            </>
          )}
        </span>
        <Show when={!sent()}>
          <button
            type="button"
            class="btn btn-secondary btn-sm"
            disabled={busy()}
            onClick={() => void resend()}
          >
            {busy() ? "Sending…" : "Send the link"}
          </button>
        </Show>
      </div>
    </Show>
  );
}
