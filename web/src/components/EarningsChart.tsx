// Earnings by month as a bar chart (uPlot on a canvas), themed from the CSS custom properties, sized
// to its column, with a readout for the hovered month and a table for screen readers.
import { formatDate, formatNumber, t } from "../i18n";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { createEffect, createSignal, For, on, onCleanup, onMount, Show } from "solid-js";
import { cssVar } from "../lib/chart";
import { formatMoney } from "../lib/format";
import { theme } from "../stores/theme";

const HEIGHT = 220;
const MIN_MONTHS = 6;
const MAX_MONTHS = 12;

const monthFmt = {
  format: (d: Date) => formatDate(d, { month: "short", timeZone: "UTC" }),
};
const monthYearFmt = {
  format: (d: Date) => formatDate(d, { month: "long", year: "numeric", timeZone: "UTC" }),
};

interface Bar {
  month: string;
  cents: number;
}

function monthKey(d: Date): string {
  return d.toISOString().slice(0, 7);
}

function monthDate(key: string): Date {
  return new Date(`${key}-01T00:00:00Z`);
}

/** Every month from the first with earnings (at most a year back, at least six) to this month. */
export function monthSeries(byMonth: Bar[], now = new Date()): Bar[] {
  const cents = new Map(byMonth.map((b) => [b.month, b.cents]));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const keys = [...cents.keys()].sort();
  const latest = keys[keys.length - 1];
  if (latest && latest > monthKey(last)) last.setTime(monthDate(latest).getTime());
  const earliest = keys[0] ? monthDate(keys[0]) : last;
  const span =
    (last.getUTCFullYear() - earliest.getUTCFullYear()) * 12 +
    (last.getUTCMonth() - earliest.getUTCMonth()) +
    1;
  const count = Math.min(MAX_MONTHS, Math.max(MIN_MONTHS, span));
  const out: Bar[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - i, 1));
    const key = monthKey(d);
    out.push({ month: key, cents: cents.get(key) ?? 0 });
  }
  return out;
}

export default function EarningsChart(props: { byMonth: Bar[]; currency: string }) {
  let box!: HTMLDivElement;
  let plot: uPlot | null = null;
  const [hover, setHover] = createSignal<number | null>(null);
  const bars = () => monthSeries(props.byMonth);

  const axisMoney = (cents: number) => {
    try {
      return formatNumber(cents / 100, {
        style: "currency",
        currency: props.currency,
        notation: "compact",
        maximumFractionDigits: 1,
      });
    } catch {
      return String(Math.round(cents / 100));
    }
  };

  function build() {
    plot?.destroy();
    plot = null;
    const data = bars();
    const xs = data.map((_, i) => i);
    const ys = data.map((b) => b.cents);
    const accent = cssVar("--accent", "#6d28d9");
    const muted = cssVar("--muted", "#615c72");
    const grid = cssVar("--border", "#e3e0ec");
    const font = `12px ${cssVar("--font", "system-ui, sans-serif").replace(/\s+/g, " ")}`;
    const bars_ = uPlot.paths.bars?.({ size: [0.62, 44], radius: 0.18 });
    const opts: uPlot.Options = {
      width: Math.max(200, box.clientWidth),
      height: HEIGHT,
      padding: [14, 6, 0, 0],
      legend: { show: false },
      cursor: {
        drag: { x: false, y: false, setScale: false },
        points: { show: false },
        y: false,
        x: false,
      },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: {
        x: { time: false, range: () => [-0.5, xs.length - 0.5] },
        y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.15 : 1000] },
      },
      axes: [
        {
          stroke: muted,
          font,
          grid: { show: false },
          ticks: { show: false },
          gap: 6,
          size: 30,
          splits: () => xs,
          values: (_u, splits) =>
            splits.map((i) => {
              const b = data[i];
              return b ? monthFmt.format(monthDate(b.month)) : "";
            }),
        },
        {
          stroke: muted,
          font,
          grid: { stroke: grid, width: 1 },
          ticks: { show: false },
          size: 58,
          gap: 6,
          values: (_u, splits) => splits.map((v) => axisMoney(v)),
        },
      ],
      series: [
        {},
        {
          label: t("earnings.chartSeries"),
          fill: accent,
          stroke: accent,
          width: 0,
          points: { show: false },
          ...(bars_ ? { paths: bars_ } : {}),
        },
      ],
      hooks: {
        setCursor: [
          (u) => {
            const idx = u.cursor.idx;
            setHover(idx === null || idx === undefined ? null : idx);
          },
        ],
      },
    };
    plot = new uPlot(opts, [xs, ys], box);
  }

  onMount(() => {
    build();
    const ro = new ResizeObserver(() => {
      if (plot && box.clientWidth > 0 && Math.abs(plot.width - box.clientWidth) > 1) {
        plot.setSize({ width: box.clientWidth, height: HEIGHT });
      }
    });
    ro.observe(box);
    onCleanup(() => {
      ro.disconnect();
      plot?.destroy();
      plot = null;
    });
  });

  // New data or another theme: draw again with the current colours.
  createEffect(on([() => props.byMonth, theme], () => build(), { defer: true }));

  const readout = () => {
    const data = bars();
    const i = hover();
    const b = i === null ? data[data.length - 1] : data[i];
    if (!b) return "";
    return `${monthYearFmt.format(monthDate(b.month))}: ${formatMoney(b.cents, props.currency)}`;
  };

  return (
    <figure class="chart">
      <figcaption class="chart-readout muted small" aria-hidden="true">
        {readout()}
      </figcaption>
      <div
        ref={box}
        class="chart-canvas"
        role="img"
        aria-label={t("earnings.chartLabel", { count: bars().length })}
      />
      <table class="sr-only">
        <caption>{t("earnings.chartCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("earnings.month")}</th>
            <th scope="col">{t("earnings.yourShare")}</th>
          </tr>
        </thead>
        <tbody>
          <For each={bars()}>
            {(b) => (
              <tr>
                <th scope="row">{monthYearFmt.format(monthDate(b.month))}</th>
                <td>{formatMoney(b.cents, props.currency)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Show when={props.byMonth.length === 0}>
        <p class="chart-empty muted small">{t("earnings.chartEmpty")}</p>
      </Show>
    </figure>
  );
}
