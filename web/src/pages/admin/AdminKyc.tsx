// Admin › Verification: the KYC queue (by status) and one submission's review, with its documents shown
// decrypted (never cached), approve, and reject with a reason. Also the 2257 records export.
import { A, useParams } from "@solidjs/router";
import FilterChips, { type FilterOption } from "../../components/FilterChips";
import { createResource, createSignal, For, Show } from "solid-js";
import { errorMessage } from "../../api/client";
import { compliance } from "../../api/compliance";
import type { AdminKyc as Kyc, KycStatus } from "../../api/schema.gen";
import "../../compliance.css";
import EmptyState from "../../components/EmptyState";
import { TextArea } from "../../components/Field";
import Icon from "../../components/Icon";
import RelTime from "../../components/RelTime";
import { LineSkeleton } from "../../components/Skeleton";
import { countries } from "../../lib/countries";
import { absoluteTime } from "../../lib/format";
import { toast } from "../../stores/toasts";
import AdminShell from "./AdminShell";

const FILTERS: FilterOption<KycStatus | null>[] = [
  { value: "pending", label: "To review" },
  { value: "approved", label: "Approved" },
  { value: "rejected", label: "Rejected" },
  { value: null, label: "All" },
];
const BADGE: Record<KycStatus, string> = {
  pending: "badge-warn",
  approved: "badge-success",
  rejected: "badge-danger",
};
const countryName = (code: string) => countries().find((c) => c.code === code)?.name ?? code;

function Queue() {
  const [status, setStatus] = createSignal<KycStatus | null>("pending");
  const [data] = createResource(status, (s) => compliance.admin.kyc(s), { initialValue: undefined });
  return (
    <div class="stack">
      <section class="card form-card stack-sm" aria-labelledby="export-h">
        <h2 id="export-h">2257 records</h2>
        <p class="muted small">
          Every post with its performers (legal names, dates of birth, the records they come from) as CSV,
          with the documents, in one zip. The download is written to the audit log.
        </p>
        <div>
          <a class="btn btn-secondary" href={compliance.admin.exportUrl} download="2257-records.zip">
            <Icon name="download" size={18} /> Export records (zip)
          </a>
        </div>
      </section>
      <FilterChips options={FILTERS} value={status()} onChange={setStatus} />
      <section class="card form-card" aria-label="Verifications">
        <Show when={data()} fallback={<LineSkeleton />}>
          {(d) => (
            <Show
              when={d().items.length > 0}
              fallback={
                <EmptyState icon="check" title={status() === "pending" ? "Nothing to review" : "None"}>
                  <p class="muted">New verifications appear here.</p>
                </EmptyState>
              }
            >
              <ul class="rows">
                <For each={d().items}>
                  {(k) => (
                    <li>
                      <A class="grow row-link" href={`/admin/kyc/${k.id}`}>
                        <span class="row-title">{k.legalName}</span>
                        <span class="muted small">
                          @{k.user.username} · {countryName(k.country)} · sent <RelTime ms={k.createdAt} />
                        </span>
                      </A>
                      <span class={`badge ${BADGE[k.status]}`}>{k.status}</span>
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

function Review(props: { id: string }) {
  const [data, { mutate }] = createResource(
    () => props.id,
    (id) => compliance.admin.kycOne(id),
  );
  const [reason, setReason] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [reasonError, setReasonError] = createSignal<string | undefined>();
  async function decide(k: Kyc, approve: boolean) {
    if (!approve && !reason().trim()) {
      setReasonError("Tell the creator what to fix.");
      return;
    }
    setBusy(true);
    try {
      const r = approve
        ? await compliance.admin.approve(k.id)
        : await compliance.admin.reject(k.id, reason().trim());
      mutate(r);
      toast(approve ? "Approved: the creator is told" : "Rejected: the creator is told", "success");
    } catch (err) {
      toast(errorMessage(err), "error");
    } finally {
      setBusy(false);
    }
  }
  return (
    <Show when={data()} fallback={<LineSkeleton />}>
      {(d) => {
        const k = () => d().kyc;
        return (
          <div class="stack">
            <A href="/admin/kyc" class="link small">
              ← All verifications
            </A>
            <section class="card form-card stack-sm">
              <div class="filter-row">
                <h2>{k().legalName}</h2>
                <span class={`badge ${BADGE[k().status]}`}>{k().status}</span>
              </div>
              <dl class="facts">
                <dt>Account</dt>
                <dd>
                  <A href={`/${k().user.username}`}>@{k().user.username}</A>
                  {k().user.displayName ? ` (${k().user.displayName})` : ""}
                </dd>
                <dt>Date of birth</dt>
                <dd>{k().dateOfBirth}</dd>
                <dt>Country</dt>
                <dd>{countryName(k().country)}</dd>
                <dt>Sent</dt>
                <dd>{absoluteTime(k().createdAt)}</dd>
                <Show when={k().reviewedAt}>
                  <dt>Decided</dt>
                  <dd>{absoluteTime(k().reviewedAt!)}</dd>
                </Show>
                <Show when={k().rejectionReason}>
                  <dt>Reason</dt>
                  <dd>{k().rejectionReason}</dd>
                </Show>
              </dl>
            </section>
            <section class="card form-card stack-sm" aria-labelledby="docs-h">
              <h2 id="docs-h">Documents</h2>
              <div class="doc-grid">
                <For each={k().documents}>
                  {(doc) => (
                    <figure class="doc-card">
                      <Show
                        when={doc.mime.startsWith("image/")}
                        fallback={
                          <a class="btn btn-secondary" href={doc.url} target="_blank" rel="noopener">
                            <Icon name="file" size={18} /> Open PDF
                          </a>
                        }
                      >
                        <a href={doc.url} target="_blank" rel="noopener">
                          <img
                            src={doc.url}
                            alt={doc.kind === "selfie" ? "Selfie holding the ID" : "ID document"}
                          />
                        </a>
                      </Show>
                      <figcaption class="small">
                        <strong>{doc.kind === "selfie" ? "Selfie with ID" : "ID document"}</strong>
                        <span class="muted"> · {doc.fileName}</span>
                      </figcaption>
                    </figure>
                  )}
                </For>
              </div>
              <p class="muted small">
                Check the name and date of birth against the ID, and the face against the selfie.
              </p>
            </section>
            <Show when={k().status === "pending"}>
              <section class="card form-card stack-sm" aria-label="Decision">
                <TextArea
                  label="Reason (for a rejection)"
                  rows={2}
                  value={reason()}
                  onInput={(e) => {
                    setReason(e.currentTarget.value);
                    setReasonError(undefined);
                  }}
                  error={reasonError()}
                  hint="Shown to the creator, who can send a new verification."
                />
                <div class="form-actions split">
                  <button
                    type="button"
                    class="btn btn-secondary"
                    disabled={busy()}
                    onClick={() => void decide(k(), false)}
                  >
                    Reject
                  </button>
                  <button
                    type="button"
                    class="btn btn-primary"
                    disabled={busy()}
                    onClick={() => void decide(k(), true)}
                  >
                    <Icon name="check" size={18} /> Approve
                  </button>
                </div>
              </section>
            </Show>
          </div>
        );
      }}
    </Show>
  );
}

export default function AdminKyc() {
  const params = useParams<{ id?: string }>();
  return (
    <AdminShell>
      <Show when={params.id} fallback={<Queue />}>
        {(id) => <Review id={id()} />}
      </Show>
    </AdminShell>
  );
}
