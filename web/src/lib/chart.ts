// What every uPlot chart of the UI shares: colours read from the theme's CSS custom properties, the
// axis font, and compact money for an axis.

/** A CSS custom property of the page's current theme, or the fallback. */
export function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

/** The axis font: the page's own font at 12 px. */
export const chartFont = (): string =>
  `12px ${cssVar("--font", "system-ui, sans-serif").replace(/\s+/g, " ")}`;

/** Cents as compact money for an axis ("$1.2K"). */
export function compactMoney(cents: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      notation: "compact",
      maximumFractionDigits: 1,
    }).format(cents / 100);
  } catch {
    return String(Math.round(cents / 100));
  }
}
