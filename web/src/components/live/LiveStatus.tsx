// A stream's state in words: the LIVE pill with how long it has been on, "Starts …", "Ended"; who may
// watch ("Subscribers", "Public", "Ticket · $5.00").
import { t } from "../../i18n";
import { createSignal, Match, onCleanup, Switch } from "solid-js";
import type { LiveStream } from "../../api/schema.gen";
import { absoluteTime, formatMoney, relativeTime } from "../../lib/format";
import { formatDuration } from "../../lib/media";
import Icon from "../Icon";

/** Seconds since `from`, ticking every second. */
export function useElapsed(from: () => number | null): () => number {
  const [now, setNow] = createSignal(Date.now());
  const t = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(t));
  return () => {
    const f = from();
    return f ? Math.max(0, (now() - f) / 1000) : 0;
  };
}

export function accessLabel(access: LiveStream["access"], priceCents: number, currency: string): string {
  if (access === "ticket") return t("live.ticketPrice", { price: formatMoney(priceCents, currency) });
  return access === "public" ? t("live.public") : t("live.subscribers");
}

export function AccessBadge(props: { stream: Pick<LiveStream, "access" | "priceCents" | "currency"> }) {
  return (
    <span class="badge badge-muted">
      <Icon
        name={
          props.stream.access === "public" ? "compass" : props.stream.access === "ticket" ? "card" : "lock"
        }
        size={14}
      />
      {accessLabel(props.stream.access, props.stream.priceCents, props.stream.currency)}
    </span>
  );
}

export default function LiveStatusPill(props: { stream: LiveStream }) {
  const elapsed = useElapsed(() => (props.stream.status === "live" ? props.stream.startedAt : null));
  return (
    <Switch>
      <Match when={props.stream.status === "live"}>
        <span class="live-pill live-pill-status" role="status">
          <span class="live-dot" aria-hidden="true" />
          {t("nav.live")}
          <span
            class="live-pill-time"
            aria-label={t("live.forDuration", { duration: formatDuration(elapsed()) })}
          >
            {formatDuration(elapsed())}
          </span>
        </span>
      </Match>
      <Match when={props.stream.status === "scheduled"}>
        <span
          class="badge badge-accent"
          title={props.stream.scheduledAt ? absoluteTime(props.stream.scheduledAt) : undefined}
        >
          <Icon name="calendar" size={14} />
          {props.stream.scheduledAt
            ? t("live.starts", { when: relativeTime(props.stream.scheduledAt) })
            : t("live.notStarted")}
        </span>
      </Match>
      <Match when={props.stream.status === "ended"}>
        <span class="badge badge-muted">{t("live.ended")}</span>
      </Match>
    </Switch>
  );
}
