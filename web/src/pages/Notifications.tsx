// Notifications: newest first. Opening the page marks everything read; what was new on arrival stays
// highlighted for this visit.
import { usePageTitle } from "../lib/page-title";
import { t } from "../i18n";
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
import PagerFooter from "../components/PagerFooter";

function iconFor(kind: string): IconName {
  if (kind === "tip") return "coin";
  if (kind === "like") return "heart";
  if (kind === "comment") return "comment";
  if (kind === "message") return "message";
  if (["new_subscriber", "trial_started", "renewal_failed", "subscription_renewed"].includes(kind))
    return "repeat";
  if (kind === "ppv_sale") return "lock";
  if (kind.startsWith("payout")) return "bank";
  if (kind === "refund" || kind === "chargeback") return "undo";
  if (kind === "checkout_credited") return "wallet";
  return "bell";
}

/** What following a notification's link does, in words. */
function linkLabel(link: string): string {
  if (link.startsWith("/posts/")) return t("notifications.viewPost");
  if (link.startsWith("/messages")) return t("notifications.openConversation");
  if (link === "/earnings") return t("notifications.seeEarnings");
  if (link === "/wallet") return t("notifications.openWallet");
  if (link === "/subscriptions") return t("notifications.subscriptions");
  if (link.startsWith("/dmca/notices/")) return t("notifications.seeNotice");
  if (link.startsWith("/settings/")) return t("notifications.openSettings");
  return t("notifications.open");
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
      <div class="page-head page-head-split">
        <h1 class="page-title">{t("notifications.title")}</h1>
        <A href="/settings/notifications" class="btn btn-ghost btn-sm">
          <Icon name="settings" size={16} /> {t("notifications.settings")}
        </A>
      </div>
      <Show
        when={!list.initial() || list.items.length > 0}
        fallback={
          <div class="card notif-list" aria-busy="true" aria-label={t("notifications.loading")}>
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
            <EmptyState icon="bell" title={t("notifications.emptyTitle")}>
              <p class="muted">{t("notifications.emptyBody")}</p>
              <A href="/discover" class="btn btn-primary">
                {t("notifications.discover")}
              </A>
            </EmptyState>
          }
        >
          <ul class="card notif-list">
            <For each={list.items}>
              {(n) => {
                const link = n.link ? { href: n.link, label: linkLabel(n.link) } : null;
                const message = typeof n.data.message === "string" ? n.data.message : null;
                return (
                  <li class="notif" classList={{ unread: !n.read }}>
                    <span class="notif-icon" aria-hidden="true">
                      <Icon name={iconFor(n.kind)} size={18} />
                    </span>
                    <div class="notif-body">
                      <p class="notif-text">
                        <Show when={!n.read}>
                          <span class="sr-only">{t("notifications.new")}</span>
                        </Show>
                        {n.text}
                        <Show when={n.count > 1}>
                          <span
                            class="notif-count"
                            aria-label={t("notifications.inAll", { count: String(n.count) })}
                          >
                            {n.count}
                          </span>
                        </Show>
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
  usePageTitle(() => t("notifications.title"));
  return (
    <RequireAuth>
      <NotificationsPage />
    </RequireAuth>
  );
}
