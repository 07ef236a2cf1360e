// The announcement of a case in T4U's internal triage channel: who, what, how urgent. Internal discussion
// happens in its thread, never in the customer's channel.
import type { KnownBlock } from "@slack/types";
import { isActive } from "../../domain/case.ts";
import type { CaseView } from "../../services/case-view.ts";
import type { Translate } from "../i18n/index.ts";
import { Actions } from "../ids.ts";
import type { SlackMessage } from "./case-message.ts";
import { caseMenu, incidentsLine } from "./case-message.ts";
import { clip, escapeMrkdwn, mrkdwn, plain } from "./text.ts";

export function triageMessage(view: CaseView, t: Translate): SlackMessage {
  const state = t(`state.${view.state}`);
  const due = view.firstResponseDueAt ? `<!date^${Math.floor(view.firstResponseDueAt.getTime() / 1000)}^{date_short_pretty} {time}|${view.firstResponseDueAt.toISOString()}>` : "—";
  const blocks: KnownBlock[] = [
    { type: "section", text: mrkdwn(`*${escapeMrkdwn(view.number)} ${escapeMrkdwn(clip(view.title, 200))}*\n${escapeMrkdwn(view.customerName)} · <#${view.channelId}>`) },
    {
      type: "section",
      fields: [
        mrkdwn(`*${t("case.status")}*\n${state}`),
        mrkdwn(`*${t("case.level")}*\n${t(`level.${view.level}`)}`),
        mrkdwn(`*${t("case.incidents")}*\n${incidentsLine(view, t)}`),
        mrkdwn(`*${t("case.assignee")}*\n${view.assigneeId ? `<@${view.assigneeId}>` : t("case.unassigned")}`),
        mrkdwn(`*${t("triage.first_response_due")}*\n${due}`),
        ...(view.expectedAnswerOn ? [mrkdwn(`*${t("triage.expected")}*\n${view.expectedAnswerOn}`)] : []),
      ],
    },
  ];
  if (isActive(view.state)) {
    // Engineers take, assign and act on a case from here as from its root message.
    blocks.push({
      type: "actions", block_id: `triage_actions:${view.id}`,
      elements: [
        ...(view.assigneeId ? [] : [{ type: "button" as const, action_id: Actions.take, text: plain(t("case.take"), 75), value: String(view.id), style: "primary" as const }]),
        caseMenu(view, t),
      ],
    });
  }
  // The fallback text is what notifications show, and Slack parses mentions in it: the catalogue escapes the title.
  return { text: t("case.fallback", { number: view.number, title: view.title, state }), blocks };
}
