// The languages of the web UI and the shape of a message catalog. A catalog area is one file under
// areas/ holding every language's words for one part of the UI; a key missing from any language is
// a type error, so `npm run check` fails until every language has it.

export const locales = ["en", "es", "de", "fr", "pt-BR"] as const;
export type Locale = (typeof locales)[number];

/** The names a language is offered under in the switcher (each in its own language). */
export const localeNames: Record<Locale, string> = {
  en: "English",
  es: "Español",
  de: "Deutsch",
  fr: "Français",
  "pt-BR": "Português (Brasil)",
};

/**
 * One message: a string with `{name}` placeholders, or plural forms chosen by `Intl.PluralRules`
 * from the `count` variable (`other` is required; `{count}` is formatted as a number).
 */
export type Message = string | PluralMessage;
export type PluralMessage = { other: string } & Partial<
  Record<"zero" | "one" | "two" | "few" | "many", string>
>;

type Translations<T> = { [K in keyof T]: Message };

/**
 * English: the source language and the fallback for a key another language lacks. Each area adds its
 * messages when its module is evaluated; the modules that name an area's keys import it (the build's
 * web/area-imports.ts adds those imports), so a page's words arrive with the page's code.
 */
export const english: Record<string, Message> = {};

/** Declares one area: English is the source, every other language must have exactly its keys. */
export function defineMessages<const T extends Record<string, Message>>(
  catalog: { en: T } & { [L in Exclude<Locale, "en">]: Translations<T> },
): { [L in Locale]: Translations<T> } {
  Object.assign(english, catalog.en);
  return catalog;
}
