// A chart of values per UTC day (uPlot on a canvas): bars, stacked bars or a line per series, themed from
// the CSS custom properties, sized to its column, redrawn on a new range or theme. The caller gives the
// readout of the hovered day and the screen-reader table, so each chart says its own numbers.
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { createEffect, createSignal, on, onCleanup, onMount, type JSX } from "solid-js";
import { chartFont, cssVar } from "../../lib/chart";
import { formatDate } from "../../i18n";
import { theme } from "../../stores/theme";

export interface DailySeries {
  label: string;
  /** A CSS custom property (`--accent`) and its fallback. */
  color: [string, string];
  values: number[];
  kind: "bars" | "line";
}

const HEIGHT = 220;

/** A `YYYY-MM-DD` UTC day as a date. */
export const dayDate = (day: string): Date => new Date(`${day}T00:00:00Z`);

export default function DailyChart(props: {
  days: string[];
  series: DailySeries[];
  /** Bars stack on each other (the first series at the bottom). */
  stacked?: boolean;
  axis: (v: number) => string;
  readout: (index: number) => string;
  label: string;
  table: JSX.Element;
}) {
  let box!: HTMLDivElement;
  let plot: uPlot | null = null;
  const [hover, setHover] = createSignal<number | null>(null);

  function build() {
    plot?.destroy();
    plot = null;
    const n = props.days.length;
    const xs = props.days.map((_, i) => i);
    const muted = cssVar("--muted", "#615c72");
    const grid = cssVar("--border", "#e3e0ec");
    const font = chartFont();
    // Stacked: each series is drawn at the sum of itself and those below, the tallest first.
    const shown = props.series.map((s, k) =>
      props.stacked
        ? xs.map((i) => props.series.slice(0, k + 1).reduce((sum, t) => sum + (t.values[i] ?? 0), 0))
        : s.values,
    );
    const order = props.stacked
      ? props.series.map((_, k) => props.series.length - 1 - k)
      : props.series.map((_, k) => k);
    const barWidth = n > 120 ? [0.9, 6] : n > 40 ? [0.8, 10] : [0.7, 28];
    const bars = uPlot.paths.bars?.({ size: barWidth as [number, number], radius: n > 120 ? 0 : 0.2 });
    const step = Math.max(1, Math.ceil(n / Math.max(2, Math.floor(box.clientWidth / 70))));
    const all = shown.flat();
    const max = Math.max(0, ...all);
    const min = Math.min(0, ...all);
    const opts: uPlot.Options = {
      width: Math.max(200, box.clientWidth),
      height: HEIGHT,
      padding: [14, 22, 0, 0],
      legend: { show: false },
      cursor: { drag: { x: false, y: false, setScale: false }, points: { show: false }, y: false },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: {
        x: { time: false, range: () => [-0.5, n - 0.5] },
        y: { range: () => [min < 0 ? min * 1.15 : 0, max > 0 ? max * 1.15 : 1] },
      },
      axes: [
        {
          stroke: muted,
          font,
          grid: { show: false },
          ticks: { show: false },
          gap: 6,
          size: 30,
          splits: () => xs.filter((i) => (n - 1 - i) % step === 0),
          values: (_u, splits) =>
            splits.map((i) => {
              const d = props.days[i];
              return d ? formatDate(dayDate(d), { month: "short", day: "numeric", timeZone: "UTC" }) : "";
            }),
        },
        {
          stroke: muted,
          font,
          grid: { stroke: grid, width: 1 },
          ticks: { show: false },
          size: 58,
          gap: 6,
          values: (_u, splits) => splits.map((v) => props.axis(v)),
        },
      ],
      series: [
        {},
        ...order.map((k) => {
          const s = props.series[k]!;
          const color = cssVar(s.color[0], s.color[1]);
          return s.kind === "bars"
            ? {
                label: s.label,
                fill: color,
                stroke: color,
                width: 0,
                points: { show: false },
                ...(bars ? { paths: bars } : {}),
              }
            : { label: s.label, stroke: color, width: 2.5, points: { show: n <= 31, size: 5, fill: color } };
        }),
      ],
      hooks: {
        setCursor: [(u) => setHover(u.cursor.idx ?? null)],
      },
    };
    plot = new uPlot(opts, [xs, ...order.map((k) => shown[k]!)], box);
  }

  onMount(() => {
    build();
    const ro = new ResizeObserver(() => {
      if (plot && box.clientWidth > 0 && Math.abs(plot.width - box.clientWidth) > 1) build();
    });
    ro.observe(box);
    onCleanup(() => {
      ro.disconnect();
      plot?.destroy();
      plot = null;
    });
  });

  createEffect(on([() => props.days, () => props.series, theme], () => build(), { defer: true }));

  return (
    <figure class="chart">
      <figcaption class="chart-readout muted small" aria-hidden="true">
        {props.readout(hover() ?? props.days.length - 1)}
      </figcaption>
      <div ref={box} class="chart-canvas" role="img" aria-label={props.label} />
      {props.table}
    </figure>
  );
}
