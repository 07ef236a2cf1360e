// 「ご依頼中の案件」 on a customer channel's entry message: the channel's open and recent cases, in a modal only the
// clicker sees. People of another organisation in the channel are refused politely and shown nothing.
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { can } from "../../../domain/roles.ts";
import { actorOfInteraction, channelContext, localeFor, rolesIn } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { translator } from "../../i18n/index.ts";
import { CaseworkIds } from "../../ids.ts";
import { threadLinks } from "../../permalinks.ts";
import { customerRefusal } from "../../refusals.ts";
import { ephemeral } from "../../reply.ts";
import { channelCasesModal } from "../../views/channel-cases-modal.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(CaseworkIds.actions.channelCases, async ({ ack, body, client }) => {
    await ack();
    const actor = await actorOfInteraction(deps, body);
    if (!actor) return;
    const channel = await channelContext(deps, body.channel?.id);
    const roles = rolesIn(deps, actor, channel);
    const locale = localeFor(deps, actor, channel);
    if (!channel) return ephemeral(client, deps.logger, body.channel?.id, actor.userId, customerRefusal(locale, deps.config.contact, "refused.not_registered"));
    if (!can(roles, "balance.own")) {
      deps.logger.info("channel cases refused", { userId: actor.userId, channelId: channel.channelId });
      return ephemeral(client, deps.logger, channel.channelId, actor.userId, customerRefusal(locale, deps.config.contact, "refused.other_customer"));
    }
    const cases = await deps.services.channelCases(channel.channelId);
    const listed = [...cases.active, ...cases.ended];
    // The modal opens first: the links are asked of Slack afterwards, within the trigger's three seconds or not at all.
    const view = channelCasesModal({ ...cases, customerName: channel.customerName }, new Map(), translator(locale));
    let opened: string | undefined;
    try {
      opened = (await client.views.open({ trigger_id: body.trigger_id, view })).view?.id;
    } catch (error) {
      deps.logger.warn("channel cases modal not opened", { error: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (!opened || listed.length === 0) return;
    const links = await threadLinks(client, deps.logger, listed.map((c) => ({ id: c.id, channelId: channel.channelId, rootTs: c.rootTs })));
    if (links.size === 0) return;
    await client.views.update({ view_id: opened, view: channelCasesModal({ ...cases, customerName: channel.customerName }, links, translator(locale)) })
      .catch((error: unknown) => deps.logger.info("channel cases modal not refreshed", { error: error instanceof Error ? error.message : String(error) }));
  });
}
