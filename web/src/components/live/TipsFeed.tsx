// The tips of a stream as the creator sees them while live: newest first, with the running total.
import { t } from "../../i18n";
import { For, Show } from "solid-js";
import { formatMoney } from "../../lib/format";
import type { LiveRoom } from "../../stores/live";
import Icon from "../Icon";

/** The sum of the tips among a stream's chat items (the studio's total and the end summary). */
export function tipTotal(items: readonly { kind: string; amountCents: number | null }[]): number {
  return items.reduce((sum, m) => (m.kind === "tip" ? sum + (m.amountCents ?? 0) : sum), 0);
}

export default function TipsFeed(props: { room: LiveRoom }) {
  const tips = () => props.room.items.filter((m) => m.kind === "tip").reverse();
  const cur = () => props.room.stream()?.currency ?? "USD";
  return (
    <section class="card live-tips" aria-labelledby="tips-title">
      <header class="live-chat-head">
        <h2 id="tips-title">{t("live.tips")}</h2>
        <strong class="live-tips-total">{formatMoney(tipTotal(props.room.items), cur())}</strong>
      </header>
      <Show when={tips().length > 0} fallback={<p class="muted small">{t("live.tipsEmpty")}</p>}>
        <ul class="live-tips-list" aria-live="polite">
          <For each={tips()}>
            {(t) => (
              <li class="live-tip">
                <span class="badge badge-success">
                  <Icon name="coin" size={14} /> {formatMoney(t.amountCents ?? 0, t.currency ?? cur())}
                </span>
                <strong class="truncate">{t.user.displayName}</strong>
                <Show when={t.text}>
                  <span class="muted truncate">“{t.text}”</span>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
