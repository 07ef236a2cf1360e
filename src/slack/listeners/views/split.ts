// An engineer proposes to split a case (R-INC-3/5): one title per line, part 1 being this case; the customer is
// asked in the thread and nothing is reserved until they approve.
import type { ViewSubmitAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { authorizeCaseSubmission } from "../../case-submission.ts";
import type { SlackDeps } from "../../deps.ts";
import { Inputs, Views } from "../../ids.ts";
import { cleanInput } from "../../views/text.ts";
import { readText } from "../../view-values.ts";
import { proposalRefusal } from "../../proposal-refusal.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(Views.split, async ({ ack, body, view }) => {
    const check = await authorizeCaseSubmission(deps, body, view.private_metadata, Inputs.parts.block);
    if (!check.ok) return ack({ response_action: "errors", errors: check.errors });
    const { actor, caseId, locale } = check.submission;
    const titles = (readText(view, Inputs.parts) ?? "").split("\n").map(cleanInput);
    const reason = cleanInput(readText(view, Inputs.reason) ?? "");
    const result = await deps.services.proposeSplit({ caseId, actorId: actor.userId, titles, reason });
    if (result.ok) return ack();
    const block = result.reason === "empty_reason" ? Inputs.reason.block : Inputs.parts.block;
    await ack({ response_action: "errors", errors: { [block]: proposalRefusal(result, caseId, locale) } });
  });
}
