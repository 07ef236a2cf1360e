// English, the second language. Same keys as scheduler.ja.ts, same parameters.
import { md } from "../../views/mrkdwn.ts";
import type { English } from "../english.ts";
import type { schedulerJa } from "./scheduler.ja.ts";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** "2026-05-14" → "Thu 14 May 2026" */
function enDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  if (!y || !m || !d) return date;
  return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${d} ${MONTHS[m - 1]} ${y}`;
}

export const schedulerEn: English<typeof schedulerJa> = {
  "notice.unanswered_delay": ({ expected }) =>
    "We are sorry that our answer to your question is taking longer than usual. " +
    (expected ? `We now expect to answer by ${enDate(expected)}. ` : "An engineer is still looking into it. ") +
    "We will reply in this thread as soon as the answer is ready; thank you for your patience.",
  "notice.auto_close_soon": ({ number, date, time }) =>
    `Case ${number} will be closed as resolved on ${enDate(date)} at ${time} if there is no reply within 7 business days of our last answer. ` +
    "If anything is still unresolved or unclear, please reply in this thread.",

  "notice.renewal_due": ({ endsOn, available, consumed, levelA, contact }) =>
    "Thank you for using T4U's support service.\n" +
    `Your current support contract ends on *${enDate(endsOn)}* (incidents available: ${available}).\n` +
    (consumed !== undefined ? `Over the last year you used ${consumed} incident${consumed === 1 ? "" : "s"} (${levelA ?? 0} of them level A case${levelA === 1 ? "" : "s"}).\n` : "") +
    "Would you let us know whether you intend to continue for the next period? You can answer with the buttons below. " +
    "Unused incidents lapse when the contract ends; they do not carry over to the next period." +
    `\nIf you have any questions, please contact ${contact}.`,
  "notice.contract_ended": ({ startsOn, endsOn, lapsed, open, contact }) =>
    `Your support contract (${enDate(startsOn)} – ${enDate(endsOn)}) has ended. Thank you for using our support service.\n` +
    (lapsed > 0 ? `${lapsed} unused incident${lapsed === 1 ? " has" : "s have"} lapsed. ` : "") +
    (open > 0 ? `Your open case${open === 1 ? "" : "s"} (${open}) will be answered until resolved. ` : "") +
    `To open new cases, the contract needs to be renewed; please contact ${contact}.`,
  "notice.contract_exhausted": ({ endsOn, contact }) =>
    "You have used all the incidents of your contract. Thank you for using our support service.\n" +
    `Because every incident has been used, the contract has ended (it was to run until ${enDate(endsOn)}). ` +
    `To open new cases, the support contract needs to be renewed for a new period. Please contact ${contact} to arrange it.`,

  "alert.first_response_soon": ({ number, customer, date, time }) =>
    `:hourglass_flowing_sand: ${number} (${md(customer)}): first response due ${enDate(date)} ${time}.`,
  "alert.first_response_overdue": ({ number, customer, date, time }) =>
    `:rotating_light: ${number} (${md(customer)}): first response overdue since ${enDate(date)} ${time}. Please answer now.`,
  "alert.unanswered_delay": ({ number, customer, date, time }) =>
    `:warning: ${number} (${md(customer)}): the question of ${enDate(date)} ${time} has had no answer for 2 business days; the customer was sent an apology for the delay.`,
  "alert.renewal_due": ({ customer, endsOn, available }) =>
    `:calendar: ${md(customer)}'s contract ends on ${enDate(endsOn)} (${available} left). The customer was asked about renewal.`,
  "alert.contract_ended": ({ customer, startsOn, endsOn, lapsed, successor }) =>
    `:card_index_dividers: ${md(customer)}'s contract (${startsOn} – ${endsOn}) has ended; ${lapsed} incident${lapsed === 1 ? "" : "s"} lapsed. ` +
    (successor ? `A later contract runs to ${successor}, so the customer was not notified.` : "No contract is in force; the customer was notified."),
  "alert.contract_dates": ({ customer, id, startsOn, endsOn }: { customer: string; id: number; startsOn: string; endsOn: string }) =>
    `:warning: Contract #${id} of ${md(customer)} has a period (${startsOn} to ${endsOn}) that cannot be used as dates, so no renewal or end notice is sent for it. ` +
    "Please check the registration: register the contract with the right period (contract renew) and adjust this one's remaining incidents to 0 (contract adjust).",
  "alert.contract_exhausted": ({ customer, endsOn, purchased, remaining }) =>
    `:red_circle: ${md(customer)}'s contract (to ${endsOn}) has used all ${purchased} incidents. ` +
    (remaining > 0 ? `${remaining} remain on other contracts, so the customer was not notified.` : "None are left; the customer was asked to renew."),
};
