// Buttons that open the case modal: the channel's entry message and the "open a new case" offer after a closed
// case. Customers have no slash commands in Slack Connect; these buttons are their way in.
import { randomUUID } from "node:crypto";
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { caseNumber } from "../../../domain/case.ts";
import { can } from "../../../domain/roles.ts";
import { customerBalance } from "../../../services/customer-balance.ts";
import { actorOfInteraction, channelContext, localeFor, rolesIn } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { t, translator } from "../../i18n/index.ts";
import { Actions } from "../../ids.ts";
import { ephemeral } from "../../reply.ts";
import { openCaseModal } from "../../views/open-case-modal.ts";

export function register(app: App, deps: SlackDeps): void {
  for (const actionId of [Actions.openCase, Actions.openFollowUpCase]) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, client }) => {
      await ack();
      const actor = actorOfInteraction(body, deps.config.defaultLocale);
      const channelId = body.channel?.id;
      if (!actor) return;
      const channel = await channelContext(deps, channelId);
      const roles = rolesIn(deps, actor, channel);
      const locale = localeFor(actor, channel, roles);
      if (!channel) return ephemeral(client, deps.logger, channelId, actor.userId, t(locale, "refused.not_registered"));
      if (!can(roles, "case.open")) return ephemeral(client, deps.logger, channelId, actor.userId, t(locale, "refused.customer"));
      const previousCaseId = actionId === Actions.openFollowUpCase ? Number(body.actions[0]?.value) || null : null;
      const balance = await customerBalance(deps, channel.customerId);
      await client.views.open({
        trigger_id: body.trigger_id,
        view: openCaseModal({
          metadata: { requestKey: randomUUID(), channelId: channel.channelId, sourceTs: null, previousCaseId },
          channels: [],
          available: balance.available,
          previousNumber: previousCaseId ? caseNumber(previousCaseId) : null,
        }, translator(locale)),
      });
    });
  }
}
