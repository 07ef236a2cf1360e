// An approved level A proposal takes effect (R-INC-2/5): the extra incidents are reserved in the same transaction
// as the approval, from whichever contracts in force have them (R-CON-6), or nothing happens at all when the
// balance cannot cover them (R-INC-6).
import { contractsOf } from "../db/contracts.ts";
import { enqueue } from "../db/outbox.ts";
import { ACTIVE_STATES } from "../domain/case.ts";
import { summarize } from "../domain/contract.ts";
import { levelACost, type LevelReason } from "../domain/proposal.ts";
import { DecisionRefused, type Applied, type DecisionContext } from "./decision.ts";
import { reserveMore } from "./reserve-more.ts";

export async function raiseToLevelA(ctx: DecisionContext, levelReason: LevelReason): Promise<Applied> {
  const { tx, deps, now, current } = ctx;
  const cost = levelACost({ level: current.level, incidents: current.incidents });
  if (cost === "already_level_a") throw new DecisionRefused({ ok: false, reason: "not_applicable" });
  const held = await reserveMore(tx, current, cost.extra, { actorId: ctx.actorId, now, today: ctx.today, reason: `proposal:${ctx.proposal.id}` });
  if (!held.ok) throw new DecisionRefused({ ok: false, reason: "insufficient", needed: cost.extra, available: held.available });
  // Conditional on the planned incidents we read: a concurrent change of them makes this approval start over.
  const { count } = await tx.case.updateMany({
    where: { id: current.id, state: { in: [...ACTIVE_STATES] }, level: current.level, incidents: current.incidents },
    // Level A has no one-business-day first-response target (R-LIFE-7).
    data: { level: "A", levelReason, incidents: cost.after, firstResponseRemindAt: null, firstResponseDueAt: null },
  });
  if (count === 0) throw new DecisionRefused({ ok: false, reason: "not_applicable" });
  await tx.caseEvent.create({
    data: {
      caseId: current.id, kind: "level_raised", actorId: ctx.actorId, createdAt: now,
      data: JSON.stringify({ proposalId: ctx.proposal.id, from: current.level, to: "A", before: cost.before, after: cost.after, parts: held.parts }),
    },
  });
  const available = summarize(await contractsOf(tx, current.customerId), ctx.today).available;
  const options = { at: now, caseId: current.id };
  await enqueue(tx, current.channelId, { kind: "case.refresh", caseId: current.id }, options);
  await enqueue(tx, current.channelId, {
    kind: "case.notice", caseId: current.id, notice: "notice.level_a_approved",
    params: { user: ctx.actorId, before: cost.before, after: cost.after, available },
  }, options);
  if (deps.triageChannel) {
    if (current.triageTs) await enqueue(tx, deps.triageChannel, { kind: "triage.refresh", caseId: current.id }, options);
    await enqueue(tx, deps.triageChannel, { kind: "triage.notice", caseId: current.id, notice: "triage.proposal_approved", params: { user: ctx.actorId, before: cost.before, after: cost.after } }, options);
  }
  return { before: cost.before, after: cost.after, newCaseIds: [] };
}
