// The customer rates a closed case (1–5) in its thread, and may add a comment. Only the case's customer workspace
// may answer (case.reply, checked on the server); the first rating counts, later clicks are told it is done.
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { type RateCaseResult } from "../../../services/rate-case.ts";
import { authorizeCaseAction } from "../../case-action.ts";
import type { SlackDeps } from "../../deps.ts";
import { translator } from "../../i18n/index.ts";
import { InsightIds } from "../../ids.ts";
import { ephemeral } from "../../reply.ts";
import { ratingCommentModal } from "../../views/rating-message.ts";
import { customerRefusal, type CustomerRefusal } from "../../refusals.ts";

const REFUSAL: Record<Exclude<RateCaseResult, { ok: true }>["reason"], CustomerRefusal> = {
  already_rated: "rating.refused.already",
  not_ended: "rating.refused.not_ended",
  unknown_case: "refused.unknown_case_customer",
  invalid_score: "refused.unknown_case_customer",
};

function messageTsOf(body: BlockAction): string | null {
  const fromMessage: unknown = body.message?.ts;
  const fromContainer: unknown = (body.container as { message_ts?: unknown } | undefined)?.message_ts;
  return typeof fromMessage === "string" ? fromMessage : typeof fromContainer === "string" ? fromContainer : null;
}

export function register(app: Listeners, deps: SlackDeps): void {
  InsightIds.actions.rateScores.forEach((actionId, i) => {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, client }) => {
      await ack();
      const ctx = await authorizeCaseAction(deps, client, body, body.actions[0]?.value, "case.reply");
      if (!ctx) return;
      const result = await deps.services.rateCase({ caseId: ctx.caseId, score: i + 1, actorId: ctx.actor.userId, askTs: messageTsOf(body) });
      if (result.ok) {
        deps.logger.info("case rated", { caseId: ctx.caseId, score: result.score });
        return;
      }
      await ephemeral(client, deps.logger, ctx.replyChannel, ctx.actor.userId, customerRefusal(ctx.locale, deps.config.contact, REFUSAL[result.reason]));
    });
  });

  app.action<BlockAction<ButtonAction>>(InsightIds.actions.rateComment, async ({ ack, body, client }) => {
    await ack();
    const ctx = await authorizeCaseAction(deps, client, body, body.actions[0]?.value, "case.reply");
    if (!ctx || !ctx.channel) return;
    await client.views.open({ trigger_id: body.trigger_id, view: ratingCommentModal(ctx.caseId, ctx.channel.channelId, translator(ctx.locale)) });
  });
}
