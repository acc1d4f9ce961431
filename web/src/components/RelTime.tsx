import { absoluteTime, relativeTime } from "../lib/format";
import { now } from "../lib/clock";

/** "2 h" with the absolute time on hover and for assistive tech. */
export default function RelTime(props: { ms: number; class?: string }) {
  return (
    <time class={props.class} datetime={new Date(props.ms).toISOString()} title={absoluteTime(props.ms)}>
      {relativeTime(props.ms, Math.max(now(), Date.now()))}
    </time>
  );
}
