// Admin › DMCA: the notices (by status) and one notice: the claim, what its URLs name on this site, and
// the steps: take down (a strike on each creator, told by notification and mail), reject with a reason,
// and restore after a counter-notice once the waiting period is over.
import { A, useParams } from "@solidjs/router";
import FilterChips, { type FilterOption } from "../../components/FilterChips";
import { createResource, createSignal, For, Show } from "solid-js";
import { errorMessage } from "../../api/client";
import { compliance } from "../../api/compliance";
import type { AdminDmcaNoticeDetail as Detail, DmcaStatus } from "../../api/schema.gen";
import "../../compliance.css";
import EmptyState from "../../components/EmptyState";
import { TextArea } from "../../components/Field";
import RelTime from "../../components/RelTime";
import { LineSkeleton } from "../../components/Skeleton";
import { absoluteTime } from "../../lib/format";
import { toast } from "../../stores/toasts";
import AdminShell from "./AdminShell";

const FILTERS: FilterOption<DmcaStatus | null>[] = [
  { value: "open", label: "Open" },
  { value: "countered", label: "Counter-noticed" },
  { value: "taken_down", label: "Taken down" },
  { value: "restored", label: "Restored" },
  { value: "rejected", label: "Rejected" },
  { value: null, label: "All" },
];
const LABEL: Record<DmcaStatus, string> = {
  open: "open",
  taken_down: "taken down",
  rejected: "rejected",
  countered: "counter-noticed",
  restored: "restored",
};

