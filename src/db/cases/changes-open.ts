// Cases coming into being: one opened from a submission, created with its parts and its first event in one insert,
// and the new parts of a split. Their own file because a new case sets most of its columns, and nothing else
// creates one.
import type { JsonFields, Tx } from "../client.ts";
import { newCaseParts, type Part } from "./reservations.ts";
import type { CaseLevel, CaseState } from "../../domain/case.ts";
import type { LevelReason } from "../../domain/proposal.ts";

export interface OpenedCase {
  customerId: number;
  /** The contract the case is opened under: the first one its incidents were drawn from. */
  contractId: number;
  channelId: string;
  requestKey: string;
  title: string;
  description: string;
  product: string | null;
  level: CaseLevel;
  levelReason: LevelReason | null;
  incidents: number;
  openedBy: string;
  sourceTs: string | null;
  previousCaseId: number | null;
  at: Date;
  firstResponseRemindAt: Date | null;
  firstResponseDueAt: Date | null;
  delayNoticeAt: Date;
  /** Where its incidents were held, and what its "opened" event records. */
  parts: readonly Part[];
  eventData: JsonFields;
}

/** Creates an opened case; a second case with the same request key fails with a unique violation. */
export function insertOpenedCase(tx: Tx, c: OpenedCase): Promise<{ id: number; openedBy: string }> {
  return tx.case.create({
    data: {
      customerId: c.customerId, contractId: c.contractId, channelId: c.channelId,
      requestKey: c.requestKey, title: c.title, description: c.description,
      product: c.product, level: c.level, levelReason: c.levelReason,
      incidents: c.incidents, state: "open", openedBy: c.openedBy, sourceTs: c.sourceTs,
      previousCaseId: c.previousCaseId, createdAt: c.at,
      // The opening question is the first unanswered one (R-LIFE-5 queue order).
      // lastCustomerMessageAt stays empty: it compares Slack message times with each other, and the
      // opening is stamped by our clock, which may run slightly ahead of Slack's.
      oldestUnansweredAt: c.at,
      firstResponseRemindAt: c.firstResponseRemindAt, firstResponseDueAt: c.firstResponseDueAt,
      delayNoticeAt: c.delayNoticeAt,
      reservations: { create: newCaseParts(c.parts) },
      events: { create: { kind: "opened", actorId: c.openedBy, createdAt: c.at, data: c.eventData } },
    },
    select: { id: true, openedBy: true },
  });
}

export interface SplitPart {
  customerId: number;
  contractId: number;
  channelId: string;
  requestKey: string;
  title: string;
  description: string;
  product: string | null;
  level: CaseLevel;
  incidents: number;
  state: CaseState;
  openedBy: string;
  assigneeId: string | null;
  parentCaseId: number;
  at: Date;
  lastCustomerMessageAt: Date | null;
  oldestUnansweredAt: Date;
  firstResponseAt: Date | null;
  firstResponseRemindAt: Date | null;
  firstResponseDueAt: Date | null;
  delayNoticeAt: Date | null;
}

/** Creates one new part of a split case; its reservation and event are written after it. */
export function insertSplitPart(tx: Tx, p: SplitPart) {
  return tx.case.create({
    data: {
      customerId: p.customerId, contractId: p.contractId, channelId: p.channelId,
      requestKey: p.requestKey, title: p.title, description: p.description, product: p.product,
      level: p.level, incidents: p.incidents, state: p.state,
      openedBy: p.openedBy, assigneeId: p.assigneeId, parentCaseId: p.parentCaseId, createdAt: p.at,
      lastCustomerMessageAt: p.lastCustomerMessageAt, oldestUnansweredAt: p.oldestUnansweredAt,
      firstResponseAt: p.firstResponseAt, firstResponseRemindAt: p.firstResponseRemindAt, firstResponseDueAt: p.firstResponseDueAt,
      delayNoticeAt: p.delayNoticeAt,
    },
  });
}
