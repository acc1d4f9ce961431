// Mass messages (creators): write one to many fans, watch it go out, and the list of earlier ones with
// their status. Progress comes by /ws (`mass.progress`) and, as a fallback, by asking the server every
// few seconds while one is sending.
import { A } from "@solidjs/router";
import { createSignal, For, onCleanup, Show } from "solid-js";
import { api, errorMessage } from "../api/client";
import type { MassMessage, MassMessageStatus } from "../api/schema.gen";
import EmptyState from "../components/EmptyState";
import { RequireCreator } from "../components/Guards";
import Icon from "../components/Icon";
import MassComposer from "../components/messages/MassComposer";
import PagerFooter from "../components/PagerFooter";
import RelTime from "../components/RelTime";
import { LineSkeleton } from "../components/Skeleton";
import { absoluteTime, formatMoney, plural } from "../lib/format";
import { createPager } from "../lib/pager";
import type { MassProgressFrame } from "../stores/messages";
import { useFrame, useResync } from "../stores/realtime";
import { toast } from "../stores/toasts";

const POLL_MS = 3000;

const STATUS: Record<MassMessageStatus, string> = {
  scheduled: "Scheduled",
  sending: "Sending",
  done: "Sent",
  canceled: "Canceled",
};

function MassRow(props: { mass: MassMessage; onChange: (m: MassMessage) => void }) {
  const m = () => props.mass;
  const [busy, setBusy] = createSignal(false);
  const pct = () => (m().total > 0 ? Math.min(100, Math.round((100 * m().sent) / m().total)) : 0);
  async function cancel() {
    setBusy(true);
    try {
      props.onChange((await api.cancelMassMessage(m().id)).massMessage);
      toast("Mass message stopped", "success");
    } catch (err) {
      toast(errorMessage(err), "error");
    } finally {
      setBusy(false);
    }
  }
  return (
    <li class="mass-row">
      <div class="mass-row-top">
        <span class={`badge mass-status mass-status-${m().status}`}>{STATUS[m().status]}</span>
        <span class="muted small">
          {m().audience === "all" ? "All fans" : m().audience === "expired" ? "Expired" : "Subscribers"}
          {m().priceCents > 0 ? ` · ${formatMoney(m().priceCents, m().currency)} to unlock` : ""}
          {m().mediaIds.length > 0 ? ` · ${plural(m().mediaIds.length, "item")}` : ""}
        </span>
        <div class="spacer" />
        <Show when={m().status === "scheduled"} fallback={<RelTime ms={m().createdAt} class="muted small" />}>
          <span class="muted small" title={absoluteTime(m().sendAt)}>
            <Icon name="calendar" size={14} /> {absoluteTime(m().sendAt)}
          </span>
        </Show>
      </div>
      <p class="mass-text">{m().text || "(photos or videos only)"}</p>
      <Show when={m().status === "sending" || m().status === "done"}>
        <div
          class="progress"
          role="progressbar"
          aria-label={`Sent to ${m().sent} of ${m().total}`}
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
            ? `Goes to about ${plural(m().total, "fan")}`
            : m().status === "canceled"
              ? `Stopped after ${plural(m().sent, "fan")}`
              : `Sent to ${m().sent} of ${plural(m().total, "fan")}`}
        </span>
        <Show when={m().status === "scheduled" || m().status === "sending"}>
          <button type="button" class="btn btn-ghost btn-sm" disabled={busy()} onClick={() => void cancel()}>
            {m().status === "scheduled" ? "Cancel" : "Stop"}
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
        <A href="/messages" class="icon-btn" aria-label="Back to messages">
          <Icon name="arrow-left" />
        </A>
        <h1 class="page-title">Mass messages</h1>
      </div>
      <MassComposer
        onSent={(m) => {
          list.prepend(m);
          toast(m.status === "scheduled" ? `Scheduled for ${absoluteTime(m.sendAt)}` : "Sending…", "success");
        }}
      />
      <section class="card history-card" aria-labelledby="mass-past-title">
        <h2 id="mass-past-title">Sent and scheduled</h2>
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
              <EmptyState icon="megaphone" title="No mass messages yet">
                <p class="muted">Write one above: every fan in the audience gets it as a message from you.</p>
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
  return (
    <RequireCreator>
      <MassPage />
    </RequireCreator>
  );
}
