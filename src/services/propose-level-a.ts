// An engineer proposes level A (R-INC-2): reproduction of the customer's environment or a formal report costs
// 3 incidents, which needs the customer's approval before anything more is reserved (R-INC-5).
import { levelACost, type LevelReason } from "../domain/proposal.ts";
import type { ServiceDeps } from "./deps.ts";
import { makeProposal, type MakeProposalResult } from "./make-proposal.ts";

export interface ProposeLevelAInput { caseId: number; actorId: string; levelReason: LevelReason; reason: string }

export function proposeLevelA(deps: ServiceDeps, input: ProposeLevelAInput): Promise<MakeProposalResult> {
  return makeProposal(deps, {
    caseId: input.caseId, actorId: input.actorId, reason: input.reason,
    kind: { kind: "level_a", levelReason: input.levelReason },
  }, levelACost);
}
