// The announcement of a case in T4U's internal triage channel: who, what, how urgent, where the conversation is,
// who has it, the next thing due on it, and the engineers' controls. Internal discussion happens in its thread,
// never in the customer's channel.
import type { KnownBlock } from "@slack/types";
import { isActive } from "../../domain/case.ts";
import { nextDue, type NextDue } from "../../domain/next-due.ts";
import type { CaseView } from "../../services/case-view.ts";
import type { Translate } from "../i18n/index.ts";
import type { SlackMessage } from "./case-message.ts";
import { incidentsLine } from "./case-message.ts";
import { staffActions } from "./case-controls.ts";
import { slackTime } from "./queue.ts";
import { clip, escapeMrkdwn, mrkdwn } from "./text.ts";

/** How much of the description the announcement shows: enough to triage, the rest is in the thread. */
export const DESCRIPTION_CHARS = 300;

function nextLine(next: NextDue, t: Translate): string {
  if (!next) return t("triage.next.none");
  if (next.kind === "first_response") return t("triage.next.first_response", { date: slackTime(next.at) });
  if (next.kind === "expected_answer") return t("triage.next.expected_answer", { date: next.on });
  return t("triage.next.auto_close", { date: next.on });
}

/** `threadLink`: the case's thread in the customer's channel (chat.getPermalink), once it is posted. */
export function triageMessage(view: CaseView, t: Translate, threadLink?: string): SlackMessage {
  const state = t(`state.${view.state}`);
  // The first-response target is cleared once answered, so "no first response yet" is read from it being set.
  const next = nextDue({ ...view, firstResponseAt: null });
  const where = threadLink ? `<${threadLink}|${t("triage.thread")}>` : `<#${view.channelId}>`;
  const blocks: KnownBlock[] = [
    { type: "section", text: mrkdwn(`*${escapeMrkdwn(view.number)} ${escapeMrkdwn(clip(view.title, 200))}*\n${escapeMrkdwn(view.customerName)} · <#${view.channelId}> · ${where}`) },
    {
      type: "section",
      fields: [
        mrkdwn(`*${t("case.status")}*\n${state}`),
        mrkdwn(`*${t("case.level")}*\n${t(`level.${view.level}`)}`),
        mrkdwn(`*${t("case.incidents")}*\n${incidentsLine(view, t)}`),
        mrkdwn(`*${t("case.assignee")}*\n${view.assigneeId ? `<@${view.assigneeId}>` : t("case.unassigned")}`),
        mrkdwn(`*${t("triage.next")}*\n${nextLine(next, t)}`),
        // The date promised to the customer stays in sight while the first response is still what comes next.
        ...(view.expectedAnswerOn && isActive(view.state) && next?.kind !== "expected_answer"
          ? [mrkdwn(`*${t("triage.expected")}*\n${t("triage.expected_on", { date: view.expectedAnswerOn })}`)] : []),
      ],
    },
  ];
  if (view.description.trim()) {
    blocks.push({ type: "section", text: mrkdwn(`*${t("triage.description")}*\n${escapeMrkdwn(clip(view.description, DESCRIPTION_CHARS))}`) });
  }
  // Engineers take, resolve and act on a case from here (or from the shortcut on its message), not in the customer's channel.
  if (isActive(view.state)) blocks.push(staffActions(view, t, `triage_actions:${view.id}`));
  // The fallback text is what notifications show, and Slack parses mentions in it: the catalogue escapes the title.
  return { text: t("case.fallback", { number: view.number, title: view.title, state }), blocks };
}
