// An engineer lowers a level A case to normal (R-INC-5: lowering needs no approval): the incidents no longer
// needed are released at once, in the same transaction as the change, and the customer is told.
import { caseToChange, lockCase } from "../db/cases/reads.ts";
import { applyCaseChange } from "../db/cases/changes.ts";
import { contractsOf } from "../db/contracts/balances.ts";
import { isActive } from "../domain/case.ts";
import { summarize } from "../domain/contract.ts";
import { lowerCost } from "../domain/proposal.ts";
import type { ServiceDeps } from "./deps.ts";

export type LowerLevelResult =
  | { ok: true; before: number; after: number; available: number }
  | { ok: false; reason: "unknown_case" | "closed" | "not_level_a" | "changed" };

export async function lowerLevel(deps: ServiceDeps, input: { caseId: number; actorId: string; reason: string | null }): Promise<LowerLevelResult> {
  const now = deps.clock.now();
  const reason = input.reason?.trim() || null;
  const result = await deps.db.transaction(async (tx): Promise<LowerLevelResult> => {
    if (!(await lockCase(tx, deps.db.provider, input.caseId))) return { ok: false, reason: "unknown_case" };
    const current = await caseToChange(tx, input.caseId);
    if (!current) return { ok: false, reason: "unknown_case" };
    if (!isActive(current.state)) return { ok: false, reason: "closed" };
    const cost = lowerCost({ level: current.level, incidents: current.incidents });
    if (cost === "not_level_a") return { ok: false, reason: cost };
    const caseId = current.id;
    let available = 0;
    const won = await applyCaseChange(tx, {
      caseId,
      guard: { state: "active", level: current.level, incidents: current.incidents },
      set: { level: "normal", levelReason: null, incidents: cost.after },
      settle: { kind: "release_some", amount: cost.release, customerId: current.customerId, reason },
      event: { kind: "level_lowered", actorId: input.actorId, data: { from: "A", to: "normal", before: cost.before, after: cost.after, reason } },
      // The balance as the release left it, read once the release is written.
      outbox: async () => {
        available = summarize(await contractsOf(tx, current.customerId), deps.calendar.localDate(now)).available;
        return [
          { channelId: current.channelId, caseId, payload: { kind: "case.refresh", caseId } },
          {
            channelId: current.channelId, caseId,
            payload: { kind: "case.notice", caseId, notice: "notice.level_lowered", params: { user: input.actorId, before: cost.before, after: cost.after, available } },
          },
          ...(deps.triageChannel && current.triageTs ? [{ channelId: deps.triageChannel, caseId, payload: { kind: "triage.refresh" as const, caseId } }] : []),
        ];
      },
      at: now,
    });
    if (!won) return { ok: false, reason: "changed" };
    return { ok: true, before: cost.before, after: cost.after, available };
  });
  if (result.ok) deps.onOutbox?.();
  return result;
}
