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

const isPhone = (device: string) => /iOS|iPadOS|Android/.test(device);

function Row(props: { session: SessionInfo; onChanged: () => void }) {
  const [busy, setBusy] = createSignal(false);
  async function signOut() {
    setBusy(true);
    try {
      await api.removeSession(props.session.id);
      toast(`Signed out ${props.session.device}`, "success");
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
            <span class="badge badge-accent">This device</span>
          </Show>
        </strong>
        <span class="muted small">
          {props.session.place ?? "Unknown place"}
          {" · "}
          {props.session.current ? (
            "active now"
          ) : (
            <>
              last seen <RelTime ms={props.session.lastSeenAt} />
            </>
          )}
          {" · signed in "}
          <RelTime ms={props.session.createdAt} />
        </span>
      </span>
      <Show when={!props.session.current}>
        <button
          type="button"
          class="btn btn-secondary btn-sm"
          disabled={busy()}
          aria-label={`Sign out ${props.session.device}`}
          onClick={() => void signOut()}
        >
          {busy() ? "Signing out…" : "Sign out"}
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
      toast(
        r.revoked === 1 ? "Signed out 1 other device" : `Signed out ${r.revoked} other devices`,
        "success",
      );
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
          <h2 id="sessions-title">Where you're signed in</h2>
          <p class="muted small">Don't recognise one? Sign it out and change your password.</p>
        </div>
      </div>
      <Show when={list()} fallback={<LineSkeleton width="70%" />}>
        {(items) => (
          <ul class="security-list" aria-label="Your sessions">
            <For each={items()}>{(s) => <Row session={s} onChanged={() => void refetch()} />}</For>
          </ul>
        )}
      </Show>
      <Show when={others() > 0}>
        <div class="form-actions">
          <button type="button" class="btn btn-secondary" onClick={() => setConfirming(true)}>
            <Icon name="logout" size={18} /> Sign out all other devices
          </button>
        </div>
      </Show>
      <Show when={confirming()}>
        <ConfirmDialog
          title="Sign out everywhere else?"
          cancelLabel="Cancel"
          confirmLabel={`Sign out ${others()} ${others() === 1 ? "device" : "devices"}`}
          busyLabel="Signing out…"
          busy={busy()}
          error={error()}
          onConfirm={() => void signOutOthers()}
          onClose={() => setConfirming(false)}
        >
          <p>
            Every other browser and app signed in to your account will need to log in again. This one stays
            signed in.
          </p>
        </ConfirmDialog>
      </Show>
    </section>
  );
}
