// An engineer proposes level A with a reason (R-INC-2/5): the customer is asked in the thread; nothing is
// reserved until they approve.
import type { ViewSubmitAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { isLevelReason } from "../../../domain/proposal.ts";
import { authorizeCaseSubmission } from "../../case-submission.ts";
import type { SlackDeps } from "../../deps.ts";
import { t } from "../../i18n/index.ts";
import { Inputs, Views } from "../../ids.ts";
import { cleanInput } from "../../views/text.ts";
import { readOption, readText } from "../../view-values.ts";
import { proposalRefusal } from "../../proposal-refusal.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(Views.levelA, async ({ ack, body, view }) => {
    const check = await authorizeCaseSubmission(deps, body, view.private_metadata, Inputs.reason.block);
    if (!check.ok) return ack({ response_action: "errors", errors: check.errors });
    const { actor, caseId, locale } = check.submission;
    const levelReason = readOption(view, Inputs.levelReason);
    const reason = cleanInput(readText(view, Inputs.reason) ?? "");
    if (!isLevelReason(levelReason)) return ack({ response_action: "errors", errors: { [Inputs.levelReason.block]: t(locale, "error.required") } });
    const result = await deps.services.proposeLevelA({ caseId, actorId: actor.userId, levelReason, reason });
    if (result.ok) return ack();
    await ack({ response_action: "errors", errors: { [Inputs.reason.block]: proposalRefusal(result, caseId, locale) } });
  });
}
