// An engineer proposes to split a case into separate matters (R-INC-3): the case stays part 1 and every other
// part becomes a case of its own with its own incident, once the customer approves (R-INC-5).
import { TITLE_MAX } from "../domain/case.ts";
import { splitCost, splitProblem, type SplitProblem } from "../domain/proposal.ts";
import type { ServiceDeps } from "./deps.ts";
import { makeProposal, type MakeProposalResult } from "./make-proposal.ts";

export interface ProposeSplitInput { caseId: number; actorId: string; titles: readonly string[]; reason: string }

export type ProposeSplitResult = MakeProposalResult | { ok: false; reason: SplitProblem | "title_too_long" };

export function proposeSplit(deps: ServiceDeps, input: ProposeSplitInput): Promise<ProposeSplitResult> {
  const titles = input.titles.map((title) => title.trim()).filter(Boolean);
  const problem = splitProblem(titles.length);
  if (problem) return Promise.resolve({ ok: false, reason: problem });
  if (titles.some((title) => Array.from(title).length > TITLE_MAX)) return Promise.resolve({ ok: false, reason: "title_too_long" });
  return makeProposal(deps, {
    caseId: input.caseId, actorId: input.actorId, reason: input.reason, kind: { kind: "split" }, parts: titles,
  }, (current) => splitCost(current, titles.length));
}
