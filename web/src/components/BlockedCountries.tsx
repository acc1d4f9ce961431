// Creator settings › Blocked countries: where the creator's page, posts, media and streams are not shown
// (viewers there get a clear "not available in your country" page and don't find the creator in lists).
// A searchable list of countries (names in the viewer's language), the chosen ones as removable chips.
import { t } from "../i18n";
import { createMemo, createSignal, For, onMount, Show } from "solid-js";
import { api, errorMessage } from "../api/client";
import { COUNTRY_CODES } from "../../../src/lib/countries";
import { loadMyCreator, setMyCreator } from "../stores/creators";
import { toast } from "../stores/toasts";
import { FormError } from "./Field";
import Icon from "./Icon";
import { LineSkeleton } from "./Skeleton";

const names = new Intl.DisplayNames(
  typeof navigator === "undefined" ? ["en"] : [...navigator.languages, "en"],
  {
    type: "region",
  },
);
const nameOf = (code: string) => names.of(code) ?? code;
const ALL = COUNTRY_CODES.map((code) => ({ code, name: nameOf(code) })).sort((a, b) =>
  a.name.localeCompare(b.name),
);
/** Lower-cased, accents dropped: "Osterreich" finds "Österreich". */
const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

export default function BlockedCountries() {
  const [loaded, setLoaded] = createSignal(false);
  const [saved, setSaved] = createSignal<string[]>([]);
  const [chosen, setChosen] = createSignal<string[]>([]);
  const [query, setQuery] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  onMount(async () => {
    const c = await loadMyCreator(true);
    const list = c?.blockedCountries ?? [];
    setSaved(list);
    setChosen(list);
    setLoaded(true);
  });

  const matches = createMemo(() => {
    const q = fold(query().trim());
    if (!q) return [];
    return ALL.filter((c) => !chosen().includes(c.code))
      .filter((c) => fold(c.name).includes(q) || c.code.toLowerCase() === q)
      .slice(0, 8);
  });
  const dirty = () => [...chosen()].sort().join() !== [...saved()].sort().join();

  function add(code: string) {
    setChosen((l) => [...l, code]);
    setQuery("");
  }
  const remove = (code: string) => setChosen((l) => l.filter((c) => c !== code));

  async function save(e: Event) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const { creator } = await api.updateMyCreator({ blockedCountries: chosen() });
      setMyCreator(creator);
      setSaved(creator.blockedCountries ?? []);
      setChosen(creator.blockedCountries ?? []);
      toast(chosen().length ? t("settings.geoSaved") : t("settings.geoEverywhere"), "success");
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card form-card privacy-card" aria-labelledby="geo-title">
      <h2 id="geo-title">{t("settings.geoTitle")}</h2>
      <p class="field-hint">{t("settings.geoHint")}</p>
      <Show
        when={loaded()}
        fallback={
          <div class="stack-sm">
            <LineSkeleton width="60%" />
            <LineSkeleton width="40%" />
          </div>
        }
      >
        <form class="stack-sm" onSubmit={(e) => void save(e)}>
          <div class="country-search">
            <label class="field-label" for="country-search">
              {t("settings.addCountry")}
            </label>
            <div class="input-wrap country-search-wrap">
              <Icon name="search" size={18} />
              <input
                id="country-search"
                class="input"
                type="search"
                role="combobox"
                aria-expanded={matches().length > 0}
                aria-controls="country-options"
                aria-autocomplete="list"
                autocomplete="off"
                placeholder={t("settings.searchPlaceholder")}
                value={query()}
                onInput={(e) => setQuery(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter" && matches()[0]) {
                    e.preventDefault();
                    add(matches()[0]!.code);
                  }
                  if (e.key === "Escape") setQuery("");
                }}
              />
            </div>
            <Show when={matches().length > 0}>
              <ul
                class="country-options"
                id="country-options"
                role="listbox"
                aria-label={t("settings.matching")}
              >
                <For each={matches()}>
                  {(c) => (
                    <li role="option" aria-selected="false">
                      <button type="button" class="country-option" onClick={() => add(c.code)}>
                        <span class="truncate">{c.name}</span>
                        <span class="muted small">{c.code}</span>
                        <Icon name="plus" size={16} />
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={query().trim() && matches().length === 0}>
              <p class="muted small">{t("settings.noMatch", { query: query().trim() })}</p>
            </Show>
          </div>
          <Show when={chosen().length > 0} fallback={<p class="muted">{t("settings.noneBlocked")}</p>}>
            <ul class="chips" aria-label={t("settings.geoTitle")}>
              <For each={[...chosen()].sort((a, b) => nameOf(a).localeCompare(nameOf(b)))}>
                {(code) => (
                  <li class="chip">
                    <span>{nameOf(code)}</span>
                    <span class="chip-code">{code}</span>
                    <button
                      type="button"
                      class="chip-remove"
                      aria-label={t("settings.unblock", { country: nameOf(code) })}
                      onClick={() => remove(code)}
                    >
                      <Icon name="close" size={14} />
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <FormError message={error()} />
          <div class="form-actions">
            <button type="submit" class="btn btn-primary" disabled={busy() || !dirty()}>
              {busy() ? t("settings.saving") : t("settings.saveBlocked")}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}
