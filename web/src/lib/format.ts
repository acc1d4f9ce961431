// Money, time and name formatting in the viewer's locale.

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Integer cents to "$9.99" with the currency symbol and always two decimals. */
export function formatMoney(cents: number, currency = "USD"): string {
  const key = currency.toUpperCase();
  let fmt = moneyFormats.get(key);
  if (!fmt) {
    try {
      fmt = new Intl.NumberFormat(undefined, {
        style: "currency",
        currency: key,
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      });
    } catch {
      fmt = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    moneyFormats.set(key, fmt);
  }
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

const absoluteFmt = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const shortDateFmt = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });
const longDateFmt = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", year: "numeric" });

/** "Mar 4, 2025, 10:30 AM": for title attributes and schedules. */
export function absoluteTime(ms: number): string {
  return absoluteFmt.format(new Date(ms));
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** "now", "5 min", "2 h", "3 d" when recent; a short date otherwise. */
export function relativeTime(ms: number, now = Date.now()): string {
  const diff = now - ms;
  // A little clock skew between server and browser still reads as "now".
  if (diff < 0 && diff > -MIN) return "now";
  if (diff < 0) {
    const ahead = -diff;
    if (ahead < HOUR) return `in ${Math.max(1, Math.round(ahead / MIN))} min`;
    if (ahead < DAY) return `in ${Math.round(ahead / HOUR)} h`;
    if (ahead < 7 * DAY) return `in ${Math.round(ahead / DAY)} d`;
    return absoluteTime(ms);
  }
  if (diff < MIN) return "now";
  if (diff < HOUR) return `${Math.floor(diff / MIN)} min`;
  if (diff < DAY) return `${Math.floor(diff / HOUR)} h`;
  if (diff < 7 * DAY) return `${Math.floor(diff / DAY)} d`;
  const d = new Date(ms);
  return d.getFullYear() === new Date(now).getFullYear() ? shortDateFmt.format(d) : longDateFmt.format(d);
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

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** "$", "€", "£" for a currency in the viewer's locale. */
export function currencySymbol(currency = "USD"): string {
  try {
    const parts = new Intl.NumberFormat(undefined, { style: "currency", currency }).formatToParts(0);
    return parts.find((p) => p.type === "currency")?.value ?? currency;
  } catch {
    return currency;
  }
}

const clockFmt = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });
const weekdayFmt = new Intl.DateTimeFormat(undefined, { weekday: "long", month: "short", day: "numeric" });

/** "10:32 AM": the time of day, for chat bubbles. */
export function clockTime(ms: number): string {
  return clockFmt.format(new Date(ms));
}

/** The local calendar day of a moment, as a key ("2025-3-4"). */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

/** "Today", "Yesterday", "Monday, Mar 3", or with the year when it is another year: chat day separators. */
export function dayLabel(ms: number, now = Date.now()): string {
  if (dayKey(ms) === dayKey(now)) return "Today";
  if (dayKey(ms) === dayKey(now - DAY)) return "Yesterday";
  const d = new Date(ms);
  return d.getFullYear() === new Date(now).getFullYear() ? weekdayFmt.format(d) : longDateFmt.format(d);
}
