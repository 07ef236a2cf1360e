// "Open as a case" on any message: T4U's engineers and managers make a customer's message a case (customers in
// Slack Connect never see our shortcuts; they have the offer under their own messages). The channel comes from
// the message, so it must be a registered customer channel.
//
// Slack's trigger_id lasts 3 seconds from the shortcut, so for engineers and managers (known by their user id
// alone) the modal opens at once with a loading view, and becomes the form, or says why the message cannot become
// a case here, once the person's language, the channel and its contracts are read (as the open-case button does).
import type { MessageShortcut } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import type { ModalView } from "@slack/types";
import { instantOfTs } from "../../../domain/slack-time.ts";
import { sourceRequestKey } from "../../../services/prepare-case-modal.ts";
import { actorOfInteraction, channelContext, knownActorOfInteraction, localeFor, rolesIn, str } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { t, translator } from "../../i18n/index.ts";
import { Shortcuts } from "../../ids.ts";
import { fillLoading, openLoading } from "../../loading-modal.ts";
import { ephemeral } from "../../reply.ts";
import { caseModalNotice } from "../../views/case-modal-states.ts";
import { draftFromMessage } from "../../views/message-draft.ts";
import { openCaseModal } from "../../views/open-case-modal.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(Shortcuts.messageToCase, async ({ ack, body, client }) => {
    await ack();
    const known = knownActorOfInteraction(deps, body);
    if (!known) return;
    const channelId = str(body.channel?.id);
    const roles = rolesIn(deps, known, null);
    if (!roles.has("engineer") && !roles.has("manager")) {
      // Nobody else gets a modal, so their refusal can wait for their language and the channel's.
      const actor = await actorOfInteraction(deps, body);
      if (!actor) return;
      const locale = localeFor(deps, actor, await channelContext(deps, channelId));
      return ephemeral(client, deps.logger, channelId, actor.userId, t(locale, "shortcut.refused"));
    }
    const sourceTs = str(body.message?.ts);
    if (!sourceTs || !instantOfTs(sourceTs)) return;
    const loading = await openLoading(client, deps, body, known.userId, (tr) => tr("modal.open.retry_shortcut"));
    if (!loading) return;
    await fillLoading(client, deps, loading, known.userId, () => formOrRefusal(deps, body, sourceTs));
  });
}

/** The form filled in from the message, or the notice that says why there is none. */
async function formOrRefusal(deps: SlackDeps, body: MessageShortcut, sourceTs: string): Promise<ModalView | null> {
  const actor = await actorOfInteraction(deps, body);
  if (!actor) return null;
  const channel = await channelContext(deps, str(body.channel?.id));
  const locale = localeFor(deps, actor, channel);
  const tr = translator(locale);
  if (!channel) return caseModalNotice(tr("shortcut.not_registered"), tr);
  const threadTs = str(body.message.thread_ts) ?? sourceTs;
  const prep = await deps.services.prepareCaseModal({ customerId: channel.customerId, channelId: channel.channelId, sourceTs });
  if (prep.existingCase) return caseModalNotice(tr("offer.already", { number: prep.existingCase.number }), tr);
  return openCaseModal({
    metadata: { requestKey: sourceRequestKey(channel.channelId, sourceTs), channelId: channel.channelId, sourceTs, sourceThreadTs: threadTs, previousCaseId: null },
    channels: [],
    available: prep.available,
    // The shortcut carries the message as it reads now, edits included.
    prefill: draftFromMessage(str(body.message.text) ?? prep.text),
    blocked: prep.blocked ? { reason: prep.blocked, contact: deps.config.contact } : null,
  }, tr);
}
