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

  "rating.ask": ({ number }: { number: string }) =>
    `How did we do on case ${number}? Please rate it from 1 (dissatisfied) to 5 (satisfied): it helps us improve our service.`,
  "rating.thanks": ({ number, stars, score }: { number: string; stars: string; score: number }) =>
    `Thank you for rating case ${number}. ${stars} (${score} / 5)`,
  "rating.comment_button": "Add a comment",
  "rating.commented": "Thank you for your comment as well.",
  "rating.modal.title": "Your feedback",
  "rating.modal.submit": "Send",
  "rating.modal.close": "Close",
  "rating.modal.label": "Anything you would like us to know",
  "rating.refused.already": "This case has already been rated. Thank you.",
  "rating.refused.not_ended": "This case is still open: it can be rated once it has closed.",
  "rating.refused.commented": "A comment on this case has already been sent.",
  "rating.refused.not_rated": "Please choose a rating from 1 to 5 first.",
  "rating.card": ({ stars, score }: { stars: string; score: number }) => `Customer rating: ${stars} (${score} / 5)`,
};
