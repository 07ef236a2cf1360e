// The "more actions" menu on a case (its triage announcement and its staff menu): engineers only, checked on
// the server; each option opens the modal of its action, which says what will happen before anything does.
import type { BlockAction, StaticSelectAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import type { ModalView } from "@slack/types";
import { caseNumber, isActive } from "../../../domain/case.ts";
import { type CaseView } from "../../../services/case-view.ts";
import { authorizeCaseAction, openFromClick } from "../../case-action.ts";
import type { SlackDeps } from "../../deps.ts";
import { t, translator, type Translate } from "../../i18n/index.ts";
import { Actions, ReportIds } from "../../ids.ts";
import { ephemeral } from "../../reply.ts";
import { openReportDraft } from "./report-draft.ts";
import {
  assignModal, cancelDefectModal, declineScopeModal, expectedDateModal, levelAModal, lowerLevelModal, splitModal,
} from "../../views/case-modals.ts";

/** The modal for a menu option, or the refusal to show instead; null for an option this version does not know. */
function modalFor(action: string | undefined, view: CaseView, tr: Translate): ModalView | { refusal: string } | null {
  switch (action) {
    case Actions.assign: return assignModal(view, tr);
    case Actions.proposeLevelA:
      return view.level === "A" ? { refusal: tr("refused.already_level_a", { number: view.number }) } : levelAModal(view, tr);
    case Actions.lowerLevel:
      return view.level !== "A" ? { refusal: tr("refused.not_level_a", { number: view.number }) } : lowerLevelModal(view, tr);
    case Actions.proposeSplit: return splitModal(view, tr);
    case Actions.setExpectedDate: return expectedDateModal(view, tr);
    case Actions.cancelDefect: return cancelDefectModal(view, tr);
    case Actions.declineScope: return declineScopeModal(view, tr);
    default: return null;
  }
}

export function register(app: Listeners, deps: SlackDeps): void {
  app.action<BlockAction<StaticSelectAction>>(Actions.caseMenu, async ({ ack, body, client }) => {
    await ack();
    const value = body.actions[0]?.selected_option?.value;
    const ctx = await authorizeCaseAction(deps, client, body, value, "case.work");
    if (!ctx) return;
    const reply = (text: string) => ephemeral(client, deps.logger, ctx.replyChannel, ctx.actor.userId, text);
    const view = await deps.services.loadCaseView(ctx.caseId);
    if (!view || !isActive(view.state)) return reply(t(ctx.locale, "refused.closed", { number: caseNumber(ctx.caseId) }));
    if (value?.split(":")[0] === ReportIds.actions.draft) return openReportDraft(deps, client, ctx, body.trigger_id);
    const modal = modalFor(value?.split(":")[0], view, translator(ctx.locale));
    if (!modal) {
      deps.logger.warn("unknown case menu option", { value });
      return;
    }
    if ("refusal" in modal) return reply(modal.refusal);
    try {
      await openFromClick(client, body, body.trigger_id, modal);
    } catch (error) {
      // An expired trigger (the click waited too long): the engineer chooses the option again.
      deps.logger.warn("case modal not opened", { caseId: ctx.caseId, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
