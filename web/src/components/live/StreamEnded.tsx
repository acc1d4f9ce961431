// The studio once the stream has ended: how long it ran and what it brought in tips, and the
// recording's draft post once the server has made it (that takes a few minutes; the page asks).
import { t } from "../../i18n";
import { A } from "@solidjs/router";
import { Show } from "solid-js";
import type { LiveStream } from "../../api/schema.gen";
import { formatMoney } from "../../lib/format";
import { formatDuration } from "../../lib/media";
import Icon from "../Icon";

export default function StreamEnded(props: { stream: LiveStream; tipCents: number; onNext: () => void }) {
  const s = () => props.stream;
  return (
    <section class="card form-card live-ended" aria-labelledby="ended-title">
      <h2 id="ended-title">{t("live.streamEnded")}</h2>
      <p>
        “{s().title}”
        <Show when={s().startedAt && s().endedAt}>
          {" "}
          {t("live.ranFor", { duration: formatDuration(((s().endedAt ?? 0) - (s().startedAt ?? 0)) / 1000) })}
        </Show>
        <Show when={props.tipCents > 0}>
          {" "}
          {t("live.broughtTips", { amount: formatMoney(props.tipCents, s().currency) })}
        </Show>
        .
      </p>
      <Show
        when={s().recordingPostId}
        fallback={
          <Show when={s().record}>
            <p class="muted small">{t("live.savingRecording")}</p>
          </Show>
        }
      >
        <div class="notice notice-success live-recording" role="status">
          <Icon name="check" />
          <span>
            {t("live.recordingSaved")}{" "}
            <A href="/drafts" class="link">
              {t("live.openDrafts")}
            </A>{" "}
            {t("live.toEdit")}
          </span>
        </div>
      </Show>
      <div class="row-actions">
        <button type="button" class="btn btn-primary" onClick={() => props.onNext()}>
          {t("live.setUpNext")}
        </button>
      </div>
    </section>
  );
}
