// 「過去の案件を検索」 on a customer channel's entry message: opens the search over that channel's cases only.
// Anyone who may not see the channel's cases (another organisation's people in it) is told so, politely.
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { can } from "../../../domain/roles.ts";
import { actorOfInteraction, channelContext, localeFor, rolesIn } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { translator } from "../../i18n/index.ts";
import { CaseworkIds } from "../../ids.ts";
import { ephemeral } from "../../reply.ts";
import { customerSearchModal } from "../../views/case-search-modal.ts";
import { customerRefusal } from "../../refusals.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(CaseworkIds.actions.customerSearch, async ({ ack, body, client }) => {
    await ack();
    const actor = await actorOfInteraction(deps, body);
    if (!actor) return;
    const channel = await channelContext(deps, body.channel?.id);
    const roles = rolesIn(deps, actor, channel);
    const locale = localeFor(deps, actor, channel);
    if (!channel) return ephemeral(client, deps.logger, body.channel?.id, actor.userId, customerRefusal(locale, deps.config.contact, "refused.not_registered"));
    if (!can(roles, "balance.own")) return ephemeral(client, deps.logger, channel.channelId, actor.userId, customerRefusal(locale, deps.config.contact, "refused.other_customer"));
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: customerSearchModal(channel.channelId, translator(locale)) });
    } catch (error) {
      deps.logger.warn("search modal not opened", { error: error instanceof Error ? error.message : String(error) });
    }
  });
}
