// Light / dark theme: follows the system until the person picks one, then remembers it.
import { createSignal } from "solid-js";

export type Theme = "light" | "dark";
const KEY = "fanz.theme";

function stored(): Theme | null {
  try {
    const v = localStorage.getItem(KEY);
    return v === "light" || v === "dark" ? v : null;
  } catch {
    return null;
  }
}

const media = typeof window !== "undefined" ? window.matchMedia("(prefers-color-scheme: dark)") : null;
const [systemDark, setSystemDark] = createSignal(media?.matches ?? false);
media?.addEventListener("change", (e) => setSystemDark(e.matches));

const [choice, setChoice] = createSignal<Theme | null>(stored());

function apply(t: Theme | null): void {
  const root = document.documentElement;
  if (t) root.dataset.theme = t;
  else delete root.dataset.theme;
}
apply(choice());

export function theme(): Theme {
  return choice() ?? (systemDark() ? "dark" : "light");
}

export function setTheme(t: Theme): void {
  setChoice(t);
  apply(t);
  try {
    localStorage.setItem(KEY, t);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

export function toggleTheme(): void {
  setTheme(theme() === "dark" ? "light" : "dark");
}
