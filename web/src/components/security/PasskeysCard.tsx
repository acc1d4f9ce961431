// Passkeys: sign in with the phone's or computer's screen lock instead of the password. Add one (named),
// rename it, remove it.
import { createResource, createSignal, For, Show } from "solid-js";
import { api, errorMessage } from "../../api/client";
import type { Passkey } from "../../api/schema.gen";
import { addPasskey, defaultPasskeyName, passkeysSupported } from "../../lib/passkeys";
import { toast } from "../../stores/toasts";
import ConfirmDialog from "../ConfirmDialog";
import { Field, FormError } from "../Field";
import Icon from "../Icon";
import RelTime from "../RelTime";
import { LineSkeleton } from "../Skeleton";

function Row(props: { passkey: Passkey; onChanged: () => void }) {
  const [editing, setEditing] = createSignal(false);
  const [name, setName] = createSignal(props.passkey.name);
  const [removing, setRemoving] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  async function rename(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      await api.renamePasskey(props.passkey.id, name().trim());
      setEditing(false);
      props.onChanged();
    } catch (err) {
      toast(errorMessage(err), "error");
    } finally {
      setBusy(false);
    }
  }
  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await api.removePasskey(props.passkey.id);
      toast(`Passkey “${props.passkey.name}” removed`, "success");
      setRemoving(false);
      props.onChanged();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <li class="security-row">
      <span class="security-row-icon" aria-hidden="true">
        <Icon name="lock" size={18} />
      </span>
      <Show
        when={editing()}
        fallback={
          <span class="security-row-text">
            <strong class="truncate">{props.passkey.name}</strong>
            <span class="muted small">
              Added <RelTime ms={props.passkey.createdAt} />
              {" · "}
              <Show when={props.passkey.lastUsedAt} fallback="never used">
                {(t) => (
                  <>
                    last used <RelTime ms={t()} />
                  </>
                )}
              </Show>
              {props.passkey.deviceType === "multiDevice" ? " · synced" : ""}
            </span>
          </span>
        }
      >
        <form class="rename-form" onSubmit={(e) => void rename(e)}>
          <input
            class="input"
            aria-label="Passkey name"
            maxlength={60}
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
            autofocus
          />
          <button type="submit" class="btn btn-primary btn-sm" disabled={busy() || !name().trim()}>
            Save
          </button>
          <button type="button" class="btn btn-ghost btn-sm" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      </Show>
      <Show when={!editing()}>
        <span class="row-actions">
          <button
            type="button"
            class="icon-btn"
            aria-label={`Rename ${props.passkey.name}`}
            onClick={() => setEditing(true)}
          >
            <Icon name="edit" size={18} />
          </button>
          <button
            type="button"
            class="icon-btn"
            aria-label={`Remove ${props.passkey.name}`}
            onClick={() => setRemoving(true)}
          >
            <Icon name="trash" size={18} />
          </button>
        </span>
      </Show>
      <Show when={removing()}>
        <ConfirmDialog
          title="Remove this passkey?"
          cancelLabel="Keep it"
          confirmLabel="Remove passkey"
          busyLabel="Removing…"
          busy={busy()}
          error={error()}
          onConfirm={() => void remove()}
          onClose={() => setRemoving(false)}
        >
          <p>“{props.passkey.name}” will no longer sign you in. You can still use your password.</p>
        </ConfirmDialog>
      </Show>
    </li>
  );
}

export default function PasskeysCard() {
  const [list, { refetch }] = createResource(() => api.passkeys().then((r) => r.items));
  const [adding, setAdding] = createSignal(false);
  const [name, setName] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  async function add(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const p = await addPasskey(name().trim());
      toast(`Passkey “${p.name}” added`, "success");
      setAdding(false);
      await refetch();
    } catch (err) {
      setError(
        err instanceof Error && err.name === "NotAllowedError"
          ? "The passkey was not made (the prompt was closed or timed out)."
          : errorMessage(err),
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="card form-card security-card" aria-labelledby="passkeys-title">
      <div class="security-head">
        <span class="security-icon" aria-hidden="true">
          <Icon name="lock" size={20} />
        </span>
        <div>
          <h2 id="passkeys-title">Passkeys</h2>
          <p class="muted small">
            Sign in with your fingerprint, face or screen lock instead of your password.
          </p>
        </div>
      </div>
      <Show when={list()} fallback={<LineSkeleton width="50%" />}>
        {(items) => (
          <Show when={items().length > 0} fallback={<p class="muted">No passkeys yet.</p>}>
            <ul class="security-list" aria-label="Your passkeys">
              <For each={items()}>{(p) => <Row passkey={p} onChanged={() => void refetch()} />}</For>
            </ul>
          </Show>
        )}
      </Show>
      <Show
        when={passkeysSupported()}
        fallback={<p class="muted small">This browser cannot make passkeys.</p>}
      >
        <Show
          when={adding()}
          fallback={
            <div class="form-actions">
              <button
                type="button"
                class="btn btn-secondary"
                onClick={() => {
                  setName(defaultPasskeyName());
                  setError(null);
                  setAdding(true);
                }}
              >
                <Icon name="plus" size={18} /> Add a passkey
              </button>
            </div>
          }
        >
          <form onSubmit={(e) => void add(e)} novalidate class="add-passkey">
            <Field
              label="Name it, so you know which device it is"
              name="passkeyName"
              maxlength={60}
              value={name()}
              onInput={(e) => setName(e.currentTarget.value)}
              autofocus
            />
            <FormError message={error()} />
            <div class="form-actions">
              <button type="submit" class="btn btn-primary" disabled={busy() || !name().trim()}>
                {busy() ? "Waiting for your device…" : "Create passkey"}
              </button>
              <button type="button" class="btn btn-ghost" onClick={() => setAdding(false)}>
                Cancel
              </button>
            </div>
          </form>
        </Show>
      </Show>
    </section>
  );
}
