// An engineer assigns a case from the assign modal. Only configured engineers can be chosen (inline error).
import type { ViewSubmitAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { caseNumber } from "../../../domain/case.ts";
import { authorizeCaseSubmission } from "../../case-submission.ts";
import type { SlackDeps } from "../../deps.ts";
import { t } from "../../i18n/index.ts";
import { Inputs, Views } from "../../ids.ts";
import { readUser } from "../../view-values.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(Views.assign, async ({ ack, body, view }) => {
    const block = Inputs.assignee.block;
    const check = await authorizeCaseSubmission(deps, body, view.private_metadata, block);
    if (!check.ok) return ack({ response_action: "errors", errors: check.errors });
    const { actor, caseId, locale } = check.submission;
    const assigneeId = readUser(view, Inputs.assignee);
    if (!assigneeId) return ack({ response_action: "errors", errors: { [block]: t(locale, "error.required") } });
    const result = await deps.services.assignCase({ caseId, actorId: actor.userId, assigneeId, isEngineer: (id) => deps.directory.engineers.has(id) });
    if (result.ok) return ack();
    const message = result.reason === "not_engineer" ? t(locale, "error.not_engineer")
      : result.reason === "closed" ? t(locale, "refused.closed", { number: caseNumber(caseId) })
      : t(locale, "refused.unknown_case");
    await ack({ response_action: "errors", errors: { [block]: message } });
  });
}
