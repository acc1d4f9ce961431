// Settings › Records (2257): what the law asks a creator to keep about the people in their posts.
// Requests to confirm (posts that name this person as a co-performer), posts waiting for co-performers,
// and the releases of performers who are not creators here (legal name, date of birth, other names, ID
// document and the signed release), with the form to add one.
import { usePageTitle } from "../../lib/page-title";
import { A } from "@solidjs/router";
import { createSignal, For, onMount, Show } from "solid-js";
import { ApiError, errorMessage, formMessage } from "../../api/client";
import { compliance } from "../../api/compliance";
import type { CoPerformerRequest, HeldPosts, PerformerStatus, Release } from "../../api/schema.gen";
import "../../compliance.css";
import EmptyState from "../../components/EmptyState";
import { Field, FormError, TextArea } from "../../components/Field";
import FileField from "../../components/compliance/FileField";
import { RequireAuth } from "../../components/Guards";
import RelTime from "../../components/RelTime";
import { LineSkeleton } from "../../components/Skeleton";
import { isCreator } from "../../stores/session";
import { toast } from "../../stores/toasts";
import { t, type MessageKey } from "../../i18n";

const STATUS_WORD: Record<PerformerStatus, MessageKey> = {
  pending: "compliance.rPending",
  confirmed: "compliance.rConfirmed",
  declined: "compliance.rDeclined",
};

