// The Contract rows themselves: finding a contract for a use case, creating one, and claiming one of its notices.
// The counters and the ledger entries that move them stay together in ../contracts.ts.
import type { Db, Tx } from "../client.ts";

/** The contract's columns that record when one of its notices was handled (R-CON-4). */
export type NoticeColumn = "renewalNoticeAt" | "endNoticeAt" | "exhaustedNoticeAt" | "renewalReminderAt";

/** A contract with its customer's name; null for no such contract. */
export function contractWithCustomerName(db: Db | Tx, contractId: number) {
  return db.contract.findUnique({ where: { id: contractId }, include: { customer: { select: { name: true } } } });
}

/** A contract as it is now, read again after a change in the same transaction. */
export function contractNow(tx: Tx, contractId: number) {
  return tx.contract.findUniqueOrThrow({ where: { id: contractId } });
}

/** A contract with its customer and the customer's channels in the order they were registered, for its notices. */
export function contractWithChannels(db: Db | Tx, contractId: number) {
  return db.contract.findUnique({
    where: { id: contractId },
    include: { customer: { include: { channels: { select: { channelId: true }, orderBy: { id: "asc" } } } } },
  });
}

/**
 * Marks a notice of the contract handled, on the condition that it was not yet: of two replicas claiming it, only
 * one update matches. True when this one did.
 */
export async function claimContractNotice(tx: Tx, contractId: number, column: NoticeColumn, at: Date): Promise<boolean> {
  const claim = await tx.contract.updateMany({
    where: { id: contractId, [column]: null },
    data: { [column]: at },
  });
  return claim.count > 0;
}

/** The contract's id when it is this customer's; null otherwise. */
export async function contractIdOfCustomer(tx: Tx, contractId: number, customerId: number): Promise<number | null> {
  return (await tx.contract.findFirst({ where: { id: contractId, customerId }, select: { id: true } }))?.id ?? null;
}

/** The ids of the customer's contracts whose validity overlaps a period. */
export function overlappingContracts(tx: Tx, customerId: number, period: { startsOn: string; endsOn: string }) {
  return tx.contract.findMany({
    where: { customerId, startsOn: { lte: period.endsOn }, endsOn: { gte: period.startsOn } },
    select: { id: true }, orderBy: { id: "asc" },
  });
}

export interface NewContract {
  customerId: number;
  kind: "initial" | "renewal";
  startsOn: string;
  endsOn: string;
  createdBy: string;
  at: Date;
  note: string | null;
}

/** A new contract with no incidents yet: its purchase is credited next, as its first ledger entry. */
export function createContract(tx: Tx, c: NewContract) {
  return tx.contract.create({
    data: {
      customerId: c.customerId, kind: c.kind,
      startsOn: c.startsOn, endsOn: c.endsOn, createdBy: c.createdBy, createdAt: c.at, note: c.note,
    },
  });
}

/** Every contract, one customer's, or one, with its customer's name: by customer, then by end. */
export function contractList(db: Db | Tx, filter: { customerId?: number; contractId?: number }) {
  return db.contract.findMany({
    where: { ...(filter.customerId ? { customerId: filter.customerId } : {}), ...(filter.contractId ? { id: filter.contractId } : {}) },
    include: { customer: { select: { name: true } } },
    orderBy: [{ customerId: "asc" }, { endsOn: "asc" }, { id: "asc" }],
  });
}

/** The counters, validity and renewal answer of every contract (or one customer's), for the balance overview. */
export function contractBalances(db: Db | Tx, filter: { customerId?: number } = {}) {
  return db.contract.findMany({
    where: filter.customerId ? { customerId: filter.customerId } : {},
    select: { id: true, customerId: true, startsOn: true, endsOn: true, purchased: true, available: true, reserved: true, consumed: true, renewalNoticeAt: true, renewalAnswer: true },
  });
}

/** Every contract's validity, to label ledger entries with it. */
export function contractPeriods(db: Db | Tx) {
  return db.contract.findMany({ select: { id: true, startsOn: true, endsOn: true } });
}

/** A page of contracts in id order after `afterId`, for the full export. */
export function contractsAfter(db: Db | Tx, afterId: number, take: number) {
  return db.contract.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take });
}
