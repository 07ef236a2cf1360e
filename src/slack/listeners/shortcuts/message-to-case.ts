// "Open as a case" on any message: T4U's engineers and managers make a customer's message a case (customers in
// Slack Connect never see our shortcuts; they have the offer under their own messages). The channel comes from
// the message, so it must be a registered customer channel.
import type { App, MessageShortcut } from "@slack/bolt";
import { instantOfTs } from "../../../domain/slack-time.ts";
import { prepareCaseModal, sourceRequestKey } from "../../../services/prepare-case-modal.ts";
import { actorOfInteraction, channelContext, localeFor, rolesIn, str } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { t, translator } from "../../i18n/index.ts";
import { Shortcuts } from "../../ids.ts";
import { ephemeral } from "../../reply.ts";
import { draftFromMessage } from "../../views/message-draft.ts";
import { openCaseModal } from "../../views/open-case-modal.ts";

export function register(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(Shortcuts.messageToCase, async ({ ack, body, client }) => {
    await ack();
    const actor = await actorOfInteraction(deps, body);
    if (!actor) return;
    const channelId = str(body.channel?.id);
    const channel = await channelContext(deps, channelId);
    const roles = rolesIn(deps, actor, channel);
    const locale = localeFor(deps, actor, channel);
    if (!roles.has("engineer") && !roles.has("manager")) {
      return ephemeral(client, deps.logger, channelId, actor.userId, t(locale, "shortcut.refused"));
    }
    if (!channel) return ephemeral(client, deps.logger, channelId, actor.userId, t(locale, "shortcut.not_registered"));
    const sourceTs = str(body.message?.ts);
    if (!sourceTs || !instantOfTs(sourceTs)) return;
    const threadTs = str(body.message.thread_ts) ?? sourceTs;
    const prep = await prepareCaseModal(deps, { customerId: channel.customerId, channelId: channel.channelId, sourceTs });
    if (prep.existingCase) {
      return ephemeral(client, deps.logger, channel.channelId, actor.userId, t(locale, "offer.already", { number: prep.existingCase.number }));
    }
    await client.views.open({
      trigger_id: body.trigger_id,
      view: openCaseModal({
        metadata: { requestKey: sourceRequestKey(channel.channelId, sourceTs), channelId: channel.channelId, sourceTs, sourceThreadTs: threadTs, previousCaseId: null },
        channels: [],
        available: prep.available,
        // The shortcut carries the message as it reads now, edits included.
        prefill: draftFromMessage(str(body.message.text) ?? prep.text),
        blocked: prep.blocked ? { reason: prep.blocked, contact: deps.config.contact } : null,
      }, translator(locale)),
    });
  });
}
