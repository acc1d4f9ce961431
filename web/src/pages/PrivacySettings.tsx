// Settings › Privacy & your data: a copy of everything the site holds about the person (requested, made
// in the background, downloaded while it lasts) and deleting the account for good, with what that means
// spelled out, the password and a typed confirmation.
import { usePageTitle } from "../lib/page-title";
import { A, useNavigate } from "@solidjs/router";
import { createSignal, For, onCleanup, onMount, Show } from "solid-js";
import { api, ApiError, errorMessage } from "../api/client";
import type { DataExport } from "../api/schema.gen";
import { Field, FormError } from "../components/Field";
import { RequireAuth } from "../components/Guards";
import Icon from "../components/Icon";
import RelTime from "../components/RelTime";
import { LineSkeleton } from "../components/Skeleton";
import { absoluteTime } from "../lib/format";
import { forgetSession, isCreator, user } from "../stores/session";
import { toast } from "../stores/toasts";
import { t, type MessageKey } from "../i18n";

const STATUS: Record<DataExport["status"], MessageKey> = {
  queued: "account.exportQueued",
  running: "account.exportRunning",
  ready: "account.exportReady",
  failed: "account.exportFailed",
  expired: "account.exportExpired",
};

const size = (n: number | null) =>
  n === null
    ? ""
    : n < 1024 * 1024
      ? `${Math.max(1, Math.round(n / 1024))} KB`
      : `${(n / 1024 / 1024).toFixed(1)} MB`;