function Queue() {
  const [status, setStatus] = createSignal<DmcaStatus | null>("open");
  const [data] = createResource(status, (s) => compliance.admin.dmca(s));
  return (
    <div class="stack">
      <FilterChips options={FILTERS} value={status()} onChange={setStatus} />
      <section class="card form-card" aria-label="Notices">
        <Show when={data()} fallback={<LineSkeleton />}>
          {(d) => (
            <Show
              when={d().items.length > 0}
              fallback={
                <EmptyState icon="check" title="No notices here">
                  <p class="muted">
                    Notices sent through the public <A href="/dmca">DMCA form</A> appear here.
                  </p>
                </EmptyState>
              }
            >
              <ul class="rows">
                <For each={d().items}>
                  {(n) => (
                    <li>
                      <A class="grow row-link" href={`/admin/dmca/${n.id}`}>
                        <span class="row-title">{n.work}</span>
                        <span class="muted small">
                          {n.claimant.name} · {n.urls.length} URL{n.urls.length === 1 ? "" : "s"} ·{" "}
                          <RelTime ms={n.createdAt} />
                        </span>
                      </A>
                      <span class="badge badge-warn">{LABEL[n.status]}</span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </section>
    </div>
  );
}

function NoticeView(props: { id: string }) {
  const [data, { mutate }] = createResource(
    () => props.id,
    (id) => compliance.admin.dmcaOne(id),
  );
  const [reason, setReason] = createSignal("");
  const [reasonError, setReasonError] = createSignal<string | undefined>();
  const [busy, setBusy] = createSignal(false);
  async function step(fn: () => Promise<{ notice: Detail }>, done: string) {
    setBusy(true);
    try {
      mutate(await fn());
      toast(done, "success");
    } catch (err) {
      toast(errorMessage(err), "error");
    } finally {
      setBusy(false);
    }
  }
  return (
    <Show when={data()} fallback={<LineSkeleton />}>
      {(d) => {
        const n = () => d().notice;
        const restorable = () => n().strikes.filter((s) => s.counter && !s.withdrawnAt);
        return (
          <div class="stack">
            <A href="/admin/dmca" class="link small">
              ← All notices
            </A>
            <section class="card form-card stack-sm">
              <div class="filter-row">
                <h2>Notice from {n().claimant.name}</h2>
                <span class="badge badge-warn">{LABEL[n().status]}</span>
              </div>
              <dl class="facts">
                <dt>Claimant</dt>
                <dd>
                  {n().claimant.name}
                  {"\n"}
                  {n().claimant.email}
                  {n().claimant.phone ? `\n${n().claimant.phone}` : ""}
                  {"\n"}
                  {n().claimant.address}
                </dd>
                <dt>Work</dt>
                <dd>{n().work}</dd>
                <dt>URLs</dt>
                <dd>
                  <For each={n().urls}>{(u) => <div>{u}</div>}</For>
                </dd>
                <dt>Signed</dt>
                <dd>
                  {n().signature} · {absoluteTime(n().createdAt)} · from {n().ip ?? "unknown"}
                </dd>
                <Show when={n().rejectReason}>
                  <dt>Rejected</dt>
                  <dd>{n().rejectReason}</dd>
                </Show>
              </dl>
            </section>
            <Show when={n().status === "open"}>
              <section class="card form-card stack-sm" aria-labelledby="resolved-h">
                <h2 id="resolved-h">On this site</h2>
                <Show
                  when={(n().resolved ?? []).length > 0}
                  fallback={<p class="muted">None of the URLs names a post or medium of this site.</p>}
                >
                  <ul class="rows">
                    <For each={n().resolved ?? []}>
                      {(t) => (
                        <li>
                          <A class="grow row-link" href={`/posts/${t.id}`}>
                            <span class="row-title">Post {t.id}</span>
                            <span class="muted small">named by {t.url}</span>
                          </A>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
                <TextArea
                  label="Reason (for a rejection)"
                  rows={2}
                  value={reason()}
                  onInput={(e) => {
                    setReason(e.currentTarget.value);
                    setReasonError(undefined);
                  }}
                  error={reasonError()}
                />
                <div class="form-actions split">
                  <button
                    type="button"
                    class="btn btn-secondary"
                    disabled={busy()}
                    onClick={() => {
                      if (!reason().trim()) return setReasonError("Say why the notice is rejected.");
                      void step(
                        () => compliance.admin.rejectDmca(n().id, reason().trim()),
                        "Notice rejected",
                      );
                    }}
                  >
                    Reject
                  </button>
                  <button
                    type="button"
                    class="btn btn-danger"
                    disabled={busy() || (n().resolved ?? []).length === 0}
                    onClick={() =>
                      void step(() => compliance.admin.takedown(n().id), "Taken down: the creator is told")
                    }
                  >
                    Take down
                  </button>
                </div>
              </section>
            </Show>
            <Show when={n().strikes.length > 0}>
              <section class="card form-card stack-sm" aria-labelledby="strikes-h">
                <h2 id="strikes-h">Creators and counter-notices</h2>
                <ul class="rows">
                  <For each={n().strikes}>
                    {(s) => (
                      <li>
                        <span class="grow">
                          <span class="row-title">@{s.username}</span>
                          <span class="muted small">
                            {s.withdrawnAt
                              ? `Restored ${absoluteTime(s.withdrawnAt)}; strike withdrawn`
                              : s.counter
                                ? `Counter-notice by ${s.counter.name}, ${absoluteTime(s.counteredAt!)}; restorable from ${absoluteTime(s.restorableAt!)}`
                                : "Strike; no counter-notice"}
                          </span>
                        </span>
                      </li>
                    )}
                  </For>
                </ul>
                <Show when={restorable().length > 0}>
                  <div class="form-actions">
                    <button
                      type="button"
                      class="btn btn-primary"
                      disabled={busy()}
                      onClick={() => void step(() => compliance.admin.restore(n().id), "Content restored")}
                    >
                      Restore content
                    </button>
                  </div>
                </Show>
              </section>
            </Show>
          </div>
        );
      }}
    </Show>
  );
}

export default function AdminDmca() {
  const params = useParams<{ id?: string }>();
  return (
    <AdminShell>
      <Show when={params.id} fallback={<Queue />}>
        {(id) => <NoticeView id={id()} />}
      </Show>
    </AdminShell>
  );
}
