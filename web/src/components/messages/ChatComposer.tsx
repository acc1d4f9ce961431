// Writing a message: text (Enter sends, Shift+Enter starts a new line), and for creators photos or videos
// (uploaded with progress, or from the vault) and an optional price that makes it pay-per-view, which
// needs media. The message shows at once as a pending bubble; the other person sees "typing…" meanwhile.
import { t } from "../../i18n";
import { createSignal, onMount, Show } from "solid-js";
import type { Media } from "../../api/schema.gen";
import { currencySymbol, parseMoneyToCents } from "../../lib/format";
import { loadMyCreator, myCreator } from "../../stores/creators";
import type { Chat } from "../../stores/chat";
import { sendTyping } from "../../stores/messages";
import { isCreator } from "../../stores/session";
import { siteCurrency } from "../../stores/site";
import Icon from "../Icon";
import { createMediaPicker, MediaButtons, MediaTiles } from "../MediaPicker";

const MAX_HEIGHT = 160;

/**
 * Puts focus back in the chat's text box after the control that had it went away (an unsent message,
 * a deleted failed one, the notice that gave way to the composer), so it never falls to the page.
 */
export function focusComposer(conversationId: string): void {
  queueMicrotask(() => document.getElementById(`chat-text-${conversationId}`)?.focus());
}

export default function ChatComposer(props: { chat: Chat; conversationId: string; recipient: string }) {
  let textarea!: HTMLTextAreaElement;
  const [text, setText] = createSignal("");
  const [priced, setPriced] = createSignal(false);
  const [price, setPrice] = createSignal("");
  const [problem, setProblem] = createSignal<string | null>(null);
  const media = createMediaPicker();
  const currency = () => myCreator()?.currency ?? siteCurrency();
  onMount(() => {
    if (isCreator()) void loadMyCreator();
  });

  const fit = () => {
    textarea.style.height = "auto";
    textarea.style.height = `${Math.min(textarea.scrollHeight, MAX_HEIGHT)}px`;
  };
  const empty = () => !text().trim() && media.tiles.length === 0;

  function send() {
    setProblem(null);
    if (empty()) return;
    if (media.uploading() > 0) {
      setProblem(t("messages.waitUploads"));
      return;
    }
    let priceCents: number | undefined;
    if (priced()) {
      const c = parseMoneyToCents(price());
      if (c === null || c <= 0) {
        setProblem(t("messages.enterPrice"));
        return;
      }
      if (media.ids().length === 0) {
        setProblem(t("messages.needsMedia"));
        return;
      }
      priceCents = c;
    }
    const shown = media.tiles.flatMap((t) => (t.media && t.state !== "error" ? [t.media as Media] : []));
    props.chat.send(
      {
        text: text().trim(),
        ...(media.ids().length > 0 ? { mediaIds: media.ids() } : {}),
        ...(priceCents ? { priceCents } : {}),
      },
      shown,
    );
    setText("");
    setPriced(false);
    setPrice("");
    media.reset();
    fit();
    // The send button turns disabled once the text is gone; focus must not fall to the page.
    textarea.focus();
  }

  return (
    <form
      class="chat-composer"
      aria-label={t("messages.writeTo", { name: props.recipient })}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <MediaTiles picker={media} />
      <Show when={priced()}>
        <div class="chat-price">
          <label for={`chat-price-${props.conversationId}`}>{t("messages.unlockPrice")}</label>
          <div class="input-wrap has-prefix">
            <span class="input-affix input-prefix" aria-hidden="true">
              {currencySymbol(currency())}
            </span>
            <input
              id={`chat-price-${props.conversationId}`}
              class="input input-price"
              inputmode="decimal"
              placeholder="5.00"
              value={price()}
              onInput={(e) => setPrice(e.currentTarget.value)}
            />
          </div>
          <button
            type="button"
            class="icon-btn icon-btn-sm"
            aria-label={t("messages.removePrice")}
            onClick={() => {
              setPriced(false);
              setPrice("");
            }}
          >
            <Icon name="close" size={16} />
          </button>
          <span class="muted small">{t("messages.blurHint")}</span>
        </div>
      </Show>
      <Show when={problem()}>
        <p class="field-error" role="alert">
          {problem()}
        </p>
      </Show>
      <div class="chat-composer-row">
        <Show when={isCreator()}>
          <div class="chat-tools">
            <MediaButtons picker={media} idPrefix={`chat-${props.conversationId}`} />
            <Show when={!priced()}>
              <button
                type="button"
                class="btn btn-ghost btn-sm"
                title={t("messages.makePpv")}
                onClick={() => setPriced(true)}
              >
                <Icon name="coin" size={18} /> {t("messages.price")}
              </button>
            </Show>
          </div>
        </Show>
        <label class="sr-only" for={`chat-text-${props.conversationId}`}>
          {t("messages.message")}
        </label>
        <textarea
          ref={textarea}
          id={`chat-text-${props.conversationId}`}
          class="chat-input"
          rows={1}
          maxLength={5000}
          placeholder={t("messages.messageTo", { name: props.recipient })}
          value={text()}
          onInput={(e) => {
            setText(e.currentTarget.value);
            fit();
            if (e.currentTarget.value.trim()) sendTyping(props.conversationId);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              send();
            }
          }}
        />
        <button
          type="submit"
          class="btn btn-primary chat-send"
          disabled={empty()}
          aria-label={t("messages.send")}
        >
          <Icon name="send" size={18} />
        </button>
      </div>
    </form>
  );
}
