// A creator's fans: who subscribes or did (since when, renewing or ended, lifetime spend from the
// ledger), filtered by status and list, searched by name, sorted by spend or recency, paged by the
// API's cursor; each fan can be put on or taken off the creator's lists, which are managed below.
import { usePageTitle } from "../lib/page-title";
import { createEffect, createSignal, For, on, onMount, Show } from "solid-js";
import { call, errorMessage } from "../api/client";
import type { Fan, FanList } from "../api/schema.gen";
import Avatar from "../components/Avatar";
import Dialog from "../components/Dialog";
import EmptyState from "../components/EmptyState";
import FilterChips from "../components/FilterChips";
import { RequireCreator } from "../components/Guards";
import PagerFooter from "../components/PagerFooter";
import { LineSkeleton } from "../components/Skeleton";
import FanLists from "../components/analytics/FanLists";
import { formatDate, t } from "../i18n";
import { formatMoney } from "../lib/format";
import { createPager } from "../lib/pager";
import { toast } from "../stores/toasts";
import "../analytics.css";

type Status = "all" | "active" | "expired";
type Sort = "recent" | "spend";
type FanRow = Fan & { id: string };

const day = (ms: number) => formatDate(ms, { dateStyle: "medium" });

function FanCard(props: { fan: FanRow; lists: FanList[]; onLists: () => void }) {
  const f = () => props.fan;
  const names = () => props.lists.filter((l) => f().listIds.includes(l.id));
  return (
    <li class="card fan-card" data-testid="fan-card">
      <Avatar
        name={f().user.displayName}
        username={f().user.username}
        url={f().user.avatarUrl}
        srcset={f().user.avatarSrcset}
      />
      <div class="fan-who">
        <span class="fan-name">{f().user.displayName || f().user.username}</span>
        <span class="muted small">@{f().user.username}</span>
      </div>
      <span class="fan-spend" title={t("fans.spent", { amount: formatMoney(f().spendCents, f().currency) })}>
        {formatMoney(f().spendCents, f().currency)}
      </span>
      <div class="fan-facts small">
        <span class={`badge ${f().status === "active" ? "badge-success" : "badge-muted"}`}>
          {t(f().status === "active" ? "fans.status.active" : "fans.status.expired")}
        </span>
        <span class="muted">{t("fans.since", { date: day(f().since) })}</span>
        <Show when={f().renewsAt}>
          {(at) => <span class="muted">{t("fans.renews", { date: day(at()) })}</span>}
        </Show>
        <Show when={f().endsAt}>
          {(at) => (
            <span class="muted">
              {t(f().status === "active" ? "fans.ends" : "fans.ended", { date: day(at()) })}
            </span>
          )}
        </Show>
      </div>
      <div class="fan-lists">
        <For each={names()}>{(l) => <span class="chip">{l.name}</span>}</For>
        <button type="button" class="btn btn-ghost btn-sm" onClick={() => props.onLists()}>
          {t("fans.lists")}
        </button>
      </div>
    </li>
  );
}

