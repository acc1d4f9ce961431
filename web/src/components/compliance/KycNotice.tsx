// Where the KYC gate applies (paid posts, go live, payouts): says so before the person tries, with the
// way to verify. Shown only while the site requires verification and the person has no approved one.
import { A } from "@solidjs/router";
import { onMount, Show } from "solid-js";
import "../../compliance.css";
import { isAdmin } from "../../stores/session";
import { kyc, kycBlocks, loadKyc } from "../../stores/kyc";
import Icon from "../Icon";

export default function KycNotice(props: { action: string }) {
  onMount(() => void loadKyc());
  const pending = () => kyc()?.kyc?.status === "pending";
  return (
    <Show when={kycBlocks() && !isAdmin()}>
      <div class="kyc-gate" role="note">
        <span class="kyc-gate-text">
          <Icon name="shield" size={18} />
          {pending()
            ? `Your identity verification is under review. You can ${props.action} once it is approved.`
            : `This site asks creators to verify their identity before they ${props.action}.`}
        </span>
        <Show when={!pending()}>
          <A href="/settings/verification">Verify your identity →</A>
        </Show>
      </div>
    </Show>
  );
}
