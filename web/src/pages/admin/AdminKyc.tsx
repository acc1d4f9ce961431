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
import { t, type MessageKey } from "../../i18n";

const filters = (): FilterOption<KycStatus | null>[] => [
  { value: "pending", label: t("admin.kFPending") },
  { value: "approved", label: t("admin.kFApproved") },
  { value: "rejected", label: t("admin.kFRejected") },
  { value: null, label: t("admin.kFAll") },
];
const STATUS_WORD: Record<KycStatus, MessageKey> = {
  pending: "admin.kSPending",
  approved: "admin.kSApproved",
  rejected: "admin.kSRejected",
};
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
        <h2 id="export-h">{t("admin.kRecords")}</h2>
        <p class="muted small">{t("admin.kRecordsHint")}</p>
        <div>
          <a class="btn btn-secondary" href={compliance.admin.exportUrl} download="2257-records.zip">
            <Icon name="download" size={18} /> {t("admin.kExport")}
          </a>
        </div>
      </section>
      <FilterChips options={filters()} value={status()} onChange={setStatus} />
      <section class="card form-card" aria-label={t("admin.kVerifications")}>
        <Show when={data()} fallback={<LineSkeleton />}>
          {(d) => (
            <Show
              when={d().items.length > 0}
              fallback={
                <EmptyState
                  icon="check"
                  title={status() === "pending" ? t("admin.kNothing") : t("admin.kNone")}
                >
                  <p class="muted">{t("admin.kNoneHint")}</p>
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
                          @{k.user.username} · {countryName(k.country)} · {t("admin.kSent")}{" "}
                          <RelTime ms={k.createdAt} />
                        </span>
                      </A>
                      <span class={`badge ${BADGE[k.status]}`}>{t(STATUS_WORD[k.status])}</span>
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
      setReasonError(t("admin.kFixIt"));
      return;
    }
    setBusy(true);
    try {
      const r = approve
        ? await compliance.admin.approve(k.id)
        : await compliance.admin.reject(k.id, reason().trim());
      mutate(r);
      toast(approve ? t("admin.kApprovedToast") : t("admin.kRejectedToast"), "success");
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
              {t("admin.kAll")}
            </A>
            <section class="card form-card stack-sm">
              <div class="filter-row">
                <h2>{k().legalName}</h2>
                <span class={`badge ${BADGE[k().status]}`}>{t(STATUS_WORD[k().status])}</span>
              </div>
              <dl class="facts">
                <dt>{t("admin.kAccount")}</dt>
                <dd>
                  <A href={`/${k().user.username}`}>@{k().user.username}</A>
                  {k().user.displayName ? ` (${k().user.displayName})` : ""}
                </dd>
                <dt>{t("admin.kDob")}</dt>
                <dd>{k().dateOfBirth}</dd>
                <dt>{t("admin.kCountry")}</dt>
                <dd>{countryName(k().country)}</dd>
                <dt>{t("admin.kSentLabel")}</dt>
                <dd>{absoluteTime(k().createdAt)}</dd>
                <Show when={k().reviewedAt}>
                  <dt>{t("admin.kDecided")}</dt>
                  <dd>{absoluteTime(k().reviewedAt!)}</dd>
                </Show>
                <Show when={k().rejectionReason}>
                  <dt>{t("admin.kReason")}</dt>
                  <dd>{k().rejectionReason}</dd>
                </Show>
              </dl>
            </section>
            <section class="card form-card stack-sm" aria-labelledby="docs-h">
              <h2 id="docs-h">{t("admin.kDocuments")}</h2>
              <div class="doc-grid">
                <For each={k().documents}>
                  {(doc) => (
                    <figure class="doc-card">
                      <Show
                        when={doc.mime.startsWith("image/")}
                        fallback={
                          <a class="btn btn-secondary" href={doc.url} target="_blank" rel="noopener">
                            <Icon name="file" size={18} /> {t("admin.kOpenPdf")}
                          </a>
                        }
                      >
                        <a href={doc.url} target="_blank" rel="noopener">
                          <img
                            src={doc.url}
                            alt={doc.kind === "selfie" ? t("admin.kSelfieAlt") : t("admin.kIdDoc")}
                          />
                        </a>
                      </Show>
                      <figcaption class="small">
                        <strong>{doc.kind === "selfie" ? t("admin.kSelfie") : t("admin.kIdDoc")}</strong>
                        <span class="muted"> · {doc.fileName}</span>
                      </figcaption>
                    </figure>
                  )}
                </For>
              </div>
              <p class="muted small">{t("admin.kCheck")}</p>
            </section>
            <Show when={k().status === "pending"}>
              <section class="card form-card stack-sm" aria-label={t("admin.kDecision")}>
                <TextArea
                  label={t("admin.dReason")}
                  rows={2}
                  value={reason()}
                  onInput={(e) => {
                    setReason(e.currentTarget.value);
                    setReasonError(undefined);
                  }}
                  error={reasonError()}
                  hint={t("admin.kReasonHint")}
                />
                <div class="form-actions split">
                  <button
                    type="button"
                    class="btn btn-secondary"
                    disabled={busy()}
                    onClick={() => void decide(k(), false)}
                  >
                    {t("admin.dReject")}
                  </button>
                  <button
                    type="button"
                    class="btn btn-primary"
                    disabled={busy()}
                    onClick={() => void decide(k(), true)}
                  >
                    <Icon name="check" size={18} /> {t("admin.kApprove")}
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