function ListsDialog(props: {
  fan: FanRow;
  lists: FanList[];
  onClose: () => void;
  onChanged: (fan: FanRow, list: FanList) => void;
}) {
  const name = () => props.fan.user.displayName || props.fan.user.username;
  async function toggle(list: FanList, on: boolean) {
    const params = { id: list.id, userId: props.fan.user.id };
    try {
      const r = on
        ? await call("put", "/api/v1/lists/{id}/members/{userId}", { params })
        : await call("delete", "/api/v1/lists/{id}/members/{userId}", { params });
      const listIds = on ? [...props.fan.listIds, list.id] : props.fan.listIds.filter((x) => x !== list.id);
      props.onChanged({ ...props.fan, listIds }, r.list);
      toast(t(on ? "fans.added" : "fans.removed", { name: name(), list: list.name }), "success");
    } catch (err) {
      toast(errorMessage(err), "error");
    }
  }
  return (
    <Dialog open title={t("fans.listsFor", { name: name() })} onClose={() => props.onClose()}>
      <Show when={props.lists.length > 0} fallback={<p class="muted">{t("fans.noListsYet")}</p>}>
        <ul class="fan-list-pick">
          <For each={props.lists}>
            {(l) => (
              <li>
                <label>
                  <input
                    type="checkbox"
                    checked={props.fan.listIds.includes(l.id)}
                    onChange={(e) => void toggle(l, e.currentTarget.checked)}
                  />
                  {l.name}
                  <span class="muted small">{t("fans.members", { count: l.memberCount })}</span>
                </label>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </Dialog>
  );
}

function FansPage() {
  const [status, setStatus] = createSignal<Status>("all");
  const [sort, setSort] = createSignal<Sort>("recent");
  const [query, setQuery] = createSignal("");
  const [listId, setListId] = createSignal("");
  const [lists, setLists] = createSignal<FanList[]>([]);
  const [picking, setPicking] = createSignal<FanRow | null>(null);
  const fans = createPager<FanRow>(async (cursor) => {
    const r = await call("get", "/api/v1/fans", {
      query: {
        status: status(),
        sort: sort(),
        query: query().trim() || null,
        listId: listId() || null,
        cursor,
        limit: 20,
      },
    });
    return { items: r.items.map((f) => ({ ...f, id: f.user.id })), nextCursor: r.nextCursor };
  });
  const filtered = () => status() !== "all" || !!query().trim() || !!listId();

  onMount(() => {
    call("get", "/api/v1/lists").then(
      (r) => setLists(r.items),
      (err) => toast(errorMessage(err), "error"),
    );
  });
  // A new filter starts from the first page; typing waits for a pause.
  let timer: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on([status, sort, listId], () => {
      void fans.reset();
    }),
  );
  createEffect(
    on(
      query,
      () => {
        clearTimeout(timer);
        timer = setTimeout(() => void fans.reset(), 250);
      },
      { defer: true },
    ),
  );

  return (
    <div class="stack">
      <div class="page-head">
        <h1 class="page-title">{t("fans.title")}</h1>
      </div>
      <div class="stack-sm">
        <FilterChips
          label={t("fans.show")}
          value={status()}
          onChange={setStatus}
          options={[
            { value: "all", label: t("fans.status.all") },
            { value: "active", label: t("fans.status.active") },
            { value: "expired", label: t("fans.status.expired") },
          ]}
        />
        <div class="fan-toolbar">
          <div class="field fan-search">
            <label for="fan-search">{t("fans.search")}</label>
            <input
              id="fan-search"
              class="input"
              type="search"
              placeholder={t("fans.searchPlaceholder")}
              value={query()}
              maxLength={100}
              onInput={(e) => setQuery(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="fan-sort">{t("fans.sort")}</label>
            <select
              id="fan-sort"
              class="input"
              value={sort()}
              onChange={(e) => setSort(e.currentTarget.value as Sort)}
            >
              <option value="recent">{t("fans.sort.recent")}</option>
              <option value="spend">{t("fans.sort.spend")}</option>
            </select>
          </div>
          <div class="field">
            <label for="fan-list">{t("fans.list")}</label>
            <select
              id="fan-list"
              class="input"
              value={listId()}
              onChange={(e) => setListId(e.currentTarget.value)}
            >
              <option value="">{t("fans.list.any")}</option>
              <For each={lists()}>{(l) => <option value={l.id}>{l.name}</option>}</For>
            </select>
          </div>
        </div>
      </div>

      <Show
        when={!fans.initial() || fans.items.length > 0}
        fallback={
          <div class="stack-sm" aria-busy="true">
            <LineSkeleton width="70%" />
            <LineSkeleton width="55%" />
            <LineSkeleton width="62%" />
          </div>
        }
      >
        <Show
          when={fans.items.length > 0 || fans.error()}
          fallback={
            <Show
              when={filtered()}
              fallback={
                <EmptyState icon="user" title={t("fans.emptyTitle")}>
                  <p class="muted">{t("fans.emptyBody")}</p>
                </EmptyState>
              }
            >
              <p class="muted">{t("fans.noMatch")}</p>
            </Show>
          }
        >
          <ul class="fan-list">
            <For each={fans.items}>
              {(f) => <FanCard fan={f} lists={lists()} onLists={() => setPicking(f)} />}
            </For>
          </ul>
        </Show>
      </Show>
      <PagerFooter pager={fans} plain />

      <FanLists lists={lists()} onChange={setLists} onShow={(id) => setListId(id)} />

      <Show when={picking()}>
        {(f) => (
          <ListsDialog
            fan={f()}
            lists={lists()}
            onClose={() => setPicking(null)}
            onChanged={(fan, list) => {
              fans.update(fan.id, fan);
              setPicking(fan);
              setLists(lists().map((l) => (l.id === list.id ? list : l)));
            }}
          />
        )}
      </Show>
    </div>
  );
}

export default function Fans() {
  usePageTitle(() => t("fans.title"));
  return (
    <RequireCreator>
      <FansPage />
    </RequireCreator>
  );
}
