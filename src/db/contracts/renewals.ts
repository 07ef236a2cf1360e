// Reads and writes of renewals and purchase requests: the audit trail of contract events, last year's usage as the
// renewal notice states it, the customer's answer to it, the contracts whose unanswered notice is due a reminder, and
// the requests themselves with their settlement.
import { addDays } from "../../domain/contract.ts";
import { lastYearUsage, type LastYearUsage } from "../../domain/forecast.ts";
import type { RenewalAnswer, RequestKind, RequestState } from "../../domain/renewal.ts";
import type { BusinessCalendar } from "../../domain/calendar.ts";
import { Prisma, type Database, type Db, type JsonFields, type Tx } from "../client.ts";
import { levelsOfCases } from "../cases/statements.ts";
import type { DueContract } from "./due.ts";

export type ContractEventKind = "renewal_answered" | "request_created" | "request_registered" | "request_declined";

export async function recordContractEvent(
  tx: Tx,
  e: { customerId: number; contractId?: number | null; requestId?: number | null; kind: ContractEventKind; actorId: string; at: Date; data?: JsonFields },
): Promise<void> {
  await tx.contractEvent.create({
    data: {
      customerId: e.customerId, contractId: e.contractId ?? null, requestId: e.requestId ?? null, kind: e.kind,
      actorId: e.actorId, data: e.data ?? Prisma.DbNull, createdAt: e.at,
    },
  });
}

/** A contract event as recorded, its data parsed (a row whose data cannot be read keeps an empty object). */
export interface ContractEventRow { id: number; kind: string; actorId: string; contractId: number | null; requestId: number | null; data: Record<string, unknown>; createdAt: Date }

