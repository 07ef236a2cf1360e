// An engineer takes a case, or assigns it to another engineer.
import { enqueue } from "../db/outbox.ts";
import { RefusedTransition, transition } from "../domain/case.ts";
import type { ServiceDeps } from "./deps.ts";
import { notifyPerson } from "./notify-person.ts";

export type TakeCaseResult = { ok: true; changed: boolean } | { ok: false; reason: "unknown_case" | "closed" };

export async function takeCase(deps: ServiceDeps, input: { caseId: number; actorId: string; assigneeId: string }): Promise<TakeCaseResult> {
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx): Promise<TakeCaseResult> => {
    const current = await tx.case.findUnique({ where: { id: input.caseId } });
    if (!current) return { ok: false, reason: "unknown_case" };
    const from = current.state;
    const next = transition(from, "take");
    if (next instanceof RefusedTransition) return { ok: false, reason: "closed" };
    // A double click (or two engineers at once) assigns once: the first writer wins, the second sees no change.
    if (current.assigneeId === input.assigneeId) return { ok: true, changed: false };
    const { count } = await tx.case.updateMany({
      where: { id: current.id, state: from, assigneeId: current.assigneeId },
      data: { assigneeId: input.assigneeId, state: next.to },
    });
    if (count === 0) return { ok: true, changed: false };
    const event = await tx.caseEvent.create({ data: { caseId: current.id, kind: "assigned", actorId: input.actorId, createdAt: now, data: JSON.stringify({ assigneeId: input.assigneeId }) } });
    // Assigned by a colleague: the assignee hears of it; taking a case oneself needs no message.
    await notifyPerson(tx, deps, { userId: input.assigneeId, kind: "assigned", caseId: current.id, data: { by: input.actorId }, dedupeKey: `assigned:${event.id}`, at: now, actorId: input.actorId });
    await enqueue(tx, current.channelId, { kind: "case.refresh", caseId: current.id }, { at: now, caseId: current.id });
    await enqueue(tx, current.channelId, { kind: "case.notice", caseId: current.id, notice: "notice.taken", params: { user: input.assigneeId } }, { at: now, caseId: current.id });
    if (deps.triageChannel && current.triageTs) await enqueue(tx, deps.triageChannel, { kind: "triage.refresh", caseId: current.id }, { at: now, caseId: current.id });
    return { ok: true, changed: true };
  });
  if (result.ok && result.changed) deps.onOutbox?.();
  return result;
}
