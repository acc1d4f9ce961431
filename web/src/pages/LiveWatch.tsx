// Watching a live stream: the player, the title and the creator, the viewer count, the chat and a Tip
// button. A viewer who may not watch sees the blurred still with the way in (subscribe, or buy a
// ticket), and the player opens in place once they have it. A stream still to come says when; an ended
// one says so.
import { A, useNavigate, useParams } from "@solidjs/router";
import { createSignal, Match, Show, Switch, type JSX } from "solid-js";
import { api, ApiError, errorMessage } from "../api/client";
import type { Creator, CreatorViewer, LiveStream } from "../api/schema.gen";
import Avatar from "../components/Avatar";
import EmptyState from "../components/EmptyState";
import GeoBlocked, { isGeoBlocked } from "../components/GeoBlocked";
import Icon from "../components/Icon";
import LiveChat from "../components/live/LiveChat";
import LivePlayer from "../components/live/LivePlayer";
import LiveStatusPill, { AccessBadge } from "../components/live/LiveStatus";
import TicketDialog from "../components/live/TicketDialog";
import { LineSkeleton } from "../components/Skeleton";
import SubscribeDialog from "../components/SubscribeDialog";
import TipDialog from "../components/TipDialog";
import { absoluteTime, formatMoney, hueFor, relativeTime } from "../lib/format";
import { invalidateFeed } from "../stores/feed";
import { createLiveRoom } from "../stores/live";
import { isAdmin, user } from "../stores/session";
import { toast } from "../stores/toasts";

export default function LiveWatch() {
  const params = useParams();
  const navigate = useNavigate();
  const room = createLiveRoom(() => params.streamId ?? null);
  const [ticketOpen, setTicketOpen] = createSignal(false);
  const [tipOpen, setTipOpen] = createSignal(false);
  const [subscribeTo, setSubscribeTo] = createSignal<{ creator: Creator; viewer: CreatorViewer } | null>(
    null,
  );
  const [opening, setOpening] = createSignal(false);

  const s = () => room.stream();
  const isOwner = () => !!s() && s()!.creator.username === user()?.username;
  const notFound = () => {
    const e = room.loadError();
    return e instanceof ApiError && e.status === 404;
  };

  function needLogin(): boolean {
    if (user()) return false;
    navigate(`/signup?next=${encodeURIComponent(location.pathname)}`);
    return true;
  }

  async function startSubscribe(): Promise<void> {
    const st = s();
    if (!st || needLogin()) return;
    setOpening(true);
    try {
      setSubscribeTo(await api.creator(st.creator.username));
    } catch (err) {
      toast(errorMessage(err), "error");
    } finally {
      setOpening(false);
    }
  }

  function startTip(): void {
    if (!needLogin()) setTipOpen(true);
  }

  return (
    <div class="live-page">
      <Show
        when={!room.loadError()}
        fallback={
          isGeoBlocked(room.loadError()) ? (
            <GeoBlocked error={room.loadError() as ApiError} what="this stream" />
          ) : (
            <EmptyState icon="live" title={notFound() ? "Stream not found" : "Couldn't load this stream"}>
              <p class="muted">
                {notFound()
                  ? "It may have been deleted, or the link is wrong."
                  : errorMessage(room.loadError())}
              </p>
              <Show when={!notFound()}>
                <button type="button" class="btn btn-secondary" onClick={() => void room.reload()}>
                  Try again
                </button>
              </Show>
              <A href="/discover" class="btn btn-primary">
                Discover creators
              </A>
            </EmptyState>
          )
        }
      >
        <Show when={s()} fallback={<WatchSkeleton />}>
          {(st) => (
            <div class="live-grid">
              <div class="live-main">
                <div class="live-stage" style={{ "--lock-hue": String(hueFor(st().creator.username)) }}>
                  <Switch>
                    <Match when={st().locked}>
                      <LockedStage
                        stream={st()}
                        busy={opening()}
                        onSubscribe={() => void startSubscribe()}
                        onTicket={() => {
                          if (!needLogin()) setTicketOpen(true);
                        }}
                      />
                    </Match>
                    <Match when={st().status === "ended"}>
                      <StageNote stream={st()} icon="live" title="This stream has ended">
                        <Show when={st().startedAt && st().endedAt}>
                          <p>
                            {st().creator.displayName} was live {relativeTime(st().startedAt ?? 0)}, for{" "}
                            {Math.max(1, Math.round(((st().endedAt ?? 0) - (st().startedAt ?? 0)) / 60_000))}{" "}
                            min.
                          </p>
                        </Show>
                        <A href={`/${st().creator.username}`} class="btn btn-primary">
                          See {st().creator.displayName}'s page
                        </A>
                      </StageNote>
                    </Match>
                    <Match when={st().status === "scheduled"}>
                      <StageNote stream={st()} icon="calendar" title="Not live yet">
                        <p>
                          {st().scheduledAt
                            ? `Starts ${absoluteTime(st().scheduledAt ?? 0)} (${relativeTime(st().scheduledAt ?? 0)}).`
                            : "It starts when the creator goes live."}{" "}
                          This page opens the stream by itself.
                        </p>
                      </StageNote>
                    </Match>
                    <Match when={st().playlistUrl}>
                      {(src) => (
                        <LivePlayer src={src()} poster={st().posterUrl} label={`${st().title}, live`} />
                      )}
                    </Match>
                    <Match when={true}>
                      <StageNote stream={st()} icon="live" title="Starting…">
                        <p>The video shows in a moment.</p>
                      </StageNote>
                    </Match>
                  </Switch>
                </div>

                <section class="card live-info" aria-labelledby="live-title">
                  <div class="live-info-top">
                    <LiveStatusPill stream={st()} />
                    <Show when={st().status === "live"}>
                      <span class="live-viewers">
                        <Icon name="eye" size={16} />
                        <span>
                          {room.viewers().toLocaleString()} {room.viewers() === 1 ? "viewer" : "viewers"}
                        </span>
                      </span>
                    </Show>
                    <AccessBadge stream={st()} />
                  </div>
                  <h1 id="live-title" class="live-title">
                    {st().title}
                  </h1>
                  <div class="live-creator">
                    <A href={`/${st().creator.username}`} class="sub-who">
                      <Avatar
                        name={st().creator.displayName}
                        username={st().creator.username}
                        url={st().creator.avatarUrl}
                      />
                      <span class="sub-names">
                        <strong class="truncate">{st().creator.displayName}</strong>
                        <span class="muted truncate small">@{st().creator.username}</span>
                      </span>
                    </A>
                    <div class="spacer" />
                    <Show
                      when={!isOwner()}
                      fallback={
                        <A href="/live" class="btn btn-secondary btn-sm">
                          <Icon name="settings" size={16} /> Stream settings
                        </A>
                      }
                    >
                      <button type="button" class="btn btn-secondary" onClick={startTip}>
                        <Icon name="coin" size={18} /> Tip
                      </button>
                    </Show>
                  </div>
                </section>
              </div>

              <Show
                when={!st().locked}
                fallback={
                  <section class="card live-chat live-side live-chat-locked" aria-label="Live chat">
                    <Icon name="lock" />
                    <p class="muted small">The chat is for viewers of this stream.</p>
                  </section>
                }
              >
                <LiveChat room={room} moderator={isOwner() || isAdmin()} class="live-side" />
              </Show>
            </div>
          )}
        </Show>
      </Show>

      <Show when={ticketOpen() && s()}>
        {(st) => (
          <TicketDialog
            stream={st()}
            onClose={() => setTicketOpen(false)}
            onBought={(next) => {
              setTicketOpen(false);
              room.replace(next);
              toast("You have a ticket. Enjoy the stream!", "success");
            }}
          />
        )}
      </Show>

      <Show when={subscribeTo()}>
        {(d) => (
          <SubscribeDialog
            open
            creator={d().creator}
            months={1}
            trialEligible={d().viewer.trialEligible}
            onClose={() => setSubscribeTo(null)}
            onSubscribed={() => {
              setSubscribeTo(null);
              toast(`You're subscribed to ${d().creator.displayName}`, "success");
              invalidateFeed();
              void room.reload(true);
            }}
          />
        )}
      </Show>

      <Show when={tipOpen() && s()}>
        {(st) => (
          <TipDialog
            open
            creator={st().creator}
            currency={st().currency}
            liveStreamId={st().id}
            onClose={() => setTipOpen(false)}
            onSent={() => {
              setTipOpen(false);
              toast(`Tip sent to ${st().creator.displayName}. Thank you!`, "success");
            }}
          />
        )}
      </Show>
    </div>
  );
}

