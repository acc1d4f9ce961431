import { For } from "solid-js";
import { dismissToast, toasts } from "../stores/toasts";
import Icon from "./Icon";

export default function Toasts() {
  return (
    <div class="toasts" role="status" aria-live="polite" aria-relevant="additions text">
      <For each={toasts()}>
        {(t) => (
          <div class={`toast toast-${t.kind}`}>
            <span>{t.text}</span>
            <button
              type="button"
              class="icon-btn icon-btn-sm"
              aria-label="Dismiss"
              onClick={() => dismissToast(t.id)}
            >
              <Icon name="close" size={16} />
            </button>
          </div>
        )}
      </For>
    </div>
  );
}
