// One person, for deciding about them: who they are, what they have (posts, subscribers, earnings, open
// reports) and the actions: ban, suspend until a date, lift it, change the role, give or take the
// verified badge. Every action is confirmed first (ConfirmDialog) and lands in the audit log.
import { A, useParams } from "@solidjs/router";
import { createEffect, createSignal, For, Match, on, Show, Switch } from "solid-js";
import { adminApi } from "../../api/admin";
import { errorMessage } from "../../api/client";
import type { AdminUserDetail, Role } from "../../api/schema.gen";
import Avatar from "../../components/Avatar";
import ConfirmDialog from "../../components/ConfirmDialog";
import EmptyState from "../../components/EmptyState";
import Icon from "../../components/Icon";
import RelTime from "../../components/RelTime";
import { LineSkeleton } from "../../components/Skeleton";
import VerifiedBadge from "../../components/VerifiedBadge";
import { absoluteTime, formatMoney, fromDatetimeLocal, toDatetimeLocal } from "../../lib/format";
import { formatNumber, t, type MessageKey } from "../../i18n";
import { user as me } from "../../stores/session";
import { toast } from "../../stores/toasts";
import AdminShell from "./AdminShell";
import { ROLE_LABEL, STATUS_LABEL } from "./adminLabels";

type Action = "ban" | "suspend" | "unban" | "role" | "verify" | "unverify";

const TITLES: Record<Action, MessageKey> = {
  ban: "admin.uTitleBan",
  suspend: "admin.uTitleSuspend",
  unban: "admin.uTitleUnban",
  role: "admin.uTitleRole",
  verify: "admin.uTitleVerify",
  unverify: "admin.uTitleUnverify",
};

