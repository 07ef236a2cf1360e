// English, the second language. Same keys as insights.ja.ts, same parameters.
import { md } from "../../views/mrkdwn.ts";
import { enDate } from "../dates.ts";

/** "2026-06-…" or "2026-06" → the month as the chart and its comment write it. */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const monthEn = (date: string) => `${MONTHS[Number(date.slice(5, 7)) - 1] ?? date} ${date.slice(0, 4)}`;
import type { English } from "../english.ts";
import type { insightsJa } from "./insights.ja.ts";

export const insightsEn: English<typeof insightsJa> = {
  "forecast.title": "*Usage forecast*",
  "forecast.rate": ({ days, drawn, perMonth }: { days: number; drawn: number; perMonth: string }) =>
    `Usage: ${md(drawn)} incidents in the last ${md(days)} days (about ${md(perMonth)} a month)`,
  "forecast.no_rate": ({ min }: { min: number }) => `Less than ${md(min)} days of usage: too early to forecast from it.`,
  "forecast.runs_out": ({ date, end }: { date: string; end: string }) =>
    `:warning: At this rate the incidents run out around *${md(date)}*, before the contract ends on ${md(end)}.`,
  "forecast.none_left": ({ end }: { end: string }) => `:warning: No incidents available (the contract ends on ${md(end)}).`,
  "forecast.lasts": ({ end }: { end: string }) => `At this rate incidents remain at the end of the contract (${md(end)}).`,
  "forecast.last_year": ({ consumed, levelA }: { consumed: number; levelA: number }) =>
    `Consumed in the last 12 months: ${md(consumed)} incidents (${md(levelA)} service level A cases)`,
  "forecast.suggestion": ({ n }: { n: number }) => `Suggested renewal: ${md(n)} incidents`,
  "balance.attention.running_out": ":warning: runs out before the end",
  "forecast.customer_last_year": ({ consumed, levelA }: { consumed: number; levelA: number }) =>
    `Over the past year you used ${md(consumed)} incidents (${md(levelA)} of them service level A cases).`,

  "rating.ask": ({ number }: { number: string }) =>
    `How did we do on case ${md(number)}? Please rate it from 1 (dissatisfied) to 5 (satisfied): it helps us improve our service.`,
  "rating.thanks": ({ number, stars, score }: { number: string; stars: string; score: number }) =>
    `Thank you for rating case ${md(number)}. ${md(stars)} (${md(score)} / 5)`,
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
  "statement.title": ({ name, asOf }: { name: string; asOf: string }) => `*Usage statement of ${md(name)}* (as of ${md(asOf)})`,
  "statement.contract": ({ id, from, to, status }: { id: number; from: string; to: string; status: string }) =>
    `*Contract #${md(id)}* ${md(from)} – ${md(to)} (${md(status)})`,
  "statement.totals": ({ purchased, consumed, reserved, available }: { purchased: number; consumed: number; reserved: number; available: number }) =>
    `Purchased ${md(purchased)} · consumed ${md(consumed)} · reserved ${md(reserved)} · *available ${md(available)}*`,
  "statement.lapsed": ({ n }: { n: number }) => `Lapsed at the end of the period: ${md(n)} incidents`,
  "statement.credit": ({ on, kind, amount, note }: { on: string; kind: string; amount: string; note: string }) => `${md(on)} ${md(kind)} ${md(amount)}${note ? ` (${md(note)})` : ""}`,
  "statement.case": ({ number, title, level, outcome, detail }: { number: string; title: string; level: string; outcome: string; detail: string }) =>
    `${md(number)} ${md(title)} · ${md(level)} · ${md(outcome)} · ${md(detail)}`,
  "statement.consumed": ({ n }: { n: number }) => `${md(n)} consumed`,
  "statement.released": ({ n }: { n: number }) => `${md(n)} released`,
  "statement.reserved": ({ n }: { n: number }) => `${md(n)} reserved`,
  "statement.outcome.resolved": "resolved",
  "statement.outcome.closed": "closed after no reply",
  "statement.outcome.cancelled": "cancelled, a product defect (nothing consumed)",
  "statement.outcome.declined": "out of scope (nothing consumed)",
  "statement.outcome.open": "in progress",
  "statement.no_cases": "No cases on this contract yet.",
  "statement.more": ({ n }: { n: number }) => `${md(n)} more (the CSV lists them all)`,
  "statement.none": "No contract is registered.",
  "statement.csv_comment": ({ name }: { name: string }) => `The usage statement of ${md(name)} (CSV).`,
  "statement.csv.header": "Contract,Period,Kind,Date,Closed,Case,Title,Service level,Outcome,Consumed,Released,Reserved,Purchased or adjusted,Note",
  "statement.csv.case": "case",
  "statement.csv.credit": "purchase or adjustment",
  "sla.csv.header": "Month,Customer,Cases,First responses,First response p50 (business hours),First response p90 (business hours),First-response target missed,Ended,To the end p50 (business days),To the end p90 (business days),Ratings,Average rating",
  "sla.all_customers": "All customers",
  "sla.button": "SLA report",
  "sla.title": ({ from, to }: { from: string; to: string }) => `*SLA report* ${md(from)} – ${md(to)}`,
  "sla.line": ({ month, who, cases, p50, p90, breaches, r50, r90, rating }: { month: string; who: string; cases: number; p50: string; p90: string; breaches: number; r50: string; r90: string; rating: string }) =>
    `${md(month)} ${md(who)}: ${md(cases)} cases · first response p50 ${md(p50)} / p90 ${md(p90)} business hours · target missed ${md(breaches)} · to the end p50 ${md(r50)} / p90 ${md(r90)} business days · rating ${md(rating)}`,
  "sla.none": "No case was opened in this period.",
  "sla.csv_comment": ({ from, to }: { from: string; to: string }) => `The SLA report for ${md(from)} – ${md(to)} as CSV.`,
  "digest.title": ({ from, to }: { from: string; to: string }) => `Weekly digest (${md(from)} – ${md(to)})`,
  "digest.cases": ({ opened, ended }: { opened: number; ended: number }) => `New cases ${md(opened)} · ended ${md(ended)}`,
  "digest.incidents": ({ consumed, released }: { consumed: number; released: number }) => `Incidents: consumed ${md(consumed)} · released ${md(released)}`,
  "digest.ending": ({ count, names }: { count: number; names: string }) => `Contracts ending within 60 days: ${md(count)}${names ? ` (${md(names)})` : ""}`,
  "digest.running_out": ({ count, names }: { count: number; names: string }) => `None left or forecast to run out early: ${md(count)}${names ? ` (${md(names)})` : ""}`,
  "digest.breaches": ({ n }: { n: number }) => `First-response target missed: ${md(n)}`,
  "digest.ratings": ({ count, average }: { count: number; average: string }) => `Customer ratings: ${md(count)}${count ? ` (average ${md(average)} / 5)` : ""}`,
  "rating.card": ({ stars, score }: { stars: string; score: number }) => `Customer rating: ${md(stars)} (${md(score)} / 5)`,
  "chart.title": "Incidents consumed per month, by customer",
  "chart.subtitle": ({ from, to, total }: { from: string; to: string; total: number }) => `${md(monthEn(from))} – ${md(monthEn(to))} · ${md(total)} incidents in all`,
  "chart.unit": "Incidents consumed",
  "chart.month": ({ date }: { date: string }) => md(monthEn(date)),
  "chart.others": ({ n }: { n: number }) => `${md(n)} other customers`,
  "chart.empty": "No incidents were consumed in this period.",
  "chart.comment": ({ from, to }: { from: string; to: string }) => `Incidents consumed per month (${md(monthEn(from))} – ${md(monthEn(to))}) as a chart.`,
  "statement.pdf.title": "Usage statement",
  "statement.pdf.before_name": "To: ",
  "statement.pdf.after_name": "",
  "statement.pdf.issued_on": ({ date }: { date: string }) => `Issued on ${md(enDate(date))}`,
  "statement.pdf.contract": ({ id, from, to, status }: { id: number; from: string; to: string; status: string }) =>
    `Contract #${md(id)}  ${md(enDate(from))} – ${md(enDate(to))} (${md(status)})`,
  "statement.pdf.totals": ({ purchased, consumed, reserved, available }: { purchased: number; consumed: number; reserved: number; available: number }) =>
    `Purchased ${md(purchased)} incidents   consumed ${md(consumed)}   reserved ${md(reserved)}   available ${md(available)}`,
  "statement.pdf.valid": ({ until }: { until: string }) => `Valid until ${md(enDate(until))}`,
  "statement.pdf.credits": "Purchases, additions and corrections",
  "statement.pdf.cases": "Use per case",
  "statement.pdf.col.opened": "Opened",
  "statement.pdf.col.case": "Case",
  "statement.pdf.col.title": "Title",
  "statement.pdf.col.level": "Service level",
  "statement.pdf.col.outcome": "Outcome",
  "statement.pdf.col.consumed": "Cons.",
  "statement.pdf.col.released": "Rel.",
  "statement.pdf.col.reserved": "Res.",
  "statement.pdf.col.date": "Date",
  "statement.pdf.col.kind": "Kind",
  "statement.pdf.col.amount": "Incidents",
  "statement.pdf.col.note": "Note",
  "statement.pdf.page": ({ page, total }: { page: number; total: number }) => `${md(page)} / ${md(total)}`,
  "statement.pdf_comment": ({ asOf }: { asOf: string }) => `The usage statement as PDF (as of ${md(enDate(asOf))}).`,
  // Posted on the first business morning of each month in a channel that asked for it.
  "notice.monthly_statement": ({ name, month, casesOpened, casesEnded, consumed, released, purchased, reserved, available, validUntil }: {
    name: string; month: string; casesOpened: number; casesEnded: number; consumed: number; released: number; purchased: number; reserved: number; available: number; validUntil: string;
  }) =>
    `*Usage statement of ${md(name)} for ${md(monthEn(month))}*\n` +
    `Thank you for using our support. Here is how your contract was used in ${md(monthEn(month))}.\n` +
    `• Cases you asked us about: ${md(casesOpened)} (${md(casesEnded)} completed)\n` +
    `• Incidents: ${md(consumed)} consumed, ${md(released)} released\n` +
    `• Your contract now: purchased ${md(purchased)} · reserved ${md(reserved)} · *available ${md(available)}*` + (validUntil ? ` (valid until ${md(enDate(validUntil))})` : "") + "\n" +
    "Each case's line is in the usage statement on this channel's entry message (its PDF comes by direct message).",
  "statement.pdf_not_sent": ({ contact }: { contact: string }) =>
    `We are sorry, but we could not send you the usage statement as PDF by direct message. Should you need it, please contact ${contact}.`,
};
