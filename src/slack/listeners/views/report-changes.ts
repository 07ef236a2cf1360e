// A reviewer asks the author of a report version for changes, with a comment shown in the review message.
import type { ViewSubmitAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { can } from "../../../domain/roles.ts";
import { actorOfInteraction, channelContext, localeFor, rolesIn } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { t } from "../../i18n/index.ts";
import { ReportIds } from "../../ids.ts";
import { showReviewMessage } from "../../report-messages.ts";
import { readText } from "../../view-values.ts";
import { parseVersionMetadata } from "../../views/report-modal.ts";
import { cleanInput } from "../../views/text.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(ReportIds.views.changes, async ({ ack, body, view, client }) => {
    const block = ReportIds.inputs.comment.block;
    const actor = await actorOfInteraction(deps, body);
    const versionId = parseVersionMetadata(view.private_metadata);
    const locale = localeFor(deps, actor, null);
    const version = versionId ? await deps.services.reportVersionForReview(versionId) : null;
    if (!actor || !versionId || !version) return ack({ response_action: "errors", errors: { [block]: t(locale, "report.refused.unknown") } });
    // A modal being open proves nothing: the role is checked again, in the case's channel.
    const roles = rolesIn(deps, actor, await channelContext(deps, version.report.case.channelId));
    if (!can(roles, "report.review")) return ack({ response_action: "errors", errors: { [block]: t(locale, "report.refused.role") } });
    const comment = cleanInput(readText(view, ReportIds.inputs.comment) ?? "");
    if (!comment) return ack({ response_action: "errors", errors: { [block]: t(locale, "error.required") } });
    const result = await deps.services.reviewReport({
      versionId, decision: "changes", comment,
      reviewer: { userId: actor.userId, engineer: roles.has("engineer"), manager: roles.has("manager") },
    });
    if (!result.ok) {
      const text = result.reason === "unknown" ? t(locale, "report.refused.unknown")
        : result.reason === "own_version" ? t(locale, "report.refused.own_version")
          : result.reason === "not_staff" ? t(locale, "report.refused.role")
            : t(locale, "report.refused.not_in_review", { state: t(locale, `report.state.${result.state}`) });
      return ack({ response_action: "errors", errors: { [block]: text } });
    }
    await ack();
    await showReviewMessage(deps, client, versionId);
  });
}