export default function AdminUser() {
  const params = useParams();
  const [person, setPerson] = createSignal<AdminUserDetail | null>(null);
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const [pending, setPending] = createSignal<Action | null>(null);
  const [reason, setReason] = createSignal("");
  const [until, setUntil] = createSignal("");
  const [role, setRole] = createSignal<Role>("fan");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  createEffect(
    on(
      () => params.id,
      (id) => {
        setPerson(null);
        setLoadError(null);
        adminApi
          .user(id ?? "")
          .then((r) => {
            setPerson(r.user);
            setRole(r.user.role);
          })
          .catch((err: unknown) => setLoadError(errorMessage(err)));
      },
    ),
  );

  const isSelf = () => person()?.id === me()?.id;
  const held = () => person()?.status === "banned" || person()?.status === "suspended";

  function open(a: Action) {
    setError(null);
    setReason("");
    setUntil(toDatetimeLocal(Date.now() + 7 * 86_400_000));
    setPending(a);
  }

  async function act() {
    const p = person();
    const a = pending();
    if (!p || !a) return;
    if ((a === "ban" || a === "suspend") && !reason().trim()) {
      setError(t("admin.uSayWhy"));
      return;
    }
    const end = fromDatetimeLocal(until());
    if (a === "suspend" && (end === null || end <= Date.now())) {
      setError(t("admin.uPickEnd"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r =
        a === "ban"
          ? await adminApi.ban(p.id, reason().trim())
          : a === "suspend"
            ? await adminApi.suspend(p.id, end!, reason().trim())
            : a === "unban"
              ? await adminApi.unban(p.id)
              : a === "role"
                ? await adminApi.setRole(p.id, role())
                : a === "verify"
                  ? await adminApi.verify(p.id)
                  : await adminApi.unverify(p.id);
      setPerson(r.user);
      setRole(r.user.role);
      toast(
        a === "ban"
          ? t("admin.uBanned", { username: p.username })
          : a === "suspend"
            ? t("admin.uSuspended", { username: p.username, date: absoluteTime(end!) })
            : a === "unban"
              ? t("admin.uActive", { username: p.username })
              : a === "role"
                ? t("admin.uNowRole", { username: p.username, role: ROLE_LABEL[r.user.role].toLowerCase() })
                : a === "verify"
                  ? t("admin.uVerified", { username: p.username })
                  : t("admin.uBadgeOff", { username: p.username }),
        "success",
      );
      setPending(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AdminShell title={person() ? `@${person()!.username}` : undefined}>
      <A href="/admin/users" class="back-link small">
        <Icon name="arrow-left" size={16} /> {t("admin.uAllPeople")}
      </A>
      <Switch>
        <Match when={loadError()}>
          <EmptyState icon="user" title={t("admin.uCannotShow")}>
            <p class="muted">{loadError()}</p>
          </EmptyState>
        </Match>
        <Match when={!person()}>
          <div class="card admin-person">
            <LineSkeleton width="60%" />
            <LineSkeleton width="40%" />
          </div>
        </Match>
        <Match when={person()}>
          {(p) => (
            <>
              <section class="card admin-person" aria-labelledby="admin-person-name">
                <div class="admin-person-head">
                  <Avatar name={p().displayName} username={p().username} url={p().avatarUrl} size="lg" />
                  <div class="sub-names">
                    <h2 id="admin-person-name" class="admin-person-name">
                      {p().displayName} <VerifiedBadge verified={p().verified} size={18} />
                    </h2>
                    <span class="muted">
                      <Show when={p().isCreator} fallback={<>@{p().username}</>}>
                        <A href={`/${p().username}`}>@{p().username}</A>
                      </Show>{" "}
                      · {p().email}
                      <Show when={!p().emailVerified}> {t("admin.uNotVerified")}</Show>
                    </span>
                    <span class="admin-person-tags">
                      <span class="badge badge-muted">{ROLE_LABEL[p().role]}</span>
                      <span
                        class={`badge ${STATUS_LABEL[p().status].badge}`}
                        data-testid="admin-person-status"
                      >
                        {STATUS_LABEL[p().status].label}
                        <Show when={p().status === "suspended" && p().suspendedUntil}>
                          {(u) => <> {t("admin.uUntil", { date: absoluteTime(u()) })}</>}
                        </Show>
                      </span>
                      <span class="muted small">
                        {t("admin.joined")} <RelTime ms={p().createdAt} />
                      </span>
                    </span>
                    <Show when={held() && p().statusReason}>
                      <p class="small admin-note">{t("admin.uReason", { reason: p().statusReason ?? "" })}</p>
                    </Show>
                  </div>
                </div>

                <dl class="admin-facts">
                  <div>
                    <dt>{t("admin.uPosts")}</dt>
                    <dd>{formatNumber(p().posts)}</dd>
                  </div>
                  <div>
                    <dt>{t("admin.uSubscribers")}</dt>
                    <dd>{formatNumber(p().subscribers)}</dd>
                  </div>
                  <div>
                    <dt>{t("admin.uOpenReports")}</dt>
                    <dd classList={{ "admin-alert": p().openReports > 0 }}>
                      <A href="/admin/reports">{formatNumber(p().openReports)}</A>
                    </dd>
                  </div>
                  <div>
                    <dt>{t("admin.uEarnings")}</dt>
                    <dd>
                      <Show when={p().earnings.length > 0} fallback={<>{t("admin.uNone")}</>}>
                        <For each={p().earnings}>
                          {(e) => (
                            <span class="admin-earning">
                              {t("admin.uEarning", {
                                available: formatMoney(e.availableCents, e.currency),
                                pending: formatMoney(e.pendingCents, e.currency),
                              })}
                            </span>
                          )}
                        </For>
                      </Show>
                    </dd>
                  </div>
                </dl>
              </section>

              <section class="card admin-person-actions" aria-label={t("admin.uActions")}>
                <Show when={isSelf()}>
                  <p class="muted small">{t("admin.uSelf")}</p>
                </Show>
                <div class="admin-action-row">
                  <Show
                    when={held()}
                    fallback={
                      <>
                        <button
                          type="button"
                          class="btn btn-danger"
                          disabled={isSelf()}
                          onClick={() => open("ban")}
                        >
                          <Icon name="block" size={18} /> {t("admin.ban")}
                        </button>
                        <button
                          type="button"
                          class="btn btn-secondary"
                          disabled={isSelf()}
                          onClick={() => open("suspend")}
                        >
                          <Icon name="clock" size={18} /> {t("admin.uSuspend")}
                        </button>
                      </>
                    }
                  >
                    <button type="button" class="btn btn-primary" onClick={() => open("unban")}>
                      <Icon name="undo" size={18} />{" "}
                      {p().status === "banned" ? t("admin.uLiftBan") : t("admin.uEndSuspension")}
                    </button>
                  </Show>
                  <Show when={p().isCreator}>
                    <Show
                      when={p().verified}
                      fallback={
                        <button type="button" class="btn btn-secondary" onClick={() => open("verify")}>
                          <Icon name="badge-check" size={18} /> {t("admin.uVerifyCreator")}
                        </button>
                      }
                    >
                      <button type="button" class="btn btn-secondary" onClick={() => open("unverify")}>
                        <Icon name="badge-check" size={18} /> {t("admin.uRemoveBadge")}
                      </button>
                    </Show>
                  </Show>
                </div>
                <div class="admin-role">
                  <label for="admin-role">{t("admin.role")}</label>
                  <select
                    id="admin-role"
                    class="input"
                    value={role()}
                    disabled={isSelf()}
                    onChange={(e) => setRole(e.currentTarget.value as Role)}
                  >
                    <option value="fan">{t("admin.roleFan")}</option>
                    <option value="creator">{t("admin.roleCreator")}</option>
                    <option value="admin">{t("admin.roleAdmin")}</option>
                  </select>
                  <button
                    type="button"
                    class="btn btn-secondary"
                    disabled={isSelf() || role() === p().role}
                    onClick={() => open("role")}
                  >
                    {t("admin.uChangeRole")}
                  </button>
                </div>
              </section>

              <Show when={pending()}>
                {(a) => (
                  <ConfirmDialog
                    title={t(TITLES[a()])}
                    cancelLabel={t("common.cancel")}
                    confirmLabel={
                      a() === "ban"
                        ? t("admin.ban")
                        : a() === "suspend"
                          ? t("admin.uSuspend")
                          : a() === "unban"
                            ? t("admin.uLiftIt")
                            : a() === "role"
                              ? t("admin.uChangeRole")
                              : a() === "verify"
                                ? t("admin.uVerify")
                                : t("admin.uRemoveBadge")
                    }
                    busyLabel={t("admin.saving")}
                    busy={busy()}
                    error={error()}
                    onConfirm={() => void act()}
                    onClose={() => setPending(null)}
                  >
                    <Switch>
                      <Match when={a() === "ban" || a() === "suspend"}>
                        <p>
                          {a() === "suspend"
                            ? t("admin.uHoldSuspend", { name: p().displayName, username: p().username })
                            : t("admin.uHoldBan", { name: p().displayName, username: p().username })}
                        </p>
                        <Show when={a() === "suspend"}>
                          <div class="field">
                            <label for="suspend-until">{t("admin.uSuspendedUntil")}</label>
                            <input
                              id="suspend-until"
                              class="input"
                              type="datetime-local"
                              value={until()}
                              min={toDatetimeLocal(Date.now())}
                              onInput={(e) => setUntil(e.currentTarget.value)}
                            />
                          </div>
                        </Show>
                        <div class="field">
                          <label for="hold-reason">{t("admin.uHoldReason")}</label>
                          <textarea
                            id="hold-reason"
                            class="input"
                            rows={2}
                            maxLength={500}
                            value={reason()}
                            onInput={(e) => {
                              setReason(e.currentTarget.value);
                              setError(null);
                            }}
                          />
                        </div>
                      </Match>
                      <Match when={a() === "unban"}>
                        <p>{t("admin.uUnbanBody", { name: p().displayName })}</p>
                      </Match>
                      <Match when={a() === "role"}>
                        <p>
                          {t("admin.uRoleBody", {
                            username: p().username,
                            from: ROLE_LABEL[p().role].toLowerCase(),
                            to: ROLE_LABEL[role()].toLowerCase(),
                          })}
                          {role() === "admin" ? ` ${t("admin.uAdminsCan")}` : ""}
                        </p>
                      </Match>
                      <Match when={a() === "verify"}>
                        <p>{t("admin.uVerifyBody", { name: p().displayName })}</p>
                      </Match>
                      <Match when={a() === "unverify"}>
                        <p>{t("admin.uUnverifyBody", { name: p().displayName })}</p>
                      </Match>
                    </Switch>
                  </ConfirmDialog>
                )}
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </AdminShell>
  );
}
