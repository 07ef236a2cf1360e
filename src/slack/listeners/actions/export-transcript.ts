// 「履歴を出力」 on the case card: the case's transcript by direct message, for T4U's engineers and managers only.
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { can } from "../../../domain/roles.ts";
import { actorOfInteraction, localeFor, rolesIn } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { translator } from "../../i18n/index.ts";
import { CaseworkIds } from "../../ids.ts";
import { ephemeral } from "../../reply.ts";
import { sendTranscript } from "../../transcript-delivery.ts";
import { caseNumber } from "../../../domain/case.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(CaseworkIds.actions.exportTranscript, async ({ ack, body, action, client }) => {
    await ack();
    const actor = await actorOfInteraction(deps, body);
    if (!actor) return;
    const t = translator(localeFor(deps, actor, null));
    const roles = rolesIn(deps, actor, null);
    const channelId = body.channel?.id;
    if (!can(roles, "case.work") && !can(roles, "balance.all")) {
      deps.logger.info("transcript refused", { userId: actor.userId });
      return ephemeral(client, deps.logger, channelId, actor.userId, t("find.refused"));
    }
    const caseId = Number(action.value);
    if (!Number.isSafeInteger(caseId) || caseId <= 0) return;
    await ephemeral(client, deps.logger, channelId, actor.userId, t("transcript.sent", { number: caseNumber(caseId) }));
    await sendTranscript(deps, client, actor.userId, caseId, t);
  });
}
