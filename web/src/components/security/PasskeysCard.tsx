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
import { t } from "../../i18n";

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
      toast(t("security.passkeyRemoved", { name: props.passkey.name }), "success");
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
              {t("security.added")} <RelTime ms={props.passkey.createdAt} />
              {" · "}
              <Show when={props.passkey.lastUsedAt} fallback={t("security.neverUsed")}>
                {(at) => (
                  <>
                    {t("security.lastUsed")} <RelTime ms={at()} />
                  </>
                )}
              </Show>
              {props.passkey.deviceType === "multiDevice" ? ` · ${t("security.synced")}` : ""}
            </span>
          </span>
        }
      >
        <form class="rename-form" onSubmit={(e) => void rename(e)}>
          <input
            class="input"
            aria-label={t("security.passkeyName")}
            maxlength={60}
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
            autofocus
          />
          <button type="submit" class="btn btn-primary btn-sm" disabled={busy() || !name().trim()}>
            {t("security.save")}
          </button>
          <button type="button" class="btn btn-ghost btn-sm" onClick={() => setEditing(false)}>
            {t("common.cancel")}
          </button>
        </form>
      </Show>
      <Show when={!editing()}>
        <span class="row-actions">
          <button
            type="button"
            class="icon-btn"
            aria-label={t("security.rename", { name: props.passkey.name })}
            onClick={() => setEditing(true)}
          >
            <Icon name="edit" size={18} />
          </button>
          <button
            type="button"
            class="icon-btn"
            aria-label={t("security.remove", { name: props.passkey.name })}
            onClick={() => setRemoving(true)}
          >
            <Icon name="trash" size={18} />
          </button>
        </span>
      </Show>
      <Show when={removing()}>
        <ConfirmDialog
          title={t("security.removeTitle")}
          cancelLabel={t("security.keepIt")}
          confirmLabel={t("security.removePasskey")}
          busyLabel={t("security.removing")}
          busy={busy()}
          error={error()}
          onConfirm={() => void remove()}
          onClose={() => setRemoving(false)}
        >
          <p>{t("security.removeBody", { name: props.passkey.name })}</p>
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
      toast(t("security.passkeyAdded", { name: p.name }), "success");
      setAdding(false);
      await refetch();
    } catch (err) {
      setError(
        err instanceof Error && err.name === "NotAllowedError"
          ? t("security.passkeyNotMade")
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
          <h2 id="passkeys-title">{t("security.passkeysTitle")}</h2>
          <p class="muted small">{t("security.passkeysHint")}</p>
        </div>
      </div>
      <Show when={list()} fallback={<LineSkeleton width="50%" />}>
        {(items) => (
          <Show when={items().length > 0} fallback={<p class="muted">{t("security.noPasskeys")}</p>}>
            <ul class="security-list" aria-label={t("security.yourPasskeys")}>
              <For each={items()}>{(p) => <Row passkey={p} onChanged={() => void refetch()} />}</For>
            </ul>
          </Show>
        )}
      </Show>
      <Show when={passkeysSupported()} fallback={<p class="muted small">{t("security.noSupport")}</p>}>
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
                <Icon name="plus" size={18} /> {t("security.addPasskey")}
              </button>
            </div>
          }
        >
          <form onSubmit={(e) => void add(e)} novalidate class="add-passkey">
            <Field
              label={t("security.nameIt")}
              name="passkeyName"
              maxlength={60}
              value={name()}
              onInput={(e) => setName(e.currentTarget.value)}
              autofocus
            />
            <FormError message={error()} />
            <div class="form-actions">
              <button type="submit" class="btn btn-primary" disabled={busy() || !name().trim()}>
                {busy() ? t("security.waitingDevice") : t("security.createPasskey")}
              </button>
              <button type="button" class="btn btn-ghost" onClick={() => setAdding(false)}>
                {t("common.cancel")}
              </button>
            </div>
          </form>
        </Show>
      </Show>
    </section>
  );
}
