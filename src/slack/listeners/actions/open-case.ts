// Buttons that open the case modal: the channel's entry message, the offer under a customer's own message, and
// the "open a new case" offer after a closed case. Customers have no slash commands in Slack Connect; these
// buttons are their way in. Opening the modal spends nothing: only its submission opens a case (R-INC-6).
import { randomUUID } from "node:crypto";
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { can } from "../../../domain/roles.ts";
import { prepareCaseModal, sourceRequestKey } from "../../../services/prepare-case-modal.ts";
import { actorOfInteraction, channelContext, localeFor, rolesIn } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { t, translator } from "../../i18n/index.ts";
import { Actions } from "../../ids.ts";
import { ephemeral } from "../../reply.ts";
import { draftFromMessage } from "../../views/message-draft.ts";
import { openCaseModal } from "../../views/open-case-modal.ts";
import { customerRefusal } from "../../refusals.ts";

const TS = /^\d{9,11}\.\d{1,6}$/;

export function register(app: App, deps: SlackDeps): void {
  for (const actionId of [Actions.openCase, Actions.openFollowUpCase, Actions.openCaseFromMessage]) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, client }) => {
      await ack();
      const actor = await actorOfInteraction(deps, body);
      const channelId = body.channel?.id;
      if (!actor) return;
      const channel = await channelContext(deps, channelId);
      const roles = rolesIn(deps, actor, channel);
      const locale = localeFor(deps, actor, channel);
      if (!channel) return ephemeral(client, deps.logger, channelId, actor.userId, customerRefusal(locale, deps.config.contact, "refused.not_registered"));
      if (!can(roles, "case.open")) {
        deps.logger.info("case modal refused", { userId: actor.userId, channelId: channel.channelId });
        return ephemeral(client, deps.logger, channel.channelId, actor.userId, customerRefusal(locale, deps.config.contact, "refused.other_customer"));
      }
      const value = body.actions[0]?.value ?? "";
      const sourceTs = actionId === Actions.openCaseFromMessage && TS.test(value) ? value : null;
      const followed = actionId === Actions.openFollowUpCase ? Number(value) : Number.NaN;
      const prep = await prepareCaseModal(deps, {
        customerId: channel.customerId, channelId: channel.channelId, sourceTs,
        previousCaseId: Number.isSafeInteger(followed) && followed > 0 ? followed : null,
      });
      if (prep.existingCase) {
        return ephemeral(client, deps.logger, channel.channelId, actor.userId, t(locale, "offer.already", { number: prep.existingCase.number }));
      }
      await client.views.open({
        trigger_id: body.trigger_id,
        view: openCaseModal({
          metadata: {
            // Every submission made from one message shares a key, so that message becomes at most one case.
            requestKey: sourceTs ? sourceRequestKey(channel.channelId, sourceTs) : randomUUID(),
            channelId: channel.channelId, sourceTs, sourceThreadTs: sourceTs, previousCaseId: prep.previous?.id ?? null,
          },
          channels: [],
          available: prep.available,
          prefill: prep.text !== null ? draftFromMessage(prep.text) : undefined,
          previousNumber: prep.previous?.number ?? null,
          blocked: prep.blocked ? { reason: prep.blocked, contact: deps.config.contact } : null,
        }, translator(locale)),
      });
    });
  }
}
