// English, the second language. Same keys as core.ja.ts, same parameters.
import { md } from "../../views/mrkdwn.ts";
import { enDate } from "../dates.ts";
import type { English } from "../english.ts";
import type { coreJa } from "./core.ja.ts";

export const coreEn: English<typeof coreJa> = {
  "state.open": "Received",
  "state.in_progress": "In progress",
  "state.answered": "Answered — awaiting your reply",
  "state.resolved": "Resolved",
  "state.closed": "Closed",
  "state.cancelled": "Cancelled",
  "state.declined": "Out of scope",
  "level.normal": "Normal service",
  "level.A": "Service level A",
  "reason.reproduction": "verification by reproducing your environment",
  "reason.report": "a formal written report",

  "entry.text": "Rakan™ support desk. To ask a question or report a problem, open a case with the button below.",
  "entry.intro": "*Rakan™ support desk*\nTo ask a question or report a problem, choose “Open a case”. An engineer will answer in a thread in this channel.",
  "entry.open": "Open a case",
  "entry.balance": "Check remaining incidents",

  "modal.open.title": "Open a case",
  "modal.open.submit": "Submit",
  "modal.cancel": "Cancel",
  "modal.open.channel": "Customer channel",
  "modal.open.title_label": "Title",
  "modal.open.title_hint": "e.g. An error appears during license activation",
  "modal.open.description": "Details",
  "modal.open.description_hint": "What happens, the steps you took, and any error messages.",
  "modal.open.product": "Product and version",
  "modal.open.level": "Service level",
  "modal.open.level_normal": "Normal (1 incident, answered within 1 business day)",
  "modal.open.level_a_reproduction": "Level A: needs verification by reproducing our environment (3 incidents)",
  "modal.open.level_a_report": "Level A: needs a formal written report (3 incidents)",
  "modal.open.cost": ({ normal, levelA, available }) =>
    `This case reserves *${normal}* incident (*${levelA}* for level A). You have *${available}* available.`,
  "modal.open.previous": ({ number }) => `This continues closed case ${number}.`,

  "error.required": "Please fill this in.",
  "error.too_long": ({ max }) => `Please keep this within ${max} characters.`,
  "error.channel_not_registered": "Sorry, this channel is not registered for a support contract, so a case cannot be opened from it.",
  "error.no_contract": ({ contact }) => `No valid support contract was found. For a contract or renewal, please contact ${contact}.`,
  "error.expired": ({ contact }) => `Your support contract has expired. To renew it, please contact ${contact}.`,
  "error.insufficient": ({ needed, available, contact }) =>
    `Not enough incidents (needed: ${needed}, available: ${available}). To buy more, please contact ${contact}.`,
  "error.invalid_date": "Please enter a date as YYYY-MM-DD.",

  "case.header": ({ number, title }) => `${number} ${title}`,
  "case.level_with_reason": ({ level, reason }) => `${level} (${md(reason)})`,
  "case.status": "Status",
  "case.level": "Service level",
  "case.incidents": "Incidents",
  "case.incidents_reserved": ({ n }) => `${n} ${n === 1 ? "incident" : "incidents"} (reserved)`,
  "case.incidents_consumed": ({ n }) => `${n} ${n === 1 ? "incident" : "incidents"} (consumed)`,
  "case.incidents_released": ({ n }) => `${n} ${n === 1 ? "incident" : "incidents"} (not consumed)`,
  "case.assignee": "Engineer",
  "case.unassigned": "Not assigned yet",
  "case.opened_by": ({ user }) => `Opened by <@${user}>`,
  "case.auto_close": ({ date }) => `If we have no reply from you by ${enDate(date)}, this case will be closed as resolved.`,
  "case.expected": ({ date }) => `Expected answer: ${enDate(date)}`,
  "case.remaining": ({ available }) => `Incidents available: ${available}`,
  "case.thread_hint": "Reply in this thread with follow-up questions (they use no extra incidents).",
  "case.next.open": "An engineer will review your request and answer in this thread.",
  "case.next.in_progress": "An engineer is working on your request. Thank you for your patience.",
  "case.next.answered": "Please review the answer in this thread. If anything is unclear, reply in this thread.",
  "case.next.closed": "This case is complete. For further questions, please choose “Open a new case”.",
  "case.next.cancelled": "The cause was a defect in our product, so this case was cancelled. No incidents were consumed.",
  "case.next.declined": "This request is outside the scope of the support service, so we could not take it on. No incidents were consumed.",
  "case.resolve": "Resolve",
  "case.take": "Assign to me",
  "case.more": "More actions",
  "case.menu.level_a": "Propose level A",
  "case.menu.split": "Propose a split",
  "case.menu.expected": "Set expected answer date",
  "case.menu.assign": "Assign an engineer",
  "case.menu.cancel_defect": "Cancel as a product defect",
  "case.menu.decline": "Decline as out of scope",
  "case.fallback": ({ number, title, state }) => `${number} ${md(title)} (${state})`,

  "notice.opened": ({ number, incidents }) =>
    `We have received case ${number} and reserved ${incidents} ${incidents === 1 ? "incident" : "incidents"}. An engineer will answer in this thread.`,
  "notice.resolved": ({ user, incidents, available }) =>
    `<@${user}> has resolved this case. ${incidents} ${incidents === 1 ? "incident was" : "incidents were"} consumed (${available} available). Thank you for using our support.`,
  "notice.auto_closed": ({ incidents, available }) =>
    `We had no reply for 7 business days after our last answer, so this case has been closed as resolved. ${incidents} ${incidents === 1 ? "incident was" : "incidents were"} consumed (${available} available).`,
  "notice.cancelled": ({ incidents }) =>
    `We apologise for the trouble caused by a defect in our product. As the cause was that defect, this case has been cancelled and its ${incidents} reserved ${incidents === 1 ? "incident is" : "incidents are"} not consumed.`,
  "notice.declined": ({ reason }) =>
    `We are sorry: this request is outside the scope of the support service. No incidents are consumed.\nReason: ${md(reason)}`,
  "notice.taken": ({ user }) => `<@${user}> is handling this case.`,
  "notice.closed_reply": ({ number }) =>
    `Case ${number} is closed and cannot be reopened or continued. If you have further questions, please open a new case.`,
  "notice.new_case": "Open a new case",

  "triage.first_response_due": "First response due",
  "balance.title": "Incident balance",
  "balance.empty": "No customers are registered yet.",
  "balance.more": ({ n }) => `and ${n} more (the CSV export has every row)`,
  "balance.valid_until": ({ date, days }) => `valid until ${date} (${days} days left)`,
  "balance.no_valid_contract": "no valid contract",
  "balance.figures": ({ available, purchased, consumed, reserved, open }) =>
    `*${available}* available / bought ${purchased} · consumed ${consumed} · reserved ${reserved} · open cases ${open}`,
  "balance.attention.expired": ":red_circle: expired",
  "balance.attention.exhausted": ":red_circle: none left",
  "balance.attention.expiring": ":warning: ending soon",
  "balance.attention.low": ":warning: running low",
  "balance.not_found": ({ name }) => `No customer matches “${md(name)}”.`,
  "balance.own": ({ available, reserved, open, until, contact }) =>
    `*Incident balance*\nAvailable: *${available} ${available === 1 ? "incident" : "incidents"}* (reserved by open cases: ${reserved})\nOpen cases: ${open}\nValid until: ${enDate(until)}\nTo buy more or renew, please contact ${contact}.`,
  "home.register": "Register a contract",
  "home.export": "Export the ledger (CSV)",
  "refused.role": "Only T4U support engineers can do this.",
  "refused.manager": "Only T4U managers can do this.",
  "refused.customer": "Only this case's customer can do this.",
  "refused.closed": ({ number }) => `Case ${number} is already closed, so this can't be done.`,
  "refused.unknown_case": "The case was not found.",
  "refused.not_registered": "Sorry, this channel is not registered for a support contract, so this can't be done here.",
  "error.generic": "Something went wrong. Please try again in a moment.",
};
