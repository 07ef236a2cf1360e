// An engineer lowers a level A case to normal (R-INC-5: lowering needs no approval): the incidents no longer
// needed are released at once, in the same transaction as the change, and the customer is told.
import { lockCase } from "../db/cases.ts";
import { contractsOf } from "../db/contracts.ts";
import { releaseFromCase } from "../db/reservations.ts";
import { enqueue } from "../db/outbox.ts";
import { ACTIVE_STATES, isActive } from "../domain/case.ts";
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
    const current = await tx.case.findUnique({ where: { id: input.caseId } });
    if (!current) return { ok: false, reason: "unknown_case" };
    if (!isActive(current.state)) return { ok: false, reason: "closed" };
    const cost = lowerCost({ level: current.level, incidents: current.incidents });
    if (cost === "not_level_a") return { ok: false, reason: cost };
    const { count } = await tx.case.updateMany({
      where: { id: current.id, state: { in: [...ACTIVE_STATES] }, level: current.level, incidents: current.incidents },
      data: { level: "normal", levelReason: null, incidents: cost.after },
    });
    if (count === 0) return { ok: false, reason: "changed" };
    // From the contract that ends last first: the incident kept is the one that would lapse soonest.
    const released = await releaseFromCase(tx, cost.release, { customerId: current.customerId, actorId: input.actorId, at: now, caseId: current.id, reason });
    if (!released) throw new Error(`case ${current.id}: holds fewer incidents on its contracts than it shows`);
    await tx.caseEvent.create({
      data: { caseId: current.id, kind: "level_lowered", actorId: input.actorId, createdAt: now, data: JSON.stringify({ from: "A", to: "normal", before: cost.before, after: cost.after, reason }) },
    });
    const available = summarize(await contractsOf(tx, current.customerId), deps.calendar.localDate(now)).available;
    const options = { at: now, caseId: current.id };
    await enqueue(tx, current.channelId, { kind: "case.refresh", caseId: current.id }, options);
    await enqueue(tx, current.channelId, {
      kind: "case.notice", caseId: current.id, notice: "notice.level_lowered",
      params: { user: input.actorId, before: cost.before, after: cost.after, available },
    }, options);
    if (deps.triageChannel && current.triageTs) await enqueue(tx, deps.triageChannel, { kind: "triage.refresh", caseId: current.id }, options);
    return { ok: true, before: cost.before, after: cost.after, available };
  });
  if (result.ok) deps.onOutbox?.();
  return result;
}
