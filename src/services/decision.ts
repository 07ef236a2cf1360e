// What applying an approved proposal works with, inside decide-proposal's transaction. A refusal found while
// applying is thrown as DecisionRefused so the whole transaction, the approval included, rolls back.
import type { Tx } from "../db/client.ts";
import type { CaseLevel, CaseState } from "../domain/case.ts";
import type { ServiceDeps } from "./deps.ts";

/** The columns of a case that applying a proposal reads. */
export interface DecidedCase {
  id: number;
  customerId: number;
  contractId: number;
  channelId: string;
  title: string;
  description: string;
  product: string | null;
  level: CaseLevel;
  incidents: number;
  state: CaseState;
  openedBy: string;
  assigneeId: string | null;
  triageTs: string | null;
  lastCustomerMessageAt: Date | null;
  oldestUnansweredAt: Date | null;
  firstResponseAt: Date | null;
  firstResponseRemindAt: Date | null;
  firstResponseDueAt: Date | null;
  delayNoticeAt: Date | null;
}

export interface DecidedProposal { id: number; reason: string; parts: unknown }

export interface DecisionContext {
  tx: Tx;
  deps: ServiceDeps;
  now: Date;
  today: string;
  /** The customer who approved. */
  actorId: string;
  proposal: DecidedProposal;
  current: DecidedCase;
}

export interface Applied { before: number; after: number; newCaseIds: number[] }

export type DecisionRefusal =
  | { ok: false; reason: "unknown_proposal" | "decided" | "withdrawn" | "closed" | "not_applicable" }
  | { ok: false; reason: "insufficient"; needed: number; available: number };

export class DecisionRefused extends Error {
  constructor(readonly refusal: DecisionRefusal) {
    super(`proposal refused: ${refusal.reason}`);
  }
}
