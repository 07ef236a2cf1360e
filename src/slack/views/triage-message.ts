// The announcement of a case in T4U's internal triage channel: who, what, how urgent, and the engineers' controls.
// Internal discussion happens in its thread, never in the customer's channel.
import type { KnownBlock } from "@slack/types";
import { isActive } from "../../domain/case.ts";
import type { CaseView } from "../../services/case-view.ts";
import type { Translate } from "../i18n/index.ts";
import type { SlackMessage } from "./case-message.ts";
import { incidentsLine } from "./case-message.ts";
import { staffActions } from "./case-controls.ts";
import { clip, escapeMrkdwn, mrkdwn } from "./text.ts";

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
  // Engineers take, resolve and act on a case from here (or from the shortcut on its message), not in the customer's channel.
  if (isActive(view.state)) blocks.push(staffActions(view, t, `triage_actions:${view.id}`));
  // The fallback text is what notifications show, and Slack parses mentions in it: the catalogue escapes the title.
  return { text: t("case.fallback", { number: view.number, title: view.title, state }), blocks };
}
