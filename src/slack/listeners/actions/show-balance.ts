// A customer checks their own balance from the entry message (ephemeral: only they see it).
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { can } from "../../../domain/roles.ts";
import { actorOfInteraction, channelContext, localeFor, rolesIn } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { t } from "../../i18n/index.ts";
import { Actions } from "../../ids.ts";
import { ephemeral } from "../../reply.ts";
import { customerRefusal } from "../../refusals.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(Actions.showBalance, async ({ ack, body, client }) => {
    await ack();
    const actor = await actorOfInteraction(deps, body);
    if (!actor) return;
    const channel = await channelContext(deps, body.channel?.id);
    const roles = rolesIn(deps, actor, channel);
    const locale = localeFor(deps, actor, channel);
    if (!channel) return ephemeral(client, deps.logger, body.channel?.id, actor.userId, customerRefusal(locale, deps.config.contact, "refused.not_registered"));
    if (!can(roles, "balance.own")) return ephemeral(client, deps.logger, channel.channelId, actor.userId, customerRefusal(locale, deps.config.contact, "refused.other_customer"));
    const b = await deps.services.customerBalance(channel.customerId);
    const text = t(locale, "balance.own", {
      available: b.available, reserved: b.reserved, open: b.openCases,
      until: b.validUntil ?? t(locale, "balance.no_valid_contract"), contact: deps.config.contact,
    });
    await ephemeral(client, deps.logger, channel.channelId, actor.userId, text);
  });
}
