// An engineer sets the expected answer date (R-LIFE-6); a late one is announced to the customer at once.
import type { ViewSubmitAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { caseNumber } from "../../../domain/case.ts";
import { authorizeCaseSubmission } from "../../case-submission.ts";
import type { SlackDeps } from "../../deps.ts";
import { t } from "../../i18n/index.ts";
import { Inputs, Views } from "../../ids.ts";
import { readDate } from "../../view-values.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(Views.expectedDate, async ({ ack, body, view }) => {
    const block = Inputs.date.block;
    const check = await authorizeCaseSubmission(deps, body, view.private_metadata, block);
    if (!check.ok) return ack({ response_action: "errors", errors: check.errors });
    const { actor, caseId, locale } = check.submission;
    const result = await deps.services.setExpectedDate({ caseId, actorId: actor.userId, date: readDate(view, Inputs.date) ?? "" });
    if (result.ok) return ack();
    const message = result.reason === "invalid_date" ? t(locale, "error.invalid_date")
      : result.reason === "past_date" ? t(locale, "error.past_date")
      : result.reason === "closed" ? t(locale, "refused.closed", { number: caseNumber(caseId) })
      : t(locale, "refused.unknown_case");
    await ack({ response_action: "errors", errors: { [block]: message } });
  });
}
