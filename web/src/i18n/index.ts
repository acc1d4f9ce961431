// The UI's language: chosen by the reader (kept in localStorage) or taken from the browser, and the
// functions every component formats words, numbers and dates with.
import { batch, createSignal } from "solid-js";
import { english, loadCatalog, type MessageKey } from "./catalog";
import { locales, type Locale, type Message } from "./define";

export { locales, localeNames, type Locale } from "./define";
export type { MessageKey } from "./catalog";

const STORAGE_KEY = "fanz.locale";

/** The best supported language for a list of BCP 47 tags (exact match first, then the base language). */
export function matchLocale(tags: readonly string[]): Locale {
  for (const tag of tags) {
    const exact = locales.find((l) => l.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const base = tag.split("-")[0]?.toLowerCase();
    const byBase = locales.find((l) => l.split("-")[0]?.toLowerCase() === base);
    if (byBase) return byBase;
  }
  return "en";
}

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && (locales as readonly string[]).includes(saved)) return saved as Locale;
  } catch {
    // storage unavailable (private mode): fall back to the browser's languages
  }
  if (typeof navigator === "undefined") return "en";
  return matchLocale(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

const [locale, setLocaleSignal] = createSignal<Locale>("en");
// The messages of `locale()`: English until another language's chunk has arrived.
const [messages, setMessages] = createSignal<Record<string, Message>>(english);
export { locale };

let wanted: Locale = "en";
async function applyLocale(next: Locale): Promise<void> {
  wanted = next;
  const loaded = await loadCatalog(next);
  if (wanted !== next) return; // a later choice won while this one was loading
  batch(() => {
    setMessages(() => loaded);
    setLocaleSignal(next);
  });
  if (typeof document !== "undefined") document.documentElement.lang = next;
}

/** Settles when the reader's language is ready: the app renders after it, so no page flashes English. */
export const localeReady: Promise<void> = applyLocale(initialLocale()).catch(() => {
  // the language's chunk did not load: English stays
});

export function setLocale(next: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // not kept across visits; the choice still applies now
  }
  applyLocale(next).catch(() => {
    // the language's chunk did not load (offline): the page stays in the language it has
  });
}

export type Vars = Record<string, string | number>;

const formatters = new Map<string, unknown>();
/**
 * One Intl formatter per kind, language and options: making one costs far more than using it (a page of
 * cards formats a few hundred numbers, dates and plurals; on a slow phone each new formatter took about a
 * millisecond of its first render).
 */
export function intl<T>(kind: string, opts: object | undefined, make: (loc: Locale) => T): T {
  const loc = locale();
  const key = `${kind}|${loc}|${opts === undefined ? "" : JSON.stringify(opts)}`;
  let f = formatters.get(key) as T | undefined;
  if (f === undefined) {
    f = make(loc);
    formatters.set(key, f);
  }
  return f;
}
const numberFormat = (opts?: Intl.NumberFormatOptions) =>
  intl("number", opts, (loc) => new Intl.NumberFormat(loc, opts));

const pluralRules = (loc: Locale) => intl("plural", undefined, () => new Intl.PluralRules(loc));

/** The counts' and plurals' formatters of the reader's language, made ahead of a first render (warmFormats). */
export function warmMessages(): void {
  numberFormat().format(0);
  pluralRules(locale()).select(1);
}

function pick(msg: Message, vars: Vars | undefined, loc: Locale): string {
  if (typeof msg === "string") return msg;
  const count = Number(vars?.count ?? 0);
  const form = pluralRules(loc).select(count) as keyof typeof msg;
  return msg[form] ?? msg.other;
}

/** The message `key` in the reader's language with `{name}` placeholders filled (reactive). */
export function t(key: MessageKey, vars?: Vars): string {
  const loc = locale();
  const msg = messages()[key] ?? english[key] ?? key;
  return pick(msg, vars, loc).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars?.[name];
    if (v === undefined) return whole;
    return typeof v === "number" ? numberFormat().format(v) : v;
  });
}

/** Whether a key exists (for messages looked up by a server error code). */
export function hasMessage(key: string): key is MessageKey {
  return key in messages() || key in english;
}

export function formatNumber(n: number, opts?: Intl.NumberFormatOptions): string {
  return numberFormat(opts).format(n);
}

export function formatDate(d: Date | number | string, opts?: Intl.DateTimeFormatOptions): string {
  const o = opts ?? { dateStyle: "medium" };
  return intl("date", o, (loc) => new Intl.DateTimeFormat(loc, o)).format(new Date(d));
}
