// Cases coming into being: one opened from a submission, created with its parts and its first event in one insert,
// and the new parts of a split. Their own file because a new case sets most of its columns, and nothing else
// creates one.
import { Prisma, type JsonFields, type Tx } from "../client.ts";
import { recordCaseEvent } from "./changes.ts";
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

/**
 * Creates an opened case with its parts and its "opened" event; a second case with the same request key fails with
 * a unique violation. Raw SQL, on the path of every case opened: the ORM's nested create cost several times its
 * three statements' own CPU.
 */
export async function insertOpenedCase(tx: Tx, c: OpenedCase): Promise<{ id: number; openedBy: string }> {
  // The opening question is the first unanswered one (R-LIFE-5 queue order). lastCustomerMessageAt stays empty: it
  // compares Slack message times with each other, and the opening is stamped by our clock, which may run slightly
  // ahead of Slack's.
  const [row] = await tx.$queryRaw<Array<{ id: number | bigint }>>`INSERT INTO "Case" ("customerId", "contractId", "channelId",
      "requestKey", "title", "description", "product", "level", "levelReason", "incidents", "state", "openedBy", "sourceTs",
      "previousCaseId", "createdAt", "updatedAt", "oldestUnansweredAt", "firstResponseRemindAt", "firstResponseDueAt", "delayNoticeAt")
    VALUES (${c.customerId}, ${c.contractId}, ${c.channelId}, ${c.requestKey}, ${c.title}, ${c.description}, ${c.product},
      ${c.level}, ${c.levelReason}, CAST(${c.incidents} AS INTEGER), 'open', ${c.openedBy}, ${c.sourceTs}, ${c.previousCaseId},
      ${c.at}, ${c.at}, ${c.at}, ${c.firstResponseRemindAt}, ${c.firstResponseDueAt}, ${c.delayNoticeAt})
    RETURNING "id"`;
  if (!row) throw new Error("the case was not written");
  const id = Number(row.id);
  const parts = newCaseParts(c.parts).map((p) => Prisma.sql`(${id}, ${p.contractId}, CAST(${p.incidents} AS INTEGER))`);
  if (parts.length) await tx.$executeRaw`INSERT INTO "CaseReservation" ("caseId", "contractId", "incidents") VALUES ${Prisma.join(parts)}`;
  await recordCaseEvent(tx, { caseId: id, kind: "opened", actorId: c.openedBy, at: c.at, data: c.eventData });
  return { id, openedBy: c.openedBy };
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
