// Reads and writes of proposals to raise a case's incidents: the pending ones a new proposal withdraws or repeats,
// the claim of the customer's answer, and what a proposal message shows.
import type { LevelReason, ProposalKind, ProposalState } from "../../domain/proposal.ts";
import { Prisma, type Db, type Tx } from "../client.ts";

/** A proposal still waiting for the customer's answer, as a new proposal compares itself with it. */
export interface PendingProposal { id: number; kind: ProposalKind["kind"]; levelReason: LevelReason | null; reason: string; parts: Prisma.JsonValue; incidents: number }

export function pendingProposalsOf(tx: Tx, caseId: number): Promise<PendingProposal[]> {
  return tx.proposal.findMany({
    where: { caseId, state: "pending" },
    select: { id: true, kind: true, levelReason: true, reason: true, parts: true, incidents: true },
  });
}

/** Every proposal of the case still waiting is withdrawn, as decided by this person at this time. */
export async function withdrawPendingProposals(tx: Tx, caseId: number, by: { actorId: string; at: Date }): Promise<void> {
  await tx.proposal.updateMany({ where: { caseId, state: "pending" }, data: { state: "withdrawn", decidedBy: by.actorId, decidedAt: by.at } });
}

export interface NewProposal {
  caseId: number;
  kind: ProposalKind["kind"];
  levelReason: LevelReason | null;
  incidents: number;
  reason: string;
  /** For a split: the titles of the new parts. */
  parts: readonly string[] | null;
  proposedBy: string;
  at: Date;
}

/** Records a proposal waiting for the customer's answer; returns its id. */
export async function recordProposal(tx: Tx, p: NewProposal): Promise<number> {
  const created = await tx.proposal.create({
    data: { caseId: p.caseId, kind: p.kind, levelReason: p.levelReason, incidents: p.incidents, reason: p.reason, parts: p.parts ? [...p.parts] : Prisma.DbNull, proposedBy: p.proposedBy, createdAt: p.at },
    select: { id: true },
  });
  return created.id;
}

/** A proposal as the customer's answer to it needs it. */
export interface ProposalToDecide { id: number; caseId: number; kind: ProposalKind["kind"]; levelReason: LevelReason | null; state: ProposalState; reason: string; parts: Prisma.JsonValue; proposedBy: string }

export function proposalToDecide(tx: Tx, proposalId: number): Promise<ProposalToDecide | null> {
  return tx.proposal.findUnique({
    where: { id: proposalId },
    select: { id: true, caseId: true, kind: true, levelReason: true, state: true, reason: true, parts: true, proposedBy: true },
  });
}

/**
 * Claims the answer: the proposal is decided only if it is still pending, so of two answers racing exactly one
 * counts. Returns whether this one did.
 */
export async function markProposalDecided(
  tx: Tx, proposalId: number, decision: { state: "approved" | "declined"; actorId: string; at: Date },
): Promise<boolean> {
  const { count } = await tx.proposal.updateMany({
    where: { id: proposalId, state: "pending" },
    data: { state: decision.state, decidedBy: decision.actorId, decidedAt: decision.at },
  });
  return count > 0;
}

/** A proposal with the case columns its message shows. */
export interface ProposalWithCase {
  id: number;
  caseId: number;
  kind: ProposalKind["kind"];
  levelReason: LevelReason | null;
  incidents: number;
  reason: string;
  parts: Prisma.JsonValue;
  state: ProposalState;
  proposedBy: string;
  decidedBy: string | null;
  case: { channelId: string; rootTs: string | null; customerId: number };
}

export function proposalWithCase(client: Db | Tx, proposalId: number): Promise<ProposalWithCase | null> {
  return client.proposal.findUnique({
    where: { id: proposalId },
    select: {
      id: true, caseId: true, kind: true, levelReason: true, incidents: true, reason: true, parts: true, state: true, proposedBy: true, decidedBy: true,
      case: { select: { channelId: true, rootTs: true, customerId: true } },
    },
  });
}

/** Which of these cases have a proposal awaiting the customer's answer. */
export async function casesAwaitingApproval(client: Db | Tx, caseIds: readonly number[]): Promise<Set<number>> {
  if (caseIds.length === 0) return new Set();
  const pending = await client.proposal.findMany({ where: { caseId: { in: [...caseIds] }, state: "pending" }, select: { caseId: true } });
  return new Set(pending.map((p) => p.caseId));
}
