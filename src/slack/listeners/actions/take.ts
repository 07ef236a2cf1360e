// An engineer takes a case from its triage announcement, its staff menu, the queue in App Home or /queue.
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { caseNumber } from "../../../domain/case.ts";
import { authorizeCaseAction, refreshStaffMenu } from "../../case-action.ts";
import type { SlackDeps } from "../../deps.ts";
import { publishHome } from "../../home/publish-home.ts";
import { t } from "../../i18n/index.ts";
import { Actions } from "../../ids.ts";
import { ephemeral } from "../../reply.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(Actions.take, async ({ ack, body, client }) => {
    await ack();
    const ctx = await authorizeCaseAction(deps, client, body, body.actions[0]?.value, "case.work");
    if (!ctx) return;
    const result = await deps.services.takeCase({ caseId: ctx.caseId, actorId: ctx.actor.userId, assigneeId: ctx.actor.userId });
    if (!result.ok) await ephemeral(client, deps.logger, ctx.replyChannel, ctx.actor.userId, t(ctx.locale, "refused.closed", { number: caseNumber(ctx.caseId) }));
    await refreshStaffMenu(deps, client, body, ctx.locale);
    // Taken from App Home: the clicker sees it move into 「自分の案件」 at once, not at the next refresh.
    if (body.view?.type === "home") await publishHome(deps, client, ctx.actor);
  });
}
