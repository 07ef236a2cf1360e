// English, the second language. Same keys as engineer.ja.ts, same parameters.
import { md } from "../../views/mrkdwn.ts";
import type { English } from "../english.ts";
import type { engineerJa } from "./engineer.ja.ts";

export const engineerEn: English<typeof engineerJa> = {
  "case.menu.lower_level": "Lower to normal service",

  "modal.eng.submit": "Confirm",
  "confirm.back": "Go back",
  "confirm.resolve.title": "Resolve this case?",
  "confirm.resolve.text": ({ number, incidents }) =>
    `Case ${number} will be resolved and its ${incidents} reserved ${incidents === 1 ? "incident" : "incidents"} consumed. A resolved case cannot be reopened.`,
  "confirm.resolve.ok": "Resolve",
  "staff.title": "Case actions",
  "staff.close": "Close",
  "staff.ended": ({ number }) => `Case ${number} has ended; there is nothing left to do on it.`,
  "staff.refused": "Sorry, “Case actions” is for T4U support engineers only.",
  "staff.not_a_case": "This message is not a case. Use “Case actions” on a case's message (the one with a number such as #0001).",
  "modal.eng.summary": ({ number, title, customer, incidents }) => `*${number} ${md(title)}*\n${md(customer)} · ${incidents} incident(s)`,
  "modal.assign.title": "Assign the case",
  "modal.assign.label": "Engineer",
  "modal.level_a.title": "Propose level A",
  "modal.level_a.kind": "Why level A is needed",
  "modal.level_a.reason": "Explanation for the customer",
  "modal.level_a.reason_hint": "e.g. we need to reproduce your environment to verify the behaviour",
  "modal.level_a.cost": ({ before, after, available }) =>
    `If the customer approves, this case's incidents go from ${before} to ${after} (available now: ${available}). Nothing more is reserved until they approve.`,
  "modal.split.title": "Propose a split",
  "modal.split.parts": "Titles of the parts (one per line)",
  "modal.split.parts_hint": "The first line becomes this case's title; every further line becomes a new case of 1 incident.",
  "modal.split.reason": "Explanation for the customer (why split)",
  "modal.split.cost": ({ before, available }) =>
    `If the customer approves, 1 incident is reserved for each part after the first (this case keeps its ${before}). Available now: ${available}`,
  "modal.expected.title": "Expected answer date",
  "modal.expected.label": "Expected answer date",
  "modal.expected.hint": "If the date is 2 or more business days after the question, the customer is told at once.",
  "modal.cancel_defect.title": "Cancel: product defect",
  "modal.cancel_defect.body": ({ incidents }) =>
    `The cause is a defect in T4U's product, so this case is cancelled. Its ${incidents} reserved ${incidents === 1 ? "incident is" : "incidents are"} released, not consumed. The customer receives our apology and is told so. A cancelled case cannot be reopened.`,
  "modal.cancel_defect.note": "Internal note (not shown to the customer)",
  "modal.cancel_defect.submit": "Confirm cancellation",
  "modal.decline.title": "Decline: out of scope",
  "modal.decline.body": ({ incidents }) =>
    `This case is declined as outside the scope of support. Its ${incidents} reserved ${incidents === 1 ? "incident is" : "incidents are"} released, not consumed. A declined case cannot be reopened.`,
  "modal.decline.reason": "Reason given to the customer",
  "modal.decline.submit": "Confirm decline",
  "modal.lower.title": "Lower to normal service",
  "modal.lower.body": ({ before, after }) =>
    `This case becomes a normal service case: its incidents go from ${before} to ${after} and the ${before - after} left over are released at once (no customer approval needed). Raising it to service level A again needs the customer's approval.`,
  "modal.lower.note": "Internal note (not shown to the customer)",
  "modal.lower.submit": "Confirm change",

  "error.not_engineer": "Choose one of T4U's support engineers.",
  "error.past_date": "Choose today or a later date.",
  "error.split_too_few": ({ min }) => `Enter at least ${min} titles, one per line.`,
  "error.split_too_many": ({ max }) => `A case can be split into at most ${max} parts.`,
  "error.title_each_too_long": ({ max }) => `Keep each title within ${max} characters.`,
  "error.proposal_insufficient": ({ needed, available }) =>
    `The customer does not have enough incidents for this proposal (${needed} more needed, ${available} available). Talk to the customer and a manager about buying more.`,
  "refused.already_level_a": ({ number }) => `Case ${number} is already service level A.`,
  "refused.not_level_a": ({ number }) => `Case ${number} is not service level A, so it cannot be lowered.`,
  "refused.changed": "The case changed at the same moment. Check its latest state and try again.",
  "refused.queue": "Only T4U's support engineers can see the case queue.",

  "proposal.level_a": ({ user, reason }) => `<@${user}> proposes to handle this case at service level A (${md(reason)}).`,
  "proposal.split": ({ user, n }) => `<@${user}> proposes to split this case into ${n} cases.`,
  "proposal.reason": ({ reason }) => `*Reason:* ${md(reason)}`,
  "proposal.parts": "*The parts:*",
  "proposal.part_this": " (this case)",
  "proposal.cost": ({ before, after, extra, available }) =>
    `*Incidents:* ${before} → ${after} (${extra} more are reserved when you approve; available now: ${available})`,
  "proposal.ask": "If you agree, choose “Approve”. No further incidents are reserved until you do.",
  "proposal.ask_named": ({ users }) => `We ask ${users} to approve. If you agree, choose “Approve”. No further incidents are reserved until you do.`,
  "proposal.refused.not_approver": ({ users }) => `Only your organisation's named approvers (${users}) can answer this proposal. Please ask one of them.`,
  "proposal.approve": "Approve",
  "proposal.decline": "Decline",
  "proposal.confirm_title": "Approve?",
  "proposal.confirm_text": ({ extra }) => `${extra} more incident(s) will be reserved. Continue?`,
  "proposal.confirm_back": "Back",
  "proposal.state.approved": ({ user }) => `:white_check_mark: Approved by <@${user}>.`,
  "proposal.state.declined": ({ user }) => `<@${user}> declined. We continue with the case as it is.`,
  "proposal.state.withdrawn": "This proposal was withdrawn.",
  "proposal.fallback": ({ number }) => `A proposal about case ${number} (your approval is needed)`,
  "proposal.refused.decided": "This proposal has already been answered.",
  "proposal.refused.withdrawn": "This proposal was withdrawn. Please see the newer proposal in the thread.",
  "proposal.refused.closed": "This case is already closed, so the proposal can no longer be answered.",
  "proposal.refused.insufficient": ({ needed, available, contact }) =>
    `Your approval could not be applied: not enough incidents (${needed} more needed, ${available} available). Nothing was changed. To buy more, please contact ${contact}.`,
  "proposal.refused.not_applicable": "The case changed, so this proposal could not be applied. Nothing was changed. Your engineer will be in touch.",
  "proposal.refused.unknown": "The proposal could not be found.",

  "notice.level_a_approved": ({ number, user, before, after, available }) =>
    `Approved by <@${user}>: case ${number} is now service level A. Its incidents went from ${before} to ${after} (${available} remaining).`,
  "notice.proposal_declined": ({ user, incidents }) =>
    `<@${user}> declined the proposal. The case keeps its ${incidents} incident(s) and we continue as it is.`,
  "notice.split_done": ({ number, user, parts, before, after, available }) =>
    `Approved by <@${user}>: case ${number} was split. New cases: ${parts} (each answered in its own thread). Incidents in total: ${before} → ${after} (${available} remaining).`,
  "notice.split_part": ({ number, parent, reason, incidents }) =>
    `Case ${number} was created by splitting case ${parent} (${incidents} incident(s) reserved).\nWhy: ${md(reason)}`,
  "notice.expected_late": ({ number, date }) =>
    `We are sorry for the wait. The answer to case ${number} is expected around ${date}. Thank you for your patience.`,
  "notice.level_lowered": ({ number, user, before, after, available }) =>
    `<@${user}> changed case ${number} to normal service. Its incidents went from ${before} to ${after}, and the ${before - after} left over ${before - after === 1 ? "was" : "were"} returned to you (${available} available).`,
  "triage.proposal_approved": ({ number, user, before, after }) => `${number}: the customer (<@${user}>) approved the proposal (incidents ${before} → ${after}).`,
  "triage.proposal_declined": ({ number, user }) => `${number}: the customer (<@${user}>) declined the proposal. Continue with the case as it is.`,
  "triage.expected": "Expected answer",

  "queue.title": "Case queue",
  "queue.summary": ({ t4u, customer }) => `Waiting on T4U: ${t4u} (oldest question first) · waiting on the customer: ${customer}`,
  "queue.empty": "No open cases.",
  "queue.more": ({ n }) => `${n} more`,
  "queue.waiting.t4u": ":large_orange_circle: Waiting on T4U",
  "queue.waiting.customer": ":white_circle: Waiting on the customer",
  "queue.age_days": ({ n }) => `${n} business day(s)`,
  "queue.age_hours": ({ n }) => `${n} hour(s)`,
  "queue.overdue": ":red_circle: first response overdue",
  "queue.due_soon": ":warning: first response due soon",
  "queue.due": ({ date }) => `first response due ${date}`,
  "queue.expected": ({ date }) => `expected answer ${date}`,
  "queue.awaiting_approval": "proposal awaiting the customer",
  "queue.assignee": ({ user }) => `assigned to <@${user}>`,
  "queue.unassigned": "unassigned",
  "queue.fallback": ({ n }) => `${n} open case(s)`,
  "home.refresh": "Refresh",
  "home.staff_only": "This Home tab is for T4U's support engineers and managers.\nTo ask a question or report a problem, use the “Open a case” button in your organisation's Slack Connect channel.",
};
