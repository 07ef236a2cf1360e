// English, the second language. Same keys as insights.ja.ts, same parameters.
import type { English } from "../english.ts";
import type { insightsJa } from "./insights.ja.ts";

export const insightsEn: English<typeof insightsJa> = {
  "forecast.title": "*Usage forecast*",
  "forecast.rate": ({ days, drawn, perMonth }: { days: number; drawn: number; perMonth: string }) =>
    `Usage: ${drawn} incidents in the last ${days} days (about ${perMonth} a month)`,
  "forecast.no_rate": ({ min }: { min: number }) => `Less than ${min} days of usage: too early to forecast from it.`,
  "forecast.runs_out": ({ date, end }: { date: string; end: string }) =>
    `:warning: At this rate the incidents run out around *${date}*, before the contract ends on ${end}.`,
  "forecast.none_left": ({ end }: { end: string }) => `:warning: No incidents available (the contract ends on ${end}).`,
  "forecast.lasts": ({ end }: { end: string }) => `At this rate incidents remain at the end of the contract (${end}).`,
  "forecast.last_year": ({ consumed, levelA }: { consumed: number; levelA: number }) =>
    `Consumed in the last 12 months: ${consumed} incidents (${levelA} service level A cases)`,
  "forecast.suggestion": ({ n }: { n: number }) => `Suggested renewal: ${n} incidents`,
  "balance.attention.running_out": ":warning: runs out before the end",
  "forecast.customer_last_year": ({ consumed, levelA }: { consumed: number; levelA: number }) =>
    `Over the past year you used ${consumed} incidents (${levelA} of them service level A cases).`,
};
