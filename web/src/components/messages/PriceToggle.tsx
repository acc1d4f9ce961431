// "Set a price" for a message a creator writes (a mass or welcome message): a button that opens the
// unlock price field, which can be removed again. The amount is typed as money in the creator's currency.
import { t } from "../../i18n";
import { Show } from "solid-js";
import { currencySymbol } from "../../lib/format";
import Icon from "../Icon";

export default function PriceToggle(props: {
  id: string;
  priced: boolean;
  onPriced: (on: boolean) => void;
  price: string;
  onPrice: (value: string) => void;
  currency: string;
  error?: string | undefined;
}) {
  return (
    <Show
      when={props.priced}
      fallback={
        <button type="button" class="btn btn-ghost btn-sm" onClick={() => props.onPriced(true)}>
          <Icon name="coin" size={18} /> {t("messages.setPrice")}
        </button>
      }
    >
      <div class="field field-inline" classList={{ "has-error": !!props.error }}>
        <label for={props.id}>{t("messages.unlockPrice")}</label>
        <div class="input-row">
          <div class="input-wrap has-prefix">
            <span class="input-affix input-prefix" aria-hidden="true">
              {currencySymbol(props.currency)}
            </span>
            <input
              id={props.id}
              class="input input-price"
              inputmode="decimal"
              placeholder="5.00"
              value={props.price}
              aria-invalid={props.error ? "true" : undefined}
              onInput={(e) => props.onPrice(e.currentTarget.value)}
            />
          </div>
          <button
            type="button"
            class="icon-btn"
            aria-label={t("messages.removePrice")}
            onClick={() => props.onPriced(false)}
          >
            <Icon name="close" size={18} />
          </button>
        </div>
        <Show when={props.error}>
          <p class="field-error">{props.error}</p>
        </Show>
      </div>
    </Show>
  );
}
