// The inbox: one row per conversation (avatar, name, the last message, when, unread count), most recent
// first, more loaded as it scrolls; "New message" starts one by username and creators reach their mass
// messages from here.
import { t } from "../../i18n";
import { A } from "@solidjs/router";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import type { Conversation, Message } from "../../api/schema.gen";
import { formatMoney } from "../../lib/format";
import { mediaCount } from "../../lib/media";
import { inbox } from "../../stores/messages";
import { isCreator, user } from "../../stores/session";
import Avatar from "../Avatar";
import EmptyState from "../EmptyState";
import Icon from "../Icon";
import PagerFooter from "../PagerFooter";
import RelTime from "../RelTime";
import NewMessageDialog from "./NewMessageDialog";

/** What a message says in one line: its text, else what it carries. */
export function messageSummary(m: Pick<Message, "text" | "media">): string {
  return m.text.trim() || mediaCount(m.media) || t("messages.message");
}

function Preview(props: { message: Message | null }) {
  return (
    <Show when={props.message} fallback={<span class="conv-preview muted">{t("messages.noMessages")}</span>}>
      {(m) => (
        <span class="conv-preview truncate">
          <Show when={m().senderId === user()?.id}>
            <span class="conv-you">{t("messages.you")}</span>
          </Show>
          <Show when={m().priceCents > 0}>
            <Show when={m().locked}>
              <Icon name="lock" size={13} class="conv-lock" />
            </Show>
            <span class="conv-price">{formatMoney(m().priceCents, m().currency)} · </span>
          </Show>
          {messageSummary(m())}
        </span>
      )}
    </Show>
  );
}

function ConversationRow(props: { conv: Conversation; active: boolean }) {
  const c = () => props.conv;
  const unread = () => c().unreadCount;
  return (
    <li>
      <A
        href={`/messages/${c().id}`}
        class="conv-row"
        classList={{ active: props.active, "conv-unread": unread() > 0 }}
        aria-current={props.active ? "page" : undefined}
      >
        <Avatar
          name={c().with.displayName}
          username={c().with.username}
          url={c().with.avatarUrl}
          srcset={c().with.avatarSrcset}
        />
        <span class="conv-main">
          <span class="conv-top">
            <strong class="conv-name truncate">{c().with.displayName}</strong>
            <RelTime ms={c().lastMessage?.createdAt ?? c().updatedAt} class="conv-time" />
          </span>
          <span class="conv-bottom">
            <Preview message={c().lastMessage} />
            <Show when={unread() > 0}>
              <span class="conv-badge">
                {unread() > 99 ? "99+" : unread()}
                <span class="sr-only">{t("messages.unread")}</span>
              </span>
            </Show>
          </span>
        </span>
      </A>
    </li>
  );
}

function RowSkeletons() {
  return (
    <ul class="conv-list" aria-busy="true" aria-label={t("messages.loading")}>
      <For each={Array.from({ length: 5 })}>
        {() => (
          <li class="conv-row" aria-hidden="true">
            <span class="sk sk-circle" />
            <span class="sk-lines">
              <span class="sk sk-line" style={{ width: "45%" }} />
              <span class="sk sk-line sk-thin" style={{ width: "75%" }} />
            </span>
          </li>
        )}
      </For>
    </ul>
  );
}

export default function ConversationList(props: { activeId?: string | undefined }) {
  const [newOpen, setNewOpen] = createSignal(false);
  return (
    <>
      <header class="msg-pane-head">
        <h1 class="page-title" tabindex="-1">
          {t("messages.title")}
        </h1>
        <div class="spacer" />
        <Show when={isCreator()}>
          <A href="/messages/mass" class="btn btn-ghost btn-sm" aria-label={t("messages.massMessages")}>
            <Icon name="megaphone" size={18} />
            <span class="msg-head-label">{t("messages.mass")}</span>
          </A>
        </Show>
        <button
          type="button"
          class="icon-btn"
          aria-label={t("messages.newMessage")}
          title={t("messages.newMessage")}
          onClick={() => setNewOpen(true)}
        >
          <Icon name="edit" />
        </button>
      </header>
      <div class="msg-list-scroll">
        <Switch>
          <Match when={inbox.initial() && inbox.items.length === 0}>
            <RowSkeletons />
          </Match>
          <Match when={inbox.items.length === 0 && !inbox.error()}>
            <EmptyState icon="message" title={t("messages.noMessages")}>
              <Show
                when={isCreator()}
                fallback={
                  <>
                    <p class="muted">{t("messages.emptyFan")}</p>
                    <A href="/discover" class="btn btn-primary">
                      {t("messages.findCreators")}
                    </A>
                  </>
                }
              >
                <p class="muted">{t("messages.emptyCreator")}</p>
                <A href="/messages/mass" class="btn btn-primary">
                  {t("messages.sendMass")}
                </A>
              </Show>
            </EmptyState>
          </Match>
          <Match when={true}>
            <ul class="conv-list" aria-label={t("messages.conversations")}>
              <For each={inbox.items}>
                {(c) => <ConversationRow conv={c} active={c.id === props.activeId} />}
              </For>
            </ul>
          </Match>
        </Switch>
        <PagerFooter pager={inbox} plain afterFirstPage />
      </div>
      <Show when={newOpen()}>
        <NewMessageDialog onClose={() => setNewOpen(false)} />
      </Show>
    </>
  );
}
