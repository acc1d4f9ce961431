// The reader's language: a select for the footer and the sign-in pages, and radio items for the
// profile menu. The choice is kept in localStorage by setLocale and sets <html lang>.
import { createSignal, For, Show } from "solid-js";
import { locale, localeNames, locales, setLocale, t, type Locale } from "../i18n";
import Icon from "./Icon";

let selectSeq = 0;

export function LanguageSelect(props: { class?: string }) {
  const id = `language-select-${++selectSeq}`;
  return (
    <span class={`language-select ${props.class ?? ""}`}>
      <Icon name="globe" size={16} />
      <label class="sr-only" for={id}>
        {t("common.language")}
      </label>
      <select
        id={id}
        class="language-select-input"
        value={locale()}
        onChange={(e) => setLocale(e.currentTarget.value as Locale)}
      >
        <For each={locales}>
          {(l) => (
            <option value={l} lang={l}>
              {localeNames[l]}
            </option>
          )}
        </For>
      </select>
    </span>
  );
}

/** "Language · English" in a menu; opening it lists the languages as radio items (the menu stays open). */
export function LanguageMenuItems() {
  const [open, setOpen] = createSignal(false);
  return (
    <>
      <button
        type="button"
        role="menuitem"
        class="menu-item"
        aria-expanded={open()}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(!open());
        }}
      >
        <Icon name="globe" size={18} />
        <span>
          {t("common.language")} · {localeNames[locale()]}
        </span>
      </button>
      <Show when={open()}>
        <div role="group" aria-label={t("common.language")} class="menu-sub">
          <For each={locales}>
            {(l) => (
              <button
                type="button"
                role="menuitemradio"
                aria-checked={locale() === l}
                class="menu-item menu-item-sub"
                lang={l}
                onClick={(e) => {
                  e.stopPropagation();
                  setLocale(l);
                }}
              >
                <Show when={locale() === l} fallback={<span class="menu-check" aria-hidden="true" />}>
                  <Icon name="check" size={16} class="menu-check" />
                </Show>
                {localeNames[l]}
              </button>
            )}
          </For>
        </div>
      </Show>
    </>
  );
}
