// An engineer takes a case, or assigns it to another engineer.
import { caseToChange } from "../db/cases/reads.ts";
import { applyCaseChange } from "../db/cases/changes.ts";
import { RefusedTransition, transition } from "../domain/case.ts";
import type { ServiceDeps } from "./deps.ts";
import { notifyPerson } from "./notify-person.ts";

export type TakeCaseResult = { ok: true; changed: boolean } | { ok: false; reason: "unknown_case" | "closed" };

export async function takeCase(deps: ServiceDeps, input: { caseId: number; actorId: string; assigneeId: string }): Promise<TakeCaseResult> {
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx): Promise<TakeCaseResult> => {
    const current = await caseToChange(tx, input.caseId);
    if (!current) return { ok: false, reason: "unknown_case" };
    const from = current.state;
    const next = transition(from, "take");
    if (next instanceof RefusedTransition) return { ok: false, reason: "closed" };
    // A double click (or two engineers at once) assigns once: the first writer wins, the second sees no change.
    if (current.assigneeId === input.assigneeId) return { ok: true, changed: false };
    const caseId = current.id;
    const won = await applyCaseChange(tx, {
      caseId,
      guard: { state: from, assigneeId: current.assigneeId },
      set: { assigneeId: input.assigneeId, state: next.to },
      event: { kind: "assigned", actorId: input.actorId, data: { assigneeId: input.assigneeId } },
      outbox: async ({ eventId }) => {
        // Assigned by a colleague: the assignee hears of it; taking a case oneself needs no message.
        await notifyPerson(tx, deps, { userId: input.assigneeId, kind: "assigned", caseId, data: { by: input.actorId }, dedupeKey: `assigned:${eventId}`, at: now, actorId: input.actorId });
        return [
          { channelId: current.channelId, caseId, payload: { kind: "case.refresh", caseId } },
          { channelId: current.channelId, caseId, payload: { kind: "case.notice", caseId, notice: "notice.taken", params: { user: input.assigneeId } } },
          ...(deps.triageChannel && current.triageTs ? [{ channelId: deps.triageChannel, caseId, payload: { kind: "triage.refresh" as const, caseId } }] : []),
        ];
      },
      at: now,
    });
    if (!won) return { ok: true, changed: false };
    return { ok: true, changed: true };
  });
  if (result.ok && result.changed) deps.onOutbox?.();
  return result;
}
