// The creator's DMCA notices (/dmca/notices and /dmca/notices/:id): what was claimed and removed, and the
// counter-notice form (17 U.S.C. § 512(g)(3)) for content removed by mistake. After a counter-notice the
// admin may restore the content once the waiting period has passed.
import { usePageTitle } from "../../lib/page-title";
import { A, useParams } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { ApiError, formMessage } from "../../api/client";
import { compliance } from "../../api/compliance";
import type { DmcaNotice } from "../../api/schema.gen";
import "../../compliance.css";
import EmptyState from "../../components/EmptyState";
import { Field, FormError, TextArea } from "../../components/Field";
import { RequireAuth } from "../../components/Guards";
import RelTime from "../../components/RelTime";
import { LineSkeleton } from "../../components/Skeleton";
import { absoluteTime } from "../../lib/format";
import { toast } from "../../stores/toasts";
import { t, type MessageKey } from "../../i18n";

const STATUS: Record<DmcaNotice["status"], MessageKey> = {
  open: "compliance.dnOpen",
  taken_down: "compliance.dnTakenDown",
  rejected: "compliance.dnRejected",
  countered: "compliance.dnCountered",
  restored: "compliance.dnRestored",
};

function CounterForm(props: { notice: DmcaNotice; onSent: (n: DmcaNotice) => void }) {
  const [name, setName] = createSignal("");
  const [address, setAddress] = createSignal("");
  const [phone, setPhone] = createSignal("");
  const [email, setEmail] = createSignal("");
  const [material, setMaterial] = createSignal(props.notice.urls.join("\n"));
  const [mistake, setMistake] = createSignal(false);
  const [consent, setConsent] = createSignal(false);
  const [signature, setSignature] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    const errs: Record<string, string> = {};
    if (!name().trim()) errs.name = t("compliance.dnErrName");
    if (!address().trim()) errs.address = t("compliance.dfErrAddress");
    if (!phone().trim()) errs.phone = t("compliance.dnErrPhone");
    if (!/^\S+@\S+\.\S+$/.test(email().trim())) errs.email = t("compliance.dnErrEmail");
    if (!material().trim()) errs.material = t("compliance.dnErrMaterial");
    if (!mistake()) errs.mistakeStatement = t("compliance.dfErrStatement");
    if (!consent()) errs.jurisdictionConsent = t("compliance.dnErrConsent");
    if (!signature().trim()) errs.signature = t("compliance.dfErrSignature");
    setFields(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const r = await compliance.counter(props.notice.id, {
        name: name().trim(),
        address: address().trim(),
        phone: phone().trim(),
        email: email().trim(),
        material: material().trim(),
        mistakeStatement: true,
        jurisdictionConsent: true,
        signature: signature().trim(),
      });
      props.onSent(r.notice);
      toast(t("compliance.dnSentToast"), "success");
    } catch (err) {
      setError(
        formMessage(
          err,
          Object.keys(errs).concat(["name", "address", "phone", "email", "material", "signature"]),
        ),
      );
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form
      class="card form-card"
      onSubmit={(e) => void submit(e)}
      novalidate
      aria-label={t("compliance.dnFormLabel")}
    >
      <h2>{t("compliance.dnFormTitle")}</h2>
      <p class="muted small">{t("compliance.dnFormLead")}</p>
      <div class="grid-2">
        <Field
          label={t("compliance.dnFullName")}
          name="name"
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          error={fields().name}
        />
        <Field
          label={t("compliance.dnPhone")}
          name="phone"
          type="tel"
          value={phone()}
          onInput={(e) => setPhone(e.currentTarget.value)}
          error={fields().phone}
        />
      </div>
      <Field
        label={t("compliance.dfEmail")}
        name="email"
        type="email"
        value={email()}
        onInput={(e) => setEmail(e.currentTarget.value)}
        error={fields().email}
      />
      <TextArea
        label={t("compliance.dfAddress")}
        name="address"
        rows={3}
        value={address()}
        onInput={(e) => setAddress(e.currentTarget.value)}
        error={fields().address}
      />
      <TextArea
        label={t("compliance.dnMaterial")}
        name="material"
        rows={3}
        value={material()}
        onInput={(e) => setMaterial(e.currentTarget.value)}
        error={fields().material}
        hint={t("compliance.dnMaterialHint")}
      />
      <label class="legal-check" classList={{ "has-error": !!fields().mistakeStatement }}>
        <input type="checkbox" checked={mistake()} onChange={(e) => setMistake(e.currentTarget.checked)} />
        <span>{t("compliance.dnMistake")}</span>
      </label>
      <label class="legal-check" classList={{ "has-error": !!fields().jurisdictionConsent }}>
        <input type="checkbox" checked={consent()} onChange={(e) => setConsent(e.currentTarget.checked)} />
        <span>{t("compliance.dnConsent")}</span>
      </label>
      <Field
        label={t("compliance.dfSignature")}
        name="signature"
        value={signature()}
        onInput={(e) => setSignature(e.currentTarget.value)}
        error={fields().signature}
        hint={t("compliance.dfSignatureHint")}
      />
      <FormError message={error()} />
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy()}>
          {busy() ? t("compliance.dfSending") : t("compliance.dnSend")}
        </button>
      </div>
    </form>
  );
}