/** A customer's contract events, newest first. */
export async function contractEventsOf(db: Tx, customerId: number, limit: number): Promise<ContractEventRow[]> {
  const rows = await db.contractEvent.findMany({
    where: { customerId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit,
    select: { id: true, kind: true, actorId: true, contractId: true, requestId: true, data: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, data: parseData(r.data) }));
}

function parseData(data: Prisma.JsonValue): Record<string, unknown> {
  return typeof data === "object" && data !== null && !Array.isArray(data) ? { ...data } : {};
}

/** Incidents consumed by a customer in the twelve months up to today, and how many level A cases among them. */
export async function usageOfLastYear(tx: Tx, calendar: Pick<BusinessCalendar, "localDate" | "startOfDay">, customerId: number, today: string): Promise<LastYearUsage> {
  const rows = await tx.ledgerEntry.findMany({
    where: { customerId, kind: "consume", createdAt: { gte: calendar.startOfDay(addDays(today, -366)) } },
    select: { kind: true, amount: true, createdAt: true, caseId: true },
  });
  const caseIds = [...new Set(rows.flatMap((r) => (r.caseId === null ? [] : [r.caseId])))];
  const levels = await levelsOfCases(tx, caseIds);
  return lastYearUsage(rows.map((r) => ({
    kind: r.kind, amount: r.amount, on: calendar.localDate(r.createdAt), caseId: r.caseId,
    level: r.caseId === null ? null : levels.get(r.caseId) ?? null,
  })), today);
}

/**
 * Contracts ending from `today` to `horizon` whose renewal notice went out, with no answer and no reminder yet,
 * earliest end first (the reminder index starts with its column, so reminded contracts drop out of the range).
 */
export function unremindedRenewals(db: Database, today: string, horizon: string, after: DueContract | null, limit: number): Promise<DueContract[]> {
  const cursor: Prisma.ContractWhereInput = after ? { OR: [{ endsOn: { gt: after.endsOn } }, { endsOn: after.endsOn, id: { gt: after.id } }] } : {};
  return db.client.contract.findMany({
    where: { renewalReminderAt: null, renewalNoticeAt: { not: null }, renewalAnswer: null, endsOn: { gte: today, lte: horizon }, ...cursor },
    orderBy: [{ endsOn: "asc" }, { id: "asc" }], take: limit, select: { id: true, endsOn: true },
  });
}

export const requestSelect = {
  id: true, customerId: true, channelId: true, kind: true, contractId: true, companyName: true, contactName: true, contactEmail: true,
  incidents: true, startsOn: true, note: true, requestedBy: true, state: true, decidedBy: true, decidedAt: true, declineReason: true,
  resultContractId: true, channelTs: true, triageTs: true, createdAt: true, customer: { select: { name: true } },
} as const;

export type RequestRow = Prisma.PurchaseRequestGetPayload<{ select: typeof requestSelect }>;

export function findRequest(db: Tx, id: number): Promise<RequestRow | null> {
  return db.purchaseRequest.findUnique({ where: { id }, select: requestSelect });
}

/** The ts of a request's message as posted on one side: the customer's channel or the triage channel. */
export async function recordRequestTs(db: Db | Tx, requestId: number, side: "customer" | "triage", ts: string): Promise<void> {
  await db.purchaseRequest.update({ where: { id: requestId }, data: side === "customer" ? { channelTs: ts } : { triageTs: ts } });
}

export function listRequests(db: Db | Tx, filter: { state?: RequestState; customerId?: number; limit?: number }): Promise<RequestRow[]> {
  return db.purchaseRequest.findMany({
    where: { ...(filter.state ? { state: filter.state } : {}), ...(filter.customerId ? { customerId: filter.customerId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: filter.limit ?? 100, select: requestSelect,
  });
}

/** A contract as the customer's answer to its renewal notice needs it. */
export interface RenewalToAnswer { id: number; customerId: number; endsOn: string; renewalAnswer: RenewalAnswer | null; customer: { name: string } }

export function renewalToAnswer(tx: Tx, contractId: number): Promise<RenewalToAnswer | null> {
  return tx.contract.findUnique({
    where: { id: contractId },
    select: { id: true, customerId: true, endsOn: true, renewalAnswer: true, customer: { select: { name: true } } },
  });
}

/**
 * Records the customer's answer on the condition that the answer read is still the one stored: of two clicks
 * racing, one writes and the other changes nothing. Returns whether this one wrote.
 */
export async function recordRenewalAnswer(
  tx: Tx, contractId: number, answer: { previous: RenewalAnswer | null; answer: RenewalAnswer; actorId: string; at: Date },
): Promise<boolean> {
  const { count } = await tx.contract.updateMany({
    where: { id: contractId, renewalAnswer: answer.previous },
    data: { renewalAnswer: answer.answer, renewalAnsweredBy: answer.actorId, renewalAnsweredAt: answer.at },
  });
  return count > 0;
}

/** The request a modal submission made, found again by its idempotency key. */
export async function requestIdOfSubmission(db: Db | Tx, requestKey: string): Promise<number | null> {
  const found = await db.purchaseRequest.findUnique({ where: { requestKey }, select: { id: true } });
  return found?.id ?? null;
}

export interface NewPurchaseRequest {
  requestKey: string;
  customerId: number;
  channelId: string;
  kind: RequestKind;
  contractId: number | null;
  companyName: string;
  contactName: string;
  contactEmail: string;
  incidents: number;
  startsOn: string | null;
  note: string | null;
  requestedBy: string;
  at: Date;
}

/** Records a pending request; a second one with the same key fails with a unique violation. Returns its id. */
export async function recordPurchaseRequest(tx: Tx, r: NewPurchaseRequest): Promise<number> {
  const { at, ...data } = r;
  const created = await tx.purchaseRequest.create({ data: { ...data, createdAt: at }, select: { id: true } });
  return created.id;
}

/** A request as settling it needs it. */
export interface RequestToSettle { id: number; customerId: number; channelId: string; kind: string; contractId: number | null }

export function requestToSettle(tx: Tx, requestId: number): Promise<RequestToSettle | null> {
  return tx.purchaseRequest.findUnique({
    where: { id: requestId }, select: { id: true, customerId: true, channelId: true, kind: true, contractId: true },
  });
}

/** The request becomes registered as this contract, unless it already is. Returns whether this call registered it. */
export async function markRequestRegistered(tx: Tx, requestId: number, r: { contractId: number; actorId: string; at: Date }): Promise<boolean> {
  const { count } = await tx.purchaseRequest.updateMany({
    where: { id: requestId, state: { not: "registered" } },
    data: { state: "registered", decidedBy: r.actorId, decidedAt: r.at, resultContractId: r.contractId, declineReason: null },
  });
  return count > 0;
}

/** A pending request is declined with the reason the customer is told. Returns whether this call declined it. */
export async function markRequestDeclined(tx: Tx, requestId: number, d: { reason: string; actorId: string; at: Date }): Promise<boolean> {
  const { count } = await tx.purchaseRequest.updateMany({
    where: { id: requestId, state: "pending" },
    data: { state: "declined", decidedBy: d.actorId, decidedAt: d.at, declineReason: d.reason },
  });
  return count > 0;
}
