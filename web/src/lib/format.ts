// Money, time and name formatting in the reader's language (the i18n locale, reactive).
import { formatDate, intl, locale, warmMessages } from "../i18n";

const dateFmt = (opts: Intl.DateTimeFormatOptions) =>
  intl("date", opts, (loc) => new Intl.DateTimeFormat(loc, opts));

/** Integer cents to "$9.99" with the currency symbol and always two decimals. */
export function formatMoney(cents: number, currency = "USD"): string {
  const code = currency.toUpperCase();
  const fmt = intl("money", { code }, (loc) => {
    try {
      return new Intl.NumberFormat(loc, {
        style: "currency",
        currency: code,
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      });
    } catch {
      return new Intl.NumberFormat(loc, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
  });
  return fmt.format(cents / 100);
}

/** "12.5" / "12,50" / "$12" typed by a person to integer cents, or null when it is not a number. */
export function parseMoneyToCents(input: string): number | null {
  const cleaned = input.trim().replace(/[^\d.,-]/g, "");
  if (!cleaned) return null;
  // Accept a comma as the decimal separator when there is no dot.
  const normal = cleaned.includes(".") ? cleaned.replace(/,/g, "") : cleaned.replace(",", ".");
  if (!/^-?\d*(\.\d*)?$/.test(normal)) return null;
  const value = Number(normal);
  if (!Number.isFinite(value)) return null;
  return Math.round(value * 100);
}

/** Cents to the plain number a price input shows ("5.00"). */
export function centsToInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return "";
  return (cents / 100).toFixed(2);
}

const absoluteFmt = () => dateFmt({ dateStyle: "medium", timeStyle: "short" });
const shortDateFmt = () => dateFmt({ month: "short", day: "numeric" });
const longDateFmt = () => dateFmt({ month: "short", day: "numeric", year: "numeric" });

/** "Mar 4, 2025, 10:30 AM": for title attributes and schedules. */
export function absoluteTime(ms: number): string {
  return absoluteFmt().format(new Date(ms));
}

const relativeFmt = (style: Intl.RelativeTimeFormatStyle) =>
  intl("relative", { style }, (loc) => new Intl.RelativeTimeFormat(loc, { numeric: "auto", style }));

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** "now", "5 min. ago", "in 2 hr." when recent (Intl.RelativeTimeFormat); a short date otherwise. */
export function relativeTime(ms: number, now = Date.now()): string {
  const rtf = relativeFmt("short");
  const diff = now - ms;
  // A little clock skew between server and browser still reads as "now".
  if (diff < MIN && diff > -MIN) return rtf.format(0, "second");
  if (diff < 0) {
    const ahead = -diff;
    if (ahead < HOUR) return rtf.format(Math.max(1, Math.round(ahead / MIN)), "minute");
    if (ahead < DAY) return rtf.format(Math.round(ahead / HOUR), "hour");
    if (ahead < 7 * DAY) return rtf.format(Math.round(ahead / DAY), "day");
    return absoluteTime(ms);
  }
  if (diff < HOUR) return rtf.format(-Math.floor(diff / MIN), "minute");
  if (diff < DAY) return rtf.format(-Math.floor(diff / HOUR), "hour");
  if (diff < 7 * DAY) return rtf.format(-Math.floor(diff / DAY), "day");
  const d = new Date(ms);
  return d.getFullYear() === new Date(now).getFullYear() ? shortDateFmt().format(d) : longDateFmt().format(d);
}

/** The date as `<input type="datetime-local">` wants it, in local time. */
export function toDatetimeLocal(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (local time) to epoch ms, or null. */
export function fromDatetimeLocal(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}

/** Up to two letters for an avatar placeholder. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return "?";
  const first = parts[0] ?? "";
  const last = parts.length > 1 ? (parts[parts.length - 1] ?? "") : "";
  return ((first[0] ?? "") + (last[0] ?? "")).toUpperCase() || "?";
}

/** A stable hue (0–359) for gradients derived from a name. */
export function hueFor(seed: string): number {
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (h * 31 + seed.charCodeAt(i)) >>> 0;
  return h % 360;
}

/** "$", "€", "£" for a currency in the viewer's locale. */
export function currencySymbol(currency = "USD"): string {
  try {
    const parts = intl(
      "currency",
      { currency },
      (loc) => new Intl.NumberFormat(loc, { style: "currency", currency }),
    ).formatToParts(0);
    return parts.find((p) => p.type === "currency")?.value ?? currency;
  } catch {
    return currency;
  }
}

const clockFmt = () => dateFmt({ timeStyle: "short" });
const weekdayFmt = () => dateFmt({ weekday: "long", month: "short", day: "numeric" });

/** "10:32 AM": the time of day, for chat bubbles. */
export function clockTime(ms: number): string {
  return clockFmt().format(new Date(ms));
}

/** The local calendar day of a moment, as a key ("2025-3-4"). */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

/** "Today", "Yesterday", "Monday, Mar 3", or with the year when it is another year: chat day separators. */
export function dayLabel(ms: number, now = Date.now()): string {
  const rtf = relativeFmt("long");
  const capital = (s: string) => s.charAt(0).toLocaleUpperCase(locale()) + s.slice(1);
  if (dayKey(ms) === dayKey(now)) return capital(rtf.format(0, "day"));
  if (dayKey(ms) === dayKey(now - DAY)) return capital(rtf.format(-1, "day"));
  const d = new Date(ms);
  return d.getFullYear() === new Date(now).getFullYear() ? weekdayFmt().format(d) : longDateFmt().format(d);
}

/**
 * Makes the formatters a first page uses while it waits for its data: the first Intl formatter of each kind
 * loads the language's data, about 20 ms of a slow phone's main thread (80 ms under Lighthouse's 4x CPU),
 * which otherwise lands inside the first render of a creator page or the feed.
 */
export function warmFormats(): void {
  const now = Date.now();
  warmMessages();
  formatDate(now);
  formatMoney(0);
  absoluteTime(now);
  relativeTime(now - 2 * DAY, now);
  relativeTime(now - 30 * DAY, now);
}
