// The audit log: every admin action and security-sensitive action, newest first, filtered by who did it
// and what; each entry opens to its details (reason, amounts, before and after) and its place in the chain.
import { createSignal, For, onMount, Show } from "solid-js";
import { adminApi } from "../../api/admin";
import type { AuditEntry } from "../../api/schema.gen";
import EmptyState from "../../components/EmptyState";
import PagerFooter from "../../components/PagerFooter";
import RelTime from "../../components/RelTime";
import { CreatorSkeletons } from "../../components/Skeleton";
import { absoluteTime } from "../../lib/format";
import { createPager } from "../../lib/pager";
import AdminShell from "./AdminShell";
import { AUDIT_ACTIONS } from "./adminLabels";
import { t } from "../../i18n";

export default function AdminAudit() {
  const [actor, setActor] = createSignal("");
  const [action, setAction] = createSignal("");
  const list = createPager<AuditEntry>((cursor) =>
    adminApi.audit({ actor: actor().trim() || undefined, action: action() || undefined }, cursor),
  );
  onMount(() => void list.reset());
  let timer: ReturnType<typeof setTimeout> | undefined;

  return (
    <AdminShell>
      <form
        class="card admin-filters"
        role="search"
        onSubmit={(e) => (e.preventDefault(), void list.reset())}
      >
        <div class="field admin-search">
          <label for="audit-actor">{t("admin.aWho")}</label>
          <input
            id="audit-actor"
            class="input"
            type="search"
            placeholder={t("admin.aUsername")}
            value={actor()}
            onInput={(e) => {
              setActor(e.currentTarget.value);
              clearTimeout(timer);
              timer = setTimeout(() => void list.reset(), 300);
            }}
          />
        </div>
        <div class="field">
          <label for="audit-action">{t("admin.aWhat")}</label>
          <select
            id="audit-action"
            class="input"
            value={action()}
            onChange={(e) => (setAction(e.currentTarget.value), void list.reset())}
          >
            <option value="">{t("admin.aEvery")}</option>
            <For each={Object.entries(AUDIT_ACTIONS)}>
              {([k, label]) => <option value={k}>{label}</option>}
            </For>
          </select>
        </div>
      </form>

      <Show when={!list.initial() || list.items.length > 0} fallback={<CreatorSkeletons compact count={4} />}>
        <Show
          when={list.items.length > 0 || list.error()}
          fallback={
            <EmptyState icon="shield" title={t("admin.aNone")}>
              <p class="muted">{t("admin.aNoneHint")}</p>
            </EmptyState>
          }
        >
          <ol class="card audit-list" data-testid="audit-list">
            <For each={list.items}>
              {(e) => (
                <li class="audit-entry">
                  <details>
                    <summary>
                      <span class="audit-what">
                        <strong>{AUDIT_ACTIONS[e.action] ?? e.action}</strong>
                        <code class="audit-code">{e.action}</code>
                      </span>
                      <span class="muted small">
                        {e.actor ? `@${e.actor.username ?? t("admin.aDeleted")}` : t("admin.aTheSite")}
                        <Show when={e.target}>
                          {(tg) => (
                            <>
                              {" "}
                              · {tg().type} {tg().id.slice(0, 8)}…
                            </>
                          )}
                        </Show>{" "}
                        · <RelTime ms={e.at} />
                      </span>
                    </summary>
                    <dl class="audit-details">
                      <dt>{t("admin.aWhen")}</dt>
                      <dd>{absoluteTime(e.at)}</dd>
                      <dt>{t("admin.aFrom")}</dt>
                      <dd>{e.ip ?? "—"}</dd>
                      <Show when={e.target}>
                        {(tg) => (
                          <>
                            <dt>{t("admin.aOn")}</dt>
                            <dd>
                              {tg().type} <code>{tg().id}</code>
                            </dd>
                          </>
                        )}
                      </Show>
                      <For each={Object.entries(e.details)}>
                        {([k, v]) => (
                          <>
                            <dt>{k}</dt>
                            <dd>
                              <code class="audit-value">{typeof v === "string" ? v : JSON.stringify(v)}</code>
                            </dd>
                          </>
                        )}
                      </For>
                      <dt>{t("admin.aEntry")}</dt>
                      <dd>
                        #{e.seq} · <code class="audit-value">{e.hash.slice(0, 16)}…</code>
                      </dd>
                    </dl>
                  </details>
                </li>
              )}
            </For>
          </ol>
        </Show>
      </Show>
      <PagerFooter pager={list} />
    </AdminShell>
  );
}
