// The offer the app makes, to its author only, after a customer's top-level message: a button that opens the case
// modal filled in with the message. Nothing is reserved until the customer submits that modal.
import type { Translate } from "../i18n/index.ts";
import { Actions } from "../ids.ts";
import type { SlackMessage } from "./case-message.ts";
import { mrkdwn, plain } from "./text.ts";

export function caseOffer(sourceTs: string, t: Translate): SlackMessage {
  const text = t("offer.text");
  return {
    text,
    blocks: [
      { type: "section", text: mrkdwn(text) },
      {
        type: "actions",
        block_id: `case_offer:${sourceTs}`,
        elements: [{ type: "button", action_id: Actions.openCaseFromMessage, text: plain(t("offer.button"), 75), value: sourceTs, style: "primary" }],
      },
    ],
  };
}

/** Under the message a case was made from: the conversation continues in the case's own thread. */
export function caseLinked(number: string, permalink: string, t: Translate): SlackMessage {
  const text = t("linked.text", { number, link: permalink });
  return { text, blocks: [{ type: "section", text: mrkdwn(text) }] };
}
