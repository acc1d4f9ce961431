// Settings › Blocked people: everyone the person blocked, newest first, each with Unblock.
import { A } from "@solidjs/router";
import { createSignal, For, onMount, Show } from "solid-js";
import { errorMessage } from "../api/client";
import EmptyState from "../components/EmptyState";
import { RequireAuth } from "../components/Guards";
import Icon from "../components/Icon";
import RelTime from "../components/RelTime";
import { LineSkeleton } from "../components/Skeleton";
import { blocked, loadBlocks, unblock, type BlockedPerson } from "../stores/blocks";
import { toast } from "../stores/toasts";

function Row(props: { person: BlockedPerson }) {
  const [busy, setBusy] = createSignal(false);
  const u = () => props.person.user;
  async function lift() {
    setBusy(true);
    try {
      await unblock(u());
      toast(`You unblocked @${u().username}`, "success");
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
          @{u().username} · blocked <RelTime ms={props.person.blockedAt} />
        </span>
      </span>
      <button
        type="button"
        class="btn btn-secondary btn-sm"
        disabled={busy()}
        aria-label={`Unblock @${u().username}`}
        onClick={() => void lift()}
      >
        {busy() ? "Unblocking…" : "Unblock"}
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
        <h1 class="page-title">Blocked people</h1>
        <p class="muted lead">
          People you blocked can't write to you, and you can't write to them. Mass messages skip them.
        </p>
      </div>
      <section class="card form-card" aria-label="Blocked people">
        <Show when={error()}>
          {(msg) => (
            <div class="notice notice-error" role="alert">
              <p>{msg()}</p>
              <button type="button" class="btn btn-secondary btn-sm" onClick={load}>
                Try again
              </button>
            </div>
          )}
        </Show>
        <Show
          when={blocked()}
          fallback={
            <Show when={!error()}>
              <div class="stack-sm" aria-busy="true" aria-label="Loading">
                <LineSkeleton width="50%" />
                <LineSkeleton width="35%" />
              </div>
            </Show>
          }
        >
          {(list) => (
            <Show
              when={list().length > 0}
              fallback={
                <EmptyState icon="check" title="You haven't blocked anyone">
                  <p class="muted">Block someone from the menu at the top of your chat with them.</p>
                  <A href="/messages" class="btn btn-secondary">
                    <Icon name="message" size={18} /> Messages
                  </A>
                </EmptyState>
              }
            >
              <ul class="blocked-list">
                <For each={list()}>{(p) => <Row person={p} />}</For>
              </ul>
            </Show>
          )}
        </Show>
      </section>
    </div>
  );
}

export default function BlockedPeople() {
  return (
    <RequireAuth>
      <BlockedList />
    </RequireAuth>
  );
}
