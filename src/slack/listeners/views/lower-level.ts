// An engineer lowers a level A case to normal: no approval needed (R-INC-5), the difference is released at once.
import type { ViewSubmitAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { caseNumber } from "../../../domain/case.ts";
import { authorizeCaseSubmission } from "../../case-submission.ts";
import type { SlackDeps } from "../../deps.ts";
import { t } from "../../i18n/index.ts";
import { Inputs, Views } from "../../ids.ts";
import { cleanInput } from "../../views/text.ts";
import { readText } from "../../view-values.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(Views.lowerLevel, async ({ ack, body, view }) => {
    const block = Inputs.reason.block;
    const check = await authorizeCaseSubmission(deps, body, view.private_metadata, block);
    if (!check.ok) return ack({ response_action: "errors", errors: check.errors });
    const { actor, caseId, locale } = check.submission;
    const result = await deps.services.lowerLevel({ caseId, actorId: actor.userId, reason: cleanInput(readText(view, Inputs.reason) ?? "") || null });
    if (result.ok) return ack();
    const number = caseNumber(caseId);
    const message = result.reason === "not_level_a" ? t(locale, "refused.not_level_a", { number })
      : result.reason === "changed" ? t(locale, "refused.changed")
      : result.reason === "closed" ? t(locale, "refused.closed", { number })
      : t(locale, "refused.unknown_case");
    await ack({ response_action: "errors", errors: { [block]: message } });
  });
}
