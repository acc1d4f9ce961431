// The site's verified badge next to a creator's name (creator page, cards, post authors).
import { t } from "../i18n";
import { Show } from "solid-js";
import Icon from "./Icon";

export default function VerifiedBadge(props: { verified: boolean | undefined; size?: number }) {
  return (
    <Show when={props.verified}>
      <span class="verified-badge" title="Verified creator" data-testid="verified-badge">
        <Icon name="badge-check" size={props.size ?? 16} label={t("common.verified")} />
      </span>
    </Show>
  );
}
