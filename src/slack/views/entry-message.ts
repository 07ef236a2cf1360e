// The persistent message in each customer channel: customers cannot run slash commands in Slack Connect, so
// this is their way in.
import type { Translate } from "../i18n/index.ts";
import { Actions, InsightIds } from "../ids.ts";
import type { SlackMessage } from "./case-message.ts";
import { searchButton } from "./case-search-modal.ts";
import { channelCasesButton } from "./channel-cases-modal.ts";
import { mrkdwn, plain } from "./text.ts";

export function entryMessage(t: Translate): SlackMessage {
  return {
    text: t("entry.text"),
    blocks: [
      { type: "section", text: mrkdwn(t("entry.intro")) },
      {
        type: "actions",
        block_id: "entry_actions",
        elements: [
          { type: "button", action_id: Actions.openCase, text: plain(t("entry.open"), 75), style: "primary", value: "entry" },
          channelCasesButton(t),
          { type: "button", action_id: Actions.showBalance, text: plain(t("entry.balance"), 75), value: "entry" },
          { type: "button", action_id: InsightIds.actions.statement, text: plain(t("statement.button"), 75), value: "entry" },
          searchButton(t),
        ],
      },
    ],
  };
}

/** Reply to a customer writing in a closed case's thread (R-LIFE-3). */
export function closedReply(number: string, caseId: number, t: Translate): SlackMessage {
  return {
    text: t("notice.closed_reply", { number }),
    blocks: [
      { type: "section", text: mrkdwn(t("notice.closed_reply", { number })) },
      {
        type: "actions",
        block_id: `closed_reply:${caseId}`,
        elements: [{ type: "button", action_id: Actions.openFollowUpCase, text: plain(t("notice.new_case"), 75), value: String(caseId), style: "primary" }],
      },
    ],
  };
}
