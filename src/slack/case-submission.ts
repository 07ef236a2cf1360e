// The common edge of every engineer modal on a case: which case (from the modal's metadata), who submits, and
// whether they may — checked again on the server at submission, since a modal being open proves nothing.
// A refusal comes back as an inline error on the given input, so the engineer sees why and nothing changes.
import type { Locale } from "../config.ts";
import { can } from "../domain/roles.ts";
import { actorOfInteraction, channelContext, localeFor, rolesIn, type Actor } from "./actor.ts";
import type { SlackDeps } from "./deps.ts";
import { t } from "./i18n/index.ts";
import { parseCaseModalMetadata } from "./views/case-modals.ts";

export interface CaseSubmission { actor: Actor; caseId: number; locale: Locale }

export type SubmissionCheck = { ok: true; submission: CaseSubmission } | { ok: false; errors: Record<string, string> };

export async function authorizeCaseSubmission(
  deps: SlackDeps, body: unknown, privateMetadata: string, errorBlock: string,
): Promise<SubmissionCheck> {
  const actor = await actorOfInteraction(deps, body);
  const caseId = parseCaseModalMetadata(privateMetadata);
  const found = caseId ? await deps.services.caseChannelOf(caseId) : null;
  if (!actor || !caseId || !found) return { ok: false, errors: { [errorBlock]: t(localeFor(deps, actor, null), "refused.unknown_case") } };
  const channel = await channelContext(deps, found);
  const locale = localeFor(deps, actor, channel);
  const roles = rolesIn(deps, actor, channel);
  if (!can(roles, "case.work")) {
    deps.logger.info("submission refused", { caseId, userId: actor.userId });
    return { ok: false, errors: { [errorBlock]: t(locale, "refused.role") } };
  }
  return { ok: true, submission: { actor, caseId, locale } };
}
