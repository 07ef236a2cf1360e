// T4U judges an inquiry outside the scope of support (R-INC-8): it is declined with a reason the customer sees,
// and its incidents are released.
import { NOTE_MAX } from "./cancel-case.ts";
import type { ServiceDeps } from "./deps.ts";
import { endCase, type EndCaseResult } from "./end-case.ts";

export type DeclineCaseResult = EndCaseResult | { ok: false; reason: "empty_reason" | "too_long" };

export function declineCase(deps: ServiceDeps, input: { caseId: number; actorId: string; reason: string }): Promise<DeclineCaseResult> {
  const reason = input.reason.trim();
  if (!reason) return Promise.resolve({ ok: false, reason: "empty_reason" });
  if (Array.from(reason).length > NOTE_MAX) return Promise.resolve({ ok: false, reason: "too_long" });
  return endCase(deps, "decline_scope", { caseId: input.caseId, actorId: input.actorId, reason });
}
