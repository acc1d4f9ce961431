// A creator's promotion as fans see it: the offer behind a promotion link (`/<creator>?promo=CODE`) or
// the creator's public offer, the banner on the creator page and the price lines in the subscribe dialog
// (the normal price struck through, then the discounted price, or the free days).
import { useSearchParams } from "@solidjs/router";
import { createEffect, createSignal, on, Show, type Accessor } from "solid-js";
import { api } from "../api/client";
import type { Promotion } from "../api/schema.gen";
import { formatDate, t } from "../i18n";
import { formatMoney } from "../lib/format";
import Icon from "./Icon";
import "../promotions.css";

export interface OfferState {
  promotion: Promotion | null;
  /** The page was opened through a promotion link (open the subscribe dialog with it). */
  fromLink: boolean;
  /** The link's promotion exists but cannot be redeemed any more (used up or expired). */
  gone: boolean;
}

/** What a discount leaves of a price; the server rounds the discount the same way (to the nearest cent). */
export const discounted = (cents: number, percentOff: number) =>
  cents - Math.round((cents * percentOff) / 100);

/** The offer for this creator page: the link's promotion if the URL has one, else the public offer. */
export function usePromotionOffer(username: Accessor<string>): Accessor<OfferState> {
  const [params] = useSearchParams();
  const [state, setState] = createSignal<OfferState>({ promotion: null, fromLink: false, gone: false });
  createEffect(
    on(
      () => [username(), params.promo] as const,
      async ([name, code]) => {
        setState({ promotion: null, fromLink: false, gone: false });
        try {
          if (typeof code === "string" && code) {
            const p = (await api.promotionOffer(code)).promotion;
            if (p.creator.username.toLowerCase() === name.toLowerCase())
              setState({ promotion: p.available ? p : null, fromLink: true, gone: !p.available });
            return;
          }
          setState({ promotion: (await api.creatorOffer(name)).promotion, fromLink: false, gone: false });
        } catch {
          // An unknown or deleted code shows no offer; the page itself still works.
          setState({ promotion: null, fromLink: !!code, gone: !!code });
        }
      },
    ),
  );
  return state;
}

export const offerText = (p: Promotion) =>
  p.kind === "trial"
    ? t("promotions.offer.trial", { count: p.trialDays ?? 0 })
    : t("promotions.offer.discount", { percent: p.percentOff ?? 0 });

/** The creator page's offer box above the subscribe button. */
export function PromotionBanner(props: { offer: OfferState; onClaim: () => void }) {
  return (
    <>
      <Show when={props.offer.promotion}>
        {(p) => (
          <div class="promo-banner" role="note">
            <Icon name="gift" size={18} />
            <div class="promo-banner-text">
              <span class="promo-banner-label">{t("promotions.offer.label")}</span>
              <strong>{offerText(p())}</strong>
              <Show when={p().expiresAt}>
                {(at) => <span class="muted">{t("promotions.offer.until", { date: formatDate(at()) })}</span>}
              </Show>
            </div>
            <button type="button" class="btn btn-primary btn-sm" onClick={() => props.onClaim()}>
              {t("promotions.offer.claim")}
            </button>
          </div>
        )}
      </Show>
      <Show when={props.offer.gone}>
        <p class="promo-gone muted">{t("promotions.offer.gone")}</p>
      </Show>
    </>
  );
}

/** The subscribe dialog's offer line: what the first period costs with it, and what follows. */
export function PromotionPrice(props: { promotion: Promotion; priceCents: number; currency: string }) {
  const money = (c: number) => formatMoney(c, props.currency);
  return (
    <div class="promo-price" role="note">
      <span class="badge badge-accent">
        <Icon name="gift" size={14} /> {t("promotions.dialog.code", { code: props.promotion.code })}
      </span>
      <div class="promo-price-line">
        <Show
          when={props.promotion.kind === "discount"}
          fallback={<strong>{offerText(props.promotion)}</strong>}
        >
          <del aria-label={t("promotions.dialog.instead", { price: money(props.priceCents) })}>
            {money(props.priceCents)}
          </del>{" "}
          <strong class="promo-now">
            {money(discounted(props.priceCents, props.promotion.percentOff ?? 0))}
          </strong>{" "}
          <span class="muted">{offerText(props.promotion)}</span>
        </Show>
      </div>
      <span class="muted">{t("promotions.dialog.then", { price: money(props.priceCents) })}</span>
    </div>
  );
}
