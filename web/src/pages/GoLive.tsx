// The creator's studio: the RTMP address and stream key for OBS (the key hidden until asked, rotated
// behind a confirmation), the settings OBS needs, and the next stream (title, who may watch, recording,
// an optional start time), which goes live when OBS publishes. While live: the LIVE pill with the
// duration, the viewer count, a preview, the chat with moderation, the tips and "End stream". After the
// end, the recording's draft post. Below, the creator's past and scheduled streams.
// This page holds which stream is current and which one the form edits; the pieces in
// components/live/ each draw one part of it.
import { usePageTitle } from "../lib/page-title";
import { t } from "../i18n";
import { createEffect, createSignal, on, onCleanup, onMount, Show } from "solid-js";
import { api } from "../api/client";
import type { LiveStream } from "../api/schema.gen";
import { RequireCreator } from "../components/Guards";
import LivePanel from "../components/live/LivePanel";
import LiveStatusPill from "../components/live/LiveStatus";
import NextStreamForm from "../components/live/NextStreamForm";
import ObsSettings from "../components/live/ObsSettings";
import StreamEnded from "../components/live/StreamEnded";
import StreamKeyCard from "../components/live/StreamKeyCard";
import StreamList from "../components/live/StreamList";
import { tipTotal } from "../components/live/TipsFeed";
import { absoluteTime } from "../lib/format";
import { createPager } from "../lib/pager";
import { loadMyCreator, myCreator } from "../stores/creators";
import { createLiveRoom } from "../stores/live";
import { siteCurrency } from "../stores/site";
import { toast } from "../stores/toasts";
import KycNotice from "../components/compliance/KycNotice";

/** How long the page asks for the recording's draft after the end. */
const RECORDING_WAIT_MS = 5 * 60_000;

function StudioPage() {
  const streams = createPager<LiveStream>((cursor) => api.myLiveStreams(cursor));
  /** The stream this page is about: live, waiting for OBS, or just ended. */
  const [currentId, setCurrentId] = createSignal<string | null>(null);
  /** The stream in the form: null makes a new one. */
  const [editing, setEditing] = createSignal<LiveStream | null>(null);
  const room = createLiveRoom(currentId, { owner: true });
  const currency = () => myCreator()?.currency ?? siteCurrency();

  onMount(() => {
    void loadMyCreator();
    void streams.reset().then(pickCurrent);
  });

  /** The live stream, else the next one waiting (the one OBS goes live with). */
  function pickCurrent(): void {
    const items = streams.items;
    const live = items.find((s) => s.status === "live");
    const waiting = items
      .filter((s) => s.status === "scheduled")
      .sort((a, b) => (a.scheduledAt ?? a.createdAt) - (b.scheduledAt ?? b.createdAt))[0];
    const next = live ?? waiting ?? null;
    setCurrentId(next?.id ?? null);
    setEditing(next && next.status === "scheduled" ? next : null);
  }

  const current = () => room.stream();

  // The stream changed state (OBS started, the end): the list follows.
  createEffect(
    on(
      () => current()?.status,
      (status, prev) => {
        if (prev !== undefined && status !== prev) void streams.refresh();
      },
    ),
  );

  // After the end, the recording becomes a draft post a little later: ask until it is there.
  createEffect(
    on(
      () => {
        const s = current();
        return s && s.status === "ended" && s.record && !s.recordingPostId ? s.id : null;
      },
      (id) => {
        if (!id) return;
        const started = Date.now();
        const t = setInterval(() => {
          if (Date.now() - started > RECORDING_WAIT_MS) clearInterval(t);
          else void room.reload(true);
        }, 5000);
        onCleanup(() => clearInterval(t));
      },
    ),
  );

  function saved(s: LiveStream, created: boolean): void {
    if (created) streams.prepend(s);
    else streams.update(s.id, s);
    // The next stream is the one shown at the top unless something is live.
    if (current()?.status !== "live") {
      setCurrentId(s.id);
      room.replace(s);
      setEditing(s);
    }
    toast(created ? t("live.created") : t("live.saved"), "success");
  }

  return (
    <div class="live-page live-studio">
      <div class="page-head">
        <h1 class="page-title">{t("live.goLive")}</h1>
        <Show when={current()}>{(s) => <LiveStatusPill stream={s()} />}</Show>
      </div>
      <KycNotice action={t("compliance.kycActionLive")} />

      <Show when={current()?.status === "live" && current()}>
        {(s) => <LivePanel stream={s()} room={room} onEnded={() => void streams.refresh()} />}
      </Show>

      <Show when={current()?.status === "ended" && current()}>
        {(s) => (
          <StreamEnded
            stream={s()}
            tipCents={tipTotal(room.items)}
            onNext={() => {
              setCurrentId(null);
              setEditing(null);
            }}
          />
        )}
      </Show>

      <Show when={current()?.status !== "live" && current()?.status !== "ended"}>
        <div class="stack">
          <Show when={current()?.status === "scheduled" && current()}>
            {(s) => (
              <div class="notice live-waiting" role="status">
                <span class="live-spinner live-spinner-sm" aria-hidden="true" />
                <span>
                  <strong>{t("live.ready", { title: s().title })}</strong> {t("live.readyBody")}
                  {s().scheduledAt
                    ? t("live.announcedFor", { when: absoluteTime(s().scheduledAt ?? 0) })
                    : ""}
                  .
                </span>
              </div>
            )}
          </Show>
          <NextStreamForm
            stream={editing()}
            currency={currency()}
            onSaved={saved}
            onNew={() => setEditing(null)}
          />
        </div>
      </Show>

      <div class="live-setup">
        <StreamKeyCard />
        <ObsSettings />
      </div>

      <StreamList
        pager={streams}
        currentId={currentId()}
        onEdit={(s) => {
          setEditing(s);
          if (current()?.status !== "live") {
            setCurrentId(s.id);
            room.replace(s);
          }
          queueMicrotask(() => document.getElementById("stream-title")?.focus());
        }}
        onDeleted={(id) => {
          streams.remove(id);
          if (currentId() === id) pickCurrent();
          if (editing()?.id === id) setEditing(null);
        }}
      />
    </div>
  );
}

export default function GoLive() {
  usePageTitle(() => t("live.goLive"));
  return (
    <RequireCreator>
      <StudioPage />
    </RequireCreator>
  );
}
