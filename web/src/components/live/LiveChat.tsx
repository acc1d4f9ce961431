// A live stream's chat: the lines and tips as they come (the newest at the bottom, followed while the
// viewer is at the end), and a one-line input (Enter sends, 500 characters at most) with the server's
// refusals shown above it. The creator (and admins) get a menu on each line: hide it, mute or remove
// its author.
import { t } from "../../i18n";
import { A } from "@solidjs/router";
import { createEffect, createSignal, For, Match, on, Show, Switch, type JSX } from "solid-js";
import { api, errorMessage } from "../../api/client";
import type { LiveChatItem } from "../../api/schema.gen";
import { clockTime, formatMoney } from "../../lib/format";
import { CHAT_MAX, type LiveRoom } from "../../stores/live";
import { user } from "../../stores/session";
import { toast } from "../../stores/toasts";
import Avatar from "../Avatar";
import Icon from "../Icon";
import Menu from "../Menu";
import ReportDialog from "../ReportDialog";

const NEAR_BOTTOM = 80;

export default function LiveChat(props: {
  room: LiveRoom;
  /** The creator or an admin: lines can be hidden, their authors muted or removed. */
  moderator?: boolean;
  /** Shown in place of the input (a tip button, say). */
  actions?: JSX.Element;
  class?: string;
}) {
  let scroller!: HTMLDivElement;
  let input!: HTMLInputElement;
  const [text, setText] = createSignal("");
  const [atBottom, setAtBottom] = createSignal(true);
  const [mutedUsers, setMutedUsers] = createSignal<Set<string>>(new Set());
  const [reporting, setReporting] = createSignal<{ username: string; text: string } | null>(null);
  const room = () => props.room;
  const s = () => room().stream();
  const live = () => s()?.status === "live";

  const toBottom = () => {
    scroller.scrollTop = scroller.scrollHeight;
  };

  createEffect(
    on(
      () => room().items.length,
      () => {
        const items = room().items;
        const last = items[items.length - 1];
        if (atBottom() || last?.user.username === user()?.username) queueMicrotask(toBottom);
      },
    ),
  );

  function send(): void {
    if (!text().trim()) return;
    if (room().send(text())) setText("");
    input.focus();
  }

  async function moderate(m: LiveChatItem, action: "mute" | "unmute" | "remove"): Promise<void> {
    const sid = s()?.id;
    if (!sid) return;
    try {
      await api.moderateLive(sid, m.user.username, action);
      setMutedUsers((set) => {
        const next = new Set(set);
        if (action === "mute") next.add(m.user.username);
        else next.delete(m.user.username);
        return next;
      });
      toast(
        action === "mute"
          ? t("live.mutedToast", { user: m.user.username })
          : action === "unmute"
            ? t("live.unmutedToast", { user: m.user.username })
            : t("live.removedToast", { user: m.user.username }),
        "success",
      );
    } catch (err) {
      toast(errorMessage(err), "error");
    }
  }

  async function hideLine(m: LiveChatItem): Promise<void> {
    const sid = s()?.id;
    if (!sid) return;
    try {
      await api.hideLiveChat(sid, m.id);
      room().hide(m.id);
    } catch (err) {
      toast(errorMessage(err), "error");
    }
  }

  const left = () => CHAT_MAX - text().length;

  return (
    <section class={`card live-chat ${props.class ?? ""}`} aria-labelledby="live-chat-title">
      <header class="live-chat-head">
        <h2 id="live-chat-title">{t("live.liveChat")}</h2>
        <Show when={live()}>
          <span class="muted small">
            <Icon name="eye" size={16} /> {t("live.watching", { count: room().viewers() })}
          </span>
        </Show>
      </header>
      <div
        ref={scroller}
        class="live-chat-lines"
        role="log"
        aria-live="polite"
        aria-label={t("live.chatMessages")}
        tabindex="0"
        onScroll={() =>
          setAtBottom(scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < NEAR_BOTTOM)
        }
      >
        <Show
          when={room().items.length > 0}
          fallback={
            <p class="live-chat-empty muted small">
              {!user()
                ? t("live.loginToRead")
                : room().chatError()
                  ? room().chatError()
                  : live()
                    ? t("live.sayHi")
                    : t("live.chatOpensLive")}
            </p>
          }
        >
          <For each={room().items}>
            {(m) => (
              <div class="live-line" classList={{ "live-line-tip": m.kind === "tip" }}>
                <Avatar
                  name={m.user.displayName}
                  username={m.user.username}
                  url={m.user.avatarUrl}
                  size="sm"
                />
                <div class="live-line-body">
                  <span class="live-line-who">
                    <strong>{m.user.displayName}</strong>
                    <Show when={m.kind === "tip" && m.amountCents !== null}>
                      <span class="badge badge-success live-tip-amount">
                        <Icon name="coin" size={14} /> {t("live.tipped")}{" "}
                        {formatMoney(m.amountCents ?? 0, m.currency ?? "USD")}
                      </span>
                    </Show>
                    <time class="live-line-time" datetime={new Date(m.createdAt).toISOString()}>
                      {clockTime(m.createdAt)}
                    </time>
                  </span>
                  <Show when={m.text}>
                    <span class="live-line-text">{m.text}</span>
                  </Show>
                </div>
                <Show when={!props.moderator && user() && m.user.username !== user()?.username && s()}>
                  <Menu
                    label={t("live.lineOptions", { name: m.user.displayName })}
                    button={<Icon name="more" size={18} />}
                    buttonClass="icon-btn icon-btn-sm live-line-menu"
                    align="end"
                  >
                    {(close) => (
                      <button
                        type="button"
                        role="menuitem"
                        class="menu-item"
                        onClick={() => {
                          close();
                          setReporting({ username: m.user.username, text: m.text });
                        }}
                      >
                        <Icon name="flag" size={18} /> {t("live.report")}
                      </button>
                    )}
                  </Menu>
                </Show>
                <Show when={props.moderator && m.user.username !== user()?.username}>
                  <Menu
                    label={t("live.moderateLine", { name: m.user.displayName })}
                    button={<Icon name="more" size={18} />}
                    buttonClass="icon-btn icon-btn-sm live-line-menu"
                    align="end"
                  >
                    {(close) => (
                      <>
                        <button
                          type="button"
                          role="menuitem"
                          class="menu-item"
                          onClick={() => {
                            close();
                            void hideLine(m);
                          }}
                        >
                          <Icon name="trash" size={18} /> {t("live.hideMessage")}
                        </button>
                        <Show
                          when={mutedUsers().has(m.user.username)}
                          fallback={
                            <button
                              type="button"
                              role="menuitem"
                              class="menu-item"
                              onClick={() => {
                                close();
                                void moderate(m, "mute");
                              }}
                            >
                              <Icon name="mic-off" size={18} />{" "}
                              {t("live.muteUser", { user: m.user.username })}
                            </button>
                          }
                        >
                          <button
                            type="button"
                            role="menuitem"
                            class="menu-item"
                            onClick={() => {
                              close();
                              void moderate(m, "unmute");
                            }}
                          >
                            <Icon name="volume" size={18} /> {t("live.unmuteUser", { user: m.user.username })}
                          </button>
                        </Show>
                        <button
                          type="button"
                          role="menuitem"
                          class="menu-item menu-danger"
                          onClick={() => {
                            close();
                            void moderate(m, "remove");
                          }}
                        >
                          <Icon name="block" size={18} /> {t("live.removeUser", { user: m.user.username })}
                        </button>
                      </>
                    )}
                  </Menu>
                </Show>
              </div>
            )}
          </For>
        </Show>
      </div>
      <Show when={reporting() && s()}>
        <ReportDialog
          target={{ type: "stream", id: s()!.id }}
          details={`In the live chat, @${reporting()!.username} wrote: "${reporting()!.text}"`}
          onClose={() => setReporting(null)}
        />
      </Show>
      <Show when={!atBottom()}>
        <button
          type="button"
          class="btn btn-secondary btn-sm live-chat-more"
          onClick={() => {
            toBottom();
            setAtBottom(true);
          }}
        >
          <Icon name="arrow-down" size={16} /> {t("live.latest")}
        </button>
      </Show>

      <Switch>
        <Match when={!user()}>
          <div class="live-chat-notice">
            <p>{t("live.loginToChat")}</p>
            <A href={`/login?next=${encodeURIComponent(location.pathname)}`} class="btn btn-primary btn-sm">
              {t("live.logIn")}
            </A>
          </div>
        </Match>
        <Match when={room().removed()}>
          <div class="live-chat-notice" role="status">
            <Icon name="block" />
            <p>{t("live.youWereRemoved")}</p>
          </div>
        </Match>
        <Match when={!live()}>
          <div class="live-chat-notice muted small">
            {s()?.status === "ended" ? t("live.chatClosed") : t("live.chatOpensStart")}
          </div>
        </Match>
        <Match when={true}>
          <Show when={room().error()}>
            {(e) => (
              <p class="field-error live-chat-error" role="alert">
                {e().message}
              </p>
            )}
          </Show>
          <Show when={room().muted()}>
            <p class="live-chat-notice muted small" role="status">
              <Icon name="mic-off" size={16} /> {t("live.youAreMuted")}
            </p>
          </Show>
          <form
            class="live-chat-form"
            onSubmit={(e) => {
              e.preventDefault();
              send();
            }}
          >
            <label class="sr-only" for={`live-chat-input-${s()?.id ?? ""}`}>
              {t("live.chatMessage")}
            </label>
            <input
              ref={input}
              id={`live-chat-input-${s()?.id ?? ""}`}
              class="input live-chat-input"
              type="text"
              autocomplete="off"
              maxLength={CHAT_MAX}
              placeholder={room().muted() ? t("live.mutedPlaceholder") : t("live.saySomething")}
              disabled={room().muted()}
              value={text()}
              aria-describedby={left() < 50 ? `live-chat-left-${s()?.id ?? ""}` : undefined}
              onInput={(e) => {
                setText(e.currentTarget.value);
                if (room().error()) room().clearError();
              }}
              onKeyDown={(e) => {
                if (e.key === "Enter" && !e.isComposing) {
                  e.preventDefault();
                  send();
                }
              }}
            />
            <button
              type="submit"
              class="btn btn-primary live-chat-send"
              disabled={!text().trim() || room().muted()}
              aria-label={t("live.send")}
            >
              <Icon name="send" size={18} />
            </button>
            {props.actions}
          </form>
          <Show when={left() < 50}>
            <p class="field-hint live-chat-left" id={`live-chat-left-${s()?.id ?? ""}`}>
              {t("live.charsLeft", { count: left() })}
            </p>
          </Show>
        </Match>
      </Switch>
    </section>
  );
}
