// Settings › Blocked people: everyone the person blocked, newest first, each with Unblock.
import { usePageTitle } from "../lib/page-title";
import { A } from "@solidjs/router";
import { createSignal, For, onMount } from "solid-js";
import { errorMessage } from "../api/client";
import EmptyState from "../components/EmptyState";
import LoadedList from "../components/LoadedList";
import { RequireAuth } from "../components/Guards";
import Icon from "../components/Icon";
import RelTime from "../components/RelTime";
import { blocked, loadBlocks, unblock, type BlockedPerson } from "../stores/blocks";
import { toast } from "../stores/toasts";
import { t } from "../i18n";

function Row(props: { person: BlockedPerson }) {
  const [busy, setBusy] = createSignal(false);
  const u = () => props.person.user;
  async function lift() {
    setBusy(true);
    try {
      await unblock(u());
      toast(t("account.unblocked", { username: u().username }), "success");
    } catch (err) {
      toast(errorMessage(err), "error");
      setBusy(false);
    }
  }
  return (
    <li class="blocked-row">
      <span class="blocked-names">
        <strong class="truncate">{u().displayName}</strong>
        <span class="muted small truncate">
          @{u().username} · {t("account.blockedAt")} <RelTime ms={props.person.blockedAt} />
        </span>
      </span>
      <button
        type="button"
        class="btn btn-secondary btn-sm"
        disabled={busy()}
        aria-label={t("account.unblockUser", { username: u().username })}
        onClick={() => void lift()}
      >
        {busy() ? t("account.unblocking") : t("account.unblock")}
      </button>
    </li>
  );
}

function BlockedList() {
  const [error, setError] = createSignal<string | null>(null);
  const load = () => {
    setError(null);
    loadBlocks(true).catch((err: unknown) => setError(errorMessage(err)));
  };
  onMount(load);
  return (
    <div class="stack">
      <div>
        <h1 class="page-title">{t("account.blockedTitle")}</h1>
        <p class="muted lead">{t("account.blockedLead")}</p>
      </div>
      <section class="card form-card" aria-label={t("account.blockedTitle")}>
        <LoadedList
          items={blocked()}
          error={error()}
          onRetry={load}
          loadingLabel={t("account.loading")}
          empty={
            <EmptyState icon="check" title={t("account.noneBlocked")}>
              <p class="muted">{t("account.howToBlock")}</p>
              <A href="/messages" class="btn btn-secondary">
                <Icon name="message" size={18} /> {t("account.messages")}
              </A>
            </EmptyState>
          }
        >
          {(list) => (
            <ul class="blocked-list">
              <For each={list}>{(p) => <Row person={p} />}</For>
            </ul>
          )}
        </LoadedList>
      </section>
    </div>
  );
}

export default function BlockedPeople() {
  usePageTitle(() => t("account.blockedTitle"));
  return (
    <RequireAuth>
      <BlockedList />
    </RequireAuth>
  );
}
