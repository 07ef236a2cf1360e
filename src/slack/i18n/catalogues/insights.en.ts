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
  "statement.button": "Usage statement",
  "statement.title": ({ name, asOf }: { name: string; asOf: string }) => `*Usage statement of ${name}* (as of ${asOf})`,
  "statement.contract": ({ id, from, to, status }: { id: number; from: string; to: string; status: string }) =>
    `*Contract #${id}* ${from} – ${to} (${status})`,
  "statement.totals": ({ purchased, consumed, reserved, available }: { purchased: number; consumed: number; reserved: number; available: number }) =>
    `Purchased ${purchased} · consumed ${consumed} · reserved ${reserved} · *available ${available}*`,
  "statement.lapsed": ({ n }: { n: number }) => `Lapsed at the end of the period: ${n} incidents`,
  "statement.credit": ({ on, kind, amount, note }: { on: string; kind: string; amount: string; note: string }) => `${on} ${kind} ${amount}${note ? ` (${note})` : ""}`,
  "statement.case": ({ number, title, level, outcome, detail }: { number: string; title: string; level: string; outcome: string; detail: string }) =>
    `${number} ${title} · ${level} · ${outcome} · ${detail}`,
  "statement.consumed": ({ n }: { n: number }) => `${n} consumed`,
  "statement.released": ({ n }: { n: number }) => `${n} released`,
  "statement.reserved": ({ n }: { n: number }) => `${n} reserved`,
  "statement.outcome.resolved": "resolved",
  "statement.outcome.closed": "closed after no reply",
  "statement.outcome.cancelled": "cancelled, a product defect (nothing consumed)",
  "statement.outcome.declined": "out of scope (nothing consumed)",
  "statement.outcome.open": "in progress",
  "statement.no_cases": "No cases on this contract yet.",
  "statement.more": ({ n }: { n: number }) => `${n} more (the CSV lists them all)`,
  "statement.none": "No contract is registered.",
  "statement.csv_comment": ({ name }: { name: string }) => `The usage statement of ${name} (CSV).`,
  "statement.csv.header": "Contract,Period,Kind,Date,Closed,Case,Title,Service level,Outcome,Consumed,Released,Reserved,Purchased or adjusted,Note",
  "statement.csv.case": "case",
  "statement.csv.credit": "purchase or adjustment",
  "sla.csv.header": "Month,Customer,Cases,First responses,First response p50 (business hours),First response p90 (business hours),First-response target missed,Ended,To the end p50 (business days),To the end p90 (business days),Ratings,Average rating",
  "sla.all_customers": "All customers",
  "sla.title": ({ from, to }: { from: string; to: string }) => `*SLA report* ${from} – ${to}`,
  "sla.line": ({ month, who, cases, p50, p90, breaches, r50, r90, rating }: { month: string; who: string; cases: number; p50: string; p90: string; breaches: number; r50: string; r90: string; rating: string }) =>
    `${month} ${who}: ${cases} cases · first response p50 ${p50} / p90 ${p90} business hours · target missed ${breaches} · to the end p50 ${r50} / p90 ${r90} business days · rating ${rating}`,
  "sla.none": "No case was opened in this period.",
  "sla.csv_comment": ({ from, to }: { from: string; to: string }) => `The SLA report for ${from} – ${to} as CSV.`,
  "digest.title": ({ from, to }: { from: string; to: string }) => `Weekly digest (${from} – ${to})`,
  "digest.cases": ({ opened, ended }: { opened: number; ended: number }) => `New cases ${opened} · ended ${ended}`,
  "digest.incidents": ({ consumed, released }: { consumed: number; released: number }) => `Incidents: consumed ${consumed} · released ${released}`,
  "digest.ending": ({ count, names }: { count: number; names: string }) => `Contracts ending within 60 days: ${count}${names ? ` (${names})` : ""}`,
  "digest.running_out": ({ count, names }: { count: number; names: string }) => `None left or forecast to run out early: ${count}${names ? ` (${names})` : ""}`,
  "digest.breaches": ({ n }: { n: number }) => `First-response target missed: ${n}`,
  "digest.ratings": ({ count, average }: { count: number; average: string }) => `Customer ratings: ${count}${count ? ` (average ${average} / 5)` : ""}`,
  "rating.card": ({ stars, score }: { stars: string; score: number }) => `Customer rating: ${stars} (${score} / 5)`,
};
