// Draws the monthly usage chart to a PNG on the server: stacked bars of incidents consumed per month, a colour per
// customer who used most, everyone else in grey. Skia through @napi-rs/canvas (prebuilt binaries from npm, no
// browser); Japanese names are drawn with BIZ UDPGothic from its npm package, so no system font is needed. The
// layout is a pure function apart from text widths, so a test can check that the bars in the picture match the data.
import { createRequire } from "node:module";
// The canvas (about 18 MB resident) is loaded with the first chart, not with the app.
import type { SKRSContext2D } from "@napi-rs/canvas";
import type { UsageChart } from "../domain/usage-chart.ts";

/** Every word the chart prints, in the reader's language. */
export interface ChartLabels {
  title: string;
  /** The period and the total, under the title. */
  subtitle: string;
  /** The y axis: what is counted. */
  unit: string;
  month: (month: string) => string;
  others: (customers: number) => string;
  empty: string;
}

export const CHART_SIZE = { width: 1200, height: 700 };
const PLOT = { left: 96, right: 820, top: 130, bottom: 600 };
const LEGEND_X = 860;
/** Okabe–Ito colours, told apart also by readers with colour-blindness; "others" is grey. */
export const SERIES_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"] as const;
export const OTHERS_COLOUR = "#9E9E9E";
const INK = "#1A1A1A";
const MUTED = "#5F5F5F";
const GRID = "#E3E3E3";
const FAMILY = "BIZ UDPGothic";

let fontsLoaded = false;
function loadFonts(GlobalFonts: typeof import("@napi-rs/canvas").GlobalFonts): void {
  if (fontsLoaded) return;
  const require = createRequire(import.meta.url);
  GlobalFonts.registerFromPath(require.resolve("@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf"), FAMILY);
  GlobalFonts.registerFromPath(require.resolve("@expo-google-fonts/biz-udpgothic/700Bold/BIZUDPGothic_700Bold.ttf"), FAMILY);
  fontsLoaded = true;
}

export interface BarSegment { colour: string; value: number; top: number; bottom: number }
export interface Bar { month: string; x: number; width: number; total: number; segments: BarSegment[] }
export interface ChartLayout { baseline: number; pxPerIncident: number; ticks: number[]; bars: Bar[] }

/** A round axis maximum at or above `max` (1, 2 or 5 times a power of ten), and its ticks. */
export function axisTicks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power);
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}

export function chartLayout(chart: UsageChart): ChartLayout {
  const ticks = axisTicks(Math.max(0, ...chart.totals));
  const pxPerIncident = (PLOT.bottom - PLOT.top) / ticks.at(-1)!;
  const slot = (PLOT.right - PLOT.left) / Math.max(1, chart.months.length);
  const width = Math.round(Math.min(90, slot * 0.62));
  const layers = [
    ...chart.series.map((s, i) => ({ colour: SERIES_COLOURS[i % SERIES_COLOURS.length]!, values: s.values })),
    ...(chart.others ? [{ colour: OTHERS_COLOUR, values: chart.others.values }] : []),
  ];
  const bars = chart.months.map((month, i): Bar => {
    const x = Math.round(PLOT.left + slot * i + (slot - width) / 2);
    let cumulative = 0;
    const segments: BarSegment[] = [];
    for (const layer of layers) {
      const value = layer.values[i] ?? 0;
      if (value <= 0) continue;
      // Edges are rounded from the running total, so stacked segments meet without gaps and the whole bar is exact.
      const bottom = Math.round(PLOT.bottom - cumulative * pxPerIncident);
      cumulative += value;
      const top = Math.round(PLOT.bottom - cumulative * pxPerIncident);
      segments.push({ colour: layer.colour, value, top, bottom });
    }
    return { month, x, width, total: cumulative, segments };
  });
  return { baseline: PLOT.bottom, pxPerIncident, ticks, bars };
}

/** The longest start of `text` that fits `max` pixels, with an ellipsis when cut. */
function fit(g: SKRSContext2D, text: string, max: number): string {
  if (g.measureText(text).width <= max) return text;
  let cut = text;
  while (cut.length > 1 && g.measureText(`${cut}…`).width > max) cut = cut.slice(0, -1);
  return `${cut}…`;
}

