// An engineer finds the cause in T4U's own product (R-INC-7): the case is cancelled and its incidents released.
// The note is for T4U's record; the customer is told the cause and that nothing is consumed.
import type { ServiceDeps } from "./deps.ts";
import { endCase, type EndCaseResult } from "./end-case.ts";

export const NOTE_MAX = 1000;

export type CancelCaseResult = EndCaseResult | { ok: false; reason: "too_long" };

export function cancelCase(deps: ServiceDeps, input: { caseId: number; actorId: string; note: string | null }): Promise<CancelCaseResult> {
  const note = input.note?.trim() || undefined;
  if (note && Array.from(note).length > NOTE_MAX) return Promise.resolve({ ok: false, reason: "too_long" });
  return endCase(deps, "cancel_defect", { caseId: input.caseId, actorId: input.actorId, reason: note });
}
