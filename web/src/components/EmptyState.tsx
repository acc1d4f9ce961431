import type { JSX } from "solid-js";
import Icon, { type IconName } from "./Icon";

export default function EmptyState(props: { icon: IconName; title: string; children?: JSX.Element }) {
  return (
    <div class="card empty">
      <span class="empty-icon">
        <Icon name={props.icon} size={28} />
      </span>
      <h2>{props.title}</h2>
      {props.children}
    </div>
  );
}
