// Why a proposal could not be made, in words for the engineer, shown on the modal.
import type { Locale } from "../config.ts";
import { caseNumber, TITLE_MAX } from "../domain/case.ts";
import { MAX_SPLIT_PARTS, MIN_SPLIT_PARTS } from "../domain/proposal.ts";
import type { ProposeSplitResult } from "../services/propose-split.ts";
import { t } from "./i18n/index.ts";

export function proposalRefusal(result: Exclude<ProposeSplitResult, { ok: true }>, caseId: number, locale: Locale): string {
  const number = caseNumber(caseId);
  switch (result.reason) {
    case "insufficient": return t(locale, "error.proposal_insufficient", { needed: result.needed, available: result.available });
    case "already_level_a": return t(locale, "refused.already_level_a", { number });
    case "closed": return t(locale, "refused.closed", { number });
    case "unknown_case": return t(locale, "refused.unknown_case");
    case "empty_reason": return t(locale, "error.required");
    case "too_few_parts": return t(locale, "error.split_too_few", { min: MIN_SPLIT_PARTS });
    case "too_many_parts": return t(locale, "error.split_too_many", { max: MAX_SPLIT_PARTS });
    case "title_too_long": return t(locale, "error.title_each_too_long", { max: TITLE_MAX });
  }
}
