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
import { user as me } from "../../stores/session";
import { toast } from "../../stores/toasts";
import AdminShell from "./AdminShell";
import { ROLE_LABEL, STATUS_LABEL } from "./adminLabels";

type Action = "ban" | "suspend" | "unban" | "role" | "verify" | "unverify";

const TITLES: Record<Action, string> = {
  ban: "Ban this person?",
  suspend: "Suspend this person?",
  unban: "Lift the ban?",
  role: "Change the role?",
  verify: "Verify this creator?",
  unverify: "Take the badge back?",
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
      setError("Say why: the reason is kept with the decision.");
      return;
    }
    const end = fromDatetimeLocal(until());
    if (a === "suspend" && (end === null || end <= Date.now())) {
      setError("Pick when the suspension ends, in the future.");
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
          ? `@${p.username} is banned`
          : a === "suspend"
            ? `@${p.username} is suspended until ${absoluteTime(end!)}`
            : a === "unban"
              ? `@${p.username} is active again`
              : a === "role"
                ? `@${p.username} is now ${ROLE_LABEL[r.user.role].toLowerCase()}`
                : a === "verify"
                  ? `@${p.username} is verified`
                  : `@${p.username}'s badge is off`,
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
    <AdminShell>
      <A href="/admin/users" class="back-link small">
        <Icon name="arrow-left" size={16} /> All people
      </A>
      <Switch>
        <Match when={loadError()}>
          <EmptyState icon="user" title="Cannot show this person">
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
                      <Show when={!p().emailVerified}> (not verified)</Show>
                    </span>
                    <span class="admin-person-tags">
                      <span class="badge badge-muted">{ROLE_LABEL[p().role]}</span>
                      <span
                        class={`badge ${STATUS_LABEL[p().status].badge}`}
                        data-testid="admin-person-status"
                      >
                        {STATUS_LABEL[p().status].label}
                        <Show when={p().status === "suspended" && p().suspendedUntil}>
                          {(u) => <> until {absoluteTime(u())}</>}
                        </Show>
                      </span>
                      <span class="muted small">
                        Joined <RelTime ms={p().createdAt} />
                      </span>
                    </span>
                    <Show when={held() && p().statusReason}>
                      <p class="small admin-note">Reason: {p().statusReason}</p>
                    </Show>
                  </div>
                </div>

                <dl class="admin-facts">
                  <div>
                    <dt>Posts</dt>
                    <dd>{p().posts.toLocaleString()}</dd>
                  </div>
                  <div>
                    <dt>Subscribers</dt>
                    <dd>{p().subscribers.toLocaleString()}</dd>
                  </div>
                  <div>
                    <dt>Open reports</dt>
                    <dd classList={{ "admin-alert": p().openReports > 0 }}>
                      <A href="/admin/reports">{p().openReports.toLocaleString()}</A>
                    </dd>
                  </div>
                  <div>
                    <dt>Earnings</dt>
                    <dd>
                      <Show when={p().earnings.length > 0} fallback={<>None</>}>
                        <For each={p().earnings}>
                          {(e) => (
                            <span class="admin-earning">
                              {formatMoney(e.availableCents, e.currency)} available ·{" "}
                              {formatMoney(e.pendingCents, e.currency)} pending
                            </span>
                          )}
                        </For>
                      </Show>
                    </dd>
                  </div>
                </dl>
              </section>

              <section class="card admin-person-actions" aria-label="Actions">
                <Show when={isSelf()}>
                  <p class="muted small">This is you: you cannot ban, suspend or demote yourself.</p>
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
                          <Icon name="block" size={18} /> Ban
                        </button>
                        <button
                          type="button"
                          class="btn btn-secondary"
                          disabled={isSelf()}
                          onClick={() => open("suspend")}
                        >
                          <Icon name="clock" size={18} /> Suspend
                        </button>
                      </>
                    }
                  >
                    <button type="button" class="btn btn-primary" onClick={() => open("unban")}>
                      <Icon name="undo" size={18} /> {p().status === "banned" ? "Lift ban" : "End suspension"}
                    </button>
                  </Show>
                  <Show when={p().isCreator}>
                    <Show
                      when={p().verified}
                      fallback={
                        <button type="button" class="btn btn-secondary" onClick={() => open("verify")}>
                          <Icon name="badge-check" size={18} /> Verify creator
                        </button>
                      }
                    >
                      <button type="button" class="btn btn-secondary" onClick={() => open("unverify")}>
                        <Icon name="badge-check" size={18} /> Remove badge
                      </button>
                    </Show>
                  </Show>
                </div>
                <div class="admin-role">
                  <label for="admin-role">Role</label>
                  <select
                    id="admin-role"
                    class="input"
                    value={role()}
                    disabled={isSelf()}
                    onChange={(e) => setRole(e.currentTarget.value as Role)}
                  >
                    <option value="fan">Fan</option>
                    <option value="creator">Creator</option>
                    <option value="admin">Admin</option>
                  </select>
                  <button
                    type="button"
                    class="btn btn-secondary"
                    disabled={isSelf() || role() === p().role}
                    onClick={() => open("role")}
                  >
                    Change role
                  </button>
                </div>
              </section>

              <Show when={pending()}>
                {(a) => (
                  <ConfirmDialog
                    title={TITLES[a()]}
                    cancelLabel="Cancel"
                    confirmLabel={
                      a() === "ban"
                        ? "Ban"
                        : a() === "suspend"
                          ? "Suspend"
                          : a() === "unban"
                            ? "Lift it"
                            : a() === "role"
                              ? "Change role"
                              : a() === "verify"
                                ? "Verify"
                                : "Remove badge"
                    }
                    busyLabel="Saving…"
                    busy={busy()}
                    error={error()}
                    onConfirm={() => void act()}
                    onClose={() => setPending(null)}
                  >
                    <Switch>
                      <Match when={a() === "ban" || a() === "suspend"}>
                        <p>
                          {p().displayName} (@{p().username}) is signed out everywhere at once and cannot sign
                          in. Their page, posts and streams disappear for everyone else, their subscriptions
                          stop renewing (nothing is charged) and their payouts are held
                          {a() === "suspend" ? " until the suspension ends." : " until you lift the ban."}
                        </p>
                        <Show when={a() === "suspend"}>
                          <div class="field">
                            <label for="suspend-until">Suspended until</label>
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
                          <label for="hold-reason">Reason (kept in the audit log)</label>
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
                        <p>
                          {p().displayName} can sign in again; their content shows again and renewals resume
                          from now on.
                        </p>
                      </Match>
                      <Match when={a() === "role"}>
                        <p>
                          @{p().username} goes from {ROLE_LABEL[p().role].toLowerCase()} to{" "}
                          {ROLE_LABEL[role()].toLowerCase()}.
                          {role() === "admin" ? " Admins can see and change everything on the site." : ""}
                        </p>
                      </Match>
                      <Match when={a() === "verify"}>
                        <p>
                          A verified badge shows next to {p().displayName}'s name on their page and posts.
                        </p>
                      </Match>
                      <Match when={a() === "unverify"}>
                        <p>The badge disappears from {p().displayName}'s page and posts.</p>
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
