// The creator's studio: the RTMP address and stream key for OBS (the key hidden until asked, rotated
// behind a confirmation), the settings OBS needs, and the next stream (title, who may watch, recording,
// an optional start time), which goes live when OBS publishes. While live: the LIVE pill with the
// duration, the viewer count, a preview, the chat with moderation, the tips and "End stream". After the
// end, the recording's draft post. Below, the creator's past and scheduled streams.
import { A } from "@solidjs/router";
import { createEffect, createSignal, For, on, onCleanup, onMount, Show } from "solid-js";
import { api, ApiError, errorMessage, formMessage } from "../api/client";
import type { LiveStream, NewLiveStreamInput, StreamKey } from "../api/schema.gen";

type LiveAccess = LiveStream["access"];
import Dialog from "../components/Dialog";
import EmptyState from "../components/EmptyState";
import { FormError } from "../components/Field";
import { RequireCreator } from "../components/Guards";
import Icon from "../components/Icon";
import LiveChat from "../components/live/LiveChat";
import LivePlayer from "../components/live/LivePlayer";
import LiveStatusPill, { AccessBadge } from "../components/live/LiveStatus";
import PagerFooter from "../components/PagerFooter";
import { LineSkeleton } from "../components/Skeleton";
import {
  absoluteTime,
  centsToInput,
  currencySymbol,
  formatMoney,
  fromDatetimeLocal,
  parseMoneyToCents,
  toDatetimeLocal,
} from "../lib/format";
import { formatDuration } from "../lib/media";
import { createPager, type Pager } from "../lib/pager";
import { loadMyCreator, myCreator } from "../stores/creators";
import { createLiveRoom } from "../stores/live";
import { siteCurrency } from "../stores/site";
import { toast } from "../stores/toasts";

const ACCESS: { value: LiveAccess; label: string; hint: string }[] = [
  { value: "subscribers", label: "Subscribers", hint: "Your subscribers watch for free." },
  { value: "public", label: "Public", hint: "Anyone with the link can watch, signed in or not." },
  { value: "ticket", label: "Ticket", hint: "Everyone pays the ticket price, subscribers too." },
];

/** How long the page asks for the recording's draft after the end. */
const RECORDING_WAIT_MS = 5 * 60_000;

async function copy(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    toast(`${what} copied`, "success");
  } catch {
    toast(`Couldn't copy. Select the ${what.toLowerCase()} and copy it by hand.`, "error");
  }
}

