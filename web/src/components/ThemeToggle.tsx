import { theme, toggleTheme } from "../stores/theme";
import Icon from "./Icon";
import { t } from "../i18n";

export default function ThemeToggle(props: { withLabel?: boolean; class?: string }) {
  const label = () => (theme() === "dark" ? t("nav.toLight") : t("nav.toDark"));
  return (
    <button
      type="button"
      class={props.class ?? "icon-btn"}
      aria-label={props.withLabel ? undefined : label()}
      title={label()}
      onClick={toggleTheme}
    >
      <Icon name={theme() === "dark" ? "sun" : "moon"} />
      {props.withLabel && (
        <span class="nav-label">{theme() === "dark" ? t("nav.lightTheme") : t("nav.darkTheme")}</span>
      )}
    </button>
  );
}
