// An engineer clicks Resolve (R-LIFE-1) and confirms it: the case closes and its incidents are consumed.
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { caseNumber } from "../../../domain/case.ts";
import { authorizeCaseAction, refreshStaffMenu } from "../../case-action.ts";
import type { SlackDeps } from "../../deps.ts";
import { t } from "../../i18n/index.ts";
import { Actions } from "../../ids.ts";
import { ephemeral } from "../../reply.ts";
import { needsReportConfirmation } from "./report-resolve.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(Actions.resolve, async ({ ack, body, client }) => {
    await ack();
    const ctx = await authorizeCaseAction(deps, client, body, body.actions[0]?.value, "case.work");
    if (!ctx) return;
    if (await needsReportConfirmation(deps, client, ctx.caseId, ctx.terms, ctx.locale, body.trigger_id)) return;
    const result = await deps.services.resolveCase({ caseId: ctx.caseId, actorId: ctx.actor.userId });
    if (!result.ok) {
      await ephemeral(client, deps.logger, ctx.replyChannel, ctx.actor.userId, t(ctx.locale, "refused.closed", { number: caseNumber(ctx.caseId) }));
      return;
    }
    deps.logger.info("case resolved", { caseId: ctx.caseId, userId: ctx.actor.userId });
    await refreshStaffMenu(deps, client, body, ctx.locale);
  });
}
