// The monthly usage chart as a manager sees it: a real PNG of a useful size, not blank, whose bars are as tall as
// the incidents they stand for, in the colour the legend gives their customer; the other customers together in grey.
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { monthsThrough, usageChart, type UsageRow } from "../../src/domain/usage-chart.ts";
import { chartLayout, CHART_SIZE, OTHERS_COLOUR, renderUsageChartPng, SERIES_COLOURS } from "../../src/report/chart.ts";
import { translator } from "../../src/slack/i18n/index.ts";
import { chartLabels } from "../../src/slack/views/usage-chart.ts";

const months = monthsThrough("2026-11-24", 6);
const NAMES = ["株式会社サンプル", "他社株式会社", "丸々商事", "三角工業", "四角電機", "五島物産", "六本木システム", "七尾物流", "八幡製作所"];
// Customer i uses a different amount each month; the last two are the smallest users and fall into "others".
const rows: UsageRow[] = months.flatMap((month, m) => NAMES.map((name, i) => ({ month, customerId: i + 1, name, incidents: (i < 7 ? 9 - i : 1) + ((m + i) % 3) })));

const hex = (png: PNG, x: number, y: number) => {
  const i = (png.width * y + x) * 4;
  return `#${[png.data[i]!, png.data[i + 1]!, png.data[i + 2]!].map((v) => v.toString(16).padStart(2, "0")).join("")}`.toUpperCase();
};

async function drawn(chartRows: readonly UsageRow[], locale: "ja" | "en" = "ja") {
  const chart = usageChart(chartRows, months);
  const buffer = await renderUsageChartPng(chart, chartLabels(chart, translator(locale)));
  return { chart, buffer, png: PNG.sync.read(buffer) };
}

describe("the monthly usage chart", () => {
  it("is a PNG of a readable size with ink on it", async () => {
    const { buffer, png } = await drawn(rows);
    expect(buffer.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect([png.width, png.height]).toEqual([CHART_SIZE.width, CHART_SIZE.height]);
    expect(buffer.length).toBeGreaterThan(10_000);
    expect(buffer.length).toBeLessThan(1_000_000);
    let ink = 0;
    for (let y = 0; y < png.height; y++) for (let x = 0; x < png.width; x++) if (hex(png, x, y) !== "#FFFFFF") ink++;
    expect(ink / (png.width * png.height)).toBeGreaterThan(0.05);
  });

  it("stacks each month's incidents in the customers' colours, each segment as tall as its incidents", async () => {
    const { chart, png } = await drawn(rows);
    expect(chart.series.map((s) => s.name)).toEqual(NAMES.slice(0, 7));
    expect(chart.others).toEqual({ customers: 2, values: months.map((_, m) => 2 + ((m + 7) % 3) + ((m + 8) % 3)) });
    const layout = chartLayout(chart);
    const colours = [...chart.series.map((_, i) => SERIES_COLOURS[i]!), OTHERS_COLOUR];
    layout.bars.forEach((bar, m) => {
      const centre = bar.x + Math.floor(bar.width / 2);
      // Pixels of each colour in the bar's middle column, read from the picture itself.
      const counted = new Map<string, number>();
      for (let y = 0; y < layout.baseline; y++) {
        const colour = hex(png, centre, y);
        if (colours.includes(colour)) counted.set(colour, (counted.get(colour) ?? 0) + 1);
      }
      const values = [...chart.series.map((s) => s.values[m]!), chart.others!.values[m]!];
      values.forEach((value, i) => {
        expect(Math.abs((counted.get(colours[i]!) ?? 0) - value * layout.pxPerIncident), `${months[m]} ${colours[i]}`).toBeLessThanOrEqual(1.01);
      });
      // The whole bar is the month's total, and nothing of it shows above.
      const top = bar.segments.at(-1)!.top;
      expect(layout.baseline - top).toBe(Math.round(chart.totals[m]! * layout.pxPerIncident));
      expect(hex(png, centre, top - 2)).not.toBe(OTHERS_COLOUR);
    });
    // The tallest bar is the busiest month.
    const tallest = layout.bars.reduce((a, b) => (b.total > a.total ? b : a));
    expect(tallest.total).toBe(Math.max(...chart.totals));
  });

  it("says so when nothing was consumed, without dividing by zero", async () => {
    const { chart, png } = await drawn([]);
    expect(chart.totals).toEqual([0, 0, 0, 0, 0, 0]);
    expect(chart.series).toEqual([]);
    expect(chartLayout(chart).bars.every((b) => b.segments.length === 0)).toBe(true);
    let ink = 0;
    for (let y = 0; y < png.height; y++) for (let x = 0; x < png.width; x++) if (hex(png, x, y) !== "#FFFFFF") ink++;
    expect(ink).toBeGreaterThan(1000); // the title, the axis and the sentence saying there is nothing
  });

  it("words the months and the others in the reader's language", () => {
    const chart = usageChart(rows, months);
    const ja = chartLabels(chart, translator("ja"));
    const en = chartLabels(chart, translator("en"));
    expect(ja.month("2026-06")).toBe("2026年6月");
    expect(en.month("2026-06")).toBe("Jun 2026");
    expect(ja.others(2)).toBe("その他 2 社");
    expect(ja.subtitle).toBe(`2026年6月 〜 2026年11月・合計 ${chart.totals.reduce((n, x) => n + x, 0)} インシデント`);
  });
});
