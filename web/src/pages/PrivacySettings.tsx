// Settings › Privacy & your data: a copy of everything the site holds about the person (requested, made
// in the background, downloaded while it lasts) and deleting the account for good, with what that means
// spelled out, the password and a typed confirmation.
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

const STATUS: Record<DataExport["status"], string> = {
  queued: "Waiting",
  running: "Being made…",
  ready: "Ready",
  failed: "Failed",
  expired: "Expired",
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
      toast("We're putting your data together. This page shows when it's ready.", "success");
      void load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card form-card privacy-card" aria-labelledby="export-title">
      <h2 id="export-title">Download your data</h2>
      <p class="field-hint">
        A zip file with your profile, posts, comments and likes, your conversations, subscriptions, purchases,
        tips and wallet history, notifications, sessions, and the original files of your photos and videos.
        Nothing of anyone else is in it: other people appear only by username in your own conversations.
      </p>
      <FormError message={error()} />
      <div class="form-actions">
        <button
          type="button"
          class="btn btn-primary"
          disabled={busy() || pending()}
          onClick={() => void request()}
        >
          <Icon name="download" size={18} />{" "}
          {pending() ? "Being made…" : busy() ? "Asking…" : "Request a copy"}
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
            <ul class="export-list" aria-label="Your exports" aria-live="polite">
              <For each={list()}>
                {(e) => (
                  <li class="export-row">
                    <span class={`status-pill ${e.status}`}>{STATUS[e.status]}</span>
                    <span class="grow stack-xs">
                      <span>
                        Requested <RelTime ms={e.createdAt} />
                        {e.sizeBytes !== null ? ` · ${size(e.sizeBytes)}` : ""}
                      </span>
                      <Show when={e.status === "ready" && e.expiresAt}>
                        <span class="muted small">Download until {absoluteTime(e.expiresAt!)}</span>
                      </Show>
                      <Show when={e.status === "failed"}>
                        <span class="muted small">{e.error}</span>
                      </Show>
                      <Show when={e.status === "expired"}>
                        <span class="muted small">The file was removed. Request a new copy.</span>
                      </Show>
                    </span>
                    <Show when={e.downloadUrl}>
                      {(url) => (
                        <a class="btn btn-secondary btn-sm" href={url()} download="">
                          <Icon name="download" size={16} /> Download
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
    if (!password()) errs.password = "Enter your password.";
    if (!confirmed()) errs.confirm = `Type your username, ${username()}, to confirm.`;
    if (walletNotice() && !forfeit()) errs.forfeit = "Tick the box to give up your wallet balance.";
    setFields(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      await api.deleteAccount({ password: password(), ...(forfeit() ? { confirmForfeit: true } : {}) });
      forgetSession();
      toast("Your account was deleted. Goodbye!", "success");
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
      <h2 id="delete-title">Delete your account</h2>
      <p>This can't be undone. When you delete your account:</p>
      <ul class="consequences">
        <li>you're signed out everywhere and can't log in again;</li>
        <li>
          your profile, posts, comments and likes, the text and photos of the messages you sent, and every
          photo and video in your vault are removed;
        </li>
        <li>
          your subscriptions stop renewing
          {isCreator() ? ", and so do your subscribers' subscriptions to you" : ""};
        </li>
        <li>money left in your wallet is forfeited: spend it or ask for a refund first;</li>
        <li>
          records of payments stay, under a pseudonym, because the site must keep its books, as do the
          identity and age records the law requires it to keep;
        </li>
        <li>your e-mail address and username become free: you can sign up again later.</li>
      </ul>
      <p class="muted small">
        Want a copy first?{" "}
        <a class="link" href="#export-title">
          Request one above
        </a>{" "}
        before you delete.
      </p>
      <Show when={isCreator()}>
        <p class="notice">
          Creators: money due to you is paid only by payout. Request a payout of your available balance on the{" "}
          <A href="/earnings">Earnings</A> page and wait until it's paid before you delete.
        </p>
      </Show>
      <Show when={blocked()}>
        {(msg) => (
          <div class="notice notice-error" role="alert">
            <p>{msg()}</p>
            <A href="/earnings" class="btn btn-secondary btn-sm">
              Go to Earnings
            </A>
          </div>
        )}
      </Show>
      <form class="stack-sm" onSubmit={(e) => void erase(e)} novalidate>
        <Field
          label="Your password"
          name="password"
          type="password"
          autocomplete="current-password"
          value={password()}
          onInput={(e) => setPassword(e.currentTarget.value)}
          error={fields().password}
        />
        <Field
          label={`Type your username (${username()}) to confirm`}
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
                <span>I give up my wallet balance. It won't be paid back.</span>
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
            <Icon name="trash" size={18} /> {busy() ? "Deleting…" : "Delete my account for good"}
          </button>
        </div>
      </form>
    </section>
  );
}

export default function PrivacySettings() {
  return (
    <RequireAuth>
      <div class="stack">
        <div>
          <h1 class="page-title">Privacy &amp; your data</h1>
          <p class="muted lead">Get a copy of your data, or delete your account.</p>
        </div>
        <ExportSection />
        <DeleteSection />
      </div>
    </RequireAuth>
  );
}
