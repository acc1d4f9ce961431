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
import { t, type MessageKey } from "../../i18n";

const filters = (): FilterOption<DmcaStatus | null>[] => [
  { value: "open", label: t("admin.dFOpen") },
  { value: "countered", label: t("admin.dFCountered") },
  { value: "taken_down", label: t("admin.dFTaken") },
  { value: "restored", label: t("admin.dFRestored") },
  { value: "rejected", label: t("admin.dFRejected") },
  { value: null, label: t("admin.dFAll") },
];
const LABEL: Record<DmcaStatus, MessageKey> = {
  open: "admin.dSOpen",
  taken_down: "admin.dSTaken",
  rejected: "admin.dSRejected",
  countered: "admin.dSCountered",
  restored: "admin.dSRestored",
};

function Queue() {
  const [status, setStatus] = createSignal<DmcaStatus | null>("open");
  const [data] = createResource(status, (s) => compliance.admin.dmca(s));
  return (
    <div class="stack">
      <FilterChips options={filters()} value={status()} onChange={setStatus} />
      <section class="card form-card" aria-label={t("admin.dNotices")}>
        <Show when={data()} fallback={<LineSkeleton />}>
          {(d) => (
            <Show
              when={d().items.length > 0}
              fallback={
                <EmptyState icon="check" title={t("admin.dNone")}>
                  <p class="muted">
                    {t("admin.dNoneBefore")} <A href="/dmca">{t("admin.dNoneLink")}</A>{" "}
                    {t("admin.dNoneAfter")}
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
                          {n.claimant.name} · {t("admin.dUrls", { count: n.urls.length })} ·{" "}
                          <RelTime ms={n.createdAt} />
                        </span>
                      </A>
                      <span class="badge badge-warn">{t(LABEL[n.status])}</span>
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
              {t("admin.dAll")}
            </A>
            <section class="card form-card stack-sm">
              <div class="filter-row">
                <h2>{t("admin.dFrom", { name: n().claimant.name })}</h2>
                <span class="badge badge-warn">{t(LABEL[n().status])}</span>
              </div>
              <dl class="facts">
                <dt>{t("admin.dClaimant")}</dt>
                <dd>
                  {n().claimant.name}
                  {"\n"}
                  {n().claimant.email}
                  {n().claimant.phone ? `\n${n().claimant.phone}` : ""}
                  {"\n"}
                  {n().claimant.address}
                </dd>
                <dt>{t("admin.dWork")}</dt>
                <dd>{n().work}</dd>
                <dt>{t("admin.dUrlsLabel")}</dt>
                <dd>
                  <For each={n().urls}>{(u) => <div>{u}</div>}</For>
                </dd>
                <dt>{t("admin.dSigned")}</dt>
                <dd>
                  {n().signature} · {absoluteTime(n().createdAt)} ·{" "}
                  {t("admin.dFromIp", { ip: n().ip ?? t("admin.sUnknown") })}
                </dd>
                <Show when={n().rejectReason}>
                  <dt>{t("admin.dRejectedLabel")}</dt>
                  <dd>{n().rejectReason}</dd>
                </Show>
              </dl>
            </section>
            <Show when={n().status === "open"}>
              <section class="card form-card stack-sm" aria-labelledby="resolved-h">
                <h2 id="resolved-h">{t("admin.dOnSite")}</h2>
                <Show
                  when={(n().resolved ?? []).length > 0}
                  fallback={<p class="muted">{t("admin.dNoMatch")}</p>}
                >
                  <ul class="rows">
                    <For each={n().resolved ?? []}>
                      {(r) => (
                        <li>
                          <A class="grow row-link" href={`/posts/${r.id}`}>
                            <span class="row-title">{t("admin.dPost", { id: r.id })}</span>
                            <span class="muted small">{t("admin.dNamedBy", { url: r.url })}</span>
                          </A>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
                <TextArea
                  label={t("admin.dReason")}
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
                      if (!reason().trim()) return setReasonError(t("admin.dSayWhy"));
                      void step(
                        () => compliance.admin.rejectDmca(n().id, reason().trim()),
                        t("admin.dRejectedToast"),
                      );
                    }}
                  >
                    {t("admin.dReject")}
                  </button>
                  <button
                    type="button"
                    class="btn btn-danger"
                    disabled={busy() || (n().resolved ?? []).length === 0}
                    onClick={() => void step(() => compliance.admin.takedown(n().id), t("admin.dTakenToast"))}
                  >
                    {t("admin.dTakeDown")}
                  </button>
                </div>
              </section>
            </Show>
            <Show when={n().strikes.length > 0}>
              <section class="card form-card stack-sm" aria-labelledby="strikes-h">
                <h2 id="strikes-h">{t("admin.dStrikes")}</h2>
                <ul class="rows">
                  <For each={n().strikes}>
                    {(s) => (
                      <li>
                        <span class="grow">
                          <span class="row-title">@{s.username}</span>
                          <span class="muted small">
                            {s.withdrawnAt
                              ? t("admin.dRestoredAt", { date: absoluteTime(s.withdrawnAt) })
                              : s.counter
                                ? t("admin.dCounter", {
                                    name: s.counter.name,
                                    date: absoluteTime(s.counteredAt!),
                                    from: absoluteTime(s.restorableAt!),
                                  })
                                : t("admin.dStrike")}
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
                      onClick={() =>
                        void step(() => compliance.admin.restore(n().id), t("admin.dRestoredToast"))
                      }
                    >
                      {t("admin.dRestore")}
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
