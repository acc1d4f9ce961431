// Notification settings: push in this browser (turn on asks the browser's permission), and per kind
// which channels to use (in-app, e-mail, push). A toggle saves at once and goes back if the save fails.
import { usePageTitle } from "../lib/page-title";
import { t, type MessageKey } from "../i18n";
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
const KINDS: { kind: Kind; label: MessageKey; hint: MessageKey; creator?: boolean }[] = [
  { kind: "message", label: "notifications.kindMessage", hint: "notifications.kindMessageHint" },
  {
    kind: "new_subscriber",
    label: "notifications.kindNewSubscriber",
    hint: "notifications.kindNewSubscriberHint",
    creator: true,
  },
  { kind: "tip", label: "notifications.kindTip", hint: "notifications.kindTipHint", creator: true },
  {
    kind: "ppv_sale",
    label: "notifications.kindPpvSale",
    hint: "notifications.kindPpvSaleHint",
    creator: true,
  },
  {
    kind: "comment",
    label: "notifications.kindComment",
    hint: "notifications.kindCommentHint",
    creator: true,
  },
  { kind: "like", label: "notifications.kindLike", hint: "notifications.kindLikeHint", creator: true },
  { kind: "renewal", label: "notifications.kindRenewal", hint: "notifications.kindRenewalHint" },
  { kind: "payout", label: "notifications.kindPayout", hint: "notifications.kindPayoutHint", creator: true },
  { kind: "billing", label: "notifications.kindBilling", hint: "notifications.kindBillingHint" },
  {
    kind: "compliance",
    label: "notifications.kindCompliance",
    hint: "notifications.kindComplianceHint",
    creator: true,
  },
  {
    kind: "moderation",
    label: "notifications.kindModeration",
    hint: "notifications.kindModerationHint",
  },
  {
    kind: "integrations",
    label: "notifications.kindIntegrations",
    hint: "notifications.kindIntegrationsHint",
    creator: true,
  },
];
const CHANNELS: { channel: Channel; label: MessageKey }[] = [
  { channel: "inApp", label: "notifications.chInApp" },
  { channel: "email", label: "notifications.chEmail" },
  { channel: "push", label: "notifications.chPush" },
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
      if (next === "on") toast(t("notifications.pushOnToast"), "success");
      else if (next === "denied") toast(t("notifications.pushDeniedToast"), "error");
      else if (!on) toast(t("notifications.pushOffToast"), "success");
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
        <h2 id="push-title">{t("notifications.pushTitle")}</h2>
        <Switch fallback={<LineSkeleton width="60%" />}>
          <Match when={status() === "on"}>
            <p class="muted">{t("notifications.pushOn")}</p>
          </Match>
          <Match when={status() === "off"}>
            <p class="muted">{t("notifications.pushOff")}</p>
          </Match>
          <Match when={status() === "denied"}>
            <p class="muted">{t("notifications.pushDenied")}</p>
          </Match>
          <Match when={status() === "unsupported"}>
            <p class="muted">{t("notifications.pushUnsupported")}</p>
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
          {busy()
            ? t("notifications.oneMoment")
            : status() === "on"
              ? t("notifications.turnOff")
              : t("notifications.turnOn")}
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
            {t("common.tryAgain")}
          </button>
        </div>
      }
    >
      <section class="card prefs" aria-labelledby="prefs-title" aria-busy={!settings()}>
        <h2 id="prefs-title">{t("notifications.prefsTitle")}</h2>
        <table class="prefs-table">
          <thead>
            <tr>
              <th scope="col">
                <span class="sr-only">{t("notifications.kind")}</span>
              </th>
              <For each={CHANNELS}>{(c) => <th scope="col">{t(c.label)}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={kinds()}>
              {(k) => (
                <tr>
                  <th scope="row">
                    <span class="prefs-label">{t(k.label)}</span>
                    <span class="muted small">{t(k.hint)}</span>
                  </th>
                  <For each={CHANNELS}>
                    {(c) => (
                      <td>
                        <Show when={settings()} fallback={<span class="sk prefs-sk" aria-hidden="true" />}>
                          {(s) => (
                            <input
                              type="checkbox"
                              class="prefs-check"
                              aria-label={`${t(k.label)}: ${t(c.label)}`}
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
        <p class="muted small">{t("notifications.emailDelay")}</p>
      </section>
    </Show>
  );
}

export default function NotificationSettings() {
  usePageTitle(() => t("notifications.settingsTitle"));
  return (
    <RequireAuth>
      <div class="stack">
        <div class="page-head page-head-split">
          <h1 class="page-title">{t("notifications.settingsTitle")}</h1>
          <A href="/notifications" class="btn btn-ghost btn-sm">
            <Icon name="bell" size={16} /> {t("notifications.title")}
          </A>
        </div>
        <PushCard />
        <SettingsTable />
      </div>
    </RequireAuth>
  );
}
