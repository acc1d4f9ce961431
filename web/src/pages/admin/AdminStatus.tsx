// The site's health at a glance, from this node: readiness, versions, database, disk, jobs, workers,
// ffmpeg, live streams, sockets, the mail outbox and the last backup. Refresh re-reads it.
import { createSignal, For, onMount, Show, type JSX } from "solid-js";
import { adminApi } from "../../api/admin";
import { errorMessage } from "../../api/client";
import type { SystemStatus } from "../../api/schema.gen";
import Icon from "../../components/Icon";
import { absoluteTime } from "../../lib/format";
import AdminShell from "./AdminShell";

const bytes = (n: number | null | undefined): string => {
  if (n === null || n === undefined) return "unknown";
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
              {s().ok ? "Ready" : "Not ready"}
            </span>
          )}
        </Show>
        <Show when={at()}>
          <span class="muted small">Read at {absoluteTime(at())}</span>
        </Show>
        <button
          type="button"
          class="btn btn-secondary btn-sm"
          disabled={loading()}
          onClick={() => void load()}
        >
          <Icon name="refresh" size={16} /> {loading() ? "Refreshing…" : "Refresh"}
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
            <Card title="Site">
              <p class="stat-value">Fanz {s().version}</p>
              <p class="stat-help">
                Node {s().node} · up {duration(s().uptimeSeconds)}
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
            <Card title="Database">
              <p class="stat-value">{bytes(s().database.sizeBytes)}</p>
              <p class="stat-help">
                {s().database.engine === "postgres" ? "PostgreSQL" : "SQLite"} {s().database.version}
              </p>
            </Card>
            <Card title="Disk" warn={!!s().disk && s().disk!.freeBytes < s().disk!.totalBytes * 0.1}>
              <Show when={s().disk} fallback={<p class="stat-value">unknown</p>}>
                {(d) => (
                  <>
                    <p class="stat-value">{bytes(d().freeBytes)} free</p>
                    <p class="stat-help">
                      of {bytes(d().totalBytes)} · {d().path}
                    </p>
                  </>
                )}
              </Show>
            </Card>
            <Card title="Jobs" warn={s().jobs.failed > 0}>
              <p class="stat-value">{s().jobs.queued + s().jobs.running} waiting or running</p>
              <p class="stat-help">
                {s().jobs.queued} queued · {s().jobs.running} running · {s().jobs.done} done ·{" "}
                {s().jobs.failed} failed
              </p>
            </Card>
            <Card title="Worker pool">
              <p class="stat-value">
                {s().workers.busy} / {s().workers.size} busy
              </p>
              <p class="stat-help">{s().workers.queued} tasks waiting for a thread</p>
            </Card>
            <Card title="ffmpeg" warn={!s().ffmpeg.found}>
              <p class="stat-value">{s().ffmpeg.found ? s().ffmpeg.version : "Not found"}</p>
              <p class="stat-help">
                {s().ffmpeg.found
                  ? `${s().ffmpeg.path} (${s().ffmpeg.source})`
                  : "Videos cannot be processed."}
              </p>
            </Card>
            <Card title="Live">
              <p class="stat-value">{s().live.streamsNow} live now</p>
              <p class="stat-help">
                {s().live.ingest.enabled
                  ? s().live.ingest.ingest
                    ? `RTMP on port ${s().live.ingest.rtmpPort ?? "—"}`
                    : "RTMP on another node"
                  : "Live streaming is off"}
              </p>
            </Card>
            <Card title="Real-time connections">
              <p class="stat-value">{s().websockets.connections}</p>
              <p class="stat-help">Open /ws sockets on this node</p>
            </Card>
            <Card title="Mail outbox" warn={s().mailOutbox.failed > 0}>
              <p class="stat-value">{s().mailOutbox.pending} to send</p>
              <p class="stat-help">{s().mailOutbox.failed} failed for good</p>
            </Card>
            <Card
              title="Last backup"
              warn={!s().lastBackup || (s().lastBackup?.ageSeconds ?? 0) > 2 * 86_400}
            >
              <Show
                when={s().lastBackup}
                fallback={
                  <>
                    <p class="stat-value">Never</p>
                    <p class="stat-help">Run fanzctl backup (and schedule it).</p>
                  </>
                }
              >
                {(b) => (
                  <>
                    <p class="stat-value">{duration(b().ageSeconds)} ago</p>
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
