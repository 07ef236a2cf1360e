// The case's root message in the customer channel: one truthful status line the customer understands, and the
// engineers' controls while the case is open. Pure: data in, Block Kit out.
import type { KnownBlock, StaticSelect } from "@slack/types";
import { isActive } from "../../domain/case.ts";
import type { CaseView } from "../../services/case-view.ts";
import type { Translate } from "../i18n/index.ts";
import { Actions, ReportIds } from "../ids.ts";
import { clip, escapeMrkdwn, mrkdwn, plain } from "./text.ts";

export interface SlackMessage { text: string; blocks: KnownBlock[] }

export function incidentsLine(view: CaseView, t: Translate): string {
  if (view.state === "resolved" || view.state === "closed") return t("case.incidents_consumed", { n: view.incidents });
  if (view.state === "cancelled" || view.state === "declined") return t("case.incidents_released", { n: view.incidents });
  return t("case.incidents_reserved", { n: view.incidents });
}

export function caseMessage(view: CaseView, t: Translate): SlackMessage {
  const state = t(`state.${view.state}`);
  const level = view.level === "A" && view.levelReason
    ? t("case.level_with_reason", { level: t("level.A"), reason: t(`reason.${view.levelReason}`) })
    : t(`level.${view.level}`);
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(t("case.header", { number: view.number, title: view.title }), 150) },
    {
      type: "section",
      fields: [
        mrkdwn(`*${t("case.status")}*\n${state}`),
        mrkdwn(`*${t("case.level")}*\n${level}`),
        mrkdwn(`*${t("case.incidents")}*\n${incidentsLine(view, t)}`),
        mrkdwn(`*${t("case.assignee")}*\n${view.assigneeId ? `<@${view.assigneeId}>` : t("case.unassigned")}`),
      ],
    },
    { type: "section", text: mrkdwn(escapeMrkdwn(clip(view.description, 2900))) },
  ];
  const notes = [t("case.opened_by", { user: view.openedBy })];
  if (view.product) notes.push(escapeMrkdwn(clip(view.product, 100)));
  if (view.state === "answered" && view.autoCloseOn) notes.push(t("case.auto_close", { date: view.autoCloseOn }));
  if (isActive(view.state) && view.expectedAnswerOn) notes.push(t("case.expected", { date: view.expectedAnswerOn }));
  if (!isActive(view.state)) notes.push(t("case.remaining", { available: view.available }));
  blocks.push({ type: "context", elements: notes.map((n) => mrkdwn(n)) });
  if (isActive(view.state)) {
    blocks.push({ type: "context", elements: [mrkdwn(t("case.thread_hint"))] });
    blocks.push(caseActions(view, t));
  }
  // The fallback text is what notifications show, and Slack parses mentions in it: the catalogue escapes the title.
  return { text: t("case.fallback", { number: view.number, title: view.title, state }), blocks };
}

function caseActions(view: CaseView, t: Translate): KnownBlock {
  const value = String(view.id);
  return {
    type: "actions",
    block_id: `case_actions:${view.id}`,
    elements: [
      ...(view.assigneeId ? [] : [{ type: "button" as const, action_id: Actions.take, text: plain(t("case.take"), 75), value }]),
      { type: "button", action_id: Actions.resolve, text: plain(t("case.resolve"), 75), value, style: "primary" },
      caseMenu(view, t),
    ],
  };
}

/** The engineers' menu of a case, also shown on its triage announcement. Option values are "<action>:<caseId>". */
export function caseMenu(view: CaseView, t: Translate): StaticSelect {
  const option = (key: Parameters<Translate>[0], action: string) => ({ text: plain(t(key), 75), value: `${action}:${view.id}` });
  return {
    // A select rather than an overflow menu: overflow menus take at most five options.
    type: "static_select",
    action_id: Actions.caseMenu,
    placeholder: plain(t("case.more"), 150),
    options: [
      option("case.menu.assign", Actions.assign),
      // Raising needs the customer's approval; lowering a level A case does not (R-INC-5).
      view.level === "A" ? option("case.menu.lower_level", Actions.lowerLevel) : option("case.menu.level_a", Actions.proposeLevelA),
      option("case.menu.split", Actions.proposeSplit),
      option("case.menu.expected", Actions.setExpectedDate),
      option("case.menu.cancel_defect", Actions.cancelDefect),
      option("case.menu.decline", Actions.declineScope),
      // The formal report exists only for level A cases (R-INC-2).
      ...(view.level === "A" ? [option("case.menu.report", ReportIds.actions.draft)] : []),
    ],
  };
}
