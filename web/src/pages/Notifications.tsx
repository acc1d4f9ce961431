// Notifications: newest first. Opening the page marks everything read; what was new on arrival stays
// highlighted for this visit.
import { A } from "@solidjs/router";
import { For, onMount, Show } from "solid-js";
import { api } from "../api/client";
import type { Notification as AppNotification } from "../api/schema.gen";
import EmptyState from "../components/EmptyState";
import { RequireAuth } from "../components/Guards";
import Icon, { type IconName } from "../components/Icon";
import RelTime from "../components/RelTime";
import { LineSkeleton } from "../components/Skeleton";
import { createPager } from "../lib/pager";
import { markAllSeen, setUnreadCount } from "../stores/notifications";
import { isCreator } from "../stores/session";
import PagerFooter from "../components/PagerFooter";

function iconFor(kind: string): IconName {
  if (kind === "tip") return "coin";
  if (kind === "new_subscriber" || kind === "trial_started" || kind === "renewal_failed") return "repeat";
  if (kind === "ppv_sale") return "lock";
  if (kind.startsWith("payout")) return "bank";
  if (kind === "refund" || kind === "chargeback") return "undo";
  if (kind === "checkout_credited") return "wallet";
  return "bell";
}

/** Where a notification leads, when it is about something with a page. */
function linkFor(n: AppNotification): { href: string; label: string } | null {
  const postId = typeof n.data.postId === "string" ? n.data.postId : null;
  if (n.kind.startsWith("payout") || ((n.kind === "tip" || n.kind === "new_subscriber") && isCreator()))
    return { href: "/earnings", label: "See earnings" };
  if (postId) return { href: `/posts/${postId}`, label: "View post" };
  if (n.kind === "renewal_failed") return { href: "/subscriptions", label: "Subscriptions" };
  if (n.kind === "refund" || n.kind === "chargeback" || n.kind === "checkout_credited")
    return { href: "/wallet", label: "Open wallet" };
  return null;
}

function NotificationsPage() {
  const list = createPager<AppNotification>(async (cursor) => {
    const page = await api.notifications(cursor);
    if (!cursor) setUnreadCount(page.unread);
    return page;
  });

  onMount(async () => {
    await list.reset();
    if (list.items.some((n) => !n.read)) {
      try {
        await api.markNotificationsRead();
        markAllSeen();
      } catch {
        /* they stay unread; the badge says so */
      }
    }
  });

  return (
    <div class="stack">
      <h1 class="page-title">Notifications</h1>
      <Show
        when={!list.initial() || list.items.length > 0}
        fallback={
          <div class="card notif-list" aria-busy="true" aria-label="Loading notifications">
            <For each={[1, 2, 3]}>
              {() => (
                <div class="notif" aria-hidden="true">
                  <span class="sk sk-circle notif-icon" />
                  <div class="sk-lines">
                    <LineSkeleton width="70%" />
                    <LineSkeleton width="20%" />
                  </div>
                </div>
              )}
            </For>
          </div>
        }
      >
        <Show
          when={list.items.length > 0 || list.error()}
          fallback={
            <EmptyState icon="bell" title="No notifications yet">
              <p class="muted">
                New subscribers, tips, sales, payouts and refunds show up here. Meanwhile, find creators to
                follow.
              </p>
              <A href="/discover" class="btn btn-primary">
                Discover creators
              </A>
            </EmptyState>
          }
        >
          <ul class="card notif-list">
            <For each={list.items}>
              {(n) => {
                const link = linkFor(n);
                const message = typeof n.data.message === "string" ? n.data.message : null;
                return (
                  <li class="notif" classList={{ unread: !n.read }}>
                    <span class="notif-icon" aria-hidden="true">
                      <Icon name={iconFor(n.kind)} size={18} />
                    </span>
                    <div class="notif-body">
                      <p class="notif-text">
                        <Show when={!n.read}>
                          <span class="sr-only">New: </span>
                        </Show>
                        {n.text}
                      </p>
                      <Show when={message}>
                        <p class="txn-memo">“{message}”</p>
                      </Show>
                      <p class="muted small">
                        <RelTime ms={n.createdAt} />
                        <Show when={link}>
                          {(l) => (
                            <>
                              {" · "}
                              <A href={l().href} class="link">
                                {l().label}
                              </A>
                            </>
                          )}
                        </Show>
                      </p>
                    </div>
                    <Show when={!n.read}>
                      <span class="unread-dot" aria-hidden="true" />
                    </Show>
                  </li>
                );
              }}
            </For>
          </ul>
        </Show>
      </Show>
      <PagerFooter pager={list} />
    </div>
  );
}

export default function Notifications() {
  return (
    <RequireAuth>
      <NotificationsPage />
    </RequireAuth>
  );
}
