// Notification settings: push in this browser (turn on asks the browser's permission), and per kind
// which channels to use (in-app, e-mail, push). A toggle saves at once and goes back if the save fails.
import { A } from "@solidjs/router";
import { createSignal, For, Match, onMount, Show, Switch } from "solid-js";
import { api, errorMessage } from "../api/client";
import type { NotificationChannels, NotificationSettings as Settings } from "../api/schema.gen";
import { RequireAuth } from "../components/Guards";
import Icon from "../components/Icon";
import { LineSkeleton } from "../components/Skeleton";
import { disablePush, enablePush, pushStatus, type PushStatus } from "../lib/push";
import { isCreator } from "../stores/session";
import { toast } from "../stores/toasts";

type Kind = keyof Settings;
type Channel = keyof NotificationChannels;

/** What each kind is about, in the order shown; `creator`: only creators get these. */
const KINDS: { kind: Kind; label: string; hint: string; creator?: boolean }[] = [
  { kind: "message", label: "Messages", hint: "Someone sends you a message" },
  {
    kind: "new_subscriber",
    label: "New subscribers",
    hint: "A fan subscribes or starts a free trial",
    creator: true,
  },
  { kind: "tip", label: "Tips", hint: "A fan sends you a tip", creator: true },
  { kind: "ppv_sale", label: "Unlocks", hint: "A fan unlocks a pay-per-view post", creator: true },
  { kind: "comment", label: "Comments", hint: "Someone comments on your post", creator: true },
  { kind: "like", label: "Likes", hint: "Someone likes your post", creator: true },
  { kind: "renewal", label: "Renewals", hint: "A subscription renews" },
  { kind: "payout", label: "Payouts", hint: "Your payout is approved, sent or rejected", creator: true },
  { kind: "billing", label: "Refunds and billing", hint: "Refunds, chargebacks and renewals that failed" },
  {
    kind: "compliance",
    label: "Verification and notices",
    hint: "Identity verification, co-performer requests, copyright notices (always mailed)",
    creator: true,
  },
  {
    kind: "moderation",
    label: "Reports and moderation",
    hint: "A report you made was handled, or moderators removed something of yours",
  },
];
const CHANNELS: { channel: Channel; label: string }[] = [
  { channel: "inApp", label: "In-app" },
  { channel: "email", label: "E-mail" },
  { channel: "push", label: "Push" },
];

function PushCard() {
  const [status, setStatus] = createSignal<PushStatus | null>(null);
  const [busy, setBusy] = createSignal(false);
  onMount(async () => setStatus(await pushStatus().catch(() => "unsupported" as const)));

  async function change(on: boolean) {
    setBusy(true);
    try {
      const next = on ? await enablePush() : await disablePush();
      setStatus(next);
      if (next === "on") toast("Push notifications are on in this browser", "success");
      else if (next === "denied") toast("The browser blocked notifications for this site", "error");
      else if (!on) toast("Push notifications are off in this browser", "success");
    } catch (err) {
      toast(errorMessage(err), "error");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card push-card" aria-labelledby="push-title">
      <span class="notif-icon" aria-hidden="true">
        <Icon name="bell" size={18} />
      </span>
      <div class="push-card-body">
        <h2 id="push-title">Push notifications in this browser</h2>
        <Switch fallback={<LineSkeleton width="60%" />}>
          <Match when={status() === "on"}>
            <p class="muted">On: you get the kinds with Push ticked below, even when the site is closed.</p>
          </Match>
          <Match when={status() === "off"}>
            <p class="muted">Get messages, sales and payouts on this device as they happen.</p>
          </Match>
          <Match when={status() === "denied"}>
            <p class="muted">
              Notifications are blocked for this site. Allow them in the browser's site settings, then come
              back.
            </p>
          </Match>
          <Match when={status() === "unsupported"}>
            <p class="muted">
              This browser can't receive push notifications here (they need a secure https address). E-mail
              and in-app notifications still work.
            </p>
          </Match>
        </Switch>
      </div>
      <Show when={status() === "on" || status() === "off"}>
        <button
          type="button"
          class={status() === "on" ? "btn btn-secondary" : "btn btn-primary"}
          disabled={busy()}
          onClick={() => void change(status() !== "on")}
        >
          {busy() ? "One moment…" : status() === "on" ? "Turn off" : "Turn on"}
        </button>
      </Show>
    </section>
  );
}

function SettingsTable() {
  const [settings, setSettings] = createSignal<Settings | null>(null);
  const [loadError, setLoadError] = createSignal<string | null>(null);

  async function load() {
    setLoadError(null);
    try {
      setSettings((await api.notificationSettings()).settings);
    } catch (err) {
      setLoadError(errorMessage(err));
    }
  }
  onMount(() => void load());

  async function toggle(kind: Kind, channel: Channel, value: boolean) {
    const before = settings();
    if (!before) return;
    setSettings({ ...before, [kind]: { ...before[kind], [channel]: value } });
    try {
      setSettings((await api.updateNotificationSettings({ [kind]: { [channel]: value } })).settings);
    } catch (err) {
      setSettings(before);
      toast(errorMessage(err), "error");
    }
  }

  const kinds = () => KINDS.filter((k) => !k.creator || isCreator());

  return (
    <Show
      when={!loadError()}
      fallback={
        <div class="card notice notice-error" role="alert">
          <p>{loadError()}</p>
          <button type="button" class="btn btn-secondary btn-sm" onClick={() => void load()}>
            Try again
          </button>
        </div>
      }
    >
      <section class="card prefs" aria-labelledby="prefs-title" aria-busy={!settings()}>
        <h2 id="prefs-title">What to tell you, and where</h2>
        <table class="prefs-table">
          <thead>
            <tr>
              <th scope="col">
                <span class="sr-only">Kind</span>
              </th>
              <For each={CHANNELS}>{(c) => <th scope="col">{c.label}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={kinds()}>
              {(k) => (
                <tr>
                  <th scope="row">
                    <span class="prefs-label">{k.label}</span>
                    <span class="muted small">{k.hint}</span>
                  </th>
                  <For each={CHANNELS}>
                    {(c) => (
                      <td>
                        <Show when={settings()} fallback={<span class="sk prefs-sk" aria-hidden="true" />}>
                          {(s) => (
                            <input
                              type="checkbox"
                              class="prefs-check"
                              aria-label={`${k.label}: ${c.label}`}
                              checked={s()[k.kind][c.channel]}
                              onChange={(e) => void toggle(k.kind, c.channel, e.currentTarget.checked)}
                            />
                          )}
                        </Show>
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <p class="muted small">
          E-mails about new messages wait a few minutes and are not sent if you read the message here first.
        </p>
      </section>
    </Show>
  );
}

export default function NotificationSettings() {
  return (
    <RequireAuth>
      <div class="stack">
        <div class="page-head page-head-split">
          <h1 class="page-title">Notification settings</h1>
          <A href="/notifications" class="btn btn-ghost btn-sm">
            <Icon name="bell" size={16} /> Notifications
          </A>
        </div>
        <PushCard />
        <SettingsTable />
      </div>
    </RequireAuth>
  );
}
