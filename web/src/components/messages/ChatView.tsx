// One conversation on screen: header, history and the composer, or, when the server says the viewer may
// not write now, its reason in place of the composer (with the way out: subscribe, or unblock).
import { t } from "../../i18n";
import { A } from "@solidjs/router";
import { Match, Show, Switch } from "solid-js";
import { ApiError, errorMessage } from "../../api/client";
import type { Conversation } from "../../api/schema.gen";
import { createChat } from "../../stores/chat";
import { isBlocked, unblock } from "../../stores/blocks";
import { isCreator } from "../../stores/session";
import { toast } from "../../stores/toasts";
import EmptyState from "../EmptyState";
import Icon from "../Icon";
import ChatComposer, { focusComposer } from "./ChatComposer";
import ChatHeader from "./ChatHeader";
import MessageList from "./MessageList";

function WriteNotice(props: { conversation: Conversation; onUnblocked: () => Promise<void> }) {
  const c = () => props.conversation;
  const code = () => c().canWrite?.code;
  async function doUnblock() {
    try {
      const id = c().id;
      await unblock(c().with);
      await props.onUnblocked();
      focusComposer(id);
    } catch (err) {
      toast(errorMessage(err), "error");
    }
  }
  return (
    <div class="chat-notice" role="status">
      <Icon name={code() === "blocked" ? "block" : "lock"} />
      <p>{c().canWrite?.reason ?? t("messages.cantWrite")}</p>
      <Switch>
        <Match when={code() === "blocked" && isBlocked(c().with.id)}>
          <button type="button" class="btn btn-secondary btn-sm" onClick={() => void doUnblock()}>
            {t("messages.unblock")}
          </button>
        </Match>
        <Match when={code() === "dm_not_allowed" && !isCreator()}>
          <A href={`/${c().with.username}`} class="btn btn-primary btn-sm">
            {t("messages.subscribe")}
          </A>
        </Match>
      </Switch>
    </div>
  );
}

export default function ChatView(props: { conversationId: string }) {
  const chat = createChat(props.conversationId);
  const notFound = () => {
    const err = chat.loadError();
    return err instanceof ApiError && err.status === 404;
  };
  return (
    <Show
      when={!chat.loadError()}
      fallback={
        <div class="chat-empty">
          <EmptyState icon="message" title={notFound() ? t("messages.notFound") : t("messages.openFailed")}>
            <p class="muted">{notFound() ? t("messages.notFoundBody") : errorMessage(chat.loadError())}</p>
            <A href="/messages" class="btn btn-primary">
              {t("messages.allMessages")}
            </A>
          </EmptyState>
        </div>
      }
    >
      <Show
        when={chat.conversation()}
        fallback={
          <div class="chat-head" aria-hidden="true">
            <span class="sk sk-circle" />
            <span class="sk sk-line" style={{ width: "30%" }} />
          </div>
        }
      >
        {(c) => (
          <>
            <ChatHeader other={c().with} onBlockChange={() => void chat.reloadConversation()} />
            <MessageList chat={chat} other={c().with} />
            <Show
              when={c().canWrite?.ok !== false}
              fallback={<WriteNotice conversation={c()} onUnblocked={chat.reloadConversation} />}
            >
              <ChatComposer
                chat={chat}
                conversationId={props.conversationId}
                recipient={c().with.displayName}
              />
            </Show>
          </>
        )}
      </Show>
    </Show>
  );
}
