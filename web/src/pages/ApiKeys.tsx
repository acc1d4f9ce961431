// Settings › API keys: create a key with scopes (shown once, with a copy button), list keys with their last
// use and address, revoke. Keys are minted only from a signed-in session.
import { createSignal, For, onMount, Show } from "solid-js";
import { ApiError, call, errorMessage } from "../api/client";
import type { ApiKey, ApiScope, CreatedApiKey } from "../api/schema.gen";
import ConfirmDialog from "../components/ConfirmDialog";
import EmptyState from "../components/EmptyState";
import LoadedList from "../components/LoadedList";
import { Field, FormError } from "../components/Field";
import { RequireAuth } from "../components/Guards";
import RelTime from "../components/RelTime";
import { useConfirmAction } from "../lib/confirm-action";
import { absoluteTime, fromDatetimeLocal } from "../lib/format";
import { isAdmin } from "../stores/session";
import { toast } from "../stores/toasts";
import { t, type MessageKey } from "../i18n";
import { copySecret } from "./settings/clipboard";
import { usePageTitle } from "../lib/page-title";

const SCOPES: { scope: ApiScope; label: MessageKey; adminOnly?: boolean }[] = [
  { scope: "profile:read", label: "integrations.scopeProfileRead" },
  { scope: "posts:read", label: "integrations.scopePostsRead" },
  { scope: "posts:write", label: "integrations.scopePostsWrite" },
  { scope: "messages:read", label: "integrations.scopeMessagesRead" },
  { scope: "messages:write", label: "integrations.scopeMessagesWrite" },
  { scope: "media:read", label: "integrations.scopeMediaRead" },
  { scope: "media:write", label: "integrations.scopeMediaWrite" },
  { scope: "earnings:read", label: "integrations.scopeEarningsRead" },
  { scope: "payments:read", label: "integrations.scopePaymentsRead" },
  { scope: "payments:write", label: "integrations.scopePaymentsWrite" },
  { scope: "admin", label: "integrations.scopeAdmin", adminOnly: true },
];

function NewKey(props: { created: CreatedApiKey; onDone: () => void }) {
  return (
    <section class="card form-card notice-success secret-reveal" aria-live="polite">
      <h2 class="section-title">{t("integrations.newKeyTitle")}</h2>
      <p class="muted">{t("integrations.newKeyOnce")}</p>
      <div class="secret-row">
        <code class="secret-value" data-testid="new-api-key">
          {props.created.key}
        </code>
        <button
          type="button"
          class="btn btn-primary btn-sm"
          onClick={() => void copySecret(props.created.key)}
        >
          {t("integrations.copy")}
        </button>
      </div>
      <button type="button" class="btn btn-secondary btn-sm" onClick={() => props.onDone()}>
        {t("integrations.done")}
      </button>
    </section>
  );
}

function CreateForm(props: { onCreated: (k: CreatedApiKey) => void }) {
  const [name, setName] = createSignal("");
  const [scopes, setScopes] = createSignal<ApiScope[]>(["profile:read", "posts:read"]);
  const [expires, setExpires] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const toggle = (s: ApiScope, on: boolean) =>
    setScopes((list) => (on ? [...list.filter((x) => x !== s), s] : list.filter((x) => x !== s)));

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setError(null);
    setFields({});
    if (scopes().length === 0) return setError(t("integrations.chooseScope"));
    setBusy(true);
    try {
      const expiresAt = expires() ? fromDatetimeLocal(`${expires()}T23:59`) : null;
      const r = await call("post", "/api/v1/api-keys", {
        body: { name: name(), scopes: scopes(), expiresAt },
      });
      props.onCreated(r.apiKey);
      setName("");
      setExpires("");
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card form-card stack" onSubmit={(e) => void submit(e)} noValidate>
      <Field
        label={t("integrations.keyName")}
        name="name"
        maxLength={80}
        required
        value={name()}
        onInput={(e) => setName(e.currentTarget.value)}
        hint={t("integrations.keyNameHint")}
        error={fields().name}
      />
      <fieldset class="scope-list">
        <legend>{t("integrations.scopes")}</legend>
        <For each={SCOPES.filter((s) => !s.adminOnly || isAdmin())}>
          {(s) => (
            <label class="checkbox">
              <input
                type="checkbox"
                name="scope"
                value={s.scope}
                checked={scopes().includes(s.scope)}
                onChange={(e) => toggle(s.scope, e.currentTarget.checked)}
              />
              <span>
                <code>{s.scope}</code> <span class="muted">{t(s.label)}</span>
              </span>
            </label>
          )}
        </For>
      </fieldset>
      <Field
        label={t("integrations.expires")}
        name="expires"
        type="date"
        value={expires()}
        onInput={(e) => setExpires(e.currentTarget.value)}
        hint={t("integrations.expiresHint")}
        error={fields().expiresAt}
      />
      <FormError message={error()} />
      <div>
        <button type="submit" class="btn btn-primary" disabled={busy()}>
          {busy() ? t("integrations.creating") : t("integrations.create")}
        </button>
      </div>
    </form>
  );
}

