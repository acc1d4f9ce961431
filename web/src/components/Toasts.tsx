import { t } from "../i18n";
import { For } from "solid-js";
import { dismissToast, toasts } from "../stores/toasts";
import Icon from "./Icon";

export default function Toasts() {
  return (
    <div class="toasts" role="status" aria-live="polite" aria-relevant="additions text">
      <For each={toasts()}>
        {(item) => (
          <div class={`toast toast-${item.kind}`}>
            <span>{item.text}</span>
            <button
              type="button"
              class="icon-btn icon-btn-sm"
              aria-label={t("common.dismiss")}

              onClick={() => dismissToast(item.id)}
            >
              <Icon name="close" size={16} />
            </button>
          </div>
        )}
      </For>
    </div>
  );
}
