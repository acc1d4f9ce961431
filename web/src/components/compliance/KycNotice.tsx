// Where the KYC gate applies (paid posts, go live, payouts): says so before the person tries, with the
// way to verify. Shown only while the site requires verification and the person has no approved one.
import { A } from "@solidjs/router";
import { onMount, Show } from "solid-js";
import "../../compliance.css";
import { isAdmin } from "../../stores/session";
import { kyc, kycBlocks, loadKyc } from "../../stores/kyc";
import Icon from "../Icon";
import { t } from "../../i18n";

export default function KycNotice(props: { action: string }) {
  onMount(() => void loadKyc());
  const pending = () => kyc()?.kyc?.status === "pending";
  return (
    <Show when={kycBlocks() && !isAdmin()}>
      <div class="kyc-gate" role="note">
        <span class="kyc-gate-text">
          <Icon name="shield" size={18} />
          {pending()
            ? t("compliance.kycPending", { action: props.action })
            : t("compliance.kycAsk", { action: props.action })}
        </span>
        <Show when={!pending()}>
          <A href="/settings/verification">{t("compliance.kycVerify")}</A>
        </Show>
      </div>
    </Show>
  );
}
