// The settings OBS needs, in the words of its own menus. The server copies the source into HLS as it
// comes, so it has to be H.264 and AAC with frequent keyframes (each segment starts on one).
import { t } from "../../i18n";
export default function ObsSettings() {
  return (
    <section class="card form-card live-obs" aria-labelledby="obs-title">
      <h2 id="obs-title">{t("live.obsTitle")}</h2>
      <p class="muted small">{t("live.obsHint")}</p>
      <dl class="summary live-obs-list">
        <div>
          <dt>{t("live.obsService")}</dt>
          <dd>{t("live.obsCustom")}</dd>
        </div>
        <div>
          <dt>{t("live.obsServer")}</dt>
          <dd>{t("live.obsServerAbove")}</dd>
        </div>
        <div>
          <dt>{t("live.streamKey")}</dt>
          <dd>{t("live.obsKeyAbove")}</dd>
        </div>
        <div>
          <dt>{t("live.obsEncoder")}</dt>
          <dd>{t("live.obsEncoderValue")}</dd>
        </div>
        <div>
          <dt>{t("live.obsRate")}</dt>
          <dd>CBR, 2500–4500 kbps</dd>
        </div>
        <div>
          <dt>{t("live.obsKeyframe")}</dt>
          <dd>2 s (1–2 s)</dd>
        </div>
        <div>
          <dt>{t("live.obsVideo")}</dt>
          <dd>1280×720, 30 fps</dd>
        </div>
        <div>
          <dt>{t("live.obsAudio")}</dt>
          <dd>AAC, 160 kbps</dd>
        </div>
      </dl>
    </section>
  );
}
