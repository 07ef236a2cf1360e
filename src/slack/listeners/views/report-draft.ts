// Staff save the report draft: a new version, optionally sent for review in the triage thread. Checked again on
// the server at submission; a missing required section or change note is shown inline and nothing is saved.
import type { ViewSubmitAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { caseNumber } from "../../../domain/case.ts";
import { REPORT_SECTIONS, emptySections, type ReportContent } from "../../../domain/report.ts";
import { isIsoDate } from "../../../domain/contract.ts";
import { channelContext } from "../../actor.ts";
import { authorizeCaseSubmission } from "../../case-submission.ts";
import type { SlackDeps } from "../../deps.ts";
import { t } from "../../i18n/index.ts";
import { ReportIds } from "../../ids.ts";
import { ephemeral } from "../../reply.ts";
import { showReviewMessage } from "../../report-messages.ts";
import { readDate, readText } from "../../view-values.ts";
import { parseReportModalMetadata } from "../../views/report-modal.ts";
import { cleanInput } from "../../views/text.ts";
import { storedLocale } from "../../../domain/locale.ts";

function readChecked(view: { state: { values: Record<string, Record<string, unknown>> } }): boolean {
  const element = view.state.values[ReportIds.inputs.review.block]?.[ReportIds.inputs.review.action] as { selected_options?: unknown } | undefined;
  return Array.isArray(element?.selected_options) && element.selected_options.length > 0;
}

export function register(app: Listeners, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(ReportIds.views.draft, async ({ ack, body, view, client }) => {
    const metadata = parseReportModalMetadata(view.private_metadata);
    const check = await authorizeCaseSubmission(deps, body, JSON.stringify({ caseId: metadata?.caseId ?? 0 }), ReportIds.inputs.subject.block);
    if (!check.ok || !metadata) return ack({ response_action: "errors", errors: check.ok ? { [ReportIds.inputs.subject.block]: t(deps.config.defaultLocale, "refused.unknown_case") } : check.errors });
    const { actor, caseId, locale } = check.submission;
    const draft = await deps.services.prepareReportDraft({ caseId, engineerName: "" });
    if (!draft.ok) return ack({ response_action: "errors", errors: { [ReportIds.inputs.subject.block]: t(locale, "report.refused.not_level_a", { number: caseNumber(caseId) }) } });
    const sections = emptySections();
    for (const s of REPORT_SECTIONS) sections[s] = cleanInput(readText(view, ReportIds.inputs[s]) ?? "");
    const answered = readDate(view, ReportIds.inputs.answeredOn);
    const content: ReportContent = {
      header: {
        ...draft.draft.content.header,
        product: cleanInput(readText(view, ReportIds.inputs.product) ?? ""),
        answeredOn: answered && isIsoDate(answered) ? answered : null,
        engineer: cleanInput(readText(view, ReportIds.inputs.engineer) ?? ""),
      },
      sections,
    };
    const caseChannel = await deps.services.caseChannelOf(caseId);
    const channel = caseChannel ? await channelContext(deps, caseChannel) : null;
    const changeNote = cleanInput(readText(view, ReportIds.inputs.changeNote) ?? "") || null;
    const result = await deps.services.saveReportVersion({
      caseId, actorId: actor.userId, requestKey: metadata.requestKey, content, changeNote,
      locale: storedLocale(channel?.locale), requestReview: readChecked(view),
    });
    if (!result.ok) {
      if (result.reason === "missing_sections") {
        return ack({ response_action: "errors", errors: Object.fromEntries(result.sections.map((s) => [ReportIds.inputs[s].block, t(locale, "report.modal.required")])) });
      }
      if (result.reason === "change_note_required") return ack({ response_action: "errors", errors: { [ReportIds.inputs.changeNote.block]: t(locale, "report.modal.required") } });
      return ack({ response_action: "errors", errors: { [ReportIds.inputs.subject.block]: t(locale, "report.refused.not_level_a", { number: draft.draft.number }) } });
    }
    await ack();
    if (!result.created) return;
    deps.logger.info("report saved", { caseId, version: result.number, review: result.inReview });
    // The version it replaced loses its buttons; the new one asks for review where review was asked for.
    const previous = await deps.services.reportVersionOf(caseId, result.number - 1);
    if (previous?.reviewTs) await showReviewMessage(deps, client, previous.id);
    if (result.inReview) await showReviewMessage(deps, client, result.versionId);
    const dm = result.inReview ? t(locale, "report.saved_review", { number: draft.draft.number, version: result.number }) : t(locale, "report.saved", { number: draft.draft.number, version: result.number });
    await ephemeral(client, deps.logger, deps.triageChannel ?? undefined, actor.userId, dm);
  });
}
