// The creator's DMCA notices (/dmca/notices and /dmca/notices/:id): what was claimed and removed, and the
// counter-notice form (17 U.S.C. § 512(g)(3)) for content removed by mistake. After a counter-notice the
// admin may restore the content once the waiting period has passed.
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

const STATUS: Record<DmcaNotice["status"], string> = {
  open: "Open",
  taken_down: "Content removed",
  rejected: "Rejected",
  countered: "Counter-notice sent",
  restored: "Restored",
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
    if (!name().trim()) errs.name = "Your full legal name.";
    if (!address().trim()) errs.address = "Your postal address.";
    if (!phone().trim()) errs.phone = "A telephone number.";
    if (!/^\S+@\S+\.\S+$/.test(email().trim())) errs.email = "Your e-mail address.";
    if (!material().trim()) errs.material = "What was removed and where it was.";
    if (!mistake()) errs.mistakeStatement = "This statement is required.";
    if (!consent()) errs.jurisdictionConsent = "This consent is required.";
    if (!signature().trim()) errs.signature = "Type your full name as your signature.";
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
      toast("Counter-notice sent", "success");
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
    <form class="card form-card" onSubmit={(e) => void submit(e)} novalidate aria-label="Counter-notice">
      <h2>Send a counter-notice</h2>
      <p class="muted small">
        If you believe the content was removed by mistake or misidentified, you can ask for it back. We
        forward your counter-notice to the claimant; unless they go to court, the content can be restored
        after the waiting period.
      </p>
      <div class="grid-2">
        <Field
          label="Full legal name"
          name="name"
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          error={fields().name}
        />
        <Field
          label="Phone"
          name="phone"
          type="tel"
          value={phone()}
          onInput={(e) => setPhone(e.currentTarget.value)}
          error={fields().phone}
        />
      </div>
      <Field
        label="E-mail"
        name="email"
        type="email"
        value={email()}
        onInput={(e) => setEmail(e.currentTarget.value)}
        error={fields().email}
      />
      <TextArea
        label="Postal address"
        name="address"
        rows={3}
        value={address()}
        onInput={(e) => setAddress(e.currentTarget.value)}
        error={fields().address}
      />
      <TextArea
        label="The removed material"
        name="material"
        rows={3}
        value={material()}
        onInput={(e) => setMaterial(e.currentTarget.value)}
        error={fields().material}
        hint="What was removed and where it appeared before."
      />
      <label class="legal-check" classList={{ "has-error": !!fields().mistakeStatement }}>
        <input type="checkbox" checked={mistake()} onChange={(e) => setMistake(e.currentTarget.checked)} />
        <span>
          Under penalty of perjury, I have a good-faith belief that the material was removed or disabled as a
          result of mistake or misidentification.
        </span>
      </label>
      <label class="legal-check" classList={{ "has-error": !!fields().jurisdictionConsent }}>
        <input type="checkbox" checked={consent()} onChange={(e) => setConsent(e.currentTarget.checked)} />
        <span>
          I consent to the jurisdiction of the Federal District Court for the judicial district of my address
          (or, outside the United States, any judicial district in which this site may be found), and I will
          accept service of process from the person who sent the notice or their agent.
        </span>
      </label>
      <Field
        label="Signature"
        name="signature"
        value={signature()}
        onInput={(e) => setSignature(e.currentTarget.value)}
        error={fields().signature}
        hint="Type your full legal name: it is your electronic signature."
      />
      <FormError message={error()} />
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy()}>
          {busy() ? "Sending…" : "Send counter-notice"}
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
                <h2>Copyright notice</h2>
                <span class="badge badge-warn">{STATUS[n().status]}</span>
              </div>
              <dl class="facts">
                <dt>From</dt>
                <dd>
                  {n().claimant.name} ({n().claimant.email})
                </dd>
                <dt>Received</dt>
                <dd>{absoluteTime(n().createdAt)}</dd>
                <dt>Work claimed</dt>
                <dd>{n().work}</dd>
                <dt>Removed</dt>
                <dd>
                  <For each={n().urls}>{(u) => <div>{u}</div>}</For>
                </dd>
              </dl>
            </section>
            <Show when={n().counter}>
              {(c) => (
                <section class="card form-card stack-sm notice-success" aria-live="polite">
                  <h2>Your counter-notice</h2>
                  <p>
                    Sent {absoluteTime(n().counteredAt!)} by {c().name}.{" "}
                    <Show
                      when={!n().withdrawnAt}
                      fallback="Your content is restored and the strike withdrawn."
                    >
                      The content can be restored from {absoluteTime(n().restorableAt!)}.
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
            <EmptyState icon="check" title="No copyright notices">
              <p class="muted">None of your content was reported.</p>
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
                        From {n.claimant.name} · <RelTime ms={n.createdAt} />
                      </span>
                    </A>
                    <span class="badge badge-warn">{STATUS[n.status]}</span>
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
  const params = useParams<{ id?: string }>();
  return (
    <RequireAuth>
      <div class="stack">
        <div>
          <A href="/dmca/notices" class="link small">
            Copyright notices
          </A>
          <h1 class="page-title">
            {params.id ? "A copyright notice about your content" : "Copyright notices"}
          </h1>
        </div>
        <Show when={params.id} fallback={<NoticeList />}>
          {(id) => <Notice id={id()} />}
        </Show>
      </div>
    </RequireAuth>
  );
}