function StudioPage() {
  const streams = createPager<LiveStream>((cursor) => api.myLiveStreams(cursor));
  /** The stream this page is about: live, waiting for OBS, or just ended. */
  const [currentId, setCurrentId] = createSignal<string | null>(null);
  /** The stream in the form: null makes a new one. */
  const [editing, setEditing] = createSignal<LiveStream | null>(null);
  const [confirmEnd, setConfirmEnd] = createSignal(false);
  const [ending, setEnding] = createSignal(false);
  const [endError, setEndError] = createSignal<string | null>(null);
  const room = createLiveRoom(currentId, { owner: true });
  const currency = () => myCreator()?.currency ?? siteCurrency();

  onMount(() => {
    void loadMyCreator();
    void streams.reset().then(pickCurrent);
  });

  /** The live stream, else the next one waiting (the one OBS goes live with). */
  function pickCurrent(): void {
    const items = streams.items;
    const live = items.find((s) => s.status === "live");
    const waiting = items
      .filter((s) => s.status === "scheduled")
      .sort((a, b) => (a.scheduledAt ?? a.createdAt) - (b.scheduledAt ?? b.createdAt))[0];
    const next = live ?? waiting ?? null;
    setCurrentId(next?.id ?? null);
    setEditing(next && next.status === "scheduled" ? next : null);
  }

  const current = () => room.stream();

  // The stream changed state (OBS started, the end): the list follows.
  createEffect(
    on(
      () => current()?.status,
      (status, prev) => {
        if (prev !== undefined && status !== prev) void streams.refresh();
      },
    ),
  );

  // After the end, the recording becomes a draft post a little later: ask until it is there.
  createEffect(
    on(
      () => {
        const s = current();
        return s && s.status === "ended" && s.record && !s.recordingPostId ? s.id : null;
      },
      (id) => {
        if (!id) return;
        const started = Date.now();
        const t = setInterval(() => {
          if (Date.now() - started > RECORDING_WAIT_MS) clearInterval(t);
          else void room.reload(true);
        }, 5000);
        onCleanup(() => clearInterval(t));
      },
    ),
  );

  async function endStream(): Promise<void> {
    const s = current();
    if (!s) return;
    setEnding(true);
    setEndError(null);
    try {
      const r = await api.endLiveStream(s.id);
      room.replace(r.stream);
      setConfirmEnd(false);
      toast("Stream ended", "success");
      void streams.refresh();
    } catch (err) {
      setEndError(errorMessage(err));
    } finally {
      setEnding(false);
    }
  }

  function saved(s: LiveStream, created: boolean): void {
    if (created) streams.prepend(s);
    else streams.update(s.id, s);
    // The next stream is the one shown at the top unless something is live.
    if (current()?.status !== "live") {
      setCurrentId(s.id);
      room.replace(s);
      setEditing(s);
    }
    toast(created ? "Stream created. Start streaming in OBS to go live." : "Stream saved", "success");
  }

  return (
    <div class="live-page live-studio">
      <div class="page-head">
        <h1 class="page-title">Go live</h1>
        <Show when={current()}>{(s) => <LiveStatusPill stream={s()} />}</Show>
      </div>

      <Show when={current()?.status === "live" && current()}>
        {(s) => (
          <div class="live-grid">
            <div class="live-main">
              <div class="live-stage">
                <Show
                  when={s().playlistUrl}
                  fallback={
                    <div class="live-stage-note locked">
                      <div class="locked-inner">
                        <p class="locked-title">Starting the preview…</p>
                      </div>
                    </div>
                  }
                >
                  {(src) => (
                    <LivePlayer src={src()} poster={s().posterUrl} label="Your stream, preview" preview />
                  )}
                </Show>
              </div>
              <section class="card live-info" aria-labelledby="studio-title">
                <div class="live-info-top">
                  <LiveStatusPill stream={s()} />
                  <span class="live-viewers">
                    <Icon name="eye" size={16} />
                    <span>
                      {room.viewers().toLocaleString()} {room.viewers() === 1 ? "viewer" : "viewers"}
                    </span>
                  </span>
                  <AccessBadge stream={s()} />
                </div>
                <h2 id="studio-title" class="live-title">
                  {s().title}
                </h2>
                <div class="row-actions">
                  <A href={`/live/${s().id}`} class="btn btn-secondary btn-sm">
                    <Icon name="arrow-out" size={16} /> Open the watch page
                  </A>
                  <button
                    type="button"
                    class="btn btn-secondary btn-sm"
                    onClick={() => void copy(`${location.origin}/live/${s().id}`, "Link")}
                  >
                    <Icon name="copy" size={16} /> Copy link
                  </button>
                  <div class="spacer" />
                  <button
                    type="button"
                    class="btn btn-danger"
                    onClick={() => {
                      setEndError(null);
                      setConfirmEnd(true);
                    }}
                  >
                    End stream
                  </button>
                </div>
              </section>
              <TipsFeed room={room} />
            </div>
            <LiveChat room={room} moderator class="live-side" />
          </div>
        )}
      </Show>

      <Show when={current()?.status === "ended" && current()}>
        {(s) => (
          <section class="card form-card live-ended" aria-labelledby="ended-title">
            <h2 id="ended-title">Stream ended</h2>
            <p>
              “{s().title}”
              <Show when={s().startedAt && s().endedAt}>
                {" "}
                ran for {formatDuration(((s().endedAt ?? 0) - (s().startedAt ?? 0)) / 1000)}
              </Show>
              <Show when={tipTotal(room.items) > 0}>
                {" "}
                and brought {formatMoney(tipTotal(room.items), s().currency)} in tips
              </Show>
              .
            </p>
            <Show
              when={s().recordingPostId}
              fallback={
                <Show when={s().record}>
                  <p class="muted small">Saving the recording… it becomes a draft post in a few minutes.</p>
                </Show>
              }
            >
              <div class="notice notice-success live-recording" role="status">
                <Icon name="check" />
                <span>
                  Recording saved as a draft.{" "}
                  <A href="/drafts" class="link">
                    Open your drafts
                  </A>{" "}
                  to edit and publish it.
                </span>
              </div>
            </Show>
            <div class="row-actions">
              <button
                type="button"
                class="btn btn-primary"
                onClick={() => {
                  setCurrentId(null);
                  setEditing(null);
                }}
              >
                Set up the next stream
              </button>
            </div>
          </section>
        )}
      </Show>

      <Show when={current()?.status !== "live" && current()?.status !== "ended"}>
        <div class="stack">
          <Show when={current()?.status === "scheduled" && current()}>
            {(s) => (
              <div class="notice live-waiting" role="status">
                <span class="live-spinner live-spinner-sm" aria-hidden="true" />
                <span>
                  <strong>“{s().title}” is ready.</strong> Start streaming in OBS with the key below; this
                  page goes live by itself
                  {s().scheduledAt ? ` (announced for ${absoluteTime(s().scheduledAt ?? 0)})` : ""}.
                </span>
              </div>
            )}
          </Show>
          <StreamForm
            stream={editing()}
            currency={currency()}
            onSaved={saved}
            onNew={() => setEditing(null)}
          />
        </div>
      </Show>

      <div class="live-setup">
        <StreamKeyCard />
        <ObsSettings />
      </div>

      <StreamList
        pager={streams}
        currentId={currentId()}
        onEdit={(s) => {
          setEditing(s);
          if (current()?.status !== "live") {
            setCurrentId(s.id);
            room.replace(s);
          }
          queueMicrotask(() => document.getElementById("stream-title")?.focus());
        }}
        onDeleted={(id) => {
          streams.remove(id);
          if (currentId() === id) pickCurrent();
          if (editing()?.id === id) setEditing(null);
        }}
      />

      <Show when={confirmEnd()}>
        <Dialog
          open
          title="End this stream?"
          onClose={() => setConfirmEnd(false)}
          footer={
            <>
              <button type="button" class="btn btn-ghost" onClick={() => setConfirmEnd(false)}>
                Keep streaming
              </button>
              <button
                type="button"
                class="btn btn-danger"
                disabled={ending()}
                onClick={() => void endStream()}
              >
                {ending() ? "Ending…" : "End stream"}
              </button>
            </>
          }
        >
          <p>
            Viewers see “This stream has ended” and OBS is cut off at once. It can't be restarted: going live
            again makes a new stream.
            {current()?.record ? " The recording is saved as a draft post." : ""}
          </p>
          <FormError message={endError()} />
        </Dialog>
      </Show>
    </div>
  );
}

