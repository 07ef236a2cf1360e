// The customer answers a proposal to raise a case's incidents (R-INC-5). Approval applies it in the same
// transaction (more incidents reserved, or the case split); a decline changes nothing but is recorded. Only the
// first answer counts: the proposal is claimed with a conditional update, so a double click or a second person
// answering does nothing twice.
import { caseToChange, lockCase } from "../db/cases/reads.ts";
import { recordCaseEvent } from "../db/cases/changes.ts";
import { enqueue } from "../db/outbox.ts";
import { markProposalDecided, proposalToDecide, withdrawPendingProposals } from "../db/cases/proposals.ts";
import { isActive } from "../domain/case.ts";
import { proposalKindOf, type ProposalKind } from "../domain/proposal.ts";
import { DecisionRefused, type Applied, type DecisionContext, type DecisionRefusal } from "./decision.ts";
import type { ServiceDeps } from "./deps.ts";
import { notifyPerson } from "./notify-person.ts";
import { raiseToLevelA } from "./raise-level-a.ts";
import { splitCase } from "./split-case.ts";

export interface DecideProposalInput {
  proposalId: number;
  caseId: number;
  actorId: string;
  decision: "approve" | "decline";
  /** The proposal message the answer came from: it is re-rendered without its buttons. */
  messageTs: string | null;
}

export type DecideProposalResult =
  | ({ ok: true; decision: "approve" | "decline"; kind: ProposalKind } & Applied)
  | DecisionRefusal;

export async function decideProposal(deps: ServiceDeps, input: DecideProposalInput): Promise<DecideProposalResult> {
  const now = deps.clock.now();
  const today = deps.calendar.localDate(now);
  let result: DecideProposalResult;
  try {
    result = await deps.db.transaction(async (tx): Promise<DecideProposalResult> => {
      // The case is taken first: an approval racing a resolution then sees the case ended and says so, instead of
      // moving incidents the resolution has just consumed.
      await lockCase(tx, deps.db.provider, input.caseId);
      const proposal = await proposalToDecide(tx, input.proposalId);
      const kind = proposal ? proposalKindOf(proposal) : null;
      if (!proposal || !kind || proposal.caseId !== input.caseId) return { ok: false, reason: "unknown_proposal" };
      if (proposal.state === "withdrawn") return { ok: false, reason: "withdrawn" };
      if (proposal.state !== "pending") return { ok: false, reason: "decided" };
      const current = await caseToChange(tx, proposal.caseId);
      if (!current || !isActive(current.state)) return { ok: false, reason: "closed" };
      const state = input.decision === "approve" ? "approved" : "declined";
      if (!(await markProposalDecided(tx, proposal.id, { state, actorId: input.actorId, at: now }))) return { ok: false, reason: "decided" };
      const options = { at: now, caseId: current.id };
      // The engineer who proposed hears the answer; an approval that cannot be applied rolls this back with it.
      await notifyPerson(tx, deps, {
        userId: proposal.proposedBy, kind: input.decision === "approve" ? "proposal_approved" : "proposal_declined", caseId: current.id,
        data: { proposal: kind.kind }, dedupeKey: `proposal-decided:${proposal.id}`, at: now, actorId: input.actorId,
      });
      if (input.messageTs) {
        await enqueue(tx, current.channelId, { kind: "proposal.refresh", caseId: current.id, proposalId: proposal.id, ts: input.messageTs }, options);
      }
      if (input.decision === "decline") {
        await recordCaseEvent(tx, { caseId: current.id, kind: "proposal_declined", actorId: input.actorId, at: now, data: { proposalId: proposal.id } });
        await enqueue(tx, current.channelId, { kind: "case.notice", caseId: current.id, notice: "notice.proposal_declined", params: { user: input.actorId, incidents: current.incidents } }, options);
        if (deps.triageChannel) {
          await enqueue(tx, deps.triageChannel, { kind: "triage.notice", caseId: current.id, notice: "triage.proposal_declined", params: { user: input.actorId } }, options);
        }
        return { ok: true, decision: "decline", kind, before: current.incidents, after: current.incidents, newCaseIds: [] };
      }
      // Two engineers proposing at the same moment can leave two pending: the approved one settles the question.
      await withdrawPendingProposals(tx, current.id, { actorId: input.actorId, at: now });
      await recordCaseEvent(tx, { caseId: current.id, kind: "proposal_approved", actorId: input.actorId, at: now, data: { proposalId: proposal.id } });
      const ctx: DecisionContext = { tx, deps, now, today, actorId: input.actorId, proposal, current };
      const applied = kind.kind === "level_a" ? await raiseToLevelA(ctx, kind.levelReason) : await splitCase(ctx);
      return { ok: true, decision: "approve", kind, ...applied };
    });
  } catch (error) {
    if (error instanceof DecisionRefused) return error.refusal;
    throw error;
  }
  if (result.ok) deps.onOutbox?.();
  return result;
}
