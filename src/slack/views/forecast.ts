// The usage forecast as a manager reads it in /balance <customer>. Pure: a forecast in, mrkdwn lines out.
import { MIN_HISTORY_DAYS, type Forecast } from "../../domain/forecast.ts";
import type { Translate } from "../i18n/index.ts";

export function forecastText(f: Forecast, t: Translate): string {
  const lines = [t("forecast.title")];
  if (f.ratePerDay === null) lines.push(t("forecast.no_rate", { min: MIN_HISTORY_DAYS }));
  else lines.push(t("forecast.rate", { days: f.windowDays, drawn: f.drawn, perMonth: (f.ratePerDay * 30).toFixed(1) }));
  if (f.endsOn !== null) {
    if (f.available === 0) lines.push(t("forecast.none_left", { end: f.endsOn }));
    else if (f.runsOutEarly && f.exhaustsOn) lines.push(t("forecast.runs_out", { date: f.exhaustsOn, end: f.endsOn }));
    else if (f.ratePerDay !== null) lines.push(t("forecast.lasts", { end: f.endsOn }));
  }
  lines.push(`${t("forecast.last_year", f.lastYear)} · ${t("forecast.suggestion", { n: f.suggestedRenewal })}`);
  return lines.join("\n");
}
