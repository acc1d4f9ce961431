// Earnings › Referrals: the creator's sign-up link, how many people came through it (and became
// creators), and what the referral shares earned (net of refunds, from GET /earnings).
import { createSignal, onMount, Show } from "solid-js";
import { api } from "../api/client";
import type { ReferralInfo } from "../api/schema.gen";
import { formatNumber, t } from "../i18n";
import { formatMoney } from "../lib/format";
import { toast } from "../stores/toasts";
import "../promotions.css";

export default function ReferralsCard(props: { earnedCents: number; currency: string }) {
  const [info, setInfo] = createSignal<ReferralInfo | null>(null);
  onMount(async () => {
    try {
      setInfo((await api.referrals()).referrals);
    } catch {
      // Not a creator (yet): the card stays hidden.
    }
  });
  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      toast(t("referrals.copied"), "success");
    } catch {
      toast(url, "info", 10_000);
    }
  }
  return (
    <Show when={info()}>
      {(r) => (
        <section class="card form-card" aria-labelledby="referrals-title">
          <h2 id="referrals-title">{t("referrals.title")}</h2>
          <p class="muted promo-intro">
            {t("referrals.intro", { percent: formatNumber(r().sharePercent), months: r().months })}
          </p>
          <div class="field">
            <span class="field-label">{t("referrals.link")}</span>
            <div class="referral-link">
              <code>{r().url}</code>
              <button type="button" class="btn btn-ghost btn-sm" onClick={() => void copy(r().url)}>
                {t("referrals.copy")}
              </button>
            </div>
          </div>
          <dl class="summary">
            <div>
              <dt>{t("referrals.people")}</dt>
              <dd>{formatNumber(r().referredCount)}</dd>
            </div>
            <div>
              <dt>{t("referrals.creators")}</dt>
              <dd>{formatNumber(r().creatorsCount)}</dd>
            </div>
            <div>
              <dt>{t("referrals.earned")}</dt>
              <dd>
                <strong>{formatMoney(props.earnedCents, props.currency)}</strong>
              </dd>
            </div>
          </dl>
        </section>
      )}
    </Show>
  );
}
