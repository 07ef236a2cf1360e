// An approved level A proposal takes effect (R-INC-2/5): the extra incidents are reserved in the same transaction
// as the approval, from whichever contracts in force have them (R-CON-6), or nothing happens at all when the
// balance cannot cover them (R-INC-6).
import { applyCaseChange } from "../db/cases/changes.ts";
import { contractsOf } from "../db/contracts/balances.ts";
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
  const caseId = current.id;
  const won = await applyCaseChange(tx, {
    caseId,
    // Conditional on the planned incidents we read: a concurrent change of them makes this approval start over.
    guard: { state: "active", level: current.level, incidents: current.incidents },
    // Level A has no one-business-day first-response target (R-LIFE-7).
    set: { level: "A", levelReason, incidents: cost.after, firstResponseRemindAt: null, firstResponseDueAt: null },
    event: {
      kind: "level_raised", actorId: ctx.actorId,
      data: { proposalId: ctx.proposal.id, from: current.level, to: "A", before: cost.before, after: cost.after, parts: held.parts },
    },
    // The balance as the reservation left it, for the notice.
    outbox: async () => {
      const available = summarize(await contractsOf(tx, current.customerId), ctx.today).available;
      return [
        { channelId: current.channelId, caseId, payload: { kind: "case.refresh", caseId } },
        {
          channelId: current.channelId, caseId,
          payload: { kind: "case.notice", caseId, notice: "notice.level_a_approved", params: { user: ctx.actorId, before: cost.before, after: cost.after, available } },
        },
        ...(deps.triageChannel
          ? [
            ...(current.triageTs ? [{ channelId: deps.triageChannel, caseId, payload: { kind: "triage.refresh" as const, caseId } }] : []),
            {
              channelId: deps.triageChannel, caseId,
              payload: { kind: "triage.notice" as const, caseId, notice: "triage.proposal_approved" as const, params: { user: ctx.actorId, before: cost.before, after: cost.after } },
            },
          ]
          : []),
      ];
    },
    at: now,
  });
  if (!won) throw new DecisionRefused({ ok: false, reason: "not_applicable" });
  return { before: cost.before, after: cost.after, newCaseIds: [] };
}
