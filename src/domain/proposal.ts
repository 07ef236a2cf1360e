// Changing how many incidents a case will consume (R-INC-2/3/5). Raising the number — to level A, or by
// splitting the case — needs the customer's approval before it takes effect; lowering it does not. Pure.
import type { CaseLevel } from "./case.ts";
import { incidentsFor } from "./ledger.ts";

export type LevelReason = "reproduction" | "report";
export type ProposalState = "pending" | "approved" | "declined" | "withdrawn";

/** What a proposal asks for. Stored as Proposal.kind, with Proposal.levelReason for level A. */
export type ProposalKind = { kind: "level_a"; levelReason: LevelReason } | { kind: "split" };

/** A proposal's kind as its two columns. */
export interface StoredProposalKind { kind: ProposalKind["kind"]; levelReason: LevelReason | null }

export function storedProposalKind(kind: ProposalKind): StoredProposalKind {
  return kind.kind === "level_a" ? { kind: "level_a", levelReason: kind.levelReason } : { kind: "split", levelReason: null };
}

/** The kind the columns say; null for a level A proposal without its reason, which nothing writes. */
export function proposalKindOf(stored: StoredProposalKind): ProposalKind | null {
  if (stored.kind === "split") return { kind: "split" };
  return stored.levelReason ? { kind: "level_a", levelReason: stored.levelReason } : null;
}

export function isLevelReason(value: string | null | undefined): value is LevelReason {
  return value === "reproduction" || value === "report";
}

/** The case's incidents before and after, and how many more must be reserved. */
export interface Cost { before: number; after: number; extra: number }

export interface PlannedCase { level: CaseLevel; incidents: number }

export function levelACost(current: PlannedCase): Cost | "already_level_a" {
  if (current.level === "A") return "already_level_a";
  const after = incidentsFor("A");
  return { before: current.incidents, after, extra: after - current.incidents };
}

/** A case may be split into this many parts at most: more is a new conversation with the customer. */
export const MIN_SPLIT_PARTS = 2;
export const MAX_SPLIT_PARTS = 10;

export type SplitProblem = "too_few_parts" | "too_many_parts";

export function splitProblem(parts: number): SplitProblem | null {
  if (parts < MIN_SPLIT_PARTS) return "too_few_parts";
  if (parts > MAX_SPLIT_PARTS) return "too_many_parts";
  return null;
}

/** The original case stays part 1 with its own incidents; every other part is a new normal case of 1 incident. */
export function splitCost(current: PlannedCase, parts: number): Cost {
  const extra = (parts - 1) * incidentsFor("normal");
  return { before: current.incidents, after: current.incidents + extra, extra };
}

/** Lowering a level A case to normal: the difference is released at once, without approval (R-INC-5). */
export function lowerCost(current: PlannedCase): { before: number; after: number; release: number } | "not_level_a" {
  if (current.level !== "A") return "not_level_a";
  const after = incidentsFor("normal");
  return { before: current.incidents, after, release: current.incidents - after };
}