export async function renderUsageChartPng(chart: UsageChart, labels: ChartLabels): Promise<Buffer> {
  const { createCanvas, GlobalFonts } = await import("@napi-rs/canvas");
  loadFonts(GlobalFonts);
  const canvas = createCanvas(CHART_SIZE.width, CHART_SIZE.height);
  const g = canvas.getContext("2d");
  g.fillStyle = "#FFFFFF";
  g.fillRect(0, 0, CHART_SIZE.width, CHART_SIZE.height);
  g.textBaseline = "alphabetic";
  g.fillStyle = INK;
  g.font = `bold 30px "${FAMILY}"`;
  g.fillText(fit(g, labels.title, CHART_SIZE.width - 96), 48, 62);
  g.fillStyle = MUTED;
  g.font = `20px "${FAMILY}"`;
  g.fillText(fit(g, labels.subtitle, CHART_SIZE.width - 96), 48, 96);

  const layout = chartLayout(chart);
  // Grid lines and the axis' figures.
  g.font = `16px "${FAMILY}"`;
  g.textAlign = "right";
  for (const tick of layout.ticks) {
    const y = Math.round(layout.baseline - tick * layout.pxPerIncident);
    g.fillStyle = tick === 0 ? MUTED : GRID;
    g.fillRect(PLOT.left, y, PLOT.right - PLOT.left, 1);
    g.fillStyle = MUTED;
    g.fillText(tick.toLocaleString("en-US"), PLOT.left - 12, y + 6);
  }
  g.save();
  g.translate(30, (PLOT.top + PLOT.bottom) / 2);
  g.rotate(-Math.PI / 2);
  g.textAlign = "center";
  g.fillText(labels.unit, 0, 0);
  g.restore();

  g.textAlign = "center";
  for (const bar of layout.bars) {
    for (const s of bar.segments) {
      g.fillStyle = s.colour;
      g.fillRect(bar.x, s.top, bar.width, s.bottom - s.top);
    }
    const centre = bar.x + bar.width / 2;
    if (bar.total > 0) {
      g.fillStyle = INK;
      g.font = `bold 17px "${FAMILY}"`;
      g.fillText(bar.total.toLocaleString("en-US"), centre, (bar.segments.at(-1)?.top ?? layout.baseline) - 8);
    }
    g.fillStyle = MUTED;
    g.font = `16px "${FAMILY}"`;
    g.fillText(labels.month(bar.month), centre, layout.baseline + 28);
  }

  if (layout.bars.every((b) => b.total === 0)) {
    g.fillStyle = MUTED;
    g.font = `22px "${FAMILY}"`;
    g.fillText(labels.empty, (PLOT.left + PLOT.right) / 2, (PLOT.top + PLOT.bottom) / 2);
  }

  // The legend, top segment first so it reads in the order the bars stack from the top.
  const entries = [
    ...chart.series.map((s, i) => ({ colour: SERIES_COLOURS[i % SERIES_COLOURS.length]!, name: s.name, total: s.values.reduce((n, v) => n + v, 0) })),
    ...(chart.others ? [{ colour: OTHERS_COLOUR, name: labels.others(chart.others.customers), total: chart.others.values.reduce((n, v) => n + v, 0) }] : []),
  ].reverse();
  g.textAlign = "left";
  g.font = `17px "${FAMILY}"`;
  entries.forEach((e, i) => {
    const y = PLOT.top + i * 34;
    g.fillStyle = e.colour;
    g.fillRect(LEGEND_X, y, 18, 18);
    g.fillStyle = INK;
    const figure = e.total.toLocaleString("en-US");
    const figureWidth = g.measureText(figure).width;
    g.fillText(fit(g, e.name, CHART_SIZE.width - 40 - LEGEND_X - 30 - figureWidth - 12), LEGEND_X + 28, y + 15);
    g.textAlign = "right";
    g.fillText(figure, CHART_SIZE.width - 40, y + 15);
    g.textAlign = "left";
  });
  return canvas.encode("png");
}
