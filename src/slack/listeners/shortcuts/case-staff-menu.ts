// 「案件を操作」 on a case's message: the case's staff controls for T4U's engineers, in a modal only they see. The
// case message in the customer's channel carries no staff controls (every customer would see them); this and
// the triage announcement are where engineers act. Anyone else is told, politely, that it is not for them.
import type { MessageShortcut } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { actorOfInteraction, channelContext, localeFor, rolesIn, str } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { t, translator } from "../../i18n/index.ts";
import { Shortcuts } from "../../ids.ts";
import { ephemeral } from "../../reply.ts";
import { staffMenuModal } from "../../views/staff-menu.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(Shortcuts.caseStaffMenu, async ({ ack, body, client }) => {
    await ack();
    const actor = await actorOfInteraction(deps, body);
    if (!actor) return;
    const channelId = str(body.channel?.id);
    const channel = await channelContext(deps, channelId);
    const roles = rolesIn(deps, actor, channel);
    const locale = localeFor(deps, actor, channel);
    if (!roles.has("engineer")) {
      deps.logger.info("staff menu refused", { userId: actor.userId });
      return ephemeral(client, deps.logger, channelId, actor.userId, t(locale, "staff.refused"));
    }
    const ts = str(body.message?.ts);
    // The case's root message in its channel, or its announcement in the triage channel.
    const found = channelId && ts ? await deps.services.caseAtMessage(channelId, ts) : null;
    const view = found ? await deps.services.loadCaseView(found) : null;
    if (!view) return ephemeral(client, deps.logger, channelId, actor.userId, t(locale, "staff.not_a_case"));
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: staffMenuModal(view, translator(locale)) });
    } catch (error) {
      deps.logger.warn("staff menu not opened", { caseId: view.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
