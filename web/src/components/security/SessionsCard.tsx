// Where the account is signed in: device, coarse place, last seen; "this device" marked; sign out one,
// or every other one.
import { createResource, createSignal, For, Show } from "solid-js";
import { api, errorMessage } from "../../api/client";
import type { SessionInfo } from "../../api/schema.gen";
import { toast } from "../../stores/toasts";
import ConfirmDialog from "../ConfirmDialog";
import Icon from "../Icon";
import RelTime from "../RelTime";
import { LineSkeleton } from "../Skeleton";
import { t } from "../../i18n";

const isPhone = (device: string) => /iOS|iPadOS|Android/.test(device);

function Row(props: { session: SessionInfo; onChanged: () => void }) {
  const [busy, setBusy] = createSignal(false);
  async function signOut() {
    setBusy(true);
    try {
      await api.removeSession(props.session.id);
      toast(t("security.signedOutDevice", { device: props.session.device }), "success");
      props.onChanged();
    } catch (err) {
      toast(errorMessage(err), "error");
      setBusy(false);
    }
  }
  return (
    <li class="security-row">
      <span class="security-row-icon" aria-hidden="true">
        <Icon name={isPhone(props.session.device) ? "phone" : "laptop"} size={18} />
      </span>
      <span class="security-row-text">
        <strong class="truncate">
          {props.session.device}
          <Show when={props.session.current}>
            {" "}
            <span class="badge badge-accent">{t("security.thisDevice")}</span>
          </Show>
        </strong>
        <span class="muted small">
          {props.session.place ?? t("security.unknownPlace")}
          {" · "}
          {props.session.current ? (
            t("security.activeNow")
          ) : (
            <>
              {t("security.lastSeen")} <RelTime ms={props.session.lastSeenAt} />
            </>
          )}
          {` · ${t("security.signedInAt")} `}
          <RelTime ms={props.session.createdAt} />
        </span>
      </span>
      <Show when={!props.session.current}>
        <button
          type="button"
          class="btn btn-secondary btn-sm"
          disabled={busy()}
          aria-label={t("security.signOutDevice", { device: props.session.device })}
          onClick={() => void signOut()}
        >
          {busy() ? t("security.signingOut") : t("security.signOut")}
        </button>
      </Show>
    </li>
  );
}

export default function SessionsCard() {
  const [list, { refetch }] = createResource(() => api.sessions().then((r) => r.items));
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const others = () => (list() ?? []).filter((s) => !s.current).length;
  async function signOutOthers() {
    setBusy(true);
    setError(null);
    try {
      const r = await api.removeOtherSessions();
      toast(t("security.signedOutOthers", { count: r.revoked }), "success");
      setConfirming(false);
      await refetch();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="card form-card security-card" aria-labelledby="sessions-title">
      <div class="security-head">
        <span class="security-icon" aria-hidden="true">
          <Icon name="clock" size={20} />
        </span>
        <div>
          <h2 id="sessions-title">{t("security.sessionsTitle")}</h2>
          <p class="muted small">{t("security.sessionsHint")}</p>
        </div>
      </div>
      <Show when={list()} fallback={<LineSkeleton width="70%" />}>
        {(items) => (
          <ul class="security-list" aria-label={t("security.yourSessions")}>
            <For each={items()}>{(s) => <Row session={s} onChanged={() => void refetch()} />}</For>
          </ul>
        )}
      </Show>
      <Show when={others() > 0}>
        <div class="form-actions">
          <button type="button" class="btn btn-secondary" onClick={() => setConfirming(true)}>
            <Icon name="logout" size={18} /> {t("security.signOutAll")}
          </button>
        </div>
      </Show>
      <Show when={confirming()}>
        <ConfirmDialog
          title={t("security.signOutEverywhere")}
          cancelLabel={t("common.cancel")}
          confirmLabel={t("security.signOutN", { count: others() })}
          busyLabel={t("security.signingOut")}
          busy={busy()}
          error={error()}
          onConfirm={() => void signOutOthers()}
          onClose={() => setConfirming(false)}
        >
          <p>{t("security.signOutBody")}</p>
        </ConfirmDialog>
      </Show>
    </section>
  );
}
