import type { JSX } from "solid-js";
import { Dynamic } from "solid-js/web";
import Icon, { type IconName } from "./Icon";

export default function EmptyState(props: {
  icon: IconName;
  title: string;
  /** A page that is only this state (not found) makes it its h1. */
  heading?: "h1" | "h2";
  children?: JSX.Element;
}) {
  return (
    <div class="card empty">
      <span class="empty-icon">
        <Icon name={props.icon} size={28} />
      </span>
      <Dynamic component={props.heading ?? "h2"}>{props.title}</Dynamic>
      {props.children}
    </div>
  );
}
