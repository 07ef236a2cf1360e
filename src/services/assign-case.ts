// An engineer assigns a case to an engineer (themselves or a colleague). Only T4U's configured engineers can be
// assignees: a case given to anyone else would sit unanswered.
import type { ServiceDeps } from "./deps.ts";
import { takeCase, type TakeCaseResult } from "./take-case.ts";

export interface AssignCaseInput {
  caseId: number;
  actorId: string;
  assigneeId: string;
  isEngineer: (userId: string) => boolean;
}

export type AssignCaseResult = TakeCaseResult | { ok: false; reason: "not_engineer" };

export function assignCase(deps: ServiceDeps, input: AssignCaseInput): Promise<AssignCaseResult> {
  if (!input.isEngineer(input.assigneeId)) return Promise.resolve({ ok: false, reason: "not_engineer" });
  return takeCase(deps, { caseId: input.caseId, actorId: input.actorId, assigneeId: input.assigneeId });
}