function ExportSection() {
  const [items, setItems] = createSignal<DataExport[] | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const pending = () => (items() ?? []).some((e) => e.status === "queued" || e.status === "running");
  async function load() {
    try {
      setItems((await api.exports()).items);
    } catch (err) {
      setError(errorMessage(err));
    }
    clearTimeout(timer);
    // Follow an export being made until it is ready.
    if (pending()) timer = setTimeout(() => void load(), 1500);
  }
  onMount(() => void load());
  onCleanup(() => clearTimeout(timer));

  async function request() {
    setError(null);
    setBusy(true);
    try {
      const { export: e } = await api.requestExport();
      setItems((l) => [e, ...(l ?? [])]);
      toast(t("account.exportStarted"), "success");
      void load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card form-card privacy-card" aria-labelledby="export-title">
      <h2 id="export-title">{t("account.exportTitle")}</h2>
      <p class="field-hint">{t("account.exportHint")}</p>
      <FormError message={error()} />
      <div class="form-actions">
        <button
          type="button"
          class="btn btn-primary"
          disabled={busy() || pending()}
          onClick={() => void request()}
        >
          <Icon name="download" size={18} />{" "}
          {pending() ? t("account.exportRunning") : busy() ? t("account.asking") : t("account.requestCopy")}
        </button>
      </div>
      <Show
        when={items()}
        fallback={
          <Show when={!error()}>
            <LineSkeleton width="60%" />
          </Show>
        }
      >
        {(list) => (
          <Show when={list().length > 0}>
            <ul class="export-list" aria-label={t("account.yourExports")} aria-live="polite">
              <For each={list()}>
                {(e) => (
                  <li class="export-row">
                    <span class={`status-pill ${e.status}`}>{t(STATUS[e.status])}</span>
                    <span class="grow stack-xs">
                      <span>
                        {t("account.requested")} <RelTime ms={e.createdAt} />
                        {e.sizeBytes !== null ? ` · ${size(e.sizeBytes)}` : ""}
                      </span>
                      <Show when={e.status === "ready" && e.expiresAt}>
                        <span class="muted small">
                          {t("account.downloadUntil", { date: absoluteTime(e.expiresAt!) })}
                        </span>
                      </Show>
                      <Show when={e.status === "failed"}>
                        <span class="muted small">{e.error}</span>
                      </Show>
                      <Show when={e.status === "expired"}>
                        <span class="muted small">{t("account.fileRemoved")}</span>
                      </Show>
                    </span>
                    <Show when={e.downloadUrl}>
                      {(url) => (
                        <a class="btn btn-secondary btn-sm" href={url()} download="">
                          <Icon name="download" size={16} /> {t("account.download")}
                        </a>
                      )}
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

function DeleteSection() {
  const navigate = useNavigate();
  const [password, setPassword] = createSignal("");
  const [typed, setTyped] = createSignal("");
  const [forfeit, setForfeit] = createSignal(false);
  const [walletNotice, setWalletNotice] = createSignal<string | null>(null);
  const [blocked, setBlocked] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const [busy, setBusy] = createSignal(false);
  const username = () => user()?.username ?? "";
  const confirmed = () => typed().trim().toLowerCase() === username().toLowerCase() && username() !== "";

  async function erase(e: Event) {
    e.preventDefault();
    setError(null);
    setBlocked(null);
    const errs: Record<string, string> = {};
    if (!password()) errs.password = t("account.enterPassword");
    if (!confirmed()) errs.confirm = t("account.typeUsername", { username: username() });
    if (walletNotice() && !forfeit()) errs.forfeit = t("account.tickForfeit");
    setFields(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      await api.deleteAccount({ password: password(), ...(forfeit() ? { confirmForfeit: true } : {}) });
      forgetSession();
      toast(t("account.deleted"), "success");
      navigate("/", { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === "wallet_not_empty") setWalletNotice(err.message);
      else if (err instanceof ApiError && err.code === "balance_due") setBlocked(err.message);
      else if (err instanceof ApiError && err.code === "wrong_password") setFields({ password: err.message });
      else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card form-card privacy-card danger-card" aria-labelledby="delete-title">
      <h2 id="delete-title">{t("account.deleteTitle")}</h2>
      <p>{t("account.cantUndo")}</p>
      <ul class="consequences">
        <li>{t("account.cSignedOut")}</li>
        <li>{t("account.cRemoved")}</li>
        <li>{isCreator() ? t("account.cSubsCreator") : t("account.cSubs")}</li>
        <li>{t("account.cWallet")}</li>
        <li>{t("account.cRecords")}</li>
        <li>{t("account.cFree")}</li>
      </ul>
      <p class="muted small">
        {t("account.copyFirst")}{" "}
        <a class="link" href="#export-title">
          {t("account.requestAbove")}
        </a>{" "}
        {t("account.beforeDelete")}
      </p>
      <Show when={isCreator()}>
        <p class="notice">
          {t("account.creatorsBefore")} <A href="/earnings">{t("account.earnings")}</A>{" "}
          {t("account.creatorsAfter")}
        </p>
      </Show>
      <Show when={blocked()}>
        {(msg) => (
          <div class="notice notice-error" role="alert">
            <p>{msg()}</p>
            <A href="/earnings" class="btn btn-secondary btn-sm">
              {t("account.goToEarnings")}
            </A>
          </div>
        )}
      </Show>
      <form class="stack-sm" onSubmit={(e) => void erase(e)} novalidate>
        <Field
          label={t("account.yourPassword")}
          name="password"
          type="password"
          autocomplete="current-password"
          value={password()}
          onInput={(e) => setPassword(e.currentTarget.value)}
          error={fields().password}
        />
        <Field
          label={t("account.typeToConfirm", { username: username() })}
          name="confirm"
          autocomplete="off"
          spellcheck={false}
          value={typed()}
          onInput={(e) => setTyped(e.currentTarget.value)}
          error={fields().confirm}
        />
        <Show when={walletNotice()}>
          {(msg) => (
            <div class="notice notice-error" role="alert">
              <p>{msg()}</p>
              <label class="check-row">
                <input
                  type="checkbox"
                  checked={forfeit()}
                  onChange={(e) => setForfeit(e.currentTarget.checked)}
                />
                <span>{t("account.giveUp")}</span>
              </label>
              <Show when={fields().forfeit}>
                <p class="field-error">{fields().forfeit}</p>
              </Show>
            </div>
          )}
        </Show>
        <FormError message={error()} />
        <div class="form-actions">
          <button type="submit" class="btn btn-danger" disabled={busy() || !confirmed() || !password()}>
            <Icon name="trash" size={18} /> {busy() ? t("account.deleting") : t("account.deleteForGood")}
          </button>
        </div>
      </form>
    </section>
  );
}

export default function PrivacySettings() {
  usePageTitle(() => t("account.privacyTitle"));
  return (
    <RequireAuth>
      <div class="stack">
        <div>
          <h1 class="page-title">{t("account.privacyTitle")}</h1>
          <p class="muted lead">{t("account.privacyLead")}</p>
        </div>
        <ExportSection />
        <DeleteSection />
      </div>
    </RequireAuth>
  );
}
