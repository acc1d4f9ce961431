// Watching a live stream: the player, the title and the creator, the viewer count, the chat and a Tip
// button. A viewer who may not watch sees the blurred still with the way in (subscribe, or buy a
// ticket), and the player opens in place once they have it. A stream still to come says when; an ended
// one says so.
import { usePageTitle } from "../lib/page-title";
import { LazyTipDialog, LazySubscribeDialog } from "../components/lazy";
import { t } from "../i18n";
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
import { absoluteTime, formatMoney, hueFor, relativeTime } from "../lib/format";
import { invalidateFeed } from "../stores/feed";
import { createLiveRoom } from "../stores/live";
import { isAdmin, user } from "../stores/session";
import { toast } from "../stores/toasts";

export default function LiveWatch() {
  usePageTitle(() => s()?.title ?? (notFound() ? t("common.notFoundTitle") : undefined));
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
            <GeoBlocked error={room.loadError() as ApiError} what={t("compliance.geoThisStream")} />
          ) : (
            <EmptyState icon="live" title={notFound() ? t("live.notFound") : t("live.loadFailed")}>
              <p class="muted">{notFound() ? t("live.notFoundBody") : errorMessage(room.loadError())}</p>
              <Show when={!notFound()}>
                <button type="button" class="btn btn-secondary" onClick={() => void room.reload()}>
                  {t("common.tryAgain")}
                </button>
              </Show>
              <A href="/discover" class="btn btn-primary">
                {t("live.discover")}
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
                      <StageNote stream={st()} icon="live" title={t("live.hasEnded")}>
                        <Show when={st().startedAt && st().endedAt}>
                          <p>
                            {t("live.wasLive", {
                              name: st().creator.displayName,
                              when: relativeTime(st().startedAt ?? 0),
                              minutes: String(
                                Math.max(
                                  1,
                                  Math.round(((st().endedAt ?? 0) - (st().startedAt ?? 0)) / 60_000),
                                ),
                              ),
                            })}
                          </p>
                        </Show>
                        <A href={`/${st().creator.username}`} class="btn btn-primary">
                          {t("live.seePage", { name: st().creator.displayName })}
                        </A>
                      </StageNote>
                    </Match>
                    <Match when={st().status === "scheduled"}>
                      <StageNote stream={st()} icon="calendar" title={t("live.notLiveYet")}>
                        <p>
                          {st().scheduledAt
                            ? t("live.startsAbs", {
                                when: absoluteTime(st().scheduledAt ?? 0),
                                rel: relativeTime(st().scheduledAt ?? 0),
                              })
                            : t("live.startsWhenCreator")}{" "}
                          {t("live.opensItself")}
                        </p>
                      </StageNote>
                    </Match>
                    <Match when={st().playlistUrl}>
                      {(src) => (
                        <LivePlayer
                          src={src()}
                          poster={st().posterUrl}
                          label={t("live.playerLabel", { title: st().title })}
                        />
                      )}
                    </Match>
                    <Match when={true}>
                      <StageNote stream={st()} icon="live" title={t("live.starting")}>
                        <p>{t("live.videoSoon")}</p>
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
                        <span>{t("live.viewers", { count: room.viewers() })}</span>
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
                          <Icon name="settings" size={16} /> {t("live.streamSettings")}
                        </A>
                      }
                    >
                      <button type="button" class="btn btn-secondary" onClick={startTip}>
                        <Icon name="coin" size={18} /> {t("live.tip")}
                      </button>
                    </Show>
                  </div>
                </section>
              </div>

              <Show
                when={!st().locked}
                fallback={
                  <section class="card live-chat live-side live-chat-locked" aria-label={t("live.liveChat")}>
                    <Icon name="lock" />
                    <p class="muted small">{t("live.chatForViewers")}</p>
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
              toast(t("live.ticketBought"), "success");
            }}
          />
        )}
      </Show>

      <Show when={subscribeTo()}>
        {(d) => (
          <LazySubscribeDialog
            open
            creator={d().creator}
            months={1}
            trialEligible={d().viewer.trialEligible}
            onClose={() => setSubscribeTo(null)}
            onSubscribed={() => {
              setSubscribeTo(null);
              toast(t("live.subscribed", { name: d().creator.displayName }), "success");
              invalidateFeed();
              void room.reload(true);
            }}
          />
        )}
      </Show>

      <Show when={tipOpen() && s()}>
        {(st) => (
          <LazyTipDialog
            open
            creator={st().creator}
            currency={st().currency}
            liveStreamId={st().id}
            onClose={() => setTipOpen(false)}
            onSent={() => {
              setTipOpen(false);
              toast(t("live.tipSent", { name: st().creator.displayName }), "success");
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
          <Icon name="lock" size={26} label={t("live.locked")} />
        </span>
        <Switch>
          <Match when={st().access === "ticket"}>
            <p class="locked-title">
              {st().status === "live" ? t("live.needsTicket") : t("live.ticketAhead")}
            </p>
            <button type="button" class="btn btn-primary btn-lg" onClick={() => props.onTicket()}>
              {t("live.buyTicketPrice", { price: formatMoney(st().priceCents, st().currency) })}
            </button>
          </Match>
          <Match when={true}>
            <p class="locked-title">{t("live.forSubscribers")}</p>
            <button
              type="button"
              class="btn btn-primary btn-lg"
              disabled={props.busy}
              onClick={() => props.onSubscribe()}
            >
              {t("live.subscribeToWatch")}
            </button>
          </Match>
        </Switch>
      </div>
    </div>
  );
}

function WatchSkeleton() {
  return (
    <div class="live-grid" aria-busy="true" aria-label={t("live.loading")}>
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
