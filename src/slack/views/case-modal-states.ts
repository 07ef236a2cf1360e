// The case modal while there is nothing to fill in: opened at once on the click while the form is prepared,
// received at once on submission while the case is opened, then the case opened or why no form can be offered.
// None has a submit button, so none is ever submitted; the form itself is open-case-modal.ts.
import type { ModalView } from "@slack/types";
import type { Translate } from "../i18n/index.ts";
import { Views } from "../ids.ts";
import { mrkdwn, plain } from "./text.ts";

function notice(text: string, t: Translate, privateMetadata?: string): ModalView {
  return {
    type: "modal",
    callback_id: Views.openCaseNotice,
    title: plain(t("modal.open.title"), 24),
    close: plain(t("modal.close"), 24),
    ...(privateMetadata !== undefined ? { private_metadata: privateMetadata } : {}),
    blocks: [{ type: "section", text: mrkdwn(text) }],
  };
}

/** Shown the moment the button is clicked, before anything is read: Slack's trigger lasts only 3 seconds. */
export function caseModalLoading(t: Translate): ModalView {
  return notice(t("modal.open.loading"), t);
}

/** The answer to a submission, given before the case is opened; its metadata stays that of the form. */
export function caseModalReceived(t: Translate, privateMetadata: string): ModalView {
  return notice(t("modal.open.submitting"), t, privateMetadata);
}

/** What the submission did: the case's number, what it reserved, and where the conversation goes on. */
export function caseModalOpened(input: { number: string; incidents: number; channelId: string }, t: Translate): ModalView {
  return notice(t("modal.open.opened", { number: input.number, incidents: input.incidents, channel: input.channelId }), t);
}

/** Why no form is offered (not registered, another organisation, the message already a case), in the modal itself. */
export function caseModalNotice(text: string, t: Translate): ModalView {
  return notice(text, t);
}

/** Why the submission opened nothing, where submitting again would not help. */
export function caseModalRefused(text: string, t: Translate): ModalView {
  return notice(`:warning: *${t("modal.open.refused")}*\n${text}`, t);
}
