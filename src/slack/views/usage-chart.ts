// The words of the monthly usage chart in the reader's language. Pure: a chart and a translator in, labels out.
// Customer names are drawn by the chart itself, as plain text, never through a message catalogue.
import type { UsageChart } from "../../domain/usage-chart.ts";
import type { ChartLabels } from "../../report/chart.ts";
import type { Translate } from "../i18n/index.ts";

export function chartLabels(chart: UsageChart, t: Translate): ChartLabels {
  const from = chart.months[0] ?? "";
  const to = chart.months.at(-1) ?? "";
  return {
    title: t("chart.title"),
    subtitle: t("chart.subtitle", { from, to, total: chart.totals.reduce((n, x) => n + x, 0) }),
    unit: t("chart.unit"),
    month: (month) => t("chart.month", { date: month }),
    others: (n) => t("chart.others", { n }),
    empty: t("chart.empty"),
  };
}

export function chartFilename(chart: UsageChart): string {
  return `usage_${chart.months[0] ?? ""}_${chart.months.at(-1) ?? ""}.png`;
}