function Notice(props: { id: string }) {
  const [data, { mutate }] = createResource(
    () => props.id,
    (id) => compliance.myNotice(id),
  );
  return (
    <Show
      when={data()}
      fallback={
        <Show when={data.error} fallback={<LineSkeleton />}>
          <p class="notice notice-error">{(data.error as Error).message}</p>
        </Show>
      }
    >
      {(d) => {
        const n = () => d().notice;
        return (
          <div class="stack">
            <section class="card form-card stack-sm">
              <div class="filter-row">
                <h2>{t("compliance.dnNotice")}</h2>
                <span class="badge badge-warn">{t(STATUS[n().status])}</span>
              </div>
              <dl class="facts">
                <dt>{t("compliance.dnFrom")}</dt>
                <dd>
                  {n().claimant.name} ({n().claimant.email})
                </dd>
                <dt>{t("compliance.dnReceived")}</dt>
                <dd>{absoluteTime(n().createdAt)}</dd>
                <dt>{t("compliance.dnWork")}</dt>
                <dd>{n().work}</dd>
                <dt>{t("compliance.dnRemoved")}</dt>
                <dd>
                  <For each={n().urls}>{(u) => <div>{u}</div>}</For>
                </dd>
              </dl>
            </section>
            <Show when={n().counter}>
              {(c) => (
                <section class="card form-card stack-sm notice-success" aria-live="polite">
                  <h2>{t("compliance.dnYourCounter")}</h2>
                  <p>
                    {t("compliance.dnSentBy", { date: absoluteTime(n().counteredAt!), name: c().name })}{" "}
                    <Show when={!n().withdrawnAt} fallback={t("compliance.dnRestoredBody")}>
                      {t("compliance.dnRestorable", { date: absoluteTime(n().restorableAt!) })}
                    </Show>
                  </p>
                </section>
              )}
            </Show>
            <Show when={!n().counter && (n().status === "taken_down" || n().status === "countered")}>
              <CounterForm notice={n()} onSent={(x) => mutate({ notice: x })} />
            </Show>
          </div>
        );
      }}
    </Show>
  );
}

function NoticeList() {
  const [data] = createResource(() => compliance.myNotices());
  return (
    <Show when={data()} fallback={<LineSkeleton />}>
      {(d) => (
        <Show
          when={d().items.length > 0}
          fallback={
            <EmptyState icon="check" title={t("compliance.dnNone")}>
              <p class="muted">{t("compliance.dnNoneHint")}</p>
            </EmptyState>
          }
        >
          <section class="card form-card">
            <ul class="rows">
              <For each={d().items}>
                {(n) => (
                  <li>
                    <A class="grow row-link" href={`/dmca/notices/${n.id}`}>
                      <span class="row-title">{n.work}</span>
                      <span class="muted small">
                        {t("compliance.dnFromName", { name: n.claimant.name })} · <RelTime ms={n.createdAt} />
                      </span>
                    </A>
                    <span class="badge badge-warn">{t(STATUS[n.status])}</span>
                  </li>
                )}
              </For>
            </ul>
          </section>
        </Show>
      )}
    </Show>
  );
}

export default function DmcaNotices() {
  usePageTitle(() => (params.id ? t("compliance.dnTitleOne") : t("compliance.dnTitle")));
  const params = useParams<{ id?: string }>();
  return (
    <RequireAuth>
      <div class="stack">
        <div>
          <A href="/dmca/notices" class="link small">
            {t("compliance.dnTitle")}
          </A>
          <h1 class="page-title">{params.id ? t("compliance.dnTitleOne") : t("compliance.dnTitle")}</h1>
        </div>
        <Show when={params.id} fallback={<NoticeList />}>
          {(id) => <Notice id={id()} />}
        </Show>
      </div>
    </RequireAuth>
  );
}