function Requests() {
  const [items, setItems] = createSignal<CoPerformerRequest[] | null>(null);
  const load = () =>
    compliance
      .requests()
      .then((r) => setItems(r.items))
      .catch((err: unknown) => toast(errorMessage(err), "error"));
  onMount(() => void load());
  async function decide(r: CoPerformerRequest, yes: boolean) {
    try {
      await (yes ? compliance.confirm(r.id) : compliance.decline(r.id));
      toast(yes ? t("compliance.rConfirmedToast") : t("compliance.rDeclinedToast"), "success");
      await load();
    } catch (err) {
      toast(errorMessage(err), "error");
    }
  }
  return (
    <section class="card form-card" aria-labelledby="req-h" id="requests">
      <h2 id="req-h">{t("compliance.rRequests")}</h2>
      <Show when={items()} fallback={<LineSkeleton width="60%" />}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="muted">{t("compliance.rNobody")}</p>}>
            <ul class="rows">
              <For each={list()}>
                {(r) => (
                  <li>
                    <span class="grow">
                      <span class="row-title">
                        {t("compliance.rNamedYou", {
                          name: r.creator.displayName || `@${r.creator.username}`,
                        })}
                      </span>
                      <span class="muted small">
                        <RelTime ms={r.createdAt} /> ·{" "}
                        {r.status === "pending"
                          ? t("compliance.rWaitingYou")
                          : r.status === "confirmed"
                            ? t("compliance.rConfirmed")
                            : t("compliance.rDeclined")}
                      </span>
                    </span>
                    <Show
                      when={r.status === "pending"}
                      fallback={
                        <span class={`badge ${r.status === "confirmed" ? "badge-success" : "badge-danger"}`}>
                          {t(STATUS_WORD[r.status])}
                        </span>
                      }
                    >
                      <span class="record-actions">
                        <button
                          type="button"
                          class="btn btn-secondary btn-sm"
                          onClick={() => void decide(r, false)}
                        >
                          {t("compliance.rDecline")}
                        </button>
                        <button
                          type="button"
                          class="btn btn-primary btn-sm"
                          onClick={() => void decide(r, true)}
                        >
                          {t("compliance.rConfirm")}
                        </button>
                      </span>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </section>
  );
}

function Held() {
  const [held, setHeld] = createSignal<HeldPosts["items"] | null>(null);
  onMount(() => {
    compliance
      .heldPosts()
      .then((r) => setHeld(r.items))
      .catch(() => setHeld([]));
  });
  return (
    <Show when={(held() ?? []).length > 0}>
      <section class="card form-card" aria-labelledby="held-h">
        <h2 id="held-h">{t("compliance.rHeld")}</h2>
        <ul class="rows">
          <For each={held()!}>
            {(h) => (
              <li>
                <span class="grow">
                  <A class="row-link row-title" href={`/posts/${h.postId}`}>
                    {t("compliance.rHeldPost")}
                  </A>
                  <span class="muted small">
                    {h.waitingFor.map((w) => `@${w.username} (${t(STATUS_WORD[w.status])})`).join(", ")}
                  </span>
                </span>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}

function ReleaseForm(props: { onAdded: (r: Release) => void }) {
  const [legalName, setLegalName] = createSignal("");
  const [dob, setDob] = createSignal("");
  const [otherNames, setOtherNames] = createSignal("");
  const [idDoc, setIdDoc] = createSignal<File | null>(null);
  const [signed, setSigned] = createSignal<File | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    const errs: Record<string, string> = {};
    if (!legalName().trim()) errs.legalName = t("compliance.rErrName");
    if (!dob()) errs.dateOfBirth = t("compliance.rErrDob");
    if (!idDoc()) errs.idDocument = t("compliance.rErrId");
    if (!signed()) errs.releaseDocument = t("compliance.rErrRelease");
    setFields(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const r = await compliance.addRelease(
        { legalName: legalName().trim(), dateOfBirth: dob(), otherNames: otherNames() },
        { idDocument: idDoc()!, releaseDocument: signed()! },
      );
      props.onAdded(r.release);
      setLegalName("");
      setDob("");
      setOtherNames("");
      setIdDoc(null);
      setSigned(null);
      toast(t("compliance.rKeptToast"), "success");
    } catch (err) {
      setError(formMessage(err, ["legalName", "dateOfBirth", "otherNames", "idDocument", "releaseDocument"]));
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="stack-sm" onSubmit={(e) => void submit(e)} novalidate aria-label={t("compliance.rAdd")}>
      <h3>{t("compliance.rAdd")}</h3>
      <div class="grid-2">
        <Field
          label={t("compliance.rLegalName")}
          name="legalName"
          value={legalName()}
          onInput={(e) => setLegalName(e.currentTarget.value)}
          error={fields().legalName}
        />
        <Field
          label={t("compliance.rDob")}
          name="dateOfBirth"
          type="date"
          value={dob()}
          onInput={(e) => setDob(e.currentTarget.value)}
          error={fields().dateOfBirth}
          hint={t("compliance.rAdult")}
        />
      </div>
      <TextArea
        label={t("compliance.rOtherNames")}
        name="otherNames"
        rows={2}
        value={otherNames()}
        onInput={(e) => setOtherNames(e.currentTarget.value)}
        error={fields().otherNames}
        hint={t("compliance.rOtherNamesHint")}
      />
      <div class="grid-2">
        <FileField
          label={t("compliance.rIdDoc")}
          name="idDocument"
          hint={t("compliance.rIdDocHint")}
          file={idDoc()}
          onChange={setIdDoc}
          error={fields().idDocument}
        />
        <FileField
          label={t("compliance.rSigned")}
          name="releaseDocument"
          hint={t("compliance.rSignedHint")}
          file={signed()}
          onChange={setSigned}
          error={fields().releaseDocument}
        />
      </div>
      <FormError message={error()} />
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy()}>
          {busy() ? t("compliance.rUploading") : t("compliance.rKeep")}
        </button>
      </div>
    </form>
  );
}

function Releases() {
  const [items, setItems] = createSignal<Release[] | null>(null);
  onMount(() => {
    compliance
      .releases()
      .then((r) => setItems(r.items))
      .catch((err: unknown) => toast(errorMessage(err), "error"));
  });
  return (
    <section class="card form-card stack" aria-labelledby="rel-h">
      <div>
        <h2 id="rel-h">{t("compliance.releases")}</h2>
        <p class="muted small">{t("compliance.rReleasesHint")}</p>
      </div>
      <Show when={items()} fallback={<LineSkeleton width="50%" />}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="muted">{t("compliance.rNoReleases")}</p>}>
            <ul class="rows">
              <For each={list()}>
                {(r) => (
                  <li>
                    <span class="grow">
                      <span class="row-title">{r.legalName}</span>
                      <span class="muted small">
                        {t("compliance.rBorn", { date: r.dateOfBirth })}
                        {r.otherNames.length
                          ? ` · ${t("compliance.rAka", { names: r.otherNames.join(", ") })}`
                          : ""}{" "}
                        · {t("compliance.rKept")} <RelTime ms={r.createdAt} />
                      </span>
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <ReleaseForm onAdded={(r) => setItems([r, ...(items() ?? [])])} />
    </section>
  );
}

export default function Records() {
  usePageTitle(() => t("compliance.vRecords"));
  return (
    <RequireAuth>
      <div class="stack">
        <div>
          <h1 class="page-title">{t("compliance.vRecords")}</h1>
          <p class="muted lead">{t("compliance.rLead")}</p>
        </div>
        <Requests />
        <Show
          when={isCreator()}
          fallback={
            <EmptyState icon="star" title={t("compliance.rForCreators")}>
              <A href="/settings/creator" class="btn btn-primary">
                {t("compliance.rBecome")}
              </A>
            </EmptyState>
          }
        >
          <Held />
          <Releases />
        </Show>
      </div>
    </RequireAuth>
  );
}