function KeyRow(props: { apiKey: ApiKey; onRevoke: () => void }) {
  const k = () => props.apiKey;
  const expired = () => k().expiresAt !== null && k().expiresAt! <= Date.now();
  return (
    <li class="integration-row">
      <div class="integration-main">
        <strong class="truncate">{k().name}</strong>
        <code class="muted small">{k().prefix}…</code>
        <span class="chip-list">
          <For each={k().scopes}>{(s) => <span class="chip chip-sm">{s}</span>}</For>
        </span>
        <span class="muted small">
          <Show when={k().lastUsedAt} fallback={t("integrations.neverUsed")}>
            {(at) => (
              <>
                {t("integrations.lastUsed")} <RelTime ms={at()} />
                <Show when={k().lastUsedIp}>{(ip) => <> {t("integrations.fromIp", { ip: ip() })}</>}</Show>
              </>
            )}
          </Show>
          {" · "}
          <Show when={k().expiresAt} fallback={t("integrations.noExpiry")}>
            {(at) =>
              expired()
                ? t("integrations.expired")
                : t("integrations.expiresOn", { date: absoluteTime(at()) })
            }
          </Show>
        </span>
      </div>
      <button type="button" class="btn btn-secondary btn-sm" onClick={() => props.onRevoke()}>
        {t("integrations.revoke")}
      </button>
    </li>
  );
}

function ApiKeysPage() {
  const [keys, setKeys] = createSignal<ApiKey[] | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [created, setCreated] = createSignal<CreatedApiKey | null>(null);
  const load = () => {
    setError(null);
    call("get", "/api/v1/api-keys").then(
      (r) => setKeys(r.items),
      (err: unknown) => setError(errorMessage(err)),
    );
  };
  onMount(load);
  const revoke = useConfirmAction(
    async (k: ApiKey) => {
      await call("delete", "/api/v1/api-keys/{id}", { params: { id: k.id } });
      setKeys((list) => (list ?? []).filter((x) => x.id !== k.id));
    },
    () => toast(t("integrations.revoked"), "success"),
  );

  return (
    <div class="stack">
      <div>
        <h1 class="page-title">{t("integrations.keysTitle")}</h1>
        <p class="muted lead">{t("integrations.keysLead")}</p>
      </div>
      <Show when={created()} fallback={<CreateForm onCreated={(k) => (setCreated(k), load())} />}>
        {(k) => <NewKey created={k()} onDone={() => setCreated(null)} />}
      </Show>
      <section class="card form-card" aria-label={t("integrations.yourKeys")}>
        <h2 class="section-title">{t("integrations.yourKeys")}</h2>
        <LoadedList
          items={keys()}
          error={error()}
          onRetry={load}
          loadingLabel={t("integrations.loading")}
          empty={
            <EmptyState icon="lock" title={t("integrations.noKeys")}>
              <p class="muted">{t("integrations.noKeysHint")}</p>
            </EmptyState>
          }
        >
          {(list) => (
            <ul class="integration-list">
              <For each={list}>{(k) => <KeyRow apiKey={k} onRevoke={() => revoke.ask(k)} />}</For>
            </ul>
          )}
        </LoadedList>
      </section>
      <Show when={revoke.target()}>
        {(k) => (
          <ConfirmDialog
            title={t("integrations.revokeTitle")}
            cancelLabel={t("integrations.cancel")}
            confirmLabel={t("integrations.revoke")}
            busyLabel={t("integrations.revoking")}
            busy={revoke.busy()}
            error={revoke.error()}
            onConfirm={() => void revoke.confirm()}
            onClose={revoke.cancel}
          >
            <p>{t("integrations.revokeBody", { name: k().name })}</p>
          </ConfirmDialog>
        )}
      </Show>
    </div>
  );
}

export default function ApiKeys() {
  usePageTitle(() => t("integrations.keysTitle"));
  return (
    <RequireAuth>
      <ApiKeysPage />
    </RequireAuth>
  );
}
