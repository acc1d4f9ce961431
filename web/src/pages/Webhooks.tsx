// Settings › Webhooks: add a URL for chosen events (the signing secret shown once, with a copy button),
// list webhooks, send a test event, read each one's delivery log, turn a disabled one back on, delete.
// Creators get their own events; admins the site's.
import { A } from "@solidjs/router";
import { createSignal, For, onMount, Show } from "solid-js";
import { ApiError, call, errorMessage } from "../api/client";
import type { Webhook, WebhookDelivery, WebhookEventType } from "../api/schema.gen";
import ConfirmDialog from "../components/ConfirmDialog";
import EmptyState from "../components/EmptyState";
import LoadedList from "../components/LoadedList";
import { Field, FormError } from "../components/Field";
import { RequireAuth } from "../components/Guards";
import RelTime from "../components/RelTime";
import { LineSkeleton } from "../components/Skeleton";
import { isAdmin, isCreator } from "../stores/session";
import { toast } from "../stores/toasts";
import { t } from "../i18n";
import { copySecret } from "./settings/clipboard";
import { useConfirmAction } from "../lib/confirm-action";
import { usePageTitle } from "../lib/page-title";

const EVENTS: WebhookEventType[] = [
  "subscription.started",
  "subscription.renewed",
  "subscription.ended",
  "payment.completed",
  "payment.reversed",
  "message.received",
  "post.published",
  "comment.created",
  "live.started",
  "live.ended",
  "payout.approved",
  "payout.rejected",
  "payout.paid",
];

