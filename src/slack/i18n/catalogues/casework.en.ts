// English, the second language. Same keys as casework.ja.ts, same parameters.
import { md } from "../../views/mrkdwn.ts";
import type { English } from "../english.ts";
import type { caseworkJa } from "./casework.ja.ts";

export const caseworkEn: English<typeof caseworkJa> = {
  "find.refused": "Sorry, /case is for T4U's support engineers and managers only.",
  "find.help": "*Using /case*\n• `/case 12` or `/case #0012`: the case's details\n• `/case license activation`: search titles, descriptions and thread messages (several words: cases with all of them)",
  "find.not_found": ({ number }) => `Case ${number} was not found.`,
  "find.none": ({ query }) => `No case contains “${md(query)}”.`,
  "find.results": ({ query, n, more }) =>
    `Cases containing “${md(query)}”: ${n}${more ? " or more (newest first; add words to narrow it down)" : ""}`,
  "find.titles_only": "Words shorter than 3 characters were looked for in titles and descriptions only (include a word of 3 or more characters to search thread messages too).",
  "find.fallback": ({ n }) => `${n} cases found`,
  "find.link": "Open thread",
  "find.opened": ({ date }) => `opened ${date}`,

  "card.fallback": ({ number, title }) => `Case ${number} ${md(title)}`,
  "card.customer": ({ customer, channel }) => `${md(customer)} · <#${channel}>`,
  "card.facts": ({ state, level, incidents }) => `Status: ${state} · Service level: ${level} · Incidents: ${incidents}`,
  "card.assignee": ({ user }) => `Assignee: <@${user}>`,
  "card.unassigned": "Assignee: unassigned",
  "card.opened": ({ user, date }) => `Opened by <@${user}> (${date})`,
  "card.first_response": ({ date }) => `First response: ${date}`,
  "card.closed": ({ date }) => `Ended: ${date}`,
  "card.messages": ({ n }) => `Thread messages: ${n}`,
  "card.next.first_response": ({ date }) => `Next due: first response ${date}`,
  "card.next.expected_answer": ({ date }) => `Next due: expected answer ${date}`,
  "card.next.auto_close": ({ date }) => `Next due: closes by itself ${date}`,
  "card.next.none": "Next due: nothing",
  "card.files": ({ n }) => `*Files (${n})*`,
  "card.file": ({ name, user, date }) => `• ${md(name)} — <@${user}> (${date})`,
  "card.files_more": ({ n }) => `and ${n} more (all are in the exported transcript)`,
  "card.thread": "Open thread",
  "card.triage": "Open triage post",
  "card.export": "Export transcript",
  "search.button": "Search past cases",
  "search.title": "Search past cases",
  "search.label": "Case number or words",
  "search.hint": "For example: 12, #0012, license activation. Several words find cases with all of them.",
  "search.placeholder": "license activation",
  "search.scope": "Searches the titles, descriptions and thread messages of the cases opened in this channel.",
  "search.submit": "Search",
  "search.close": "Close",
};
