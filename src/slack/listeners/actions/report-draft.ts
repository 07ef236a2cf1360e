// Staff open the report of a level A case: from the case menu (「報告書を作成」) or, after a delivery, from the
// review message's 「改訂版を作成」. The modal shows the latest version to go on from, or a first draft from the case.
import { randomUUID } from "node:crypto";
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import type { WebClient } from "@slack/web-api";
import { caseNumber } from "../../../domain/case.ts";
import type { CaseActionContext } from "../../case-action.ts";
import type { SlackDeps } from "../../deps.ts";
import { t, translator } from "../../i18n/index.ts";
import { ReportIds } from "../../ids.ts";
import { authorizeReportAction } from "../../report-action.ts";
import { ephemeral } from "../../reply.ts";
import { reportDraftModal } from "../../views/report-modal.ts";

/** Opens the draft modal for an authorized engineer, or says why not. The trigger is opened first, within 3 s. */
export async function openReportDraft(deps: SlackDeps, client: WebClient, ctx: CaseActionContext, triggerId: string): Promise<void> {
  const draft = await deps.services.prepareReportDraft({ caseId: ctx.caseId, engineerName: await nameOf(deps, client, ctx.actor.userId) });
  if (!draft.ok) {
    const text = draft.reason === "not_level_a" ? t(ctx.locale, "report.refused.not_level_a", { number: caseNumber(ctx.caseId) }) : t(ctx.locale, "refused.unknown_case");
    await ephemeral(client, deps.logger, ctx.replyChannel, ctx.actor.userId, text);
    return;
  }
  try {
    await client.views.open({ trigger_id: triggerId, view: reportDraftModal(draft.draft, translator(ctx.locale), randomUUID()) });
  } catch (error) {
    deps.logger.warn("report modal not opened", { caseId: ctx.caseId, error: error instanceof Error ? error.message : String(error) });
  }
}

/** The name printed as the engineer: Slack's display of the person, or nothing to fill in by hand. */
async function nameOf(deps: SlackDeps, client: WebClient, userId: string): Promise<string> {
  try {
    const info = await client.users.info({ user: userId });
    return info.user?.real_name || info.user?.profile?.real_name || info.user?.name || "";
  } catch (error) {
    deps.logger.warn("engineer name not read", { userId, error: error instanceof Error ? error.message : String(error) });
    return "";
  }
}

export function register(app: Listeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ReportIds.actions.reissue, async ({ ack, body, client }) => {
    await ack();
    const ctx = await authorizeReportAction(deps, client, body, body.actions[0]?.value, "case.work");
    if (ctx) await openReportDraft(deps, client, ctx, body.trigger_id);
  });
}