function tipTotal(items: readonly { kind: string; amountCents: number | null }[]): number {
  return items.reduce((sum, m) => (m.kind === "tip" ? sum + (m.amountCents ?? 0) : sum), 0);
}

/** The tips of this stream, newest first, with their total. */
function TipsFeed(props: { room: ReturnType<typeof createLiveRoom> }) {
  const tips = () => props.room.items.filter((m) => m.kind === "tip").reverse();
  const cur = () => props.room.stream()?.currency ?? "USD";
  return (
    <section class="card live-tips" aria-labelledby="tips-title">
      <header class="live-chat-head">
        <h2 id="tips-title">Tips</h2>
        <strong class="live-tips-total">{formatMoney(tipTotal(props.room.items), cur())}</strong>
      </header>
      <Show
        when={tips().length > 0}
        fallback={<p class="muted small">Tips during the stream show up here.</p>}
      >
        <ul class="live-tips-list" aria-live="polite">
          <For each={tips()}>
            {(t) => (
              <li class="live-tip">
                <span class="badge badge-success">
                  <Icon name="coin" size={14} /> {formatMoney(t.amountCents ?? 0, t.currency ?? cur())}
                </span>
                <strong class="truncate">{t.user.displayName}</strong>
                <Show when={t.text}>
                  <span class="muted truncate">“{t.text}”</span>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

function StreamKeyCard() {
  const [key, setKey] = createSignal<StreamKey | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [shown, setShown] = createSignal(false);
  const [confirm, setConfirm] = createSignal(false);
  const [rotating, setRotating] = createSignal(false);
  const [rotateError, setRotateError] = createSignal<string | null>(null);

  async function load(): Promise<void> {
    setError(null);
    try {
      setKey(await api.liveKey());
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  onMount(() => void load());

  async function rotate(): Promise<void> {
    setRotating(true);
    setRotateError(null);
    try {
      setKey(await api.rotateLiveKey());
      setConfirm(false);
      setShown(true);
      toast("New stream key made. Paste it into OBS.", "success");
    } catch (err) {
      setRotateError(errorMessage(err));
    } finally {
      setRotating(false);
    }
  }

  return (
    <section class="card form-card live-key" aria-labelledby="key-title">
      <h2 id="key-title">Server and stream key</h2>
      <Show when={!error()} fallback={<FormError message={error()} />}>
        <Show
          when={key()}
          fallback={
            <div class="stack-sm" aria-busy="true">
              <LineSkeleton width="70%" />
              <LineSkeleton width="50%" />
            </div>
          }
        >
          {(k) => (
            <>
              <div class="field">
                <label for="live-rtmp">Server (RTMP URL)</label>
                <div class="input-row">
                  <input id="live-rtmp" class="input live-mono" readOnly value={k().rtmpUrl} />
                  <button
                    type="button"
                    class="btn btn-secondary"
                    onClick={() => void copy(k().rtmpUrl, "Server URL")}
                  >
                    <Icon name="copy" size={18} /> Copy
                  </button>
                </div>
              </div>
              <div class="field">
                <label for="live-key">Stream key</label>
                <div class="input-row">
                  <input
                    id="live-key"
                    class="input live-mono"
                    readOnly
                    type={shown() ? "text" : "password"}
                    value={k().streamKey}
                    aria-describedby="live-key-hint"
                  />
                  <button
                    type="button"
                    class="btn btn-secondary"
                    aria-pressed={shown()}
                    onClick={() => setShown((v) => !v)}
                  >
                    <Icon name="eye" size={18} /> {shown() ? "Hide" : "Show"}
                  </button>
                  <button
                    type="button"
                    class="btn btn-secondary"
                    onClick={() => void copy(k().streamKey, "Stream key")}
                  >
                    <Icon name="copy" size={18} /> Copy
                  </button>
                </div>
                <p class="field-hint" id="live-key-hint">
                  Anyone with this key can stream as you. Keep it secret; make a new one if it leaks.
                </p>
              </div>
              <div class="row-actions">
                <button
                  type="button"
                  class="btn btn-ghost btn-sm"
                  onClick={() => {
                    setRotateError(null);
                    setConfirm(true);
                  }}
                >
                  <Icon name="repeat" size={16} /> Make a new key
                </button>
              </div>
            </>
          )}
        </Show>
      </Show>
      <Show when={confirm()}>
        <Dialog
          open
          title="Make a new stream key?"
          onClose={() => setConfirm(false)}
          footer={
            <>
              <button type="button" class="btn btn-ghost" onClick={() => setConfirm(false)}>
                Keep this key
              </button>
              <button
                type="button"
                class="btn btn-danger"
                disabled={rotating()}
                onClick={() => void rotate()}
              >
                {rotating() ? "Making…" : "Make a new key"}
              </button>
            </>
          }
        >
          <p>
            The old key stops working at once: OBS (or anyone else) using it is refused, and a stream running
            with it is cut. Paste the new key into OBS before you go live again.
          </p>
          <FormError message={rotateError()} />
        </Dialog>
      </Show>
    </section>
  );
}

function ObsSettings() {
  return (
    <section class="card form-card live-obs" aria-labelledby="obs-title">
      <h2 id="obs-title">OBS settings</h2>
      <p class="muted small">In OBS: Settings › Stream, then Settings › Output (Output Mode: Advanced).</p>
      <dl class="summary live-obs-list">
        <div>
          <dt>Service</dt>
          <dd>Custom…</dd>
        </div>
        <div>
          <dt>Server</dt>
          <dd>The server URL above</dd>
        </div>
        <div>
          <dt>Stream key</dt>
          <dd>The stream key above</dd>
        </div>
        <div>
          <dt>Encoder</dt>
          <dd>x264 (or your GPU's H.264 encoder)</dd>
        </div>
        <div>
          <dt>Rate control</dt>
          <dd>CBR, 2500–4500 kbps</dd>
        </div>
        <div>
          <dt>Keyframe interval</dt>
          <dd>2 s (1–2 s)</dd>
        </div>
        <div>
          <dt>Video</dt>
          <dd>1280×720, 30 fps</dd>
        </div>
        <div>
          <dt>Audio</dt>
          <dd>AAC, 160 kbps</dd>
        </div>
      </dl>
    </section>
  );
}

function StreamForm(props: {
  stream: LiveStream | null;
  currency: string;
  onSaved: (s: LiveStream, created: boolean) => void;
  onNew: () => void;
}) {
  const [title, setTitle] = createSignal("");
  const [access, setAccess] = createSignal<LiveAccess>("subscribers");
  const [price, setPrice] = createSignal("");
  const [record, setRecord] = createSignal(true);
  const [scheduleOn, setScheduleOn] = createSignal(false);
  const [when, setWhen] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<string | null>(null);

  // The form shows the stream it edits (or a fresh one).
  createEffect(
    on(
      () => props.stream?.id ?? null,
      () => {
        const s = props.stream;
        setTitle(s?.title ?? "");
        setAccess(s?.access ?? "subscribers");
        setPrice(s && s.access === "ticket" ? centsToInput(s.priceCents) : "");
        setRecord(s?.record ?? true);
        setScheduleOn(!!s?.scheduledAt);
        setWhen(s?.scheduledAt ? toDatetimeLocal(s.scheduledAt) : "");
        setFields({});
        setError(null);
      },
    ),
  );

  async function submit(e: Event): Promise<void> {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!title().trim()) problems.title = "Give the stream a title.";
    let priceCents = 0;
    if (access() === "ticket") {
      const c = parseMoneyToCents(price());
      if (c === null || c <= 0) problems.priceCents = "Enter the ticket price, for example 5.00.";
      else priceCents = c;
    }
    let scheduledAt: number | null = null;
    if (scheduleOn()) {
      scheduledAt = fromDatetimeLocal(when());
      if (scheduledAt === null) problems.scheduledAt = "Pick the day and time, or remove the schedule.";
    }
    setFields(problems);
    setError(null);
    if (Object.keys(problems).length > 0) {
      document.querySelector<HTMLElement>(".live-form [aria-invalid='true']")?.focus();
      return;
    }
    const input: NewLiveStreamInput = {
      title: title().trim(),
      access: access(),
      priceCents: access() === "ticket" ? priceCents : 0,
      record: record(),
      scheduledAt,
    };
    setBusy(true);
    try {
      const s = props.stream;
      if (s) props.onSaved((await api.updateLiveStream(s.id, input)).stream, false);
      else props.onSaved((await api.createLiveStream(input)).stream, true);
    } catch (err) {
      if (err instanceof ApiError) setFields(err.fields);
      setError(formMessage(err, ["title", "priceCents", "scheduledAt"]));
    } finally {
      setBusy(false);
    }
  }

  const hint = () => ACCESS.find((a) => a.value === access())?.hint ?? "";

  return (
    <form class="card form-card live-form" onSubmit={(e) => void submit(e)} novalidate>
      <div class="section-head">
        <h2>{props.stream ? "Your next stream" : "New stream"}</h2>
        <Show when={props.stream}>
          <button type="button" class="btn btn-ghost btn-sm" onClick={() => props.onNew()}>
            <Icon name="plus" size={16} /> Schedule another
          </button>
        </Show>
      </div>
      <div class="field" classList={{ "has-error": !!fields().title }}>
        <label for="stream-title">Title</label>
        <input
          id="stream-title"
          class="input"
          maxLength={120}
          placeholder="Friday night Q&A"
          value={title()}
          aria-invalid={fields().title ? "true" : undefined}
          aria-describedby={fields().title ? "stream-title-err" : undefined}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
        <Show when={fields().title}>
          <p class="field-error" id="stream-title-err">
            {fields().title}
          </p>
        </Show>
      </div>

      <fieldset class="field live-access" aria-describedby="stream-access-hint">
        <legend class="field-label">Who can watch</legend>
        <div class="segmented">
          <For each={ACCESS}>
            {(a) => (
              <label class="segment" classList={{ active: access() === a.value }}>
                <input
                  type="radio"
                  name="stream-access"
                  value={a.value}
                  checked={access() === a.value}
                  onChange={() => setAccess(a.value)}
                />
                <span>{a.label}</span>
              </label>
            )}
          </For>
        </div>
        <p class="field-hint" id="stream-access-hint">
          {hint()}
        </p>
      </fieldset>

      <Show when={access() === "ticket"}>
        <div class="field field-inline" classList={{ "has-error": !!fields().priceCents }}>
          <label for="stream-price">Ticket price</label>
          <div class="input-wrap has-prefix">
            <span class="input-affix input-prefix" aria-hidden="true">
              {currencySymbol(props.currency)}
            </span>
            <input
              id="stream-price"
              class="input input-price"
              inputmode="decimal"
              placeholder="5.00"
              value={price()}
              aria-invalid={fields().priceCents ? "true" : undefined}
              aria-describedby={fields().priceCents ? "stream-price-err" : undefined}
              onInput={(e) => setPrice(e.currentTarget.value)}
            />
          </div>
          <Show when={fields().priceCents}>
            <p class="field-error" id="stream-price-err">
              {fields().priceCents}
            </p>
          </Show>
        </div>
      </Show>

      <label class="checkbox">
        <input type="checkbox" checked={record()} onChange={(e) => setRecord(e.currentTarget.checked)} />
        Record it: the recording becomes a draft post you can publish
      </label>

      <Show
        when={scheduleOn()}
        fallback={
          <div>
            <button type="button" class="btn btn-ghost btn-sm" onClick={() => setScheduleOn(true)}>
              <Icon name="calendar" size={18} /> Announce a start time
            </button>
          </div>
        }
      >
        <div class="field field-inline" classList={{ "has-error": !!fields().scheduledAt }}>
          <label for="stream-when">Starts at</label>
          <div class="input-row">
            <input
              id="stream-when"
              class="input"
              type="datetime-local"
              value={when()}
              min={toDatetimeLocal(Date.now())}
              aria-invalid={fields().scheduledAt ? "true" : undefined}
              onInput={(e) => setWhen(e.currentTarget.value)}
            />
            <button
              type="button"
              class="icon-btn"
              aria-label="Remove the start time"
              onClick={() => {
                setScheduleOn(false);
                setWhen("");
              }}
            >
              <Icon name="close" size={18} />
            </button>
          </div>
          <p class="field-hint">Fans see it on your page under “Upcoming streams”.</p>
          <Show when={fields().scheduledAt}>
            <p class="field-error">{fields().scheduledAt}</p>
          </Show>
        </div>
      </Show>

      <FormError message={error()} />
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy()}>
          {busy() ? "Saving…" : props.stream ? "Save stream" : "Create stream"}
        </button>
        <span class="muted small">You go live when OBS starts streaming with your key.</span>
      </div>
    </form>
  );
}

function StreamList(props: {
  pager: Pager<LiveStream>;
  currentId: string | null;
  onEdit: (s: LiveStream) => void;
  onDeleted: (id: string) => void;
}) {
  const [deleting, setDeleting] = createSignal<LiveStream | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  async function doDelete(): Promise<void> {
    const s = deleting();
    if (!s) return;
    setBusy(true);
    setError(null);
    try {
      await api.deleteLiveStream(s.id);
      props.onDeleted(s.id);
      setDeleting(null);
      toast("Stream deleted", "success");
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card form-card live-streams" aria-labelledby="streams-title">
      <h2 id="streams-title">Your streams</h2>
      <Show
        when={!props.pager.initial() || props.pager.items.length > 0}
        fallback={
          <div class="stack-sm" aria-busy="true">
            <LineSkeleton width="80%" />
            <LineSkeleton width="65%" />
          </div>
        }
      >
        <Show
          when={props.pager.items.length > 0}
          fallback={
            <EmptyState icon="live" title="No streams yet">
              <p class="muted">Create your first stream above, then start streaming in OBS.</p>
            </EmptyState>
          }
        >
          <ul class="live-stream-list">
            <For each={props.pager.items}>
              {(s) => (
                <li class="live-stream-row" classList={{ current: s.id === props.currentId }}>
                  <div class="live-stream-main">
                    <A href={`/live/${s.id}`} class="live-stream-title truncate">
                      {s.title}
                    </A>
                    <span class="muted small">
                      {s.status === "ended" && s.startedAt
                        ? `${absoluteTime(s.startedAt)}${s.endedAt ? ` · ${formatDuration((s.endedAt - s.startedAt) / 1000)}` : ""}`
                        : s.scheduledAt
                          ? absoluteTime(s.scheduledAt)
                          : s.status === "live"
                            ? "Live now"
                            : "Starts when you go live"}
                    </span>
                  </div>
                  <div class="live-stream-tags">
                    <LiveStatusPill stream={s} />
                    <AccessBadge stream={s} />
                    <Show when={s.recordingPostId}>
                      <A href="/drafts" class="badge badge-success">
                        <Icon name="file" size={14} /> Recording
                      </A>
                    </Show>
                  </div>
                  <Show when={s.status === "scheduled"}>
                    <div class="live-stream-actions">
                      <button
                        type="button"
                        class="btn btn-ghost btn-sm"
                        aria-label={`Edit “${s.title}”`}
                        onClick={() => props.onEdit(s)}
                      >
                        <Icon name="edit" size={16} /> Edit
                      </button>
                      <button
                        type="button"
                        class="btn btn-ghost btn-sm"
                        aria-label={`Delete “${s.title}”`}
                        onClick={() => {
                          setError(null);
                          setDeleting(s);
                        }}
                      >
                        <Icon name="trash" size={16} /> Delete
                      </button>
                    </div>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
      <PagerFooter pager={props.pager} afterFirstPage />
      <Show when={deleting()}>
        {(s) => (
          <Dialog
            open
            title="Delete this stream?"
            onClose={() => setDeleting(null)}
            footer={
              <>
                <button type="button" class="btn btn-ghost" onClick={() => setDeleting(null)}>
                  Keep it
                </button>
                <button
                  type="button"
                  class="btn btn-danger"
                  disabled={busy()}
                  onClick={() => void doDelete()}
                >
                  {busy() ? "Deleting…" : "Delete stream"}
                </button>
              </>
            }
          >
            <p>
              “{s().title}” is removed from your page and from your fans' upcoming streams. This can't be
              undone.
            </p>
            <FormError message={error()} />
          </Dialog>
        )}
      </Show>
    </section>
  );
}

export default function GoLive() {
  return (
    <RequireCreator>
      <StudioPage />
    </RequireCreator>
  );
}
