// The modals that end a case without consuming its incidents: cancel as a T4U product defect (R-INC-7, with an
// internal note) and decline as out of scope (R-INC-8, with a reason the customer sees). Both release.
import type { ViewSubmitAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import type { Locale } from "../../../config.ts";
import { caseNumber } from "../../../domain/case.ts";
import { NOTE_MAX } from "../../../services/cancel-case.ts";
import { authorizeCaseSubmission } from "../../case-submission.ts";
import type { SlackDeps } from "../../deps.ts";
import { t } from "../../i18n/index.ts";
import { Inputs, Views } from "../../ids.ts";
import { cleanInput } from "../../views/text.ts";
import { readText } from "../../view-values.ts";

type Refusal = "unknown_case" | "closed" | "not_waiting" | "empty_reason" | "too_long";

function refusalText(reason: Refusal, caseId: number, locale: Locale): string {
  switch (reason) {
    case "empty_reason": return t(locale, "error.required");
    case "too_long": return t(locale, "error.too_long", { max: NOTE_MAX });
    case "unknown_case": return t(locale, "refused.unknown_case");
    default: return t(locale, "refused.closed", { number: caseNumber(caseId) });
  }
}

export function register(app: Listeners, deps: SlackDeps): void {
  const block = Inputs.reason.block;
  app.view<ViewSubmitAction>(Views.cancelDefect, async ({ ack, body, view }) => {
    const check = await authorizeCaseSubmission(deps, body, view.private_metadata, block);
    if (!check.ok) return ack({ response_action: "errors", errors: check.errors });
    const { actor, caseId, locale } = check.submission;
    const result = await deps.services.cancelCase({ caseId, actorId: actor.userId, note: cleanInput(readText(view, Inputs.reason) ?? "") || null });
    if (result.ok) return ack();
    await ack({ response_action: "errors", errors: { [block]: refusalText(result.reason, caseId, locale) } });
  });
  app.view<ViewSubmitAction>(Views.declineScope, async ({ ack, body, view }) => {
    const check = await authorizeCaseSubmission(deps, body, view.private_metadata, block);
    if (!check.ok) return ack({ response_action: "errors", errors: check.errors });
    const { actor, caseId, locale } = check.submission;
    const result = await deps.services.declineCase({ caseId, actorId: actor.userId, reason: cleanInput(readText(view, Inputs.reason) ?? "") });
    if (result.ok) return ack();
    await ack({ response_action: "errors", errors: { [block]: refusalText(result.reason, caseId, locale) } });
  });
}
