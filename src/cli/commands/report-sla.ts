// `report sla`: first-response and resolution times in business time, per month and customer, as CSV; with --chart
// also the months' incidents consumed per customer as a PNG chart.
import { writeFileSync } from "node:fs";
import { validatePeriod } from "../../services/export-ledger.ts";
import { slaReport } from "../../services/sla-report.ts";
import { monthlyUsage } from "../../services/usage-chart.ts";
import { renderUsageChartPng } from "../../report/chart.ts";
import { chartLabels } from "../../slack/views/usage-chart.ts";
import { translator } from "../../slack/i18n/index.ts";
import { slaCsv } from "../../slack/views/sla-report.ts";
import { parseFlags } from "../args.ts";
import { CliError, type CliContext } from "../context.ts";
import { inputError } from "../contract-errors.ts";

export const usage = `npm run cli -- report sla --from YYYY-MM-DD --to YYYY-MM-DD [--out FILE] [--chart FILE.png] [--locale ja|en]

  Writes the SLA report of the cases opened in the period (local dates, both included) as CSV: per month, every
  customer together and then each customer, the first response and the time to the end in business time (p50, p90;
  weekends, holidays and closing days do not count), normal cases whose first response missed its one business day
  (R-LIFE-7), and the customers' ratings. Without --out the CSV goes to standard output. --chart also draws the
  incidents consumed in each month of the period per customer (the seven who used most, the others together) as PNG.`;

export async function reportSla(ctx: CliContext, args: string[], write: (chunk: string) => void): Promise<void> {
  const values = parseFlags(args, { from: { type: "string" }, to: { type: "string" }, out: { type: "string" }, chart: { type: "string" }, locale: { type: "string" } });
  const period = validatePeriod(values.from, values.to);
  if (!period.ok) throw inputError(period.errors, { from: "--from", to: "--to" });
  const locale = values.locale ?? ctx.config.defaultLocale;
  if (locale !== "ja" && locale !== "en") throw new CliError(`--locale: ja or en, got "${locale}"`);
  const rows = await slaReport(ctx.deps, period);
  const t = translator(locale);
  if (values.chart) {
    const months = (Number(period.to.slice(0, 4)) - Number(period.from.slice(0, 4))) * 12 + Number(period.to.slice(5, 7)) - Number(period.from.slice(5, 7)) + 1;
    const chart = await monthlyUsage(ctx.deps, { months, through: period.to });
    writeFileSync(values.chart, await renderUsageChartPng(chart, chartLabels(chart, t)), { mode: 0o600 });
    ctx.out(`wrote the chart of incidents consumed per month (${chart.months[0]} – ${chart.months.at(-1)}) to ${values.chart}`);
  }
  const csv = slaCsv(rows, t);
  if (!values.out) return write(csv);
  writeFileSync(values.out, csv, { mode: 0o600 });
  ctx.out(`wrote the SLA report from ${period.from} to ${period.to} (${rows.length} rows) to ${values.out}`);
}
