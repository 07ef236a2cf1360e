// The comment a customer adds under their rating of a closed case, once (see rate-case.ts).
import type { Listeners } from "../../listener-router.ts";
import { can } from "../../../domain/roles.ts";
import { actorOfInteraction, channelContext, localeFor, rolesIn } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { t } from "../../i18n/index.ts";
import { InsightIds } from "../../ids.ts";
import { readText } from "../../view-values.ts";
import { parseRatingMetadata } from "../../views/rating-message.ts";
import { customerRefusal } from "../../refusals.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.view(InsightIds.views.rateComment, async ({ ack, body, view }) => {
    const block = InsightIds.inputs.commentBlock;
    const actor = await actorOfInteraction(deps, body);
    const metadata = parseRatingMetadata(view.private_metadata);
    const found = metadata ? await deps.services.caseChannelOf(metadata.caseId) : null;
    const channel = found ? await channelContext(deps, found) : null;
    const locale = localeFor(deps, actor, channel);
    // Checked again at submission: the modal being open proves nothing about who submits it.
    if (!actor || !metadata || !found || !can(rolesIn(deps, actor, channel), "case.reply")) {
      return ack({ response_action: "errors", errors: { [block]: customerRefusal(locale, deps.config.contact, "refused.customer") } });
    }
    const result = await deps.services.commentOnRating({ caseId: metadata.caseId, comment: readText(view, { block, action: InsightIds.inputs.comment }) ?? "", actorId: actor.userId });
    if (result.ok || result.reason === "already_commented" || result.reason === "empty") return ack();
    return ack({ response_action: "errors", errors: { [block]: result.reason === "not_rated" ? t(locale, "rating.refused.not_rated") : customerRefusal(locale, deps.config.contact, "rating.refused.commented") } });
  });
}
