// The engineer confirmed resolving a report case whose report was never sent: it resolves as Resolve would.
import type { ViewSubmitAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { caseNumber } from "../../../domain/case.ts";
import { authorizeCaseSubmission } from "../../case-submission.ts";
import type { SlackDeps } from "../../deps.ts";
import { t } from "../../i18n/index.ts";
import { ReportIds } from "../../ids.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(ReportIds.views.resolveConfirm, async ({ ack, body, view }) => {
    // The modal has no input to show an error on: a refusal closes it with the reason as the modal's text.
    const check = await authorizeCaseSubmission(deps, body, view.private_metadata, "resolve");
    if (!check.ok) return ack({ response_action: "update", view: notice(Object.values(check.errors)[0] ?? "") });
    const { actor, caseId, locale } = check.submission;
    const result = await deps.services.resolveCase({ caseId, actorId: actor.userId });
    if (!result.ok) return ack({ response_action: "update", view: notice(t(locale, "refused.closed", { number: caseNumber(caseId) })) });
    await ack();
    deps.logger.info("case resolved without a delivered report", { caseId, userId: actor.userId });
  });
}

function notice(text: string) {
  return {
    type: "modal" as const, callback_id: ReportIds.views.resolveConfirm, title: { type: "plain_text" as const, text: "—" },
    blocks: [{ type: "section" as const, text: { type: "mrkdwn" as const, text } }],
  };
}
