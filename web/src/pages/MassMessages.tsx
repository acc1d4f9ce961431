// Mass messages (creators): write one to many fans, watch it go out, and the list of earlier ones with
// their status. Progress comes by /ws (`mass.progress`) and, as a fallback, by asking the server every
// few seconds while one is sending.
import { usePageTitle } from "../lib/page-title";
import { A } from "@solidjs/router";
import { createSignal, For, onCleanup, Show } from "solid-js";
import { api, errorMessage } from "../api/client";
import { t, type MessageKey } from "../i18n";
import type { MassMessage, MassMessageStatus } from "../api/schema.gen";
import EmptyState from "../components/EmptyState";
import { RequireCreator } from "../components/Guards";
import Icon from "../components/Icon";
import MassComposer from "../components/messages/MassComposer";
import PagerFooter from "../components/PagerFooter";
import RelTime from "../components/RelTime";
import { LineSkeleton } from "../components/Skeleton";
import { absoluteTime, formatMoney } from "../lib/format";
import { createPager } from "../lib/pager";
import type { MassProgressFrame } from "../stores/messages";
import { useFrame, useResync } from "../stores/realtime";
import { toast } from "../stores/toasts";

const POLL_MS = 3000;

const STATUS: Record<MassMessageStatus, MessageKey> = {
  scheduled: "messages.statusScheduled",
  sending: "messages.sendingLabel",
  done: "messages.sent",
  canceled: "messages.statusCanceled",
};

function MassRow(props: { mass: MassMessage; onChange: (m: MassMessage) => void }) {
  const m = () => props.mass;
  const [busy, setBusy] = createSignal(false);
  const pct = () => (m().total > 0 ? Math.min(100, Math.round((100 * m().sent) / m().total)) : 0);
  async function cancel() {
    setBusy(true);
    try {
      props.onChange((await api.cancelMassMessage(m().id)).massMessage);
      toast(t("messages.massStopped"), "success");
    } catch (err) {
      toast(errorMessage(err), "error");
    } finally {
      setBusy(false);
    }
  }
  return (
    <li class="mass-row">
      <div class="mass-row-top">
        <span class={`badge mass-status mass-status-${m().status}`}>{t(STATUS[m().status])}</span>
        <span class="muted small">
          {m().audience === "list"
            ? t("fans.massListLabel")
            : m().audience === "all"
              ? t("messages.allFans")
              : m().audience === "expired"
                ? t("messages.audExpired")
                : t("messages.audSubscribers")}
          {m().priceCents > 0
            ? ` · ${t("messages.toUnlock", { price: formatMoney(m().priceCents, m().currency) })}`
            : ""}
          {m().mediaIds.length > 0 ? ` · ${t("messages.items", { count: m().mediaIds.length })}` : ""}
        </span>
        <div class="spacer" />
        <Show when={m().status === "scheduled"} fallback={<RelTime ms={m().createdAt} class="muted small" />}>
          <span class="muted small" title={absoluteTime(m().sendAt)}>
            <Icon name="calendar" size={14} /> {absoluteTime(m().sendAt)}
          </span>
        </Show>
      </div>
      <p class="mass-text">{m().text || t("messages.mediaOnly")}</p>
      <Show when={m().status === "sending" || m().status === "done"}>
        <div
          class="progress"
          role="progressbar"
          aria-label={t("messages.sentOf", { sent: String(m().sent), total: String(m().total) })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct()}
        >
          <span class="progress-bar" style={{ width: `${pct()}%` }} />
        </div>
      </Show>
      <div class="mass-row-foot">
        <span class="small" data-testid="mass-progress">
          {m().status === "scheduled"
            ? t("messages.goesAbout", { count: m().total })
            : m().status === "canceled"
              ? t("messages.stoppedAfter", { count: m().sent })
              : t("messages.sentOfFans", { sent: String(m().sent), count: m().total })}
        </span>
        <Show when={m().status === "scheduled" || m().status === "sending"}>
          <button type="button" class="btn btn-ghost btn-sm" disabled={busy()} onClick={() => void cancel()}>
            {m().status === "scheduled" ? t("common.cancel") : t("messages.stop")}
          </button>
        </Show>
      </div>
    </li>
  );
}

function MassPage() {
  const list = createPager<MassMessage>((cursor) => api.massMessages(cursor, 20));
  void list.reset();
  const update = (m: MassMessage) => list.update(m.id, m);

  useFrame<MassProgressFrame>("mass.progress", (f) => {
    if (list.items.some((x) => x.id === f.massMessage.id)) update(f.massMessage);
    else list.prepend(f.massMessage);
  });
  useResync(() => void list.refresh());

  // Should a frame be missed, the ones still sending are asked about.
  const timer = setInterval(() => {
    for (const m of list.items)
      if (m.status === "sending")
        api.massMessage(m.id).then(
          (r) => update(r.massMessage),
          () => undefined,
        );
  }, POLL_MS);
  onCleanup(() => clearInterval(timer));

  return (
    <div class="stack">
      <div class="page-head">
        <A href="/messages" class="icon-btn" aria-label={t("messages.backToMessages")}>
          <Icon name="arrow-left" />
        </A>
        <h1 class="page-title">{t("messages.massMessages")}</h1>
      </div>
      <MassComposer
        onSent={(m) => {
          list.prepend(m);
          toast(
            m.status === "scheduled"
              ? t("messages.scheduledFor", { when: absoluteTime(m.sendAt) })
              : t("common.sending"),
            "success",
          );
        }}
      />
      <section class="card history-card" aria-labelledby="mass-past-title">
        <h2 id="mass-past-title">{t("messages.sentAndScheduled")}</h2>
        <Show
          when={!list.initial() || list.items.length > 0}
          fallback={
            <div class="stack-sm">
              <LineSkeleton width="60%" />
              <LineSkeleton width="80%" />
            </div>
          }
        >
          <Show
            when={list.items.length > 0 || list.error()}
            fallback={
              <EmptyState icon="megaphone" title={t("messages.noMass")}>
                <p class="muted">{t("messages.noMassBody")}</p>
              </EmptyState>
            }
          >
            <ul class="mass-list">
              <For each={list.items}>{(m) => <MassRow mass={m} onChange={update} />}</For>
            </ul>
          </Show>
        </Show>
        <PagerFooter pager={list} plain />
      </section>
    </div>
  );
}

export default function MassMessages() {
  usePageTitle(() => t("messages.massMessages"));
  return (
    <RequireCreator>
      <MassPage />
    </RequireCreator>
  );
}
