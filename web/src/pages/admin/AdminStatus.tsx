// The site's health at a glance, from this node: readiness, versions, database, disk, jobs, workers,
// ffmpeg, live streams, sockets, the mail outbox and the last backup. Refresh re-reads it.
import { createSignal, For, onMount, Show, type JSX } from "solid-js";
import { adminApi } from "../../api/admin";
import { errorMessage } from "../../api/client";
import type { SystemStatus } from "../../api/schema.gen";
import Icon from "../../components/Icon";
import { absoluteTime } from "../../lib/format";
import AdminShell from "./AdminShell";
import { t } from "../../i18n";

const bytes = (n: number | null | undefined): string => {
  if (n === null || n === undefined) return t("admin.sUnknown");
  const units = ["B", "KB", "MB", "GB", "TB"];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v >= 10 || i === 0 ? 0 : 1)} ${units[i]}`;
};

const duration = (s: number): string => {
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  return d > 0 ? `${d} d ${h} h` : h > 0 ? `${h} h ${m} min` : `${m} min`;
};

function Card(props: { title: string; warn?: boolean; children: JSX.Element }) {
  return (
    <section class="card status-card" classList={{ "status-warn": props.warn }}>
      <h2 class="stat-label">{props.title}</h2>
      {props.children}
    </section>
  );
}

export default function AdminStatus() {
  const [status, setStatus] = createSignal<SystemStatus | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [at, setAt] = createSignal(0);

  async function load() {
    setLoading(true);
    setError(null);
    try {
      setStatus((await adminApi.status()).status);
      setAt(Date.now());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }
  onMount(() => void load());

  return (
    <AdminShell>
      <div class="status-bar">
        <Show when={status()}>
          {(s) => (
            <span class={`badge ${s().ok ? "badge-success" : "badge-danger"}`} data-testid="status-ready">
              {s().ok ? t("admin.sReady") : t("admin.sNotReady")}
            </span>
          )}
        </Show>
        <Show when={at()}>
          <span class="muted small">{t("admin.sReadAt", { time: absoluteTime(at()) })}</span>
        </Show>
        <button
          type="button"
          class="btn btn-secondary btn-sm"
          disabled={loading()}
          onClick={() => void load()}
        >
          <Icon name="refresh" size={16} /> {loading() ? t("admin.sRefreshing") : t("admin.sRefresh")}
        </button>
      </div>
      <Show when={error()}>
        <div class="notice notice-error card" role="alert">
          <p>{error()}</p>
        </div>
      </Show>
      <Show when={status()}>
        {(s) => (
          <div class="status-grid" data-testid="status-grid">
            <Card title={t("admin.sSite")}>
              <p class="stat-value">Fanz {s().version}</p>
              <p class="stat-help">
                {t("admin.sUp", { node: s().node, uptime: duration(s().uptimeSeconds) })}
              </p>
              <ul class="status-checks">
                <For each={Object.entries(s().checks)}>
                  {([k, v]) => (
                    <li classList={{ "status-bad": v !== "ok" }}>
                      <Icon name={v === "ok" ? "check" : "close"} size={14} /> {k}: {v}
                    </li>
                  )}
                </For>
              </ul>
            </Card>
            <Card title={t("admin.sDatabase")}>
              <p class="stat-value">{bytes(s().database.sizeBytes)}</p>
              <p class="stat-help">
                {s().database.engine === "postgres" ? "PostgreSQL" : "SQLite"} {s().database.version}
              </p>
            </Card>
            <Card
              title={t("admin.sDisk")}
              warn={!!s().disk && s().disk!.freeBytes < s().disk!.totalBytes * 0.1}
            >
              <Show when={s().disk} fallback={<p class="stat-value">{t("admin.sUnknown")}</p>}>
                {(d) => (
                  <>
                    <p class="stat-value">{t("admin.sFree", { size: bytes(d().freeBytes) })}</p>
                    <p class="stat-help">{t("admin.sOf", { size: bytes(d().totalBytes), path: d().path })}</p>
                  </>
                )}
              </Show>
            </Card>
            <Card title={t("admin.sJobs")} warn={s().jobs.failed > 0}>
              <p class="stat-value">{t("admin.sWaiting", { count: s().jobs.queued + s().jobs.running })}</p>
              <p class="stat-help">
                {t("admin.sJobCounts", {
                  queued: s().jobs.queued,
                  running: s().jobs.running,
                  done: s().jobs.done,
                  failed: s().jobs.failed,
                })}
              </p>
            </Card>
            <Card title={t("admin.sWorkers")}>
              <p class="stat-value">{t("admin.sBusy", { busy: s().workers.busy, size: s().workers.size })}</p>
              <p class="stat-help">{t("admin.sTasks", { count: s().workers.queued })}</p>
            </Card>
            <Card title="ffmpeg" warn={!s().ffmpeg.found}>
              <p class="stat-value">{s().ffmpeg.found ? s().ffmpeg.version : t("admin.sNotFound")}</p>
              <p class="stat-help">
                {s().ffmpeg.found ? `${s().ffmpeg.path} (${s().ffmpeg.source})` : t("admin.sNoVideo")}
              </p>
            </Card>
            <Card title={t("admin.sLive")}>
              <p class="stat-value">{t("admin.sLiveNow", { count: s().live.streamsNow })}</p>
              <p class="stat-help">
                {s().live.ingest.enabled
                  ? s().live.ingest.ingest
                    ? t("admin.sRtmp", { port: String(s().live.ingest.rtmpPort ?? "—") })
                    : t("admin.sRtmpOther")
                  : t("admin.sLiveOff")}
              </p>
            </Card>
            <Card title={t("admin.sSockets")}>
              <p class="stat-value">{s().websockets.connections}</p>
              <p class="stat-help">{t("admin.sSocketsHint")}</p>
            </Card>
            <Card title={t("admin.sOutbox")} warn={s().mailOutbox.failed > 0}>
              <p class="stat-value">{t("admin.sToSend", { count: s().mailOutbox.pending })}</p>
              <p class="stat-help">{t("admin.sFailedGood", { count: s().mailOutbox.failed })}</p>
            </Card>
            <Card
              title={t("admin.sBackup")}
              warn={!s().lastBackup || (s().lastBackup?.ageSeconds ?? 0) > 2 * 86_400}
            >
              <Show
                when={s().lastBackup}
                fallback={
                  <>
                    <p class="stat-value">{t("admin.sNever")}</p>
                    <p class="stat-help">{t("admin.sRunBackup")}</p>
                  </>
                }
              >
                {(b) => (
                  <>
                    <p class="stat-value">{t("admin.sAgo", { duration: duration(b().ageSeconds) })}</p>
                    <p class="stat-help">{b().name}</p>
                  </>
                )}
              </Show>
            </Card>
          </div>
        )}
      </Show>
    </AdminShell>
  );
}