/** The blurred still (or the creator's colours) under the way in. */
function StageBackdrop(props: { stream: LiveStream }) {
  return (
    <Show
      when={props.stream.posterUrl}
      fallback={
        <div class="locked-art" aria-hidden="true">
          <span class="blob blob-a" />
          <span class="blob blob-b" />
          <span class="blob blob-c" />
        </div>
      }
    >
      {(src) => <img class="live-poster" src={src()} alt="" decoding="async" />}
    </Show>
  );
}

function StageNote(props: {
  stream: LiveStream;
  icon: "live" | "calendar";
  title: string;
  children?: JSX.Element;
}) {
  return (
    <div class="live-stage-note locked">
      <StageBackdrop stream={props.stream} />
      <div class="locked-inner">
        <span class="lock-circle">
          <Icon name={props.icon} size={26} />
        </span>
        <p class="locked-title">{props.title}</p>
        {props.children}
      </div>
    </div>
  );
}

function LockedStage(props: {
  stream: LiveStream;
  busy: boolean;
  onSubscribe: () => void;
  onTicket: () => void;
}) {
  const st = () => props.stream;
  return (
    <div class="live-stage-note locked">
      <StageBackdrop stream={st()} />
      <div class="locked-inner">
        <span class="lock-circle">
          <Icon name="lock" size={26} label="Locked" />
        </span>
        <Switch>
          <Match when={st().access === "ticket"}>
            <p class="locked-title">
              {st().status === "live" ? "This stream needs a ticket" : "Get your ticket ahead"}
            </p>
            <button type="button" class="btn btn-primary btn-lg" onClick={() => props.onTicket()}>
              Buy ticket · {formatMoney(st().priceCents, st().currency)}
            </button>
          </Match>
          <Match when={true}>
            <p class="locked-title">This stream is for subscribers</p>
            <button
              type="button"
              class="btn btn-primary btn-lg"
              disabled={props.busy}
              onClick={() => props.onSubscribe()}
            >
              Subscribe to watch
            </button>
          </Match>
        </Switch>
      </div>
    </div>
  );
}

function WatchSkeleton() {
  return (
    <div class="live-grid" aria-busy="true" aria-label="Loading stream">
      <div class="live-main">
        <div class="live-stage sk" />
        <div class="card live-info">
          <LineSkeleton width="30%" />
          <LineSkeleton width="70%" />
          <LineSkeleton width="45%" />
        </div>
      </div>
      <div class="card live-chat live-side skeleton-card" aria-hidden="true">
        <LineSkeleton width="40%" />
        <LineSkeleton width="80%" />
        <LineSkeleton width="60%" />
      </div>
    </div>
  );
}
