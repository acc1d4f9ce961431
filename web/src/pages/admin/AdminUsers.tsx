// People: search by name or e-mail, filter by role and status, newest accounts first; each row opens the
// person's page (AdminUser) where they are banned, suspended, given a role or a badge.
import { A } from "@solidjs/router";
import { createSignal, For, onMount, Show } from "solid-js";
import { adminApi } from "../../api/admin";
import type { AdminUser, Role, UserStatus } from "../../api/schema.gen";
import Avatar from "../../components/Avatar";
import EmptyState from "../../components/EmptyState";
import PagerFooter from "../../components/PagerFooter";
import RelTime from "../../components/RelTime";
import { CreatorSkeletons } from "../../components/Skeleton";
import VerifiedBadge from "../../components/VerifiedBadge";
import { createPager } from "../../lib/pager";
import AdminShell from "./AdminShell";
import { ROLE_LABEL, STATUS_LABEL } from "./adminLabels";
import { t } from "../../i18n";

export default function AdminUsers() {
  const [query, setQuery] = createSignal("");
  const [role, setRole] = createSignal<Role | "">("");
  const [status, setStatus] = createSignal<UserStatus | "">("");
  const list = createPager<AdminUser>((cursor) =>
    adminApi.users({ query: query().trim(), role: role() || null, status: status() || null }, cursor),
  );
  onMount(() => void list.reset());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const search = (v: string) => {
    setQuery(v);
    clearTimeout(timer);
    timer = setTimeout(() => void list.reset(), 250);
  };

  return (
    <AdminShell>
      <form
        class="card admin-filters"
        role="search"
        onSubmit={(e) => (e.preventDefault(), void list.reset())}
      >
        <div class="field admin-search">
          <label for="admin-user-q">{t("admin.searchPeople")}</label>
          <input
            id="admin-user-q"
            class="input"
            type="search"
            placeholder={t("admin.searchPlaceholder")}
            value={query()}
            onInput={(e) => search(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="admin-user-role">{t("admin.role")}</label>
          <select
            id="admin-user-role"
            class="input"
            value={role()}
            onChange={(e) => (setRole(e.currentTarget.value as Role | ""), void list.reset())}
          >
            <option value="">{t("admin.anyRole")}</option>
            <option value="fan">{t("admin.fans")}</option>
            <option value="creator">{t("admin.creators")}</option>
            <option value="admin">{t("admin.admins")}</option>
          </select>
        </div>
        <div class="field">
          <label for="admin-user-status">{t("admin.status")}</label>
          <select
            id="admin-user-status"
            class="input"
            value={status()}
            onChange={(e) => (setStatus(e.currentTarget.value as UserStatus | ""), void list.reset())}
          >
            <option value="">{t("admin.anyStatus")}</option>
            <option value="active">{t("admin.statusActive")}</option>
            <option value="suspended">{t("admin.statusSuspended")}</option>
            <option value="banned">{t("admin.statusBanned")}</option>
          </select>
        </div>
      </form>

      <Show when={!list.initial() || list.items.length > 0} fallback={<CreatorSkeletons compact count={4} />}>
        <Show
          when={list.items.length > 0 || list.error()}
          fallback={
            <EmptyState icon="user" title={t("admin.nobodyFound")}>
              <p class="muted">{t("admin.nobodyHint")}</p>
            </EmptyState>
          }
        >
          <ul class="card admin-list" data-testid="admin-users">
            <For each={list.items}>
              {(u) => (
                <li>
                  <A href={`/admin/users/${u.id}`} class="admin-person-row">
                    <Avatar name={u.displayName} username={u.username} url={u.avatarUrl} />
                    <span class="sub-names">
                      <strong class="truncate">
                        {u.displayName} <VerifiedBadge verified={u.verified} size={14} />
                      </strong>
                      <span class="muted truncate small">
                        @{u.username} · {u.email}
                      </span>
                    </span>
                    <span class="admin-person-tags">
                      <span class="badge badge-muted">{ROLE_LABEL[u.role]}</span>
                      <span class={`badge ${STATUS_LABEL[u.status].badge}`}>
                        {STATUS_LABEL[u.status].label}
                      </span>
                      <span class="muted small admin-joined">
                        {t("admin.joined")} <RelTime ms={u.createdAt} />
                      </span>
                    </span>
                  </A>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
      <PagerFooter pager={list} />
    </AdminShell>
  );
}