function AddForm(props: { onAdded: (secret: string) => void }) {
  const [url, setUrl] = createSignal("");
  const [events, setEvents] = createSignal<WebhookEventType[]>(["subscription.started", "payment.completed"]);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const toggle = (e: WebhookEventType, on: boolean) =>
    setEvents((list) => (on ? [...list.filter((x) => x !== e), e] : list.filter((x) => x !== e)));

  async function submit(ev: SubmitEvent) {
    ev.preventDefault();
    setError(null);
    setFields({});
    if (events().length === 0) return setError(t("integrations.chooseEvent"));
    setBusy(true);
    try {
      const r = await call("post", "/api/v1/webhooks", { body: { url: url(), events: events() } });
      setUrl("");
      props.onAdded(r.webhook.secret);
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
        label={t("integrations.url")}
        name="url"
        type="url"
        inputmode="url"
        placeholder="https://example.com/fanz-webhook"
        required
        value={url()}
        onInput={(e) => setUrl(e.currentTarget.value)}
        hint={t("integrations.urlHint")}
        error={fields().url}
      />
      <fieldset class="scope-list scope-grid">
        <legend>{t("integrations.events")}</legend>
        <For each={EVENTS}>
          {(e) => (
            <label class="checkbox">
              <input
                type="checkbox"
                name="event"
                value={e}
                checked={events().includes(e)}
                onChange={(x) => toggle(e, x.currentTarget.checked)}
              />
              <code>{e}</code>
            </label>
          )}
        </For>
      </fieldset>
      <FormError message={error()} />
      <div class="row-actions">
        <button type="submit" class="btn btn-primary" disabled={busy()}>
          {busy() ? t("integrations.adding") : t("integrations.add")}
        </button>
        <a href="/api/docs" class="link small">
          {t("integrations.howToVerify")}
        </a>
      </div>
    </form>
  );
}

const BADGE = { delivered: "badge-success", pending: "badge-warn", failed: "badge-danger" } as const;
const STATUS = {
  delivered: "integrations.statusDelivered",
  pending: "integrations.statusPending",
  failed: "integrations.statusFailed",
} as const;

function Deliveries(props: { webhookId: string }) {
  const [items, setItems] = createSignal<WebhookDelivery[] | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  onMount(() => {
    call("get", "/api/v1/webhooks/{id}/deliveries", {
      params: { id: props.webhookId },
      query: { limit: 20 },
    }).then(
      (r) => setItems(r.items),
      (err: unknown) => setError(errorMessage(err)),
    );
  });
  return (
    <div class="deliveries">
      <FormError message={error()} />
      <Show when={items()} fallback={<Show when={!error()}>{<LineSkeleton width="60%" />}</Show>}>
        {(list) => (
          <Show
            when={list().length > 0}
            fallback={<p class="muted small">{t("integrations.noDeliveries")}</p>}
          >
            <ul class="delivery-list">
              <For each={list()}>
                {(d) => (
                  <li class="delivery-row">
                    <span class={`badge ${BADGE[d.status]}`}>{t(STATUS[d.status])}</span>
                    <code>{d.type}</code>
                    <span class="muted small">
                      <RelTime ms={d.createdAt} /> · {t("integrations.attempts", { count: d.attempts })}
                      <Show when={d.responseStatus}>
                        {(s) => <> · {t("integrations.answer", { status: s() })}</>}
                      </Show>
                      <Show when={d.durationMs !== null && d.attempts > 0}> · {d.durationMs} ms</Show>
                      <Show when={d.status === "pending" ? d.nextAttemptAt : null}>
                        {(at) => (
                          <>
                            {" "}
                            · {t("integrations.nextAttempt")} <RelTime ms={at()} />
                          </>
                        )}
                      </Show>
                    </span>
                    <Show when={d.error}>{(e) => <span class="field-error small">{e()}</span>}</Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </div>
  );
}

function HookRow(props: { hook: Webhook; onChange: () => void; onDelete: () => void }) {
  const h = () => props.hook;
  const [open, setOpen] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  async function test() {
    setBusy(true);
    try {
      await call("post", "/api/v1/webhooks/{id}/test", { params: { id: h().id } });
      toast(t("integrations.testQueued"), "success");
      setOpen(false);
      // Reopen so the log shows the new delivery once it has had a moment to go out.
      setTimeout(() => setOpen(true), 800);
    } catch (err) {
      toast(errorMessage(err), "error");
    } finally {
      setBusy(false);
    }
  }
  async function enable() {
    setBusy(true);
    try {
      await call("post", "/api/v1/webhooks/{id}/enable", { params: { id: h().id } });
      toast(t("integrations.enabled"), "success");
      props.onChange();
    } catch (err) {
      toast(errorMessage(err), "error");
    } finally {
      setBusy(false);
    }
  }
  return (
    <li class="integration-row integration-row-wrap">
      <div class="integration-main">
        <strong title={h().url}>{h().url}</strong>
        <span class={`badge ${h().status === "active" ? "badge-success" : "badge-danger"}`}>
          {h().status === "active" ? t("integrations.active") : t("integrations.disabled")}
        </span>
        <span class="chip-list">
          <For each={h().events}>{(e) => <span class="chip chip-sm">{e}</span>}</For>
        </span>
      </div>
      <div class="row-actions">
        <Show
          when={h().status === "active"}
          fallback={
            <button
              type="button"
              class="btn btn-primary btn-sm"
              disabled={busy()}
              onClick={() => void enable()}
            >
              {t("integrations.enable")}
            </button>
          }
        >
          <button
            type="button"
            class="btn btn-secondary btn-sm"
            disabled={busy()}
            onClick={() => void test()}
          >
            {t("integrations.sendTest")}
          </button>
        </Show>
        <button
          type="button"
          class="btn btn-ghost btn-sm"
          aria-expanded={open()}
          onClick={() => setOpen((o) => !o)}
        >
          {open() ? t("integrations.hideDeliveries") : t("integrations.showDeliveries")}
        </button>
        <button type="button" class="btn btn-ghost btn-sm" onClick={() => props.onDelete()}>
          {t("integrations.delete")}
        </button>
      </div>
      <Show when={open()}>
        <Deliveries webhookId={h().id} />
      </Show>
    </li>
  );
}

function WebhooksPage() {
  const [hooks, setHooks] = createSignal<Webhook[] | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [secret, setSecret] = createSignal<string | null>(null);
  const load = () => {
    setError(null);
    call("get", "/api/v1/webhooks").then(
      (r) => setHooks(r.items),
      (err: unknown) => setError(errorMessage(err)),
    );
  };
  onMount(() => {
    if (isCreator() || isAdmin()) load();
  });
  const remove = useConfirmAction(
    async (w: Webhook) => {
      await call("delete", "/api/v1/webhooks/{id}", { params: { id: w.id } });
      setHooks((list) => (list ?? []).filter((x) => x.id !== w.id));
    },
    () => toast(t("integrations.deleted"), "success"),
  );

  return (
    <div class="stack">
      <div>
        <h1 class="page-title">{t("integrations.hooksTitle")}</h1>
        <p class="muted lead">
          {isAdmin() ? t("integrations.hooksLeadAdmin") : t("integrations.hooksLeadCreator")}
        </p>
      </div>
      <Show
        when={isCreator() || isAdmin()}
        fallback={
          <EmptyState icon="star" title={t("integrations.notForFans")}>
            <A href="/settings/creator" class="btn btn-primary">
              {t("integrations.becomeCreator")}
            </A>
          </EmptyState>
        }
      >
        <Show when={secret()} fallback={<AddForm onAdded={(s) => (setSecret(s), load())} />}>
          {(s) => (
            <section class="card form-card notice-success secret-reveal" aria-live="polite">
              <h2 class="section-title">{t("integrations.secretTitle")}</h2>
              <p class="muted">{t("integrations.secretOnce")}</p>
              <div class="secret-row">
                <code class="secret-value" data-testid="webhook-secret">
                  {s()}
                </code>
                <button type="button" class="btn btn-primary btn-sm" onClick={() => void copySecret(s())}>
                  {t("integrations.copy")}
                </button>
              </div>
              <button type="button" class="btn btn-secondary btn-sm" onClick={() => setSecret(null)}>
                {t("integrations.done")}
              </button>
            </section>
          )}
        </Show>
        <section class="card form-card" aria-label={t("integrations.yourHooks")}>
          <h2 class="section-title">{t("integrations.yourHooks")}</h2>
          <LoadedList
            items={hooks()}
            error={error()}
            onRetry={load}
            loadingLabel={t("integrations.loading")}
            empty={
              <EmptyState icon="send" title={t("integrations.noHooks")}>
                <p class="muted">{t("integrations.noHooksHint")}</p>
              </EmptyState>
            }
          >
            {(list) => (
              <ul class="integration-list">
                <For each={list}>
                  {(w) => <HookRow hook={w} onChange={load} onDelete={() => remove.ask(w)} />}
                </For>
              </ul>
            )}
          </LoadedList>
        </section>
      </Show>
      <Show when={remove.target()}>
        {(w) => (
          <ConfirmDialog
            title={t("integrations.deleteTitle")}
            cancelLabel={t("integrations.cancel")}
            confirmLabel={t("integrations.delete")}
            busyLabel={t("integrations.deleting")}
            busy={remove.busy()}
            error={remove.error()}
            onConfirm={() => void remove.confirm()}
            onClose={remove.cancel}
          >
            <p>{t("integrations.deleteBody", { url: w().url })}</p>
          </ConfirmDialog>
        )}
      </Show>
    </div>
  );
}

export default function Webhooks() {
  usePageTitle(() => t("integrations.hooksTitle"));
  return (
    <RequireAuth>
      <WebhooksPage />
    </RequireAuth>
  );
}
