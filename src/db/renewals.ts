// Reads and writes of renewals and purchase requests: the audit trail of contract events, last year's usage as the
// renewal notice states it, the contracts whose unanswered notice is due a reminder, and the requests themselves.
import { addDays } from "../domain/contract.ts";
import { lastYearUsage, type LastYearUsage } from "../domain/forecast.ts";
import type { BusinessCalendar } from "../domain/calendar.ts";
import type { Database, Prisma, Tx } from "./client.ts";
import type { DueContract } from "./due.ts";

export type ContractEventKind = "renewal_answered" | "request_created" | "request_registered" | "request_declined";

export async function recordContractEvent(
  tx: Tx,
  e: { customerId: number; contractId?: number | null; requestId?: number | null; kind: ContractEventKind; actorId: string; at: Date; data?: Record<string, unknown> },
): Promise<void> {
  await tx.contractEvent.create({
    data: {
      customerId: e.customerId, contractId: e.contractId ?? null, requestId: e.requestId ?? null, kind: e.kind,
      actorId: e.actorId, data: e.data ? JSON.stringify(e.data) : null, createdAt: e.at,
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

function parseData(raw: string | null): Record<string, unknown> {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Incidents consumed by a customer in the twelve months up to today, and how many level A cases among them. */
export async function usageOfLastYear(tx: Tx, calendar: Pick<BusinessCalendar, "localDate" | "startOfDay">, customerId: number, today: string): Promise<LastYearUsage> {
  const rows = await tx.ledgerEntry.findMany({
    where: { customerId, kind: "consume", createdAt: { gte: calendar.startOfDay(addDays(today, -366)) } },
    select: { kind: true, amount: true, createdAt: true, caseId: true },
  });
  const caseIds = [...new Set(rows.flatMap((r) => (r.caseId === null ? [] : [r.caseId])))];
  const levels = new Map<number, string>();
  // In slices: a database takes only so many values in one IN list.
  for (let i = 0; i < caseIds.length; i += 500) {
    for (const c of await tx.case.findMany({ where: { id: { in: caseIds.slice(i, i + 500) } }, select: { id: true, level: true } })) levels.set(c.id, c.level);
  }
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

export function listRequests(db: Tx, filter: { state?: string; customerId?: number; limit?: number }): Promise<RequestRow[]> {
  return db.purchaseRequest.findMany({
    where: { ...(filter.state ? { state: filter.state } : {}), ...(filter.customerId ? { customerId: filter.customerId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: filter.limit ?? 100, select: requestSelect,
  });
}
