// English, the second language. Same keys as renewal.ja.ts, same parameters.
import { md } from "../../views/mrkdwn.ts";
import type { English } from "../english.ts";
import type { renewalJa } from "./renewal.ja.ts";

const ANSWER: Record<string, string> = { continue: "We wish to continue", considering: "Considering / let's talk", decline: "We will not continue" };
const answer = (a: string) => ANSWER[a] ?? md(a);
const KIND: Record<string, string> = { renewal: "renewal (a new contract period)", addition: "additional purchase" };

function acknowledgement(a: string, user: string, endsOn: string): string {
  switch (a) {
    case "continue":
      return `Thank you, <@${user}>: we have noted that you wish to continue. Once you fill in the application form, we will be in touch about the paperwork.`;
    case "considering":
      return `Thank you, <@${user}>: we have noted that you are still considering. If you have questions or would like to talk, please tell us in this thread.`;
    default:
      return `Thank you, <@${user}>: we have noted that you will not continue. Thank you for using our support; you can use it until ${endsOn}.`;
  }
}

export const renewalEn: English<typeof renewalJa> = {
  "renewal.button.continue": "We wish to continue",
  "renewal.button.considering": "Considering / let's talk",
  "renewal.button.decline": "We will not continue",
  "renewal.answer": ({ answer: a }) => answer(a),
  "renewal.current": ({ answer: a, user, date }) => `Current answer: *${answer(a)}* (<@${user}>, ${date}). You can change it with the buttons.`,
  "renewal.answered": ({ user, answer: a, endsOn }) => acknowledgement(a, user, endsOn),
  "renewal.changed": ({ user, answer: a, previous, endsOn }) => `We have noted your changed answer ("${answer(previous)}" → "${answer(a)}"). ` + acknowledgement(a, user, endsOn),
  "renewal.same": ({ answer: a }) => `We already have your answer "${answer(a)}". To change it, press another button.`,
  "renewal.refused.unknown": "This notice is not about this channel's contract, so we could not take an answer to it.",
  "renewal.refused.ended": "This contract has already ended, so this notice can no longer be answered. Please ask us about a new application.",
  "renewal.refused.customer": "Only the contracted customer can answer this notice.",
  "alert.renewal_answered": ({ customer, user, answer: a, endsOn }) => `:inbox_tray: ${md(customer)}, contract ending ${endsOn}: <@${user}> answered the renewal notice: "${answer(a)}"`,
  "alert.renewal_changed": ({ customer, user, answer: a, previous, endsOn }) => `:arrows_counterclockwise: ${md(customer)}, contract ending ${endsOn}: <@${user}> changed the renewal answer: "${answer(previous)}" → "${answer(a)}"`,
  "alert.renewal_unanswered": ({ customer, endsOn, sent }) => `:alarm_clock: ${md(customer)}'s contract ends on ${endsOn} and the renewal notice sent on ${sent} has no answer yet. Consider contacting the customer.`,

  "purchase.button.apply": "Ask about buying more",
  "apply.title.renewal": "Apply to continue",
  "apply.title.addition": "Buy more incidents",
  "apply.submit": "Send",
  "apply.intro.renewal": ({ customer, endsOn }) => `${md(customer)}, thank you for applying to continue. Please fill in the registration form (your current contract ends on ${endsOn}). ` +
    "We will check it and register the contract. No payment is taken through this form.",
  "apply.intro.addition": ({ customer }) => `${md(customer)}, thank you for asking about more incidents. Please fill in the registration form. ` +
    "We will check it and register it. No payment is taken through this form.",
  "apply.field.company": "Company name",
  "apply.field.person": "Contact person",
  "apply.field.email": "Contact email",
  "apply.field.incidents": "Incidents wanted",
  "apply.field.incidents_hint": ({ n }) => `From last year's usage we suggest ${n} incidents; change it as you need.`,
  "apply.field.starts": "Desired start date",
  "apply.field.note": "Notes",
  "apply.error.email": "Enter an email address (e.g. name@example.com).",
  "apply.error.range": ({ max }) => `Enter a whole number from 1 to ${max}.`,
  "apply.error.past": "Choose today or a later date.",
  "apply.refused": "Only the contracted customer can apply.",

  "request.number": ({ id }) => `R-${String(id).padStart(4, "0")}`,
  "request.kind": ({ kind }) => KIND[kind] ?? kind,
  "request.customer.head": ({ number }) => `We have received your application (reference ${number})`,
  "request.customer.body": ({ kind, incidents, startsOn, person }) =>
    `Type: ${KIND[kind] ?? kind} · incidents wanted: ${incidents}` + (startsOn ? ` · desired start: ${startsOn}` : "") + ` · contact: ${md(person)}`,
  "request.state.pending": "Status: being checked by our staff. We will tell you in this thread once it is done.",
  "request.state.registered": ({ id }) => `Status: registered (contract #${id}).`,
  "request.state.declined": "Status: on hold for now. Please see the thread.",
  "request.registered": ({ kind, incidents, from, to }) =>
    kind === "addition"
      ? `Your additional purchase is registered: ${incidents} incidents were added to your contract (valid until ${to}).`
      : `Your renewal is registered: a new contract of ${incidents} incidents from ${from} to ${to}. Thank you for continuing with us.`,
  "request.declined": ({ reason }) => `We regret that we cannot proceed with your application at this time. Reason: ${md(reason)}\nIf you have any questions, please ask in this thread.`,
  "request.triage.head": ({ number, customer, kind }) => `:memo: ${number} application from ${md(customer)} (${KIND[kind] ?? kind})`,
  "request.triage.body": ({ company, person, email, incidents, startsOn, note, user }) =>
    [`Company: ${md(company)} · contact: ${md(person)} (${md(email)})`, `Wanted: ${incidents} incidents` + (startsOn ? ` · start ${startsOn}` : ""),
      ...(note ? [`Notes: ${md(note)}`] : []), `Sent by <@${user}>`].join("\n"),
  "request.triage.registered": ({ user, id }) => `:white_check_mark: Registered by <@${user}> (contract #${id}).`,
  "request.triage.declined": ({ user, reason }) => `:no_entry_sign: Declined / held by <@${user}>: ${md(reason)}`,
  "request.button.register": "Register",
  "request.button.decline": "Decline / hold",
  "request.decline.title": "Decline / hold",
  "request.decline.intro": ({ number, customer }) => `Decline or hold ${number} (${md(customer)}). The customer is told the reason in their channel.`,
  "request.decline.reason": "Reason told to the customer",
  "request.decline.submit": "Send",
  "request.settled": "This application has already been dealt with.",
  "request.unknown": "This application was not found.",
  "request.done.declined": ({ number }) => `${number} was declined / held and the customer told.`,
  "contracts.detail.renewal": ({ answer: a, user, date }) => (a ? `Renewal answer: *${answer(a)}* (<@${user}>, ${date})` : "Renewal answer: notice sent, no answer"),
  "contracts.detail.requests": "Applications",
  "contracts.detail.request": ({ number, kind, incidents, state, at }) => `${number} · ${KIND[kind] ?? kind} ${incidents} · ${state} · ${at}`,
  "contracts.detail.events": "History",
  "contracts.history.renewal_answered": ({ at, user, id, answer: a }) => `${at} · ${user} · renewal answer for contract #${id}: *${answer(a)}*`,
  "contracts.history.renewal_changed": ({ at, user, id, answer: a, previous }) => `${at} · ${user} · changed the answer for contract #${id}: ${answer(previous)} → *${answer(a)}*`,
  "contracts.history.request_created": ({ at, user, number, kind, incidents }) => `${at} · ${user} · ${number} applied for (${KIND[kind] ?? md(kind)}, ${incidents} incidents)`,
  "contracts.history.request_registered": ({ at, user, number, id }) => `${at} · ${user} · registered ${number} as contract #${id}`,
  "contracts.history.request_declined": ({ at, user, number, reason }) => `${at} · ${user} · declined or held ${number}: ${md(reason)}`,
  "balance.renewal.unanswered": ":grey_question: renewal answer awaited",
  "balance.renewal.answered": ({ answer: a }) => `Renewal answer: ${answer(a)}`,
};
