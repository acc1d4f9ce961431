// The creator's streams, newest first: past ones with when and how long, scheduled ones with their
// start and Edit/Delete (only a stream that hasn't started can change), the current one marked.
import { t } from "../../i18n";
import { A } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { api, errorMessage } from "../../api/client";
import type { LiveStream } from "../../api/schema.gen";
import { absoluteTime } from "../../lib/format";
import { formatDuration } from "../../lib/media";
import type { Pager } from "../../lib/pager";
import { toast } from "../../stores/toasts";
import ConfirmDialog from "../ConfirmDialog";
import EmptyState from "../EmptyState";
import Icon from "../Icon";
import PagerFooter from "../PagerFooter";
import { LineSkeleton } from "../Skeleton";
import LiveStatusPill, { AccessBadge } from "./LiveStatus";

export default function StreamList(props: {
  pager: Pager<LiveStream>;
  currentId: string | null;
  onEdit: (s: LiveStream) => void;
  onDeleted: (id: string) => void;
}) {
  const [deleting, setDeleting] = createSignal<LiveStream | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  async function doDelete(): Promise<void> {
    const s = deleting();
    if (!s) return;
    setBusy(true);
    setError(null);
    try {
      await api.deleteLiveStream(s.id);
      props.onDeleted(s.id);
      setDeleting(null);
      toast(t("live.deleted"), "success");
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card form-card live-streams" aria-labelledby="streams-title">
      <h2 id="streams-title">{t("live.yourStreams")}</h2>
      <Show
        when={!props.pager.initial() || props.pager.items.length > 0}
        fallback={
          <div class="stack-sm" aria-busy="true">
            <LineSkeleton width="80%" />
            <LineSkeleton width="65%" />
          </div>
        }
      >
        <Show
          when={props.pager.items.length > 0}
          fallback={
            <EmptyState icon="live" title={t("live.noStreams")}>
              <p class="muted">{t("live.noStreamsBody")}</p>
            </EmptyState>
          }
        >
          <ul class="live-stream-list">
            <For each={props.pager.items}>
              {(s) => (
                <li class="live-stream-row" classList={{ current: s.id === props.currentId }}>
                  <div class="live-stream-main">
                    <A href={`/live/${s.id}`} class="live-stream-title truncate">
                      {s.title}
                    </A>
                    <span class="muted small">
                      {s.status === "ended" && s.startedAt
                        ? `${absoluteTime(s.startedAt)}${s.endedAt ? ` · ${formatDuration((s.endedAt - s.startedAt) / 1000)}` : ""}`
                        : s.scheduledAt
                          ? absoluteTime(s.scheduledAt)
                          : s.status === "live"
                            ? t("live.liveNow")
                            : t("live.startsWhenLive")}
                    </span>
                  </div>
                  <div class="live-stream-tags">
                    <LiveStatusPill stream={s} />
                    <AccessBadge stream={s} />
                    <Show when={s.recordingPostId}>
                      <A href="/drafts" class="badge badge-success">
                        <Icon name="file" size={14} /> {t("live.recording")}
                      </A>
                    </Show>
                  </div>
                  <Show when={s.status === "scheduled"}>
                    <div class="live-stream-actions">
                      <button
                        type="button"
                        class="btn btn-ghost btn-sm"
                        aria-label={t("live.editLabel", { title: s.title })}
                        onClick={() => props.onEdit(s)}
                      >
                        <Icon name="edit" size={16} /> {t("live.edit")}
                      </button>
                      <button
                        type="button"
                        class="btn btn-ghost btn-sm"
                        aria-label={t("live.deleteLabel", { title: s.title })}
                        onClick={() => {
                          setError(null);
                          setDeleting(s);
                        }}
                      >
                        <Icon name="trash" size={16} /> {t("live.delete")}
                      </button>
                    </div>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
      <PagerFooter pager={props.pager} afterFirstPage />
      <Show when={deleting()}>
        {(s) => (
          <ConfirmDialog
            title={t("live.deleteTitle")}
            cancelLabel={t("live.keepIt")}
            confirmLabel={t("live.deleteStream")}
            busyLabel={t("live.deleting")}
            busy={busy()}
            error={error()}
            onConfirm={() => void doDelete()}
            onClose={() => setDeleting(null)}
          >
            <p>{t("live.deleteBody", { title: s().title })}</p>
          </ConfirmDialog>
        )}
      </Show>
    </section>
  );
}
