// Asks a creator whose address is not confirmed yet to confirm it (payouts need it), with a button that
// mails the link again. Shown above the page; it goes once the address is confirmed.
import { t } from "../i18n";
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
            <>{t("common.verifySent", { email: user()!.email })}</>
          ) : (
            <>
              {t("common.verifyAsk")}{" "}
              <A href="/settings/security" class="link">
                {t("common.securitySettings")}
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
            {busy() ? t("common.sending") : t("common.sendLink")}
          </button>
        </Show>
      </div>
    </Show>
  );
}
