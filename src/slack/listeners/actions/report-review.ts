// The buttons of a report version's review message in the triage thread: approve it, ask its author for changes
// (a modal for the comment), or, once approved, send it to the customer. Staff only, checked on the server; the
// four-eyes rule is the service's.
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { caseNumber } from "../../../domain/case.ts";
import type { SlackDeps } from "../../deps.ts";
import { t, translator } from "../../i18n/index.ts";
import { ReportIds } from "../../ids.ts";
import { authorizeReportAction } from "../../report-action.ts";
import { deliverReportToCustomer, showReviewMessage } from "../../report-messages.ts";
import { ephemeral } from "../../reply.ts";
import { reportChangesModal } from "../../views/report-modal.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ReportIds.actions.approve, async ({ ack, body, client }) => {
    await ack();
    const ctx = await authorizeReportAction(deps, client, body, body.actions[0]?.value, "report.review");
    if (!ctx) return;
    const result = await deps.services.reviewReport({
      versionId: ctx.versionId, decision: "approve",
      reviewer: { userId: ctx.actor.userId, engineer: ctx.roles.has("engineer"), manager: ctx.roles.has("manager") },
    });
    if (!result.ok) {
      const text = result.reason === "unknown" ? t(ctx.locale, "report.refused.unknown")
        : result.reason === "own_version" ? t(ctx.locale, "report.refused.own_version")
          : result.reason === "not_staff" ? t(ctx.locale, "report.refused.role")
            : t(ctx.locale, "report.refused.not_in_review", { state: t(ctx.locale, `report.state.${result.state}`) });
      await ephemeral(client, deps.logger, ctx.replyChannel, ctx.actor.userId, text);
      return;
    }
    deps.logger.info("report approved", { caseId: ctx.caseId, versionId: ctx.versionId, userId: ctx.actor.userId });
    await showReviewMessage(deps, client, ctx.versionId);
  });

  app.action<BlockAction<ButtonAction>>(ReportIds.actions.requestChanges, async ({ ack, body, client }) => {
    await ack();
    const ctx = await authorizeReportAction(deps, client, body, body.actions[0]?.value, "report.review");
    if (!ctx) return;
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: reportChangesModal(ctx.versionId, translator(ctx.locale)) });
    } catch (error) {
      deps.logger.warn("report changes modal not opened", { versionId: ctx.versionId, error: error instanceof Error ? error.message : String(error) });
    }
  });

  app.action<BlockAction<ButtonAction>>(ReportIds.actions.deliver, async ({ ack, body, client }) => {
    await ack();
    const ctx = await authorizeReportAction(deps, client, body, body.actions[0]?.value, "case.work");
    if (!ctx) return;
    const outcome = await deliverReportToCustomer(deps, client, ctx.versionId, ctx.actor.userId);
    const number = caseNumber(ctx.caseId);
    const text = outcome.ok ? t(ctx.locale, "report.delivered.ack", { number, edition: outcome.edition })
      : outcome.reason === "upload_failed" ? t(ctx.locale, "report.deliver_failed") : t(ctx.locale, "report.refused.not_deliverable");
    if (outcome.ok) await showReviewMessage(deps, client, ctx.versionId);
    await ephemeral(client, deps.logger, ctx.replyChannel, ctx.actor.userId, text);
  });
}
