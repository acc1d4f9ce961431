// Messages: the conversation list and the open chat side by side on a wide screen; on a phone the list
// and the chat are two screens (/messages and /messages/:conversationId).
import { usePageTitle } from "../lib/page-title";
import { t } from "../i18n";
import { A, useParams } from "@solidjs/router";
import { createEffect, on, onMount, Show } from "solid-js";
import EmptyState from "../components/EmptyState";
import { RequireAuth } from "../components/Guards";
import ChatView from "../components/messages/ChatView";
import ConversationList from "../components/messages/ConversationList";
import { ensureInbox } from "../stores/messages";
import { isCreator } from "../stores/session";

function MessagesPage() {
  const params = useParams();
  const id = () => params.conversationId;
  onMount(ensureInbox);
  let listPane!: HTMLElement;
  let chatPane!: HTMLElement;
  // On a phone the pane that held focus (the row just chosen, the back button) is hidden or gone after
  // the switch: the pane that replaced it takes focus, so it does not fall to the page.
  createEffect(
    on(
      id,
      (cid) =>
        requestAnimationFrame(() => {
          // The list stays in the page, hidden: a row focused there no longer counts.
          const a = document.activeElement;
          if (a && a !== document.body && a.checkVisibility()) return;
          (cid ? chatPane : (listPane.querySelector("h1") ?? listPane)).focus({ preventScroll: true });
        }),
      { defer: true },
    ),
  );
  return (
    <div class="msg-page card">
      <div class="msg-grid" classList={{ "msg-grid-chat": !!id() }}>
        <section class="msg-list-pane" aria-label={t("messages.conversations")} ref={listPane}>
          <ConversationList activeId={id()} />
        </section>
        <section class="msg-chat-pane" aria-label={t("messages.chat")} tabindex="-1" ref={chatPane}>
          <Show
            when={id()}
            keyed
            fallback={
              <div class="chat-empty">
                <EmptyState icon="message" title={t("messages.pickTitle")}>
                  <p class="muted">{t("messages.pickBody")}</p>
                  <Show when={isCreator()}>
                    <A href="/messages/mass" class="btn btn-secondary">
                      {t("messages.sendMass")}
                    </A>
                  </Show>
                </EmptyState>
              </div>
            }
          >
            {(cid) => <ChatView conversationId={cid} />}
          </Show>
        </section>
      </div>
    </div>
  );
}

export default function Messages() {
  usePageTitle(() => t("messages.title"));
  return (
    <RequireAuth>
      <MessagesPage />
    </RequireAuth>
  );
}
