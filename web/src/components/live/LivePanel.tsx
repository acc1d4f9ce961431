// The studio while the stream is live: the preview, the LIVE pill with the viewer count, links to the
// watch page, the tips and the chat with moderation, and "End stream" behind a confirmation (OBS is
// cut off and the stream can't be restarted).
import { t } from "../../i18n";
import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { api, errorMessage } from "../../api/client";
import type { LiveStream } from "../../api/schema.gen";
import type { LiveRoom } from "../../stores/live";
import { toast } from "../../stores/toasts";
import ConfirmDialog from "../ConfirmDialog";
import Icon from "../Icon";
import { copyToClipboard } from "./clipboard";
import LiveChat from "./LiveChat";
import LivePlayer from "./LivePlayer";
import LiveStatusPill, { AccessBadge } from "./LiveStatus";
import TipsFeed from "./TipsFeed";

export default function LivePanel(props: { stream: LiveStream; room: LiveRoom; onEnded: () => void }) {
  const s = () => props.stream;
  const room = props.room;
  const [confirmEnd, setConfirmEnd] = createSignal(false);
  const [ending, setEnding] = createSignal(false);
  const [endError, setEndError] = createSignal<string | null>(null);

  async function endStream(): Promise<void> {
    setEnding(true);
    setEndError(null);
    try {
      const r = await api.endLiveStream(s().id);
      room.replace(r.stream);
      setConfirmEnd(false);
      toast(t("live.streamEnded"), "success");
      props.onEnded();
    } catch (err) {
      setEndError(errorMessage(err));
    } finally {
      setEnding(false);
    }
  }

  return (
    <>
      <div class="live-grid">
        <div class="live-main">
          <div class="live-stage">
            <Show
              when={s().playlistUrl}
              fallback={
                <div class="live-stage-note locked">
                  <div class="locked-inner">
                    <p class="locked-title">{t("live.startingPreview")}</p>
                  </div>
                </div>
              }
            >
              {(src) => (
                <LivePlayer src={src()} poster={s().posterUrl} label={t("live.previewLabel")} preview />
              )}
            </Show>
          </div>
          <section class="card live-info" aria-labelledby="studio-title">
            <div class="live-info-top">
              <LiveStatusPill stream={s()} />
              <span class="live-viewers">
                <Icon name="eye" size={16} />
                <span>{t("live.viewers", { count: room.viewers() })}</span>
              </span>
              <AccessBadge stream={s()} />
            </div>
            <h2 id="studio-title" class="live-title">
              {s().title}
            </h2>
            <div class="row-actions">
              <A href={`/live/${s().id}`} class="btn btn-secondary btn-sm">
                <Icon name="arrow-out" size={16} /> {t("live.openWatch")}
              </A>
              <button
                type="button"
                class="btn btn-secondary btn-sm"
                onClick={() => void copyToClipboard(`${location.origin}/live/${s().id}`, t("live.link"))}
              >
                <Icon name="copy" size={16} /> {t("live.copyLink")}
              </button>
              <div class="spacer" />
              <button
                type="button"
                class="btn btn-danger"
                onClick={() => {
                  setEndError(null);
                  setConfirmEnd(true);
                }}
              >
                {t("live.endStream")}
              </button>
            </div>
          </section>
          <TipsFeed room={room} />
        </div>
        <LiveChat room={room} moderator class="live-side" />
      </div>
      <Show when={confirmEnd()}>
        <ConfirmDialog
          title={t("live.endTitle")}
          cancelLabel={t("live.keepStreaming")}
          confirmLabel={t("live.endStream")}
          busyLabel={t("live.ending")}
          busy={ending()}
          error={endError()}
          onConfirm={() => void endStream()}
          onClose={() => setConfirmEnd(false)}
        >
          <p>
            {t("live.endBody")}
            {s().record ? t("live.endRecording") : ""}
          </p>
        </ConfirmDialog>
      </Show>
    </>
  );
}
