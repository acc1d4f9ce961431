// The chat's history: newest at the bottom, day separators, older pages loaded when scrolled near the top
// (the view keeps its place while they are put in above), the typing indicator, and a "New messages"
// button when something arrives while the person reads further up. New messages from the other person
// are also announced through a polite live region.
import { t } from "../../i18n";
import { createEffect, createSignal, For, on, onCleanup, onMount, Show } from "solid-js";
import type { Message, PublicUser } from "../../api/schema.gen";
import { dayKey, dayLabel } from "../../lib/format";
import { mediaCount } from "../../lib/media";
import type { Chat } from "../../stores/chat";
import { user } from "../../stores/session";
import Avatar from "../Avatar";
import Icon from "../Icon";
import { focusComposer } from "./ChatComposer";
import MessageBubble, { PendingBubble } from "./MessageBubble";

/** Closer than this to the top loads the older page; closer than NEAR_BOTTOM to the end follows new ones. */
const NEAR_TOP = 240;
const NEAR_BOTTOM = 96;

export default function MessageList(props: { chat: Chat; other: PublicUser }) {
  let scroller!: HTMLDivElement;
  const chat = () => props.chat;
  const me = () => user()?.id;
  const [atBottom, setAtBottom] = createSignal(true);
  const [unseen, setUnseen] = createSignal(0);
  const [announce, setAnnounce] = createSignal("");

  const toBottom = (smooth = false) => {
    scroller.scrollTo({ top: scroller.scrollHeight, behavior: smooth ? "smooth" : "auto" });
    setUnseen(0);
  };

  /** Older pages go in above; the distance from the bottom stays, so what is on screen stays put. */
  async function loadOlder(): Promise<void> {
    if (!chat().hasOlder() || chat().loadingOlder()) return;
    const fromBottom = scroller.scrollHeight - scroller.scrollTop;
    await chat().loadOlder();
    scroller.scrollTop = scroller.scrollHeight - fromBottom;
    // A short first page leaves nothing to scroll: keep going until there is, or the start is reached.
    if (scroller.scrollHeight <= scroller.clientHeight && chat().hasOlder() && !chat().olderError())
      void loadOlder();
  }

  function onScroll() {
    const bottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < NEAR_BOTTOM;
    setAtBottom(bottom);
    if (bottom) setUnseen(0);
    if (scroller.scrollTop < NEAR_TOP) void loadOlder();
  }

  // The first page: start at the newest message.
  createEffect(
    on(
      () => chat().loaded(),
      (loaded) => {
        if (!loaded) return;
        toBottom();
        if (scroller.scrollHeight <= scroller.clientHeight) void loadOlder();
      },
    ),
  );

  // Something new at the end: follow it when the person is at the end or it is their own.
  const lastKey = () => {
    const pending = chat().pending;
    if (pending.length > 0) return `p:${pending[pending.length - 1]!.clientId}`;
    const items = chat().items;
    return items.length > 0 ? items[items.length - 1]!.id : "";
  };
  createEffect(
    on(
      lastKey,
      (key, prev) => {
        if (!chat().loaded() || prev === undefined || key === prev) return;
        const items = chat().items;
        const last = items[items.length - 1];
        const mine = key.startsWith("p:") || last?.senderId === me();
        if (mine || atBottom()) queueMicrotask(() => toBottom(!mine));
        else setUnseen((n) => n + 1);
      },
      { defer: true },
    ),
  );

  createEffect(
    on(
      () => chat().typing(),
      (typing) => {
        if (typing && atBottom()) queueMicrotask(() => toBottom(true));
      },
    ),
  );

  createEffect(
    on(
      () => chat().arrived(),
      (m) => {
        if (m)
          setAnnounce(
            `${props.other.displayName}: ${m.text.trim() || mediaCount(m.media) || t("messages.aMessage")}`,
          );
      },
    ),
  );

  onMount(() => {
    // Keep the newest message in view when the keyboard or the window changes the height.
    const ro = new ResizeObserver(() => atBottom() && toBottom());
    ro.observe(scroller);
    onCleanup(() => ro.disconnect());
  });

  /** Own messages at or before the other person's read position are read. */
  const readIndex = () => {
    const id = chat().conversation()?.readUpTo?.messageId;
    return id ? chat().items.findIndex((m) => m.id === id) : -1;
  };
  /**
   * When the message they read up to is not in the list (unsent since, or older than what is loaded),
   * its time decides: a reader's place is the newest message they had when they read, so what was sent
   * before then was read.
   */
  const isRead = (m: Message, i: number) => {
    const r = chat().conversation()?.readUpTo;
    if (!r) return false;
    const at = readIndex();
    return at >= 0 ? i <= at : m.createdAt <= r.at;
  };

  return (
    <div class="chat-body">
      <div
        ref={scroller}
        class="chat-scroll"
        tabindex="0"
        role="region"
        aria-label={t("messages.messagesWith", { name: props.other.displayName })}
        onScroll={onScroll}
      >
        <div class="chat-start">
          <Show
            when={chat().hasOlder()}
            fallback={
              <Show when={chat().loaded()}>
                <div class="chat-intro">
                  <Avatar
                    name={props.other.displayName}
                    username={props.other.username}
                    url={props.other.avatarUrl}
                    srcset={props.other.avatarSrcset}
                    size="lg"
                  />
                  <p>
                    {t("messages.startWith")} <strong>{props.other.displayName}</strong>
                  </p>
                </div>
              </Show>
            }
          >
            <Show
              when={chat().olderError()}
              fallback={
                <p class="muted small chat-loading" aria-live="polite">
                  {chat().loadingOlder() ? t("messages.loadingEarlier") : ""}
                </p>
              }
            >
              {(msg) => (
                <div class="notice notice-error" role="alert">
                  <p>{msg()}</p>
                  <button type="button" class="btn btn-secondary btn-sm" onClick={() => void loadOlder()}>
                    {t("common.tryAgain")}
                  </button>
                </div>
              )}
            </Show>
          </Show>
        </div>

        <Show when={chat().loaded()} fallback={<BubbleSkeletons />}>
          <For each={chat().items}>
            {(m, i) => (
              <>
                <Show when={i() === 0 || dayKey(chat().items[i() - 1]!.createdAt) !== dayKey(m.createdAt)}>
                  <div class="day-sep" role="separator">
                    <span>{dayLabel(m.createdAt)}</span>
                  </div>
                </Show>
                <MessageBubble
                  message={m}
                  mine={m.senderId === me()}
                  read={m.senderId === me() && isRead(m, i())}
                  other={props.other}
                  onChange={(next) => chat().replace(next)}
                  onUnsend={(id) => chat().unsend(id)}
                />
              </>
            )}
          </For>
          <For each={chat().pending}>
            {(p) => (
              <PendingBubble
                pending={p}
                onRetry={chat().retry}
                onDiscard={(clientId) => {
                  chat().discard(clientId);
                  focusComposer(chat().conversationId);
                }}
              />
            )}
          </For>
        </Show>

        <Show when={chat().typing()}>
          <div class="typing" aria-hidden="true">
            <span class="typing-dots">
              <span />
              <span />
              <span />
            </span>
            {t("messages.typing", { name: props.other.displayName })}
          </div>
        </Show>
      </div>

      <Show when={unseen() > 0}>
        <button type="button" class="btn btn-primary btn-sm chat-new" onClick={() => toBottom(true)}>
          <Icon name="arrow-down" size={16} />
          {unseen() === 1 ? t("messages.newMessage") : t("messages.newMessages", { count: unseen() })}
        </button>
      </Show>
      <p class="sr-only" aria-live="polite">
        {announce()}
      </p>
    </div>
  );
}

function BubbleSkeletons() {
  return (
    <div class="stack-sm" aria-busy="true" aria-label={t("messages.loadingMessages")}>
      <For each={[55, 35, 65, 40]}>
        {(w, i) => (
          <div class="bubble-row" classList={{ mine: i() % 2 === 1 }} aria-hidden="true">
            <span class="sk bubble-sk" style={{ width: `${w}%` }} />
          </div>
        )}
      </For>
    </div>
  );
}
