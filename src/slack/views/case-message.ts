// The case's root message in the customer channel: the case as the customer should read it (number, title, level,
// state, incidents, who handles it, and what happens next), and only controls every reader of a shared channel
// may use. T4U's controls live where T4U's people are (triage, App Home, the 「案件を操作」 shortcut on this
// message). Pure: data in, Block Kit out.
import type { Button, KnownBlock } from "@slack/types";
import { isActive } from "../../domain/case.ts";
import type { CaseView } from "../../services/case-view.ts";
import type { Translate } from "../i18n/index.ts";
import { Actions } from "../ids.ts";
import { clip, escapeMrkdwn, mrkdwn, plain } from "./text.ts";

export { caseMenu } from "./case-controls.ts";

export interface SlackMessage { text: string; blocks: KnownBlock[] }

export function incidentsLine(view: CaseView, t: Translate): string {
  if (view.state === "resolved" || view.state === "closed") return t("case.incidents_consumed", { n: view.incidents });
  if (view.state === "cancelled" || view.state === "declined") return t("case.incidents_released", { n: view.incidents });
  return t("case.incidents_reserved", { n: view.incidents });
}

export function levelLine(view: CaseView, t: Translate): string {
  return view.level === "A" && view.levelReason
    ? t("case.level_with_reason", { level: t("level.A"), reason: t(`reason.${view.levelReason}`) })
    : t(`level.${view.level}`);
}

export function caseMessage(view: CaseView, t: Translate): SlackMessage {
  const state = t(`state.${view.state}`);
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(t("case.header", { number: view.number, title: view.title }), 150) },
    {
      type: "section",
      fields: [
        mrkdwn(`*${t("case.status")}*\n${state}`),
        mrkdwn(`*${t("case.level")}*\n${levelLine(view, t)}`),
        mrkdwn(`*${t("case.incidents")}*\n${incidentsLine(view, t)}`),
        mrkdwn(`*${t("case.assignee")}*\n${view.assigneeId ? `<@${view.assigneeId}>` : t("case.unassigned")}`),
      ],
    },
    { type: "section", text: mrkdwn(escapeMrkdwn(clip(view.description, 2900))) },
    // What happens next, from the customer's side: the one line a customer looks for.
    { type: "section", text: mrkdwn(nextStep(view, t)) },
  ];
  const notes = [t("case.opened_by", { user: view.openedBy })];
  if (view.product) notes.push(escapeMrkdwn(clip(view.product, 100)));
  if (isActive(view.state) && view.expectedAnswerOn) notes.push(t("case.expected", { date: view.expectedAnswerOn }));
  if (!isActive(view.state)) notes.push(t("case.remaining", { available: view.available }));
  blocks.push({ type: "context", elements: notes.map((n) => mrkdwn(n)) });
  if (isActive(view.state)) blocks.push({ type: "context", elements: [mrkdwn(t("case.thread_hint"))] });
  blocks.push(customerActions(view, t));
  // The fallback text is what notifications show, and Slack parses mentions in it: the catalogue escapes the title.
  return { text: t("case.fallback", { number: view.number, title: view.title, state }), blocks };
}

function nextStep(view: CaseView, t: Translate): string {
  switch (view.state) {
    case "open": return t("case.next.open");
    case "in_progress": return t("case.next.in_progress");
    case "answered": return view.autoCloseOn ? `${t("case.next.answered")}\n${t("case.auto_close", { date: view.autoCloseOn })}` : t("case.next.answered");
    case "resolved":
    case "closed": return t("case.next.closed");
    case "cancelled": return t("case.next.cancelled");
    case "declined": return t("case.next.declined");
  }
}

/** What any customer of the channel may use: their balance and cases, and a new case once this one has ended. */
function customerActions(view: CaseView, t: Translate): KnownBlock {
  const value = String(view.id);
  const elements: Button[] = [];
  if (!isActive(view.state)) elements.push({ type: "button", action_id: Actions.openFollowUpCase, text: plain(t("notice.new_case"), 75), value, style: "primary" });
  elements.push({ type: "button", action_id: Actions.showBalance, text: plain(t("entry.balance"), 75), value: "case" });
  return { type: "actions", block_id: `case_customer:${view.id}`, elements };
}
