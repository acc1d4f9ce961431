// The RTMP server URL and stream key OBS needs: the key hidden until asked (it lets anyone stream as
// the creator), each copied in one click, and a new key made behind a confirmation since the old one
// stops working at once.
import { t } from "../../i18n";
import { createSignal, onMount, Show } from "solid-js";
import { api, errorMessage } from "../../api/client";
import type { StreamKey } from "../../api/schema.gen";
import { toast } from "../../stores/toasts";
import ConfirmDialog from "../ConfirmDialog";
import { FormError } from "../Field";
import Icon from "../Icon";
import { LineSkeleton } from "../Skeleton";
import { copyToClipboard } from "./clipboard";

export default function StreamKeyCard() {
  const [key, setKey] = createSignal<StreamKey | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [shown, setShown] = createSignal(false);
  const [confirm, setConfirm] = createSignal(false);
  const [rotating, setRotating] = createSignal(false);
  const [rotateError, setRotateError] = createSignal<string | null>(null);

  async function load(): Promise<void> {
    setError(null);
    try {
      setKey(await api.liveKey());
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  onMount(() => void load());

  async function rotate(): Promise<void> {
    setRotating(true);
    setRotateError(null);
    try {
      setKey(await api.rotateLiveKey());
      setConfirm(false);
      setShown(true);
      toast(t("live.newKeyMade"), "success");
    } catch (err) {
      setRotateError(errorMessage(err));
    } finally {
      setRotating(false);
    }
  }

  return (
    <section class="card form-card live-key" aria-labelledby="key-title">
      <h2 id="key-title">{t("live.keyTitle")}</h2>
      <Show when={!error()} fallback={<FormError message={error()} />}>
        <Show
          when={key()}
          fallback={
            <div class="stack-sm" aria-busy="true">
              <LineSkeleton width="70%" />
              <LineSkeleton width="50%" />
            </div>
          }
        >
          {(k) => (
            <>
              <div class="field">
                <label for="live-rtmp">{t("live.rtmpLabel")}</label>
                <div class="input-row">
                  <input id="live-rtmp" class="input live-mono" readOnly value={k().rtmpUrl} />
                  <button
                    type="button"
                    class="btn btn-secondary"
                    onClick={() => void copyToClipboard(k().rtmpUrl, t("live.serverUrl"))}
                  >
                    <Icon name="copy" size={18} /> {t("live.copy")}
                  </button>
                </div>
              </div>
              <div class="field">
                <label for="live-key">{t("live.streamKey")}</label>
                <div class="input-row">
                  <input
                    id="live-key"
                    class="input live-mono"
                    readOnly
                    type={shown() ? "text" : "password"}
                    value={k().streamKey}
                    aria-describedby="live-key-hint"
                  />
                  <button
                    type="button"
                    class="btn btn-secondary"
                    aria-pressed={shown()}
                    onClick={() => setShown((v) => !v)}
                  >
                    <Icon name="eye" size={18} /> {shown() ? t("live.hide") : t("live.show")}
                  </button>
                  <button
                    type="button"
                    class="btn btn-secondary"
                    onClick={() => void copyToClipboard(k().streamKey, t("live.streamKey"))}
                  >
                    <Icon name="copy" size={18} /> {t("live.copy")}
                  </button>
                </div>
                <p class="field-hint" id="live-key-hint">
                  {t("live.keyHint")}
                </p>
              </div>
              <div class="row-actions">
                <button
                  type="button"
                  class="btn btn-ghost btn-sm"
                  onClick={() => {
                    setRotateError(null);
                    setConfirm(true);
                  }}
                >
                  <Icon name="repeat" size={16} /> {t("live.makeNewKey")}
                </button>
              </div>
            </>
          )}
        </Show>
      </Show>
      <Show when={confirm()}>
        <ConfirmDialog
          title={t("live.newKeyTitle")}
          cancelLabel={t("live.keepKey")}
          confirmLabel={t("live.makeNewKey")}
          busyLabel={t("live.making")}
          busy={rotating()}
          error={rotateError()}
          onConfirm={() => void rotate()}
          onClose={() => setConfirm(false)}
        >
          <p>{t("live.newKeyBody")}</p>
        </ConfirmDialog>
      </Show>
    </section>
  );
}
