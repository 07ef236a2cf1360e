// An engineer proposes to raise a case's planned incidents (R-INC-5): nothing is reserved yet; the customer is
// asked in the case's thread, with the reason and the cost, and answers with a button (decide-proposal.ts).
// A newer proposal withdraws an older unanswered one, so a forgotten question never blocks the case.
import { caseToChange } from "../db/cases/reads.ts";
import { recordCaseEvent, touchCase } from "../db/cases/changes.ts";
import { contractsOf } from "../db/contracts/balances.ts";
import { enqueue } from "../db/outbox.ts";
import { pendingProposalsOf, recordProposal, withdrawPendingProposals } from "../db/cases/proposals.ts";
import { isActive } from "../domain/case.ts";
import { summarize } from "../domain/contract.ts";
import { storedProposalKind, type Cost, type PlannedCase, type ProposalKind } from "../domain/proposal.ts";
import type { ServiceDeps } from "./deps.ts";

export interface MakeProposalInput {
  caseId: number;
  actorId: string;
  kind: ProposalKind;
  reason: string;
  /** Titles of the parts of a split. */
  parts?: readonly string[];
}

export type MakeProposalResult =
  | { ok: true; proposalId: number; cost: Cost; duplicate: boolean }
  | { ok: false; reason: "unknown_case" | "closed" | "already_level_a" | "empty_reason" }
  | { ok: false; reason: "insufficient"; needed: number; available: number };

type CostOf = (current: PlannedCase) => Cost | "already_level_a";

export async function makeProposal(deps: ServiceDeps, input: MakeProposalInput, costOf: CostOf): Promise<MakeProposalResult> {
  const reason = input.reason.trim();
  if (!reason) return { ok: false, reason: "empty_reason" };
  const now = deps.clock.now();
  const kind = storedProposalKind(input.kind);
  const parts = input.parts ?? null;
  const result = await deps.db.transaction(async (tx): Promise<MakeProposalResult> => {
    // The same modal submitted twice races here. Writing the case row first makes the second submission wait for
    // the first to commit, so that it then finds the first's proposal below instead of adding its own.
    await touchCase(tx, input.caseId, now);
    const current = await caseToChange(tx, input.caseId);
    if (!current) return { ok: false, reason: "unknown_case" };
    if (!isActive(current.state)) return { ok: false, reason: "closed" };
    const cost = costOf({ level: current.level, incidents: current.incidents });
    if (cost === "already_level_a") return { ok: false, reason: cost };
    // Asking the customer to approve what their balance cannot cover would only disappoint them (R-INC-6).
    const available = summarize(await contractsOf(tx, current.customerId), deps.calendar.localDate(now)).available;
    if (available < cost.extra) return { ok: false, reason: "insufficient", needed: cost.extra, available };
    const pending = await pendingProposalsOf(tx, current.id);
    // The same modal submitted twice asks the customer once.
    const same = pending.find((p) => p.kind === kind.kind && p.levelReason === kind.levelReason && p.reason === reason && sameParts(p.parts, parts) && p.incidents === cost.after);
    if (same) return { ok: true, proposalId: same.id, cost, duplicate: true };
    if (pending.length > 0) {
      await withdrawPendingProposals(tx, current.id, { actorId: input.actorId, at: now });
    }
    const proposalId = await recordProposal(tx, { caseId: current.id, ...kind, incidents: cost.after, reason, parts, proposedBy: input.actorId, at: now });
    await recordCaseEvent(tx, {
      caseId: current.id, kind: "proposal_made", actorId: input.actorId, at: now,
      data: { proposalId, kind: kind.kind, levelReason: kind.levelReason, before: cost.before, after: cost.after, reason, withdrawn: pending.map((p) => p.id) },
    });
    await enqueue(tx, current.channelId, { kind: "proposal.request", caseId: current.id, proposalId }, { at: now, caseId: current.id });
    return { ok: true, proposalId, cost, duplicate: false };
  });
  if (result.ok && !result.duplicate) deps.onOutbox?.();
  return result;
}

/** Whether a stored proposal names the same parts, in the same order (none, for a level A proposal). */
function sameParts(stored: unknown, parts: readonly string[] | null): boolean {
  if (parts === null) return stored === null;
  return Array.isArray(stored) && stored.length === parts.length && stored.every((t, i) => t === parts[i]);
}
