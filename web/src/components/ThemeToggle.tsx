import { theme, toggleTheme } from "../stores/theme";
import Icon from "./Icon";

export default function ThemeToggle(props: { withLabel?: boolean; class?: string }) {
  const label = () => (theme() === "dark" ? "Switch to light theme" : "Switch to dark theme");
  return (
    <button
      type="button"
      class={props.class ?? "icon-btn"}
      aria-label={props.withLabel ? undefined : label()}
      title={label()}
      onClick={toggleTheme}
    >
      <Icon name={theme() === "dark" ? "sun" : "moon"} />
      {props.withLabel && <span class="nav-label">{theme() === "dark" ? "Light theme" : "Dark theme"}</span>}
    </button>
  );
}
