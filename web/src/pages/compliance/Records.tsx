// Settings › Records (2257): what the law asks a creator to keep about the people in their posts.
// Requests to confirm (posts that name this person as a co-performer), posts waiting for co-performers,
// and the releases of performers who are not creators here (legal name, date of birth, other names, ID
// document and the signed release), with the form to add one.
import { A } from "@solidjs/router";
import { createSignal, For, onMount, Show } from "solid-js";
import { ApiError, errorMessage, formMessage } from "../../api/client";
import { compliance } from "../../api/compliance";
import type { CoPerformerRequest, HeldPosts, Release } from "../../api/schema.gen";
import "../../compliance.css";
import EmptyState from "../../components/EmptyState";
import { Field, FormError, TextArea } from "../../components/Field";
import FileField from "../../components/compliance/FileField";
import { RequireAuth } from "../../components/Guards";
import RelTime from "../../components/RelTime";
import { LineSkeleton } from "../../components/Skeleton";
import { isCreator } from "../../stores/session";
import { toast } from "../../stores/toasts";

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
      toast(yes ? "Confirmed: the post can go out" : "Declined", "success");
      await load();
    } catch (err) {
      toast(errorMessage(err), "error");
    }
  }
  return (
    <section class="card form-card" aria-labelledby="req-h" id="requests">
      <h2 id="req-h">Co-performer requests</h2>
      <Show when={items()} fallback={<LineSkeleton width="60%" />}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="muted">Nobody has named you in a post.</p>}>
            <ul class="rows">
              <For each={list()}>
                {(r) => (
                  <li>
                    <span class="grow">
                      <span class="row-title">
                        {r.creator.displayName || `@${r.creator.username}`} named you in a post
                      </span>
                      <span class="muted small">
                        <RelTime ms={r.createdAt} /> ·{" "}
                        {r.status === "pending"
                          ? "waiting for you"
                          : r.status === "confirmed"
                            ? "confirmed"
                            : "declined"}
                      </span>
                    </span>
                    <Show
                      when={r.status === "pending"}
                      fallback={
                        <span class={`badge ${r.status === "confirmed" ? "badge-success" : "badge-danger"}`}>
                          {r.status}
                        </span>
                      }
                    >
                      <span class="record-actions">
                        <button
                          type="button"
                          class="btn btn-secondary btn-sm"
                          onClick={() => void decide(r, false)}
                        >
                          Decline
                        </button>
                        <button
                          type="button"
                          class="btn btn-primary btn-sm"
                          onClick={() => void decide(r, true)}
                        >
                          Confirm
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
        <h2 id="held-h">Waiting for co-performers</h2>
        <ul class="rows">
          <For each={held()!}>
            {(h) => (
              <li>
                <span class="grow">
                  <A class="row-link row-title" href={`/posts/${h.postId}`}>
                    A post waiting to go out
                  </A>
                  <span class="muted small">
                    {h.waitingFor.map((w) => `@${w.username} (${w.status})`).join(", ")}
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
    if (!legalName().trim()) errs.legalName = "The performer's legal name.";
    if (!dob()) errs.dateOfBirth = "Their date of birth.";
    if (!idDoc()) errs.idDocument = "A photo or scan of their ID.";
    if (!signed()) errs.releaseDocument = "The release they signed.";
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
      toast("Release kept", "success");
    } catch (err) {
      setError(formMessage(err, ["legalName", "dateOfBirth", "otherNames", "idDocument", "releaseDocument"]));
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="stack-sm" onSubmit={(e) => void submit(e)} novalidate aria-label="Add a release">
      <h3>Add a release</h3>
      <div class="grid-2">
        <Field
          label="Performer's legal name"
          name="legalName"
          value={legalName()}
          onInput={(e) => setLegalName(e.currentTarget.value)}
          error={fields().legalName}
        />
        <Field
          label="Date of birth"
          name="dateOfBirth"
          type="date"
          value={dob()}
          onInput={(e) => setDob(e.currentTarget.value)}
          error={fields().dateOfBirth}
          hint="18 or older."
        />
      </div>
      <TextArea
        label="Other names used"
        name="otherNames"
        rows={2}
        value={otherNames()}
        onInput={(e) => setOtherNames(e.currentTarget.value)}
        error={fields().otherNames}
        hint="Stage names, aliases, maiden name: one per line. Leave empty if none."
      />
      <div class="grid-2">
        <FileField
          label="Their ID document"
          name="idDocument"
          hint="JPEG, PNG, WebP or PDF."
          file={idDoc()}
          onChange={setIdDoc}
          error={fields().idDocument}
        />
        <FileField
          label="Signed release"
          name="releaseDocument"
          hint="The model release they signed (PDF or photo)."
          file={signed()}
          onChange={setSigned}
          error={fields().releaseDocument}
        />
      </div>
      <FormError message={error()} />
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy()}>
          {busy() ? "Uploading securely…" : "Keep this release"}
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
        <h2 id="rel-h">Releases</h2>
        <p class="muted small">
          For performers who are not verified creators here. Name the release in your post and it becomes that
          post's record. Documents are encrypted; only site admins can open them.
        </p>
      </div>
      <Show when={items()} fallback={<LineSkeleton width="50%" />}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="muted">No releases yet.</p>}>
            <ul class="rows">
              <For each={list()}>
                {(r) => (
                  <li>
                    <span class="grow">
                      <span class="row-title">{r.legalName}</span>
                      <span class="muted small">
                        Born {r.dateOfBirth}
                        {r.otherNames.length ? ` · also known as ${r.otherNames.join(", ")}` : ""} · kept{" "}
                        <RelTime ms={r.createdAt} />
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
  return (
    <RequireAuth>
      <div class="stack">
        <div>
          <h1 class="page-title">Records (2257)</h1>
          <p class="muted lead">
            Everyone who appears in your posts needs a record: a verified creator who confirms, or a release
            you keep here.
          </p>
        </div>
        <Requests />
        <Show
          when={isCreator()}
          fallback={
            <EmptyState icon="star" title="Releases are for creators">
              <A href="/settings/creator" class="btn btn-primary">
                Become a creator
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
